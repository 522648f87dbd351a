// Turns a page's image XObject into an image file the service reads, without rendering:
// - JPEG (/DCTDecode): the JPEG file itself, byte for byte;
// - CCITT fax (/CCITTFaxDecode, black-and-white scanner modes): the fax data untouched, in a TIFF;
// - pixels (Flate, LZW, run-length or no compression; grey, RGB, CMYK or a palette; 1 to 16
//   bits): a PNG. Flate data with a PNG predictor is already PNG scanlines and goes into the
//   PNG as it is; other pixels get their filter bytes and are deflated again.
// What is decided here is plain data, so a page can be encoded later from a fresh read of the
// PDF without the document being held in memory.

import { settle } from '../../shared/settle';
import { adler32, deflate } from './deflate';
import { PdfDocument } from './document';
import { decodeFilters, FLATE, PdfDecodeError, rowLayout, unpredict, type FilterStep } from './filters';
import { InflateError, inflateZlib } from './inflate';
import { writePng, PNG_GREY, PNG_PALETTE, PNG_RGB, type PngImage } from './png';
import { PdfError, RENDER_FIX, type PdfProblem } from './problem';
import { isDict, isStream, nameOf, PdfString, type PdfStream, type PdfValue } from './syntax';
import { writeFaxTiff, type FaxCompression } from './tiff';

export type PageImageFormat = 'JPEG' | 'PNG' | 'TIFF';

export interface PageImageEncoding {
	format: PageImageFormat;
	extension: string;
	/** Makes the image file from the image stream's data as stored in the PDF; throws PdfError. */
	encode(stored: Uint8Array): Uint8Array;
}

type Colour = { kind: 'grey' | 'rgb' | 'cmyk' } | { kind: 'indexed'; base: 'grey' | 'rgb' | 'cmyk'; highest: number; lookup: Uint8Array };

const COMPONENTS = { grey: 1, rgb: 3, cmyk: 4, indexed: 1 } as const;

/** Decoded pixels bigger than this are not converted (a 600 dpi A4 colour page is about 100 MB). */
const MAX_PIXEL_BYTES = 128 * 1024 * 1024;

const JPEG = ['DCTDecode', 'DCT'];
const CCITT = ['CCITTFaxDecode', 'CCF'];
const NOT_READ: Record<string, string> = {
	JPXDecode: 'JPEG 2000',
	JBIG2Decode: 'JBIG2 (black and white)',
};
const SCAN_AS_JPEG = 'Scan or save the PDF with JPEG compression (most scanner apps call it "colour" or "greyscale" mode, or "compression: JPEG"), or convert the page to an image first.';

class Unsupported extends Error {}

function colourOf(doc: PdfDocument, value: PdfValue | undefined, depth = 0): Colour {
	const space = doc.resolve(value);
	const name = nameOf(space) ?? (Array.isArray(space) ? nameOf(doc.resolve(space[0])) : undefined);
	if (name === 'DeviceGray' || name === 'G' || name === 'CalGray') return { kind: 'grey' };
	if (name === 'DeviceRGB' || name === 'RGB' || name === 'CalRGB') return { kind: 'rgb' };
	if (name === 'DeviceCMYK' || name === 'CMYK') return { kind: 'cmyk' };
	if (Array.isArray(space) && name === 'ICCBased') {
		const profile = doc.resolve(space[1]);
		const components = isStream(profile) ? doc.get(profile.dict, 'N') : undefined;
		if (components === 1) return { kind: 'grey' };
		if (components === 3) return { kind: 'rgb' };
		if (components === 4) return { kind: 'cmyk' };
		if (isStream(profile) && depth < 2) return colourOf(doc, profile.dict.get('Alternate'), depth + 1);
	}
	if (Array.isArray(space) && (name === 'Indexed' || name === 'I') && depth < 2) {
		const base = colourOf(doc, space[1], depth + 1);
		const highest = doc.resolve(space[2]);
		const table = doc.resolve(space[3]);
		const lookup = table instanceof PdfString ? table.bytes : isStream(table) ? doc.decode(table).data : undefined;
		if (base.kind === 'indexed' || typeof highest !== 'number' || !lookup) throw new Unsupported('a palette (Indexed colour space) it cannot read');
		return { kind: 'indexed', base: base.kind, highest, lookup };
	}
	throw new Unsupported(`the ${name ?? 'unknown'} colour space`);
}

