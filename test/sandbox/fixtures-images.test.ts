import { readFileSync, statSync } from 'fs';
import { join } from 'path';
import { inflateSync } from 'zlib';
import { crc32 } from '../fixtures/crc32';
import { makeBmp, makeGif, makeJpeg, makePng, makeTiff, makeWebp, NOT_AN_IMAGE, PNG_SIGNATURE, TINY_JPEG } from '../fixtures/images';
import { renderSample } from '../fixtures/make-samples';
import { SAMPLE_IMAGES } from '../fixtures/sample-list';
import { imageKind } from './image-kind';
import { findMarkers } from './markers';

interface PngChunk {
	type: string;
	data: Buffer;
}

/** Walks every chunk and checks its CRC; throws on any structural error. */
function readPng(png: Buffer): PngChunk[] {
	expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
	const chunks: PngChunk[] = [];
	let at = 8;
	while (at < png.length) {
		const length = png.readUInt32BE(at);
		const type = png.toString('latin1', at + 4, at + 8);
		const data = png.subarray(at + 8, at + 8 + length);
		const crc = png.readUInt32BE(at + 8 + length);
		if (crc !== crc32(png.subarray(at + 4, at + 8), data)) throw new Error(`bad CRC in ${type}`);
		chunks.push({ type, data });
		at += 12 + length;
	}
	expect(at).toBe(png.length);
	return chunks;
}

/** Decodes the pixel rows (filter 0 only, as written) and checks their count and size. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
	const chunks = readPng(png);
	expect(chunks[0].type).toBe('IHDR');
	expect(chunks[chunks.length - 1]).toEqual({ type: 'IEND', data: Buffer.alloc(0) });
	const width = chunks[0].data.readUInt32BE(0);
	const height = chunks[0].data.readUInt32BE(4);
	expect([...chunks[0].data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
	const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
	expect(raw.length).toBe(height * (1 + width * 3));
	for (let y = 0; y < height; y++) expect(raw[y * (1 + width * 3)]).toBe(0);
	return { width, height, pixels: raw };
}

/** Walks JPEG segments up to SOS and checks it ends with EOI; returns the segments found. */
function readJpeg(jpeg: Buffer): { markers: number[]; comments: string[]; width: number; height: number } {
	expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
	expect([jpeg[jpeg.length - 2], jpeg[jpeg.length - 1]]).toEqual([0xff, 0xd9]);
	const markers: number[] = [];
	const comments: string[] = [];
	let width = 0;
	let height = 0;
	let at = 2;
	for (;;) {
		expect(jpeg[at]).toBe(0xff);
		const marker = jpeg[at + 1];
		const length = jpeg.readUInt16BE(at + 2);
		markers.push(marker);
		if (marker === 0xfe) comments.push(jpeg.toString('latin1', at + 4, at + 2 + length));
		if (marker === 0xc0) {
			height = jpeg.readUInt16BE(at + 5);
			width = jpeg.readUInt16BE(at + 7);
		}
		at += 2 + length;
		if (marker === 0xda) break;
	}
	return { markers, comments, width, height };
}

describe('makePng', () => {
	it('writes a decodable PNG: signature, IHDR, IDAT rows, IEND, every CRC right', () => {
		const { width, height, pixels } = decodePng(makePng({ width: 33, height: 21 }));
		expect([width, height]).toEqual([33, 21]);
		// the card is drawn: not a single flat colour
		expect(new Set(pixels.toString('hex').match(/.{6}/g)).size).toBeGreaterThan(2);
	});

	it('carries the marker in a tEXt chunk the sandbox finds', () => {
		const png = makePng({ marker: 'ETOP-SANDBOX:DOC=41;COUNT=3' });
		const text = readPng(png).find((c) => c.type === 'tEXt')!;
		expect(text.data.toString('latin1')).toBe('Comment\0ETOP-SANDBOX:DOC=41;COUNT=3\n');
		expect(findMarkers(png)).toMatchObject({ docs: [41], count: 3 });
	});

	it.each([400, 1000, 65_536, 1_234_567])('pads to exactly %i bytes and stays valid', (bytes) => {
		const png = makePng({ bytes, marker: 'ETOP-SANDBOX:DOC=2' });
		expect(png.length).toBe(bytes);
		decodePng(png);
	});

	it('keeps its natural size when asked for less than it needs', () => {
		expect(makePng({ bytes: 10 }).length).toBe(makePng().length);
	});
});

