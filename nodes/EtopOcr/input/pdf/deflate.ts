// A small zlib compressor (RFC 1950/1951) for page images the node turns into PNG: community
// nodes may not import zlib. LZ77 over a 32 KB window with hash chains, coded with the fixed
// Huffman codes; stored blocks when that would be larger. Scanned pages (long runs of paper
// white, repeated rows) compress well this way; see docs/inbox-and-pdf.md for figures.

import { DISTANCE_BASE, DISTANCE_EXTRA, LENGTH_BASE, LENGTH_EXTRA } from './inflate';

const WINDOW = 32768;
const HASH_BITS = 15;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** Candidates tried per position: more finds longer matches, slower. */
const MAX_CHAIN = 16;
/** Matches longer than this do not index their inner positions (as zlib's fast levels). */
const MAX_INSERT = 32;
const STORED_BLOCK = 65535;

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

/** The fixed literal/length code (RFC 1951, 3.2.6), bit-reversed for the writer. */
const FIXED_CODES = new Uint16Array(288);
const FIXED_LENGTHS = new Uint8Array(288);
for (let symbol = 0; symbol < 288; symbol++) {
	const [base, start, length] = symbol < 144 ? [0x30, 0, 8] : symbol < 256 ? [0x190, 144, 9] : symbol < 280 ? [0, 256, 7] : [0xc0, 280, 8];
	FIXED_CODES[symbol] = reverse(base + symbol - start, length);
	FIXED_LENGTHS[symbol] = length;
}

const LENGTH_SYMBOL = new Uint8Array(MAX_MATCH + 1);
for (let index = 0; index < LENGTH_BASE.length; index++) {
	const end = index + 1 < LENGTH_BASE.length ? LENGTH_BASE[index + 1] : MAX_MATCH + 1;
	for (let length = LENGTH_BASE[index]; length < end; length++) LENGTH_SYMBOL[length] = index;
}

function distanceSymbol(distance: number): number {
	let symbol = 0;
	while (symbol + 1 < DISTANCE_BASE.length && DISTANCE_BASE[symbol + 1] <= distance) symbol++;
	return symbol;
}

function literal(out: BitWriter, byte: number) {
	out.write(FIXED_CODES[byte], FIXED_LENGTHS[byte]);
}

function match(out: BitWriter, length: number, distance: number) {
	const lengthIndex = LENGTH_SYMBOL[length];
	out.write(FIXED_CODES[257 + lengthIndex], FIXED_LENGTHS[257 + lengthIndex]);
	if (LENGTH_EXTRA[lengthIndex]) out.write(length - LENGTH_BASE[lengthIndex], LENGTH_EXTRA[lengthIndex]);
	const distanceIndex = distanceSymbol(distance);
	out.write(reverse(distanceIndex, 5), 5);
	if (DISTANCE_EXTRA[distanceIndex]) out.write(distance - DISTANCE_BASE[distanceIndex], DISTANCE_EXTRA[distanceIndex]);
}

/** One final block with the fixed codes. */
function fixedBlock(data: Uint8Array, out: BitWriter) {
	out.write(1, 1);
	out.write(1, 2);
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
			match(out, bestLength, bestDistance);
			if (bestLength <= MAX_INSERT) for (let index = 0; index < bestLength; index++) insert(at + index);
			else insert(at + bestLength - 1);
			at += bestLength;
		} else {
			literal(out, data[at]);
			insert(at);
			at++;
		}
	}
	literal(out, 256);
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
	fixedBlock(data, compressed);
	const storedSize = data.length + 5 * Math.ceil(data.length / STORED_BLOCK + 1) + 6;
	if (compressed.length <= storedSize) return trailer(compressed);
	const stored = new BitWriter(storedSize + 8);
	stored.bytesOut(header);
	storedBlocks(data, stored);
	return trailer(stored);
}
