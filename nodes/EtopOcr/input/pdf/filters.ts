// The PDF stream filters the reader decodes itself (ISO 32000-1, 7.4): Flate, LZW, run-length,
// ASCII hex and ASCII base-85, with the PNG and TIFF predictors. They are plain data steps, so a
// page image can be decoded again later from a fresh read of the PDF without holding the document.

import { settle } from '../../shared/settle';
import { inflate, InflateError, Output } from './inflate';
import { latin1, PdfSyntaxError } from './syntax';

/** A stream the reader cannot decode (a filter it does not implement, or bad data). */
export class PdfDecodeError extends PdfSyntaxError {}

export interface Predictor {
	predictor: number;
	colors: number;
	bitsPerComponent: number;
	columns: number;
}

/** One filter of a stream's /Filter list, with its /DecodeParms as far as the reader uses them. */
export interface FilterStep {
	name: string;
	/** /Predictor and its companions (Flate and LZW). */
	predictor?: Predictor;
	/** LZW's /EarlyChange (default 1). */
	earlyChange?: number;
}

export const FLATE = ['FlateDecode', 'Fl'];
const LZW = ['LZWDecode', 'LZW'];
const RUN_LENGTH = ['RunLengthDecode', 'RL'];
const ASCII_HEX = ['ASCIIHexDecode', 'AHx'];
const ASCII_85 = ['ASCII85Decode', 'A85'];

/** Bytes of one row of samples, and of one pixel (at least 1), as PNG and PDF count them. */
export function rowLayout({ colors, bitsPerComponent, columns }: Predictor): { rowBytes: number; pixelBytes: number } {
	return { rowBytes: Math.ceil((colors * bitsPerComponent * columns) / 8), pixelBytes: Math.max(1, Math.ceil((colors * bitsPerComponent) / 8)) };
}

/** Undoes PNG predictors (10–15): each row starts with its PNG filter type. */
function unpredictPng(data: Uint8Array, layout: Predictor): Uint8Array {
	const { rowBytes, pixelBytes } = rowLayout(layout);
	const rows = Math.floor(data.length / (rowBytes + 1));
	const out = new Uint8Array(rows * rowBytes);
	for (let row = 0; row < rows; row++) {
		const type = data[row * (rowBytes + 1)];
		const input = data.subarray(row * (rowBytes + 1) + 1, (row + 1) * (rowBytes + 1));
		const at = row * rowBytes;
		for (let index = 0; index < rowBytes; index++) {
			const left = index >= pixelBytes ? out[at + index - pixelBytes] : 0;
			const up = row > 0 ? out[at + index - rowBytes] : 0;
			const upLeft = row > 0 && index >= pixelBytes ? out[at + index - rowBytes - pixelBytes] : 0;
			let value = input[index];
			if (type === 1) value += left;
			else if (type === 2) value += up;
			else if (type === 3) value += (left + up) >> 1;
			else if (type === 4) {
				const estimate = left + up - upLeft;
				const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
				value += a <= b && a <= c ? left : b <= c ? up : upLeft;
			} else if (type !== 0) throw new PdfDecodeError(`unknown PNG predictor row type ${type}`);
			out[at + index] = value & 0xff;
		}
	}
	return out;
}

/** Undoes the TIFF predictor (2) for 8-bit samples: each sample is a difference to the one on its left. */
function unpredictTiff(data: Uint8Array, layout: Predictor): Uint8Array {
	if (layout.bitsPerComponent !== 8) throw new PdfDecodeError(`TIFF predictor 2 with ${layout.bitsPerComponent}-bit samples is not supported`);
	const { rowBytes } = rowLayout(layout);
	const out = Uint8Array.from(data);
	for (let row = 0; row + rowBytes <= out.length; row += rowBytes) {
		for (let index = layout.colors; index < rowBytes; index++) out[row + index] = (out[row + index] + out[row + index - layout.colors]) & 0xff;
	}
	return out;
}

export function unpredict(data: Uint8Array, predictor: Predictor | undefined): Uint8Array {
	if (!predictor || predictor.predictor <= 1) return data;
	if (predictor.predictor === 2) return unpredictTiff(data, predictor);
	return unpredictPng(data, predictor);
}

