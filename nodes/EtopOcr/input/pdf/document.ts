// The object layer of a PDF: the cross-reference table (classic, stream or hybrid, following
// /Prev), compressed object streams, and a rebuild of the table by scanning the file when it is
// missing or wrong (files edited by mail tools or cut at a wrong offset are common).

import { settle } from '../../shared/settle';
import { decodeFilters, type FilterStep } from './filters';
import {
	isDict,
	isStream,
	lastIndexOf,
	latin1,
	nameOf,
	Parser,
	PdfKeyword,
	PdfRef,
	PdfSyntaxError,
	type PdfDict,
	type PdfStream,
	type PdfValue,
} from './syntax';

export { PdfDecodeError } from './filters';

// An object in an object stream is found by its number in the stream's header, not by its index.
type XrefEntry = { type: 1; offset: number } | { type: 2; stream: number };

/** Object streams and content streams are small; an image inflated here is bounded by its caller. */
const SMALL_STREAM_LIMIT = 64 * 1024 * 1024;

export class PdfDocument {
	readonly trailer: PdfDict;

	/** True when the cross-reference table had to be rebuilt by scanning the file. */
	repaired = false;

	private xref = new Map<number, XrefEntry>();

	private readonly cache = new Map<number, PdfValue>();

	private readonly objectStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> }>();

	private readonly loading = new Set<number>();

	constructor(readonly bytes: Uint8Array) {
		const chain = settle(() => this.readXrefChain());
		if (!chain.ok && !(chain.error instanceof PdfSyntaxError)) throw chain.error;
		let trailer = chain.ok ? chain.value : undefined;
		if (!trailer || !trailer.has('Root') || !this.headerMatches(trailer)) trailer = this.rebuild();
		this.trailer = trailer;
	}

	/** The value, with a reference followed (to null when the object does not exist). */
	resolve(value: PdfValue | undefined): PdfValue | undefined {
		for (let depth = 0; value instanceof PdfRef && depth < 32; depth++) value = this.object(value.number);
		return value instanceof PdfRef ? undefined : value;
	}

	get(dict: PdfDict | undefined, key: string): PdfValue | undefined {
		return dict ? this.resolve(dict.get(key)) : undefined;
	}

	dict(dict: PdfDict | undefined, key: string): PdfDict | undefined {
		const value = this.get(dict, key);
		return isDict(value) ? value : isStream(value) ? value.dict : undefined;
	}

	/** The stream's filters, in order, as names. */
	filters(stream: PdfStream): string[] {
		const filter = this.get(stream.dict, 'Filter');
		const list = Array.isArray(filter) ? filter.map((item) => this.resolve(item)) : filter === undefined ? [] : [filter];
		return list.map((item) => nameOf(item as PdfValue) ?? '?');
	}

	/** The stream's filters with their parameters, as plain data (see filters.ts). */
	filterSteps(stream: PdfStream): FilterStep[] {
		const parmsValue = this.get(stream.dict, 'DecodeParms') ?? this.get(stream.dict, 'DP');
		const parmsList = Array.isArray(parmsValue) ? parmsValue.map((item) => this.resolve(item)) : [parmsValue];
		return this.filters(stream).map((name, index) => {
			const parms = parmsList[index];
			if (!isDict(parms)) return { name };
			const number = (key: string, fallback: number) => {
				const value = this.get(parms, key);
				return typeof value === 'number' ? value : fallback;
			};
			return {
				name,
				predictor: { predictor: number('Predictor', 1), colors: number('Colors', 1), bitsPerComponent: number('BitsPerComponent', 8), columns: number('Columns', 1) },
				earlyChange: number('EarlyChange', 1),
			};
		});
	}

	/**
	 * Decodes the stream's leading filters, stopping before the first filter in `keep` (e.g.
	 * DCTDecode, whose data is the JPEG file itself). Returns the data and the filters left.
	 */
	decode(stream: PdfStream, keep: readonly string[] = [], limit = SMALL_STREAM_LIMIT): { data: Uint8Array; rest: string[] } {
		const { data, rest } = decodeFilters(stream.data, this.filterSteps(stream), keep, limit);
		return { data, rest: rest.map((step) => step.name) };
	}

	private object(number: number): PdfValue {
		if (this.cache.has(number)) return this.cache.get(number)!;
		if (this.loading.has(number)) throw new PdfSyntaxError(`object ${number} refers to itself`);
		this.loading.add(number);
		try {
			let value = this.load(number);
			if (value === undefined && !this.repaired) {
				this.rebuild();
				value = this.load(number);
			}
			const result = value ?? null;
			this.cache.set(number, result);
			return result;
		} finally {
			this.loading.delete(number);
		}
	}

	/** The object as its entry says; undefined when the entry is missing or points elsewhere. */
	private load(number: number): PdfValue | undefined {
		const entry = this.xref.get(number);
		if (!entry) return undefined;
		if (entry.type === 2) return this.fromObjectStream(entry.stream, number);
		const parser = this.parserAt(entry.offset);
		const read = settle(() => {
			const header = [parser.next(), parser.next(), parser.next()];
			if (header[0] !== number || typeof header[1] !== 'number' || !(header[2] instanceof PdfKeyword) || header[2].word !== 'obj') return undefined;
			return parser.value();
		});
		if (read.ok) return read.value;
		// Before a rebuild, an entry that points at something unreadable is one the table got wrong.
		if (read.error instanceof PdfSyntaxError && !this.repaired) return undefined;
		throw read.error;
	}

	private parserAt(offset: number): Parser {
		return new Parser(this.bytes, offset, (value) => {
			const length = this.resolve(value);
			return typeof length === 'number' ? length : undefined;
		});
	}

	private fromObjectStream(streamNumber: number, number: number): PdfValue | undefined {
		let objects = this.objectStreams.get(streamNumber);
		if (!objects) {
			const stream = this.object(streamNumber);
			if (!isStream(stream)) return undefined;
			const { data } = this.decode(stream);
			const count = this.get(stream.dict, 'N');
			const first = this.get(stream.dict, 'First');
			if (typeof count !== 'number' || typeof first !== 'number') throw new PdfSyntaxError(`object stream ${streamNumber} has no /N or /First`);
			const header = new Parser(data.subarray(0, first));
			const offsets = new Map<number, number>();
			for (let item = 0; item < count && !header.atEnd(); item++) {
				const objectNumber = header.value();
				const offset = header.value();
				if (typeof objectNumber === 'number' && typeof offset === 'number') offsets.set(objectNumber, first + offset);
			}
			objects = { data, offsets };
			this.objectStreams.set(streamNumber, objects);
		}
		const offset = objects.offsets.get(number);
		return offset === undefined ? undefined : new Parser(objects.data, offset).value();
	}

	/** Reads the newest cross-reference section and every older one it points to. */
	private readXrefChain(): PdfDict | undefined {
		const startxref = lastIndexOf(this.bytes, 'startxref');
		if (startxref < 0) return undefined;
		const parser = new Parser(this.bytes, startxref + 9);
		let offset: PdfValue | undefined = parser.value();
		let trailer: PdfDict | undefined;
		const seen = new Set<number>();
		while (typeof offset === 'number' && !seen.has(offset) && offset >= 0 && offset < this.bytes.length) {
			seen.add(offset);
			const section = this.readXrefSection(offset);
			trailer ??= section;
			const hybrid = section.get('XRefStm');
			if (typeof hybrid === 'number' && !seen.has(hybrid)) {
				seen.add(hybrid);
				this.readXrefSection(hybrid);
			}
			offset = section.get('Prev');
		}
		return trailer;
	}

	/** One section; entries already known (from a newer section) are kept. Returns its trailer. */
	private readXrefSection(offset: number): PdfDict {
		const parser = this.parserAt(offset);
		const first = parser.next();
		if (first instanceof PdfKeyword && first.word === 'xref') return this.readXrefTable(parser);
		parser.position = offset;
		const [, , keyword] = [parser.next(), parser.next(), parser.next()];
		if (!(keyword instanceof PdfKeyword) || keyword.word !== 'obj') throw new PdfSyntaxError('startxref points at neither a table nor a stream');
		const stream = parser.value();
		if (!isStream(stream) || nameOf(stream.dict.get('Type')) !== 'XRef') throw new PdfSyntaxError('startxref points at an object that is not a cross-reference stream');
		this.readXrefStream(stream);
		return stream.dict;
	}

	private readXrefTable(parser: Parser): PdfDict {
		for (;;) {
			const token = parser.next();
			if (token instanceof PdfKeyword && token.word === 'trailer') {
				const trailer = parser.value();
				if (!isDict(trailer)) throw new PdfSyntaxError('the trailer is not a dictionary');
				return trailer;
			}
			const count = parser.value();
			if (typeof token !== 'number' || typeof count !== 'number') throw new PdfSyntaxError('a bad cross-reference subsection');
			for (let index = 0; index < count; index++) {
				const position = parser.value();
				parser.value();
				const kind = parser.next();
				if (typeof position !== 'number' || !(kind instanceof PdfKeyword)) throw new PdfSyntaxError('a bad cross-reference entry');
				const number = token + index;
				if (kind.word === 'n' && !this.xref.has(number)) this.xref.set(number, { type: 1, offset: position });
			}
		}
	}

	private readXrefStream(stream: PdfStream) {
		const { data } = this.decode(stream);
		const widths = stream.dict.get('W');
		if (!Array.isArray(widths) || widths.length < 3 || widths.some((width) => typeof width !== 'number')) throw new PdfSyntaxError('a cross-reference stream without /W');
		const [typeWidth, fieldWidth, thirdWidth] = widths as number[];
		const size = stream.dict.get('Size');
		const indexValue = stream.dict.get('Index');
		const ranges = Array.isArray(indexValue) ? (indexValue as number[]) : [0, typeof size === 'number' ? size : 0];
		const rowWidth = typeWidth + fieldWidth + thirdWidth;
		const field = (at: number, width: number) => {
			let value = 0;
			for (let index = 0; index < width; index++) value = value * 256 + data[at + index];
			return value;
		};
		let row = 0;
		for (let range = 0; range + 1 < ranges.length; range += 2) {
			for (let index = 0; index < ranges[range + 1]; index++, row++) {
				const at = row * rowWidth;
				if (at + rowWidth > data.length) return;
				const type = typeWidth === 0 ? 1 : field(at, typeWidth);
				const number = ranges[range] + index;
				if (this.xref.has(number)) continue;
				if (type === 1) this.xref.set(number, { type: 1, offset: field(at + typeWidth, fieldWidth) });
				else if (type === 2) this.xref.set(number, { type: 2, stream: field(at + typeWidth, fieldWidth) });
			}
		}
	}

	/** Whether the table's /Root entry points at a real object (a table with shifted offsets does not). */
	private headerMatches(trailer: PdfDict): boolean {
		const root = trailer.get('Root');
		if (!(root instanceof PdfRef)) return false;
		const entry = this.xref.get(root.number);
		if (!entry) return false;
		if (entry.type === 2) return true;
		try {
			return this.load(root.number) !== undefined;
		} catch {
			return false;
		}
	}

	/**
	 * Rebuilds the table from every `N G obj` in the file (the last definition of a number wins,
	 * as an incremental update would), then the objects inside object streams, then finds the
	 * trailer: the last `trailer` dictionary, a cross-reference stream's, or the catalog.
	 */
	private rebuild(): PdfDict {
		this.repaired = true;
		this.xref = new Map();
		this.cache.clear();
		const text = latin1(this.bytes, 0, this.bytes.length);
		const header = /(?:^|[\s>\]])(\d{1,10})[ \t\r\n\f\0]+(\d{1,5})[ \t\r\n\f\0]+obj\b/g;
		const offsets = new Map<number, number>();
		for (let match = header.exec(text); match; match = header.exec(text)) {
			offsets.set(Number(match[1]), match.index + match[0].indexOf(match[1]));
		}
		for (const [number, offset] of offsets) this.xref.set(number, { type: 1, offset });
		let trailer: PdfDict | undefined;
		for (const number of offsets.keys()) {
			const value = this.tryLoad(number);
			if (!isStream(value)) continue;
			const type = nameOf(value.dict.get('Type'));
			if (type === 'XRef' && value.dict.has('Root')) trailer = value.dict;
			if (type === 'ObjStm') this.registerObjectStream(number, value);
		}
		const trailerAt = lastIndexOf(this.bytes, 'trailer');
		if (trailerAt >= 0) {
			try {
				const value = new Parser(this.bytes, trailerAt + 7).value();
				if (isDict(value) && value.has('Root')) trailer = value;
			} catch {
				// A cut trailer: the catalog is searched for below.
			}
		}
		if (!trailer) {
			for (const number of this.xref.keys()) {
				const value = this.tryLoad(number);
				if (isDict(value) && nameOf(value.get('Type')) === 'Catalog') {
					trailer = new Map([['Root', new PdfRef(number, 0)]]);
					break;
				}
			}
		}
		if (!trailer) throw new PdfSyntaxError('no document catalog was found');
		return trailer;
	}

	private tryLoad(number: number): PdfValue | undefined {
		try {
			return this.object(number);
		} catch {
			return undefined;
		}
	}

	private registerObjectStream(streamNumber: number, stream: PdfStream) {
		try {
			const { data } = this.decode(stream);
			const count = stream.dict.get('N');
			const first = stream.dict.get('First');
			if (typeof count !== 'number' || typeof first !== 'number') return;
			const header = new Parser(data.subarray(0, first));
			for (let index = 0; index < count && !header.atEnd(); index++) {
				const number = header.value();
				header.value();
				if (typeof number === 'number' && !this.xref.has(number)) this.xref.set(number, { type: 2, stream: streamNumber });
			}
		} catch {
			// An unreadable object stream: its objects stay missing.
		}
	}
}