/** CMYK (0–255 each) → RGB, the naive way PDF viewers use without a colour profile. */
function cmykToRgb(cmyk: Uint8Array, pixels: number, out: Uint8Array, outAt = 0) {
	for (let pixel = 0; pixel < pixels; pixel++) {
		const white = 255 - cmyk[pixel * 4 + 3];
		for (let channel = 0; channel < 3; channel++) out[outAt + pixel * 3 + channel] = Math.round(((255 - cmyk[pixel * 4 + channel]) * white) / 255);
	}
}

/** The palette as PNG's RGB triplets, `inverted` when the /Decode array reverses the indexes. */
function rgbPalette(colour: Extract<Colour, { kind: 'indexed' }>, bitsPerComponent: number, inverted: boolean): Uint8Array {
	const entries = Math.min(colour.highest + 1, 1 << bitsPerComponent, 256);
	const width = COMPONENTS[colour.base];
	if (colour.lookup.length < entries * width) throw new Unsupported('a palette shorter than its colour count');
	const palette = new Uint8Array(entries * 3);
	for (let index = 0; index < entries; index++) {
		const source = inverted ? (1 << bitsPerComponent) - 1 - index : index;
		const entry = colour.lookup.subarray(source * width, source * width + width);
		if (colour.base === 'grey') palette.fill(entry[0] ?? 0, index * 3, index * 3 + 3);
		else if (colour.base === 'rgb') palette.set(entry, index * 3);
		else cmykToRgb(entry, 1, palette, index * 3);
	}
	return palette;
}

/** Whether /Decode is the default (false), exactly inverted (true), or something else (throws). */
function decodeInverted(doc: PdfDocument, image: PdfStream, components: number, highest: number): boolean {
	const value = doc.get(image.dict, 'Decode') ?? doc.get(image.dict, 'D');
	if (!Array.isArray(value)) return false;
	const numbers = value.map((item) => doc.resolve(item));
	const matches = (low: number, high: number) => numbers.length === components * 2 && numbers.every((item, index) => item === (index % 2 === 0 ? low : high));
	if (matches(0, highest)) return false;
	if (matches(highest, 0)) return true;
	throw new Unsupported('an unusual /Decode array (colour remapping)');
}

const number = (doc: PdfDocument, dict: Map<string, PdfValue>, key: string, fallback: number) => {
	const value = doc.get(dict, key);
	return typeof value === 'number' ? value : fallback;
};

const flag = (doc: PdfDocument, dict: Map<string, PdfValue> | undefined, key: string, fallback: boolean) => {
	const value = dict ? doc.get(dict, key) : undefined;
	return typeof value === 'boolean' ? value : fallback;
};

/** The filter steps before `index` decoded (usually none), then `make` on what they leave. */
function encoding(format: PageImageFormat, extension: string, leading: FilterStep[], make: (data: Uint8Array) => Uint8Array): PageImageEncoding {
	return {
		format,
		extension,
		encode: (stored) => {
			const decoded = leading.length === 0 ? stored : decodeFilters(stored, leading, [], MAX_PIXEL_BYTES).data;
			return make(decoded);
		},
	};
}

function jpegEncoding(page: number, leading: FilterStep[]): PageImageEncoding {
	return encoding('JPEG', 'jpg', leading, (data) => {
		if (data[0] !== 0xff || data[1] !== 0xd8) throw new PdfError(`the JPEG image of page ${page} is damaged (it does not start like a JPEG)`, RENDER_FIX);
		return data;
	});
}

