// A small inflater (RFC 1950/1951) for the PDF reader: community nodes may not import zlib, and
// modern PDFs keep their cross-reference table, object lists and page contents Flate-compressed.
// Written for clarity over speed (it decodes Huffman codes bit by bit, as zlib's "puff" does):
// the streams it reads are a few kilobytes; page images are never inflated on the JPEG path.

export class InflateError extends Error {}

export const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
export const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
export const DISTANCE_BASE = [
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577,
];
export const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which a dynamic block lists the code lengths of its code-length alphabet. */
export const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface Huffman {
	/** counts[length]: how many codes have that length. */
	counts: Uint16Array;
	/** Symbols ordered by code. */
	symbols: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
	const counts = new Uint16Array(16);
	for (let index = 0; index < lengths.length; index++) counts[lengths[index]]++;
	counts[0] = 0;
	const offsets = new Uint16Array(16);
	for (let length = 1; length < 16; length++) offsets[length] = offsets[length - 1] + counts[length - 1];
	const symbols = new Uint16Array(lengths.length);
	for (let symbol = 0; symbol < lengths.length; symbol++) {
		if (lengths[symbol] !== 0) symbols[offsets[lengths[symbol]]++] = symbol;
	}
	return { counts, symbols };
}

const FIXED_LITERALS = huffman(Array.from({ length: 288 }, (_, symbol) => (symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8)));
const FIXED_DISTANCES = huffman(new Array<number>(30).fill(5));

/** A growing output of at most `limit` bytes (the filters in filters.ts write into one too). */
export class Output {
	bytes: Uint8Array;
	length = 0;

	constructor(
		expected: number,
		private readonly limit: number,
	) {
		this.bytes = new Uint8Array(Math.min(Math.max(expected, 1024), limit));
	}

	private grow(needed: number) {
		if (needed > this.limit) throw new InflateError(`the stream inflates to more than ${this.limit} bytes`);
		let size = this.bytes.length * 2;
		while (size < needed) size *= 2;
		const bigger = new Uint8Array(Math.min(size, this.limit));
		bigger.set(this.bytes.subarray(0, this.length));
		this.bytes = bigger;
	}

	push(byte: number) {
		if (this.length === this.bytes.length) this.grow(this.length + 1);
		this.bytes[this.length++] = byte;
	}

	copy(distance: number, length: number) {
		if (distance > this.length) throw new InflateError('a back reference points before the start of the stream');
		if (this.length + length > this.bytes.length) this.grow(this.length + length);
		for (let index = 0; index < length; index++, this.length++) this.bytes[this.length] = this.bytes[this.length - distance];
	}

	append(chunk: Uint8Array) {
		if (this.length + chunk.length > this.bytes.length) this.grow(this.length + chunk.length);
		this.bytes.set(chunk, this.length);
		this.length += chunk.length;
	}

	done(): Uint8Array {
		return this.bytes.subarray(0, this.length);
	}
}

class Bits {
	position = 0;
	private buffer = 0;
	private count = 0;

	constructor(private readonly input: Uint8Array) {}

	bit(): number {
		if (this.count === 0) {
			if (this.position >= this.input.length) throw new InflateError('the stream ends early');
			this.buffer = this.input[this.position++];
			this.count = 8;
		}
		const bit = this.buffer & 1;
		this.buffer >>= 1;
		this.count--;
		return bit;
	}

	bits(count: number): number {
		let value = 0;
		for (let index = 0; index < count; index++) value |= this.bit() << index;
		return value;
	}

	/** Drops the rest of the current byte (stored blocks start on a byte boundary). */
	align() {
		this.count = 0;
	}

	decode({ counts, symbols }: Huffman): number {
		let code = 0;
		let first = 0;
		let index = 0;
		for (let length = 1; length < 16; length++) {
			code |= this.bit();
			const count = counts[length];
			if (code - count < first) return symbols[index + (code - first)];
			index += count;
			first = (first + count) << 1;
			code <<= 1;
		}
		throw new InflateError('an invalid Huffman code');
	}
}

function storedBlock(bits: Bits, input: Uint8Array, out: Output) {
	bits.align();
	const start = bits.position;
	if (start + 4 > input.length) throw new InflateError('the stream ends early');
	const length = input[start] | (input[start + 1] << 8);
	const check = input[start + 2] | (input[start + 3] << 8);
	if ((length ^ 0xffff) !== check) throw new InflateError('a stored block has a bad length');
	if (start + 4 + length > input.length) throw new InflateError('the stream ends early');
	out.append(input.subarray(start + 4, start + 4 + length));
	bits.position = start + 4 + length;
}

