// Writes a one-strip bilevel TIFF (TIFF 6.0, sections 3, 11 and the T.4/T.6 extension) around
// CCITT fax data taken from a PDF as it is: nothing is decoded.

/** TIFF Compression: 2 = Modified Huffman rows (byte-aligned, no EOL), 3 = T.4 (Group 3), 4 = T.6 (Group 4). */
export type FaxCompression = 2 | 3 | 4;

export interface FaxImage {
	width: number;
	height: number;
	compression: FaxCompression;
	/** T4Options bits: 1 = 2-D coding, 4 = fill bits so that every EOL ends on a byte boundary. */
	t4Options: number;
	/** True: a 0 pixel is white (PhotometricInterpretation WhiteIsZero); false: BlackIsZero. */
	whiteIsZero: boolean;
	dpi: number;
	data: Uint8Array;
}

const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

export function writeFaxTiff(image: FaxImage): Uint8Array {
	type Entry = [tag: number, type: number, value: number];
	const entries: Entry[] = [
		[256, LONG, image.width],
		[257, LONG, image.height],
		[258, SHORT, 1],
		[259, SHORT, image.compression],
		[262, SHORT, image.whiteIsZero ? 0 : 1],
		[266, SHORT, 1],
		[273, LONG, 0],
		[277, SHORT, 1],
		[278, LONG, image.height],
		[279, LONG, image.data.length],
		[282, RATIONAL, 0],
		[283, RATIONAL, 0],
		[296, SHORT, 2],
	];
	if (image.compression === 3) entries.push([292, LONG, image.t4Options]);
	if (image.compression === 4) entries.push([293, LONG, 0]);
	entries.sort((one, other) => one[0] - other[0]);
	const ifdSize = 2 + entries.length * 12 + 4;
	const rationalAt = 8 + ifdSize;
	const dataAt = rationalAt + 8;
	const out = new Uint8Array(dataAt + image.data.length);
	const view = new DataView(out.buffer);
	out.set([0x49, 0x49, 0x2a, 0x00]);
	view.setUint32(4, 8, true);
	view.setUint16(8, entries.length, true);
	entries.forEach(([tag, type, value], index) => {
		const at = 10 + index * 12;
		view.setUint16(at, tag, true);
		view.setUint16(at + 2, type, true);
		view.setUint32(at + 4, 1, true);
		// X and Y resolution share one rational; the strip starts after it.
		if (type === RATIONAL) view.setUint32(at + 8, rationalAt, true);
		else if (tag === 273) view.setUint32(at + 8, dataAt, true);
		else if (type === SHORT) view.setUint16(at + 8, value, true);
		else view.setUint32(at + 8, value, true);
	});
	view.setUint32(8 + 2 + entries.length * 12, 0, true);
	view.setUint32(rationalAt, Math.round(image.dpi), true);
	view.setUint32(rationalAt + 4, 1, true);
	out.set(image.data, dataAt);
	return out;
}