function faxEncoding(doc: PdfDocument, image: PdfStream, leading: FilterStep[], index: number, size: { width: number; height: number; dpi: number }): PageImageEncoding {
	const parmsValue = doc.get(image.dict, 'DecodeParms') ?? doc.get(image.dict, 'DP');
	const parmsItem = Array.isArray(parmsValue) ? doc.resolve(parmsValue[index]) : parmsValue;
	const parms = isDict(parmsItem) ? parmsItem : undefined;
	const k = parms ? number(doc, parms, 'K', 0) : 0;
	const byteAligned = flag(doc, parms, 'EncodedByteAlign', false);
	const endOfLine = flag(doc, parms, 'EndOfLine', false);
	const columns = parms ? number(doc, parms, 'Columns', 1728) : 1728;
	const rows = parms ? number(doc, parms, 'Rows', 0) : 0;
	let compression: FaxCompression;
	let t4Options = 0;
	if (k < 0 && !byteAligned) compression = 4;
	else if (k >= 0 && endOfLine) {
		compression = 3;
		t4Options = (k > 0 ? 1 : 0) | (byteAligned ? 4 : 0);
	} else if (k === 0 && byteAligned) compression = 2;
	else throw new Unsupported(`a CCITT fax variant TIFF cannot hold (${k < 0 ? 'Group 4 with byte-aligned rows' : 'Group 3 without end-of-line codes'})`);
	if (columns !== size.width) throw new Unsupported(`CCITT data ${columns} pixels wide in an image ${size.width} wide`);
	const bitsPerComponent = number(doc, image.dict, 'BitsPerComponent', 1);
	const mask = flag(doc, image.dict, 'ImageMask', false);
	if (!mask && (bitsPerComponent !== 1 || colourOf(doc, image.dict.get('ColorSpace') ?? image.dict.get('CS')).kind !== 'grey')) {
		throw new Unsupported('CCITT fax data that is not black and white');
	}
	// A black run shows black when BlackIs1 (black runs decode to 1) and /Decode (1 shows white by default) agree.
	const blackShowsBlack = flag(doc, parms, 'BlackIs1', false) === decodeInverted(doc, image, 1, 1);
	return encoding('TIFF', 'tif', leading, (data) =>
		writeFaxTiff({ width: size.width, height: rows > 0 ? rows : size.height, compression, t4Options, whiteIsZero: blackShowsBlack, dpi: size.dpi, data }),
	);
}

function pixelEncoding(doc: PdfDocument, image: PdfStream, page: number, steps: FilterStep[], size: { width: number; height: number; dpi: number | undefined }): PageImageEncoding {
	const mask = flag(doc, image.dict, 'ImageMask', false);
	const bitsPerComponent = mask ? 1 : number(doc, image.dict, 'BitsPerComponent', 8);
	// A stencil mask paints its 0 samples (black ink on white paper, as scans are): a 1-bit grey image.
	const colour: Colour = mask ? { kind: 'grey' } : colourOf(doc, image.dict.get('ColorSpace') ?? image.dict.get('CS'));
	if (![1, 2, 4, 8, 16].includes(bitsPerComponent) || (colour.kind === 'indexed' && bitsPerComponent > 8)) throw new Unsupported(`${bitsPerComponent}-bit samples`);
	if (colour.kind === 'cmyk' && bitsPerComponent !== 8) throw new Unsupported(`${bitsPerComponent}-bit CMYK`);
	const components = COMPONENTS[colour.kind];
	const highest = colour.kind === 'indexed' ? (1 << bitsPerComponent) - 1 : 1;
	const inverted = decodeInverted(doc, image, components, highest);
	const { width, height } = size;
	const layout = { predictor: 15, colors: components, bitsPerComponent, columns: width };
	const { rowBytes } = rowLayout(layout);
	if (width < 1 || height < 1 || rowBytes * height > MAX_PIXEL_BYTES) throw new Unsupported(`a size of ${width}×${height} pixels`);
	const png = (colourType: PngImage['colourType'], bitDepth: number, zlib: Uint8Array, palette?: Uint8Array) => writePng({ width, height, bitDepth, colourType, palette, dpi: size.dpi, zlib });
	const palette = colour.kind === 'indexed' ? rgbPalette(colour, bitsPerComponent, inverted) : undefined;
	const colourType = colour.kind === 'indexed' ? PNG_PALETTE : colour.kind === 'grey' ? PNG_GREY : PNG_RGB;
	const unreadable = (error: unknown) =>
		error instanceof PdfDecodeError || error instanceof InflateError ? new PdfError(`the image of page ${page} cannot be read (${error.message})`, RENDER_FIX) : error;
	const cut = () => new PdfError(`the image data of page ${page} is shorter than its size (${width}×${height} pixels): the PDF is damaged`, RENDER_FIX);

	/** Rows of samples → PNG (filter type 0 on every row), converting CMYK and a /Decode inversion. */
	const fromSamples = (samples: Uint8Array) => {
		if (samples.length < rowBytes * height) throw cut();
		const outRow = colour.kind === 'cmyk' ? width * 3 : rowBytes;
		const rows = new Uint8Array((outRow + 1) * height);
		for (let row = 0; row < height; row++) {
			const source = samples.subarray(row * rowBytes, (row + 1) * rowBytes);
			const at = row * (outRow + 1) + 1;
			if (colour.kind === 'cmyk') cmykToRgb(source, width, rows, at);
			else if (inverted && colour.kind !== 'indexed') for (let index = 0; index < rowBytes; index++) rows[at + index] = ~source[index] & 0xff;
			else rows.set(source, at);
		}
		return png(colourType, colour.kind === 'cmyk' ? 8 : bitsPerComponent, deflate(rows), palette);
	};

	const last = steps[steps.length - 1];
	const prediction = last?.predictor;
	const scanlines =
		steps.length === 1 &&
		FLATE.includes(last.name) &&
		prediction !== undefined &&
		prediction.predictor >= 10 &&
		prediction.colors === components &&
		prediction.bitsPerComponent === bitsPerComponent &&
		prediction.columns === width &&
		colour.kind !== 'cmyk' &&
		(!inverted || colour.kind === 'indexed');
	if (!scanlines) {
		return encoding('PNG', 'png', [], (stored) => {
			const decoded = settle(() => decodeFilters(stored, steps, [], MAX_PIXEL_BYTES + height));
			if (!decoded.ok) throw unreadable(decoded.error);
			return fromSamples(decoded.value.data);
		});
	}
	// PNG-predicted Flate data is PNG's own IDAT when it is a whole zlib stream of exactly the image's rows.
	return encoding('PNG', 'png', [], (stored) => {
		const expected = (rowBytes + 1) * height;
		const read = settle(() => inflateZlib(stored, expected + 65536, expected, adler32));
		if (!read.ok) throw unreadable(read.error);
		const { bytes, zlibLength } = read.value;
		if (bytes.length < expected) throw cut();
		let typesValid = true;
		for (let row = 0; row < height && typesValid; row++) typesValid = bytes[row * (rowBytes + 1)] <= 4;
		if (zlibLength !== undefined && bytes.length === expected && typesValid) return png(colourType, bitsPerComponent, stored.subarray(0, zlibLength), palette);
		// A stream PNG would not take as it is (no zlib header, a wrong checksum, extra data): filtered again.
		const samples = settle(() => unpredict(bytes.subarray(0, expected), layout));
		if (!samples.ok) throw unreadable(samples.error);
		return fromSamples(samples.value);
	});
}