function dynamicTables(bits: Bits): [Huffman, Huffman] {
	const literalCount = bits.bits(5) + 257;
	const distanceCount = bits.bits(5) + 1;
	const codeLengthCount = bits.bits(4) + 4;
	const codeLengths = new Array<number>(19).fill(0);
	for (let index = 0; index < codeLengthCount; index++) codeLengths[CODE_LENGTH_ORDER[index]] = bits.bits(3);
	const codeLengthCode = huffman(codeLengths);
	const lengths: number[] = [];
	while (lengths.length < literalCount + distanceCount) {
		const symbol = bits.decode(codeLengthCode);
		if (symbol < 16) {
			lengths.push(symbol);
			continue;
		}
		let repeat: number;
		let value = 0;
		if (symbol === 16) {
			if (lengths.length === 0) throw new InflateError('a repeat with nothing to repeat');
			value = lengths[lengths.length - 1];
			repeat = 3 + bits.bits(2);
		} else if (symbol === 17) {
			repeat = 3 + bits.bits(3);
		} else {
			repeat = 11 + bits.bits(7);
		}
		for (let index = 0; index < repeat; index++) lengths.push(value);
	}
	if (lengths.length > literalCount + distanceCount) throw new InflateError('too many code lengths');
	return [huffman(lengths.slice(0, literalCount)), huffman(lengths.slice(literalCount))];
}

function compressedBlock(bits: Bits, out: Output, literals: Huffman, distances: Huffman) {
	for (;;) {
		const symbol = bits.decode(literals);
		if (symbol < 256) {
			out.push(symbol);
		} else if (symbol === 256) {
			return;
		} else {
			const lengthIndex = symbol - 257;
			if (lengthIndex >= LENGTH_BASE.length) throw new InflateError('an invalid length code');
			const length = LENGTH_BASE[lengthIndex] + bits.bits(LENGTH_EXTRA[lengthIndex]);
			const distanceIndex = bits.decode(distances);
			if (distanceIndex >= DISTANCE_BASE.length) throw new InflateError('an invalid distance code');
			out.copy(DISTANCE_BASE[distanceIndex] + bits.bits(DISTANCE_EXTRA[distanceIndex]), length);
		}
	}
}

/** Raw deflate data → bytes, and where the deflate data ended in `input`. */
function inflateBlocks(input: Uint8Array, limit: number, expected: number): { bytes: Uint8Array; end: number } {
	const bits = new Bits(input);
	const out = new Output(expected, limit);
	let last = 0;
	while (!last) {
		last = bits.bit();
		const type = bits.bits(2);
		if (type === 0) storedBlock(bits, input, out);
		else if (type === 1) compressedBlock(bits, out, FIXED_LITERALS, FIXED_DISTANCES);
		else if (type === 2) compressedBlock(bits, out, ...dynamicTables(bits));
		else throw new InflateError('an invalid block type');
	}
	return { bytes: out.done(), end: bits.position };
}

/** Raw deflate data → bytes. Stops at the final block; trailing bytes (a checksum) are ignored. */
export function inflateRaw(input: Uint8Array, limit: number, expected = input.length * 4): Uint8Array {
	return inflateBlocks(input, limit, expected).bytes;
}

const hasZlibHeader = (input: Uint8Array) => input.length >= 2 && (input[0] & 0x0f) === 8 && ((input[0] << 8) | input[1]) % 31 === 0;

/**
 * A zlib stream (what PDF's FlateDecode holds) → bytes, at most `limit` of them. Some PDF
 * writers omit the 2-byte zlib header; such a stream is read as raw deflate.
 */
export function inflate(input: Uint8Array, limit: number, expected?: number): Uint8Array {
	const hasHeader = hasZlibHeader(input);
	if (hasHeader && input[1] & 0x20) throw new InflateError('the stream needs a preset dictionary');
	return inflateRaw(hasHeader ? input.subarray(2) : input, limit, expected);
}

/**
 * A zlib stream that is to be passed on as it is (a PNG's IDAT): the bytes, and the length of
 * the zlib stream in `input` when it is a whole one, with its header and an Adler-32 `checksum`
 * that matches the bytes (undefined otherwise).
 */
export function inflateZlib(
	input: Uint8Array,
	limit: number,
	expected: number,
	checksum: (bytes: Uint8Array) => number,
): { bytes: Uint8Array; zlibLength: number | undefined } {
	if (!hasZlibHeader(input) || input[1] & 0x20) return { bytes: inflate(input, limit, expected), zlibLength: undefined };
	const { bytes, end } = inflateBlocks(input.subarray(2), limit, expected);
	const at = end + 2;
	const stored = at + 4 <= input.length ? ((input[at] << 24) | (input[at + 1] << 16) | (input[at + 2] << 8) | input[at + 3]) >>> 0 : -1;
	return { bytes, zlibLength: stored === checksum(bytes) ? at + 4 : undefined };
}
