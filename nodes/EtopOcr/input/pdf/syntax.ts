// PDF object syntax (ISO 32000-1, 7.2–7.3): the values a reader needs to find page images.
// Strings are kept as bytes and never interpreted; the node needs names, numbers and structure.

export class PdfName {
	constructor(readonly name: string) {}
}

export class PdfRef {
	constructor(
		readonly number: number,
		readonly generation: number,
	) {}
}

export class PdfString {
	constructor(readonly bytes: Uint8Array) {}
}

/** An operator in a content stream (`Do`, `BT`…) or a keyword such as `obj` or `R`. */
export class PdfKeyword {
	constructor(readonly word: string) {}
}

export type PdfDict = Map<string, PdfValue>;

export interface PdfStream {
	dict: PdfDict;
	/** The encoded data, as stored in the file (a view, not a copy). */
	data: Uint8Array;
}

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfDict | PdfValue[] | PdfStream;

export class PdfSyntaxError extends Error {}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export const isWhitespace = (byte: number) => WHITESPACE.has(byte);
const isRegular = (byte: number) => !WHITESPACE.has(byte) && !DELIMITERS.has(byte);

export function isStream(value: PdfValue | undefined): value is PdfStream {
	return typeof value === 'object' && value !== null && 'dict' in value && 'data' in value;
}

export function isDict(value: PdfValue | undefined): value is PdfDict {
	return value instanceof Map;
}

export function nameOf(value: PdfValue | undefined): string | undefined {
	return value instanceof PdfName ? value.name : undefined;
}

export function latin1(bytes: Uint8Array, start: number, end: number): string {
	let text = '';
	// In slices: a spread of a long array would exceed the engine's argument limit.
	for (let from = start; from < end; from += 4096) text += String.fromCharCode(...bytes.subarray(from, Math.min(end, from + 4096)));
	return text;
}

function matchesAt(bytes: Uint8Array, index: number, needle: string): boolean {
	for (let offset = 0; offset < needle.length; offset++) {
		if (bytes[index + offset] !== needle.charCodeAt(offset)) return false;
	}
	return true;
}

/** Finds `needle` (ASCII) in `bytes` from `from`, or -1. */
export function indexOf(bytes: Uint8Array, needle: string, from = 0): number {
	for (let index = from; index <= bytes.length - needle.length; index++) if (matchesAt(bytes, index, needle)) return index;
	return -1;
}

export function lastIndexOf(bytes: Uint8Array, needle: string): number {
	for (let index = bytes.length - needle.length; index >= 0; index--) if (matchesAt(bytes, index, needle)) return index;
	return -1;
}

/** Gives the length of a stream whose /Length is an indirect object. */
export type LengthResolver = (value: PdfValue | undefined) => number | undefined;

/**
 * Reads PDF values from a byte range. `position` is public: the document reader moves it to
 * an object's offset, the content-stream reader walks it token by token.
 */
export class Parser {
	position: number;

	constructor(
		readonly bytes: Uint8Array,
		start = 0,
		private readonly resolveLength: LengthResolver = (value) => (typeof value === 'number' ? value : undefined),
	) {
		this.position = start;
	}

	skipSpace() {
		const { bytes } = this;
		while (this.position < bytes.length) {
			const byte = bytes[this.position];
			if (WHITESPACE.has(byte)) {
				this.position++;
			} else if (byte === 0x25) {
				while (this.position < bytes.length && bytes[this.position] !== 0x0a && bytes[this.position] !== 0x0d) this.position++;
			} else {
				return;
			}
		}
	}

	atEnd(): boolean {
		this.skipSpace();
		return this.position >= this.bytes.length;
	}

	/** The next value, or a keyword (`obj`, `endobj`, `stream`, an operator). */
	next(): PdfValue | PdfKeyword {
		this.skipSpace();
		const { bytes } = this;
		if (this.position >= bytes.length) throw new PdfSyntaxError('unexpected end of data');
		const byte = bytes[this.position];
		if (byte === 0x2f) return this.name();
		if (byte === 0x28) return this.literalString();
		if (byte === 0x3c) {
			if (bytes[this.position + 1] === 0x3c) return this.dictOrStream();
			return this.hexString();
		}
		if (byte === 0x5b) return this.array();
		if (byte === 0x5d || byte === 0x3e || byte === 0x29 || byte === 0x7b || byte === 0x7d) {
			this.position++;
			return new PdfKeyword(String.fromCharCode(byte));
		}
		const start = this.position;
		while (this.position < bytes.length && isRegular(bytes[this.position])) this.position++;
		const word = latin1(bytes, start, this.position);
		if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return this.numberOrRef(Number(word), word);
		if (word === 'true') return true;
		if (word === 'false') return false;
		if (word === 'null') return null;
		return new PdfKeyword(word);
	}