/**
 * How the page's image is sent, or why it cannot be: `dpi` is the scan's resolution on the page
 * when known.
 */
export function pageImageEncoding(doc: PdfDocument, image: PdfStream, page: number, dpi: number | undefined): PageImageEncoding | PdfProblem {
	const width = number(doc, image.dict, 'Width', 0);
	const height = number(doc, image.dict, 'Height', 0);
	const steps = doc.filterSteps(image);
	const at = steps.findIndex((step) => JPEG.includes(step.name) || CCITT.includes(step.name) || NOT_READ[step.name] !== undefined);
	const leading = at < 0 ? steps : steps.slice(0, at);
	const kind = at < 0 ? undefined : steps[at].name;
	const decided = settle(() => {
		if (kind && NOT_READ[kind]) return { reason: `page ${page} is a scan stored as ${NOT_READ[kind]}, which ETOP does not read and the node cannot convert without rendering`, fix: SCAN_AS_JPEG };
		if (at >= 0 && at !== steps.length - 1) throw new Unsupported(`a ${kind} image with further filters after it`);
		if (kind && JPEG.includes(kind)) {
			const colour = flag(doc, image.dict, 'ImageMask', false) ? undefined : colourOf(doc, image.dict.get('ColorSpace') ?? image.dict.get('CS'));
			// A CMYK JPEG's /Decode usually undoes Adobe's inverted CMYK, which JPEG decoders undo themselves.
			if (colour && colour.kind !== 'cmyk' && decodeInverted(doc, image, COMPONENTS[colour.kind], colour.kind === 'indexed' ? 255 : 1)) {
				throw new Unsupported('a JPEG shown as its negative (/Decode inverts it)');
			}
			return jpegEncoding(page, leading);
		}
		if (kind && CCITT.includes(kind)) return faxEncoding(doc, image, leading, at, { width, height, dpi: dpi ?? 200 });
		return pixelEncoding(doc, image, page, steps, { width, height, dpi });
	});
	if (decided.ok) return decided.value;
	if (decided.error instanceof Unsupported || decided.error instanceof PdfDecodeError) {
		return { reason: `page ${page} is a scan stored with ${decided.error.message}, which the node cannot convert to an image ETOP reads`, fix: SCAN_AS_JPEG };
	}
	throw decided.error;
}
