// Writes a PNG file (ISO/IEC 15948) around image data that is already PNG-filtered scanlines
// in a zlib stream: either the PDF's own Flate stream (PNG predictors) or one deflate.ts made.

const CRC_TABLE = new Uint32Array(256);
for (let byte = 0; byte < 256; byte++) {
	let value = byte;
	for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
	CRC_TABLE[byte] = value >>> 0;
}

function crc32(bytes: Uint8Array, from: number, to: number): number {
	let crc = 0xffffffff;
	for (let at = from; at < to; at++) crc = CRC_TABLE[(crc ^ bytes[at]) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

export const PNG_GREY = 0;
export const PNG_RGB = 2;
export const PNG_PALETTE = 3;

export interface PngImage {
	width: number;
	height: number;
	bitDepth: number;
	colourType: typeof PNG_GREY | typeof PNG_RGB | typeof PNG_PALETTE;
	/** RGB triplets, for a palette image. */
	palette?: Uint8Array;
	/** Pixels per inch, when known (a pHYs chunk, so the service knows the scan's resolution). */
	dpi?: number;
	/** The zlib stream of the filtered scanlines. */
	zlib: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function writePng(image: PngImage): Uint8Array {
	const chunks: Array<[string, Uint8Array]> = [];
	const ihdr = new Uint8Array(13);
	const view = new DataView(ihdr.buffer);
	view.setUint32(0, image.width);
	view.setUint32(4, image.height);
	ihdr[8] = image.bitDepth;
	ihdr[9] = image.colourType;
	chunks.push(['IHDR', ihdr]);
	if (image.dpi) {
		const phys = new Uint8Array(9);
		const perMetre = Math.round(image.dpi / 0.0254);
		new DataView(phys.buffer).setUint32(0, perMetre);
		new DataView(phys.buffer).setUint32(4, perMetre);
		phys[8] = 1;
		chunks.push(['pHYs', phys]);
	}
	if (image.palette) chunks.push(['PLTE', image.palette]);
	chunks.push(['IDAT', image.zlib], ['IEND', new Uint8Array(0)]);
	const size = SIGNATURE.length + chunks.reduce((sum, [, data]) => sum + data.length + 12, 0);
	const out = new Uint8Array(size);
	const outView = new DataView(out.buffer);
	out.set(SIGNATURE);
	let at = SIGNATURE.length;
	for (const [type, data] of chunks) {
		outView.setUint32(at, data.length);
		for (let index = 0; index < 4; index++) out[at + 4 + index] = type.charCodeAt(index);
		out.set(data, at + 8);
		outView.setUint32(at + 8 + data.length, crc32(out, at + 4, at + 8 + data.length));
		at += data.length + 12;
	}
	return out;
}