	/** The next value; a keyword here is a syntax error. */
	value(): PdfValue {
		const value = this.next();
		if (value instanceof PdfKeyword) throw new PdfSyntaxError(`unexpected "${value.word}" at byte ${this.position}`);
		return value;
	}

	private numberOrRef(number: number, word: string): PdfValue {
		if (!/^\d+$/.test(word)) return number;
		// `12 0 R`: look ahead for a generation and R without consuming anything else.
		const saved = this.position;
		this.skipSpace();
		const generationStart = this.position;
		while (this.position < this.bytes.length && this.bytes[this.position] >= 0x30 && this.bytes[this.position] <= 0x39) this.position++;
		if (this.position > generationStart) {
			const generation = Number(latin1(this.bytes, generationStart, this.position));
			this.skipSpace();
			if (this.bytes[this.position] === 0x52 && !isRegular(this.bytes[this.position + 1] ?? 0x20)) {
				this.position++;
				return new PdfRef(number, generation);
			}
		}
		this.position = saved;
		return number;
	}

	private name(): PdfName {
		const { bytes } = this;
		const start = ++this.position;
		while (this.position < bytes.length && isRegular(bytes[this.position])) this.position++;
		const raw = latin1(bytes, start, this.position);
		return new PdfName(raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
	}

	private literalString(): PdfString {
		const { bytes } = this;
		const start = ++this.position;
		for (let depth = 1; depth > 0; this.position++) {
			if (this.position >= bytes.length) throw new PdfSyntaxError('a string is not closed');
			const byte = bytes[this.position];
			if (byte === 0x5c) this.position++;
			else if (byte === 0x28) depth++;
			else if (byte === 0x29) depth--;
		}
		return new PdfString(bytes.subarray(start, this.position - 1));
	}

	private hexString(): PdfString {
		const end = indexOf(this.bytes, '>', this.position);
		if (end < 0) throw new PdfSyntaxError('a hex string is not closed');
		const hex = latin1(this.bytes, this.position + 1, end).replace(/\s+/g, '');
		this.position = end + 1;
		return new PdfString(Uint8Array.from(hex.match(/.{1,2}/g) ?? [], (pair) => parseInt(pair.padEnd(2, '0'), 16)));
	}

	private array(): PdfValue[] {
		this.position++;
		const items: PdfValue[] = [];
		for (;;) {
			const item = this.next();
			if (item instanceof PdfKeyword) {
				if (item.word === ']') return items;
				throw new PdfSyntaxError(`unexpected "${item.word}" in an array`);
			}
			items.push(item);
		}
	}

	private dictOrStream(): PdfDict | PdfStream {
		this.position += 2;
		const dict: PdfDict = new Map();
		for (;;) {
			this.skipSpace();
			if (this.bytes[this.position] === 0x3e && this.bytes[this.position + 1] === 0x3e) {
				this.position += 2;
				break;
			}
			const key = this.next();
			if (!(key instanceof PdfName)) throw new PdfSyntaxError(`a dictionary key is not a name at byte ${this.position}`);
			dict.set(key.name, this.value());
		}
		const afterDict = this.position;
		this.skipSpace();
		if (latin1(this.bytes, this.position, this.position + 6) !== 'stream' || isRegular(this.bytes[this.position + 6] ?? 0x20)) {
			this.position = afterDict;
			return dict;
		}
		return { dict, data: this.streamData(dict) };
	}

	/**
	 * The data after `stream`: /Length bytes when `endstream` follows them, else up to the next
	 * `endstream` (writers that get /Length wrong are common enough).
	 */
	private streamData(dict: PdfDict): Uint8Array {
		const { bytes } = this;
		this.position += 6;
		if (bytes[this.position] === 0x0d) this.position++;
		if (bytes[this.position] === 0x0a) this.position++;
		const start = this.position;
		const length = this.resolveLength(dict.get('Length'));
		if (length !== undefined && length >= 0 && start + length <= bytes.length) {
			const after = new Parser(bytes, start + length);
			after.skipSpace();
			if (latin1(bytes, after.position, after.position + 9) === 'endstream') {
				this.position = after.position + 9;
				return bytes.subarray(start, start + length);
			}
		}
		const end = indexOf(bytes, 'endstream', start);
		if (end < 0) throw new PdfSyntaxError('a stream has no end (the file is cut short)');
		let dataEnd = end;
		if (bytes[dataEnd - 1] === 0x0a) dataEnd--;
		if (bytes[dataEnd - 1] === 0x0d) dataEnd--;
		this.position = end + 9;
		return bytes.subarray(start, dataEnd);
	}
}
