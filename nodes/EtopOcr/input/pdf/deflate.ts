// A small zlib compressor (RFC 1950/1951) for page images the node turns into PNG: community
// nodes may not import zlib. LZ77 over a 32 KB window with hash chains, then blocks with
// Huffman codes made for their own symbols (dynamic blocks); stored blocks when that would be
// larger. See docs/inbox-and-pdf.md for figures.

import { CODE_LENGTH_ORDER, DISTANCE_BASE, DISTANCE_EXTRA, LENGTH_BASE, LENGTH_EXTRA } from './inflate';

const WINDOW = 32768;
const HASH_BITS = 15;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** Candidates tried per position: more finds longer matches, slower. */
const MAX_CHAIN = 16;
/** Matches longer than this do not index their inner positions (as zlib's fast levels). */
const MAX_INSERT = 32;
const STORED_BLOCK = 65535;
/** LZ77 symbols per dynamic block: each block's codes fit its part of the image. */
const BLOCK_TOKENS = 1 << 16;
/** A token is a literal byte, or a match: MATCH | length << 16 | distance. */
const MATCH = 0x40000000;

export function adler32(data: Uint8Array): number {
	let a = 1;
	let b = 0;
	for (let at = 0; at < data.length; ) {
		// 5552 bytes is the most that cannot overflow before the modulo.
		const end = Math.min(at + 5552, data.length);
		for (; at < end; at++) {
			a += data[at];
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return ((b << 16) | a) >>> 0;
}

class BitWriter {
	bytes: Uint8Array;
	length = 0;
	private buffer = 0;
	private count = 0;

	constructor(capacity: number) {
		this.bytes = new Uint8Array(Math.max(capacity, 1024));
	}

	private byte(value: number) {
		if (this.length === this.bytes.length) {
			const bigger = new Uint8Array(this.bytes.length * 2);
			bigger.set(this.bytes);
			this.bytes = bigger;
		}
		this.bytes[this.length++] = value;
	}

	/** `bits` bits of `value`, least significant first (at most 16 at a time). */
	write(value: number, bits: number) {
		this.buffer |= value << this.count;
		this.count += bits;
		while (this.count >= 8) {
			this.byte(this.buffer & 0xff);
			this.buffer >>>= 8;
			this.count -= 8;
		}
	}

	flush() {
		if (this.count > 0) this.byte(this.buffer & 0xff);
		this.buffer = 0;
		this.count = 0;
	}

	bytesOut(bytes: Uint8Array) {
		for (const byte of bytes) this.byte(byte);
	}
}

const reverse = (code: number, length: number) => {
	let out = 0;
	for (let bit = 0; bit < length; bit++) out |= ((code >> bit) & 1) << (length - 1 - bit);
	return out;
};

const LENGTH_SYMBOL = new Uint8Array(MAX_MATCH + 1);
for (let index = 0; index < LENGTH_BASE.length; index++) {
	const end = index + 1 < LENGTH_BASE.length ? LENGTH_BASE[index + 1] : MAX_MATCH + 1;
	for (let length = LENGTH_BASE[index]; length < end; length++) LENGTH_SYMBOL[length] = index;
}

const DISTANCE_SYMBOL = new Uint8Array(WINDOW + 1);
for (let index = 0; index < DISTANCE_BASE.length; index++) {
	const end = index + 1 < DISTANCE_BASE.length ? DISTANCE_BASE[index + 1] : WINDOW + 1;
	for (let distance = DISTANCE_BASE[index]; distance < end; distance++) DISTANCE_SYMBOL[distance] = index;
}

/** LZ77 over the data: literals and (length, distance) matches, as tokens. */
function tokenize(data: Uint8Array): Uint32Array {
	let tokens = new Uint32Array(Math.max(1024, data.length >> 2));
	let count = 0;
	const push = (token: number) => {
		if (count === tokens.length) {
			const bigger = new Uint32Array(tokens.length * 2);
			bigger.set(tokens);
			tokens = bigger;
		}
		tokens[count++] = token;
	};
	const head = new Int32Array(1 << HASH_BITS).fill(-1);
	const previous = new Int32Array(WINDOW).fill(-1);
	const hashAt = (at: number) => ((data[at] << 10) ^ (data[at + 1] << 5) ^ data[at + 2]) & ((1 << HASH_BITS) - 1);
	const insert = (at: number) => {
		if (at + MIN_MATCH > data.length) return;
		const hash = hashAt(at);
		previous[at & (WINDOW - 1)] = head[hash];
		head[hash] = at;
	};
	for (let at = 0; at < data.length; ) {
		let bestLength = 0;
		let bestDistance = 0;
		if (at + MIN_MATCH <= data.length) {
			const most = Math.min(MAX_MATCH, data.length - at);
			let candidate = head[hashAt(at)];
			for (let chain = MAX_CHAIN; candidate >= 0 && at - candidate <= WINDOW && chain > 0; chain--) {
				if (data[candidate + bestLength] === data[at + bestLength]) {
					let length = 0;
					while (length < most && data[candidate + length] === data[at + length]) length++;
					if (length > bestLength) {
						bestLength = length;
						bestDistance = at - candidate;
						if (length === most) break;
					}
				}
				const older = previous[candidate & (WINDOW - 1)];
				// A slot reused by a newer position ends the chain.
				if (older >= candidate) break;
				candidate = older;
			}
		}
		if (bestLength >= MIN_MATCH) {
			push(MATCH | (bestLength << 16) | bestDistance);
			if (bestLength <= MAX_INSERT) for (let index = 0; index < bestLength; index++) insert(at + index);
			else insert(at + bestLength - 1);
			at += bestLength;
		} else {
			push(data[at]);
			insert(at);
			at++;
		}
	}
	return tokens.subarray(0, count);
}

/** Code lengths of at most `limit` bits for the frequencies (Huffman; flattened until it fits). */
function codeLengths(frequencies: Uint32Array, limit: number): Uint8Array {
	const lengths = new Uint8Array(frequencies.length);
	const used = [...frequencies.keys()].filter((symbol) => frequencies[symbol] > 0);
	// Every code needs two symbols at least: a lone one gets a partner.
	while (used.length < 2) used.push(used[0] === 0 ? 1 : 0);
	for (let shift = 0; ; shift++) {
		type Node = { weight: number; symbols: number[] };
		let nodes: Node[] = used.map((symbol) => ({ weight: Math.max(1, frequencies[symbol] >> shift), symbols: [symbol] }));
		lengths.fill(0);
		while (nodes.length > 1) {
			nodes.sort((one, other) => one.weight - other.weight);
			const [first, second] = nodes;
			for (const symbol of [...first.symbols, ...second.symbols]) lengths[symbol]++;
			nodes = [{ weight: first.weight + second.weight, symbols: [...first.symbols, ...second.symbols] }, ...nodes.slice(2)];
		}
		if (Math.max(...lengths) <= limit) return lengths;
	}
}

/** Canonical codes for the lengths (RFC 1951, 3.2.2), bit-reversed for the writer. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
	const counts = new Uint16Array(16);
	for (const length of lengths) counts[length]++;
	counts[0] = 0;
	const next = new Uint16Array(16);
	for (let length = 1, code = 0; length < 16; length++) {
		code = (code + counts[length - 1]) << 1;
		next[length] = code;
	}
	return Uint16Array.from(lengths, (length) => (length ? reverse(next[length]++, length) : 0));
}

/** How many leading entries it takes to hold every non-zero length. */
function usedCount(lengths: ArrayLike<number>): number {
	let count = lengths.length;
	while (count > 0 && lengths[count - 1] === 0) count--;
	return count;
}

/** One dynamic block of `tokens` (RFC 1951, 3.2.7); `last` marks the final block. */
function dynamicBlock(tokens: Uint32Array, last: boolean, out: BitWriter) {
	const literalFrequencies = new Uint32Array(286);
	const distanceFrequencies = new Uint32Array(30);
	for (const token of tokens) {
		if (token & MATCH) {
			literalFrequencies[257 + LENGTH_SYMBOL[(token >> 16) & 0x1ff]]++;
			distanceFrequencies[DISTANCE_SYMBOL[token & 0xffff]]++;
		} else literalFrequencies[token]++;
	}
	literalFrequencies[256] = 1;
	const literalLengths = codeLengths(literalFrequencies, 15);
	const distanceLengths = codeLengths(distanceFrequencies, 15);
	const literalCount = Math.max(257, usedCount(literalLengths));
	const distanceCount = Math.max(1, usedCount(distanceLengths));
	const all = [...literalLengths.subarray(0, literalCount), ...distanceLengths.subarray(0, distanceCount)];
	const lengthFrequencies = new Uint32Array(19);
	for (const length of all) lengthFrequencies[length]++;
	const lengthLengths = codeLengths(lengthFrequencies, 7);
	const lengthCodes = canonicalCodes(lengthLengths);
	const lengthCount = Math.max(4, usedCount(CODE_LENGTH_ORDER.map((symbol) => lengthLengths[symbol])));
	out.write(last ? 1 : 0, 1);
	out.write(2, 2);
	out.write(literalCount - 257, 5);
	out.write(distanceCount - 1, 5);
	out.write(lengthCount - 4, 4);
	for (let index = 0; index < lengthCount; index++) out.write(lengthLengths[CODE_LENGTH_ORDER[index]], 3);
	for (const length of all) out.write(lengthCodes[length], lengthLengths[length]);
	const literalCodes = canonicalCodes(literalLengths);
	const distanceCodes = canonicalCodes(distanceLengths);
	for (const token of tokens) {
		if (!(token & MATCH)) {
			out.write(literalCodes[token], literalLengths[token]);
			continue;
		}
		const length = (token >> 16) & 0x1ff;
		const distance = token & 0xffff;
		const lengthIndex = LENGTH_SYMBOL[length];
		out.write(literalCodes[257 + lengthIndex], literalLengths[257 + lengthIndex]);
		if (LENGTH_EXTRA[lengthIndex]) out.write(length - LENGTH_BASE[lengthIndex], LENGTH_EXTRA[lengthIndex]);
		const distanceIndex = DISTANCE_SYMBOL[distance];
		out.write(distanceCodes[distanceIndex], distanceLengths[distanceIndex]);
		if (DISTANCE_EXTRA[distanceIndex]) out.write(distance - DISTANCE_BASE[distanceIndex], DISTANCE_EXTRA[distanceIndex]);
	}
	out.write(literalCodes[256], literalLengths[256]);
}

function storedBlocks(data: Uint8Array, out: BitWriter) {
	for (let at = 0; at < data.length || at === 0; at += STORED_BLOCK) {
		const length = Math.min(STORED_BLOCK, data.length - at);
		out.write(at + length >= data.length ? 1 : 0, 1);
		out.write(0, 2);
		out.flush();
		out.bytesOut(Uint8Array.of(length & 0xff, length >> 8, ~length & 0xff, (~length >> 8) & 0xff));
		out.bytesOut(data.subarray(at, at + length));
		if (length === 0) break;
	}
}

/** `data` as a zlib stream. */
export function deflate(data: Uint8Array): Uint8Array {
	const trailer = (out: BitWriter) => {
		out.flush();
		const checksum = adler32(data);
		out.bytesOut(Uint8Array.of(checksum >>> 24, (checksum >>> 16) & 0xff, (checksum >>> 8) & 0xff, checksum & 0xff));
		return out.bytes.subarray(0, out.length);
	};
	const header = Uint8Array.of(0x78, 0x01);
	const compressed = new BitWriter(data.length / 4 + 64);
	compressed.bytesOut(header);
	const tokens = tokenize(data);
	for (let at = 0; at < tokens.length || at === 0; at += BLOCK_TOKENS) {
		dynamicBlock(tokens.subarray(at, at + BLOCK_TOKENS), at + BLOCK_TOKENS >= tokens.length, compressed);
	}
	const storedSize = data.length + 5 * Math.ceil(data.length / STORED_BLOCK + 1) + 6;
	if (compressed.length <= storedSize) return trailer(compressed);
	const stored = new BitWriter(storedSize + 8);
	stored.bytesOut(header);
	storedBlocks(data, stored);
	return trailer(stored);
}