/** LZW as PDF (and TIFF) use it: codes of 9 to 12 bits, most significant bit first; 256 clears, 257 ends. */
function lzwDecode(data: Uint8Array, earlyChange: number, limit: number): Uint8Array {
	const out = new Output(data.length * 3, limit);
	// Every dictionary entry is a run of the output already written: where it starts, how long it is.
	const starts = new Int32Array(4096);
	const lengths = new Int32Array(4096);
	let codeLength = 9;
	let next = 258;
	let previous: { start: number; length: number } | undefined;
	let bitBuffer = 0;
	let bitCount = 0;
	let at = 0;
	for (;;) {
		while (bitCount < codeLength) {
			if (at >= data.length) return out.done();
			bitBuffer = ((bitBuffer << 8) | data[at++]) & 0xffffff;
			bitCount += 8;
		}
		const code = (bitBuffer >> (bitCount - codeLength)) & ((1 << codeLength) - 1);
		bitCount -= codeLength;
		if (code === 256) {
			codeLength = 9;
			next = 258;
			previous = undefined;
			continue;
		}
		if (code === 257) return out.done();
		const start = out.length;
		if (code < 256) out.push(code);
		else if (code < next && previous) out.copy(out.length - starts[code], lengths[code]);
		else if (code === next && previous) out.copy(out.length - previous.start, previous.length + 1);
		else throw new PdfDecodeError('a bad LZW code');
		if (previous && next < 4096) {
			// The new entry: the previous string and the first byte of this one, which follow each other in the output.
			starts[next] = previous.start;
			lengths[next] = previous.length + 1;
			next++;
		}
		previous = { start, length: out.length - start };
		if (next + earlyChange >= 1 << codeLength && codeLength < 12) codeLength++;
	}
}

/** Run-length: a length byte n, then n+1 bytes as they are (n < 128) or one byte 257−n times (n > 128); 128 ends. */
function runLengthDecode(data: Uint8Array, limit: number): Uint8Array {
	const out = new Output(data.length * 2, limit);
	for (let at = 0; at < data.length; ) {
		const length = data[at++];
		if (length === 128) break;
		if (length < 128) {
			for (let index = 0; index <= length && at < data.length; index++) out.push(data[at++]);
		} else if (at < data.length) {
			const byte = data[at++];
			for (let index = 0; index < 257 - length; index++) out.push(byte);
		}
	}
	return out.done();
}

function asciiHexDecode(data: Uint8Array): Uint8Array {
	const hex = latin1(data, 0, data.length).replace(/[^0-9a-fA-F>]/g, '').split('>')[0];
	return Uint8Array.from(hex.match(/.{1,2}/g) ?? [], (pair) => parseInt(pair.padEnd(2, '0'), 16));
}

function ascii85Decode(data: Uint8Array, limit: number): Uint8Array {
	const out = new Output(data.length, limit);
	const group: number[] = [];
	const flush = (count: number) => {
		let value = 0;
		for (let index = 0; index < 5; index++) value = value * 85 + (group[index] ?? 84);
		for (let index = 0; index < count; index++) out.push(Math.floor(value / 256 ** (3 - index)) & 0xff);
		group.length = 0;
	};
	for (let at = 0; at < data.length; at++) {
		const byte = data[at];
		if (byte === 0x7e) break;
		if (byte === 0x7a && group.length === 0) {
			for (let index = 0; index < 4; index++) out.push(0);
		} else if (byte >= 0x21 && byte <= 0x75) {
			group.push(byte - 0x21);
			if (group.length === 5) flush(4);
		} else if (byte > 0x20 && byte !== 0x7a) {
			throw new PdfDecodeError('a bad ASCII85 character');
		}
	}
	if (group.length > 1) flush(group.length - 1);
	return out.done();
}

function decodeStep(data: Uint8Array, step: FilterStep, limit: number): Uint8Array {
	if (FLATE.includes(step.name)) return unpredict(inflate(data, limit), step.predictor);
	if (LZW.includes(step.name)) return unpredict(lzwDecode(data, step.earlyChange ?? 1, limit), step.predictor);
	if (RUN_LENGTH.includes(step.name)) return runLengthDecode(data, limit);
	if (ASCII_HEX.includes(step.name)) return asciiHexDecode(data);
	if (ASCII_85.includes(step.name)) return ascii85Decode(data, limit);
	throw new PdfDecodeError(`the ${step.name} filter is not supported`);
}

/**
 * Decodes `data` through the filters in order, stopping before the first one in `keep` (e.g.
 * DCTDecode, whose data is the JPEG file itself). Returns the data and the filters left.
 */
export function decodeFilters(data: Uint8Array, steps: readonly FilterStep[], keep: readonly string[], limit: number): { data: Uint8Array; rest: FilterStep[] } {
	for (let index = 0; index < steps.length; index++) {
		const step = steps[index];
		if (keep.includes(step.name)) return { data, rest: steps.slice(index) };
		const decoded = settle(() => decodeStep(data, step, limit));
		if (!decoded.ok) {
			if (!(decoded.error instanceof InflateError)) throw decoded.error;
			throw new PdfDecodeError(decoded.error.message);
		}
		data = decoded.value;
	}
	return { data, rest: [] };
}