describe('makeJpeg', () => {
	it('embeds a baseline JPEG with SOI, segments and EOI', () => {
		expect(TINY_JPEG.length).toBeLessThan(1000);
		const info = readJpeg(makeJpeg());
		expect(info.markers).toContain(0xc0); // baseline SOF0
		expect(info.markers).toContain(0xc4);
		expect([info.width, info.height]).toEqual([16, 16]);
	});

	it('adds the marker as a COM segment and pads exactly with more of them', () => {
		for (const bytes of [2000, 70_000, 200_003]) {
			const jpeg = makeJpeg({ marker: 'ETOP-SANDBOX:DOC=21', bytes });
			expect(jpeg.length).toBe(bytes);
			const info = readJpeg(jpeg);
			expect(info.comments[0]).toBe('ETOP-SANDBOX:DOC=21\n');
			expect(info.comments.length).toBeGreaterThan(1);
		}
		expect(findMarkers(makeJpeg({ marker: 'ETOP-SANDBOX:DOC=21' })).docs).toEqual([21]);
	});

	it('encodes a drawn card at the asked size', () => {
		const info = readJpeg(makeJpeg({ width: 77, height: 45 }));
		expect([info.width, info.height]).toEqual([77, 45]);
	});
});

describe('minimal formats', () => {
	it.each([
		['bmp', makeBmp],
		['gif', makeGif],
		['webp', makeWebp],
		['tiff', makeTiff],
		['png', makePng],
		['jpeg', makeJpeg],
	] as const)('%s is recognised by its magic bytes and carries the marker', (kind, make) => {
		const image = make({ marker: 'ETOP-SANDBOX:RESULT=19' });
		expect(imageKind(image)).toBe(kind);
		expect(findMarkers(image).result).toBe('19');
	});

	it('writes consistent headers (sizes, offsets)', () => {
		const bmp = makeBmp({ width: 5, height: 3, marker: 'ETOP-SANDBOX:DOC=2' });
		expect(bmp.readUInt32LE(2)).toBe(bmp.length);
		expect(bmp.length - bmp.readUInt32LE(10)).toBe(((5 * 3 + 3) & ~3) * 3);
		const webp = makeWebp({ marker: 'ETOP-SANDBOX:DOC=2' });
		expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
		const gif = makeGif({ width: 7, height: 5 });
		expect([gif.readUInt16LE(6), gif.readUInt16LE(8), gif[gif.length - 1]]).toEqual([7, 5, 0x3b]);
		const tiff = makeTiff({ width: 3, height: 2 });
		expect(tiff.toString('latin1', 0, 4)).toBe('II*\0');
	});

	it('NOT_AN_IMAGE samples are not images', () => {
		for (const sample of Object.values(NOT_AN_IMAGE)) expect(imageKind(sample)).toBeNull();
		expect(NOT_AN_IMAGE.pdf.toString('latin1', 0, 5)).toBe('%PDF-');
	});
});

describe('committed samples', () => {
	it.each(SAMPLE_IMAGES.map((s) => [s.file, s] as const))('%s is small, valid, marked and in sync with make-samples.ts', (file, s) => {
		const path = join(__dirname, '..', 'fixtures', 'samples', file);
		const data = readFileSync(path);
		expect(statSync(path).size).toBeLessThan(30 * 1024);
		expect(imageKind(data)).toBe(file.endsWith('.jpg') ? 'jpeg' : 'png');
		expect(data.includes(s.marker, 0, 'latin1')).toBe(true);
		// PNG: same pixels (zlib builds may compress differently); JPEG: the encoder is plain JS, so same bytes
		if (file.endsWith('.png')) {
			const decoded = decodePng(data);
			expect(decoded.width).toBe(s.width);
			expect(decoded.pixels.equals(decodePng(renderSample(s)).pixels)).toBe(true);
		} else {
			expect(readJpeg(data).width).toBe(s.width);
			expect(data.equals(renderSample(s))).toBe(true);
		}
	});
});
