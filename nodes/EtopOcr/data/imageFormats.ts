/**
 * Image formats the ETOP service reads, recognised by their leading bytes (never by file name
 * or MIME type, which mail clients and uploads often get wrong).
 */
export interface ImageFormat {
	name: string;
	mimeType: string;
	extension: string;
	/** Byte patterns at given offsets; all must match. */
	signature: Array<{ offset: number; bytes: number[] }>;
	/**
	 * Why bytes that carry the signature are still not a whole image of this format (a truncated
	 * upload, a text that merely starts with "GIF8"), or undefined when they are plausible. Looks
	 * at the first bytes (`head`), the last ones (`tail`) and the whole `size`.
	 */
	problem: (image: ImageBytes) => string | undefined;
}

export interface ImageBytes {
	/** The first bytes of the file (up to 512). */
	head: Uint8Array;
	/** The last bytes of the file (up to TAIL_BYTES). */
	tail: Uint8Array;
	size: number;
}

/** How far from the end the end markers are looked for: some writers pad a file after them. */
export const TAIL_BYTES = 1024;

const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32le = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const u32be = (b: Uint8Array, at: number) => b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
const i32le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
const fourCc = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

function contains(bytes: Uint8Array, pattern: number[]): boolean {
	outer: for (let at = 0; at + pattern.length <= bytes.length; at++) {
		for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) continue outer;
		return true;
	}
	return false;
}

const TRUNCATED = 'it has no end marker, so the file is cut short or damaged';

function jpegProblem({ head, tail, size }: ImageBytes): string | undefined {
	// After the start marker FF D8 comes another marker: APPn, a table, a frame or a comment.
	if (size < 4 || head[3] < 0xc0 || head[3] === 0xff) return 'it has no JPEG segment after the start marker';
	return contains(tail, [0xff, 0xd9]) ? undefined : TRUNCATED;
}

function pngProblem({ head, tail, size }: ImageBytes): string | undefined {
	// The first chunk is IHDR, 13 bytes long: width, height, bit depth, colour type.
	if (size < 45 || u32be(head, 8) !== 13 || fourCc(head, 12) !== 'IHDR') return 'it has no PNG header (IHDR)';
	const width = u32be(head, 16);
	const height = u32be(head, 20);
	if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return `its header gives a size of ${width}×${height} pixels`;
	if (![1, 2, 4, 8, 16].includes(head[24]) || ![0, 2, 3, 4, 6].includes(head[25])) return 'its PNG header is not valid';
	return contains(tail, [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]) ? undefined : TRUNCATED;
}

function gifProblem({ head, tail, size }: ImageBytes): string | undefined {
	const version = String.fromCharCode(...head.subarray(0, 6));
	if (size < 14 || (version !== 'GIF87a' && version !== 'GIF89a')) return 'it is not a GIF87a or GIF89a file';
	if (u16le(head, 6) === 0 || u16le(head, 8) === 0) return `its header gives a size of ${u16le(head, 6)}×${u16le(head, 8)} pixels`;
	return tail.includes(0x3b) ? undefined : TRUNCATED;
}

const BMP_HEADER_SIZES = [12, 40, 52, 56, 64, 108, 124];

function bmpProblem({ head, size }: ImageBytes): string | undefined {
	if (size < 26 || !BMP_HEADER_SIZES.includes(u32le(head, 14))) return 'it has no BMP image header';
	const core = u32le(head, 14) === 12;
	const width = core ? u16le(head, 18) : i32le(head, 18);
	const height = core ? u16le(head, 20) : i32le(head, 22);
	if (width <= 0 || height === 0) return `its header gives a size of ${width}×${Math.abs(height)} pixels`;
	return u32le(head, 10) < size ? undefined : 'its pixel data lies beyond the end of the file, so the file is cut short';
}

function tiffProblem({ head, size }: ImageBytes): string | undefined {
	const first = head[0] === 0x49 ? u32le(head, 4) : u32be(head, 4);
	return size >= 16 && first >= 8 && first < size ? undefined : 'its first image directory lies outside the file, so the file is cut short or damaged';
}

function webpProblem({ head, size }: ImageBytes): string | undefined {
	if (size < 20 || !['VP8 ', 'VP8L', 'VP8X'].includes(fourCc(head, 12))) return 'it has no WebP image chunk';
	// The RIFF size counts everything after its first 8 bytes (a pad byte may follow).
	return u32le(head, 4) + 8 <= size + 1 ? undefined : 'it is shorter than its RIFF header says, so the file is cut short';
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

export const IMAGE_FORMATS: readonly ImageFormat[] = [
	{ name: 'JPEG', mimeType: 'image/jpeg', extension: 'jpg', signature: [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }], problem: jpegProblem },
	{
		name: 'PNG',
		mimeType: 'image/png',
		extension: 'png',
		signature: [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
		problem: pngProblem,
	},
	{ name: 'BMP', mimeType: 'image/bmp', extension: 'bmp', signature: [{ offset: 0, bytes: ascii('BM') }], problem: bmpProblem },
	{ name: 'GIF', mimeType: 'image/gif', extension: 'gif', signature: [{ offset: 0, bytes: ascii('GIF8') }], problem: gifProblem },
	{ name: 'TIFF', mimeType: 'image/tiff', extension: 'tif', signature: [{ offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] }], problem: tiffProblem },
	{ name: 'TIFF', mimeType: 'image/tiff', extension: 'tif', signature: [{ offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] }], problem: tiffProblem },
	{
		name: 'WebP',
		mimeType: 'image/webp',
		extension: 'webp',
		signature: [{ offset: 0, bytes: ascii('RIFF') }, { offset: 8, bytes: ascii('WEBP') }],
		problem: webpProblem,
	},
];

/** Well-known files that are not images, so an error can say what was sent instead. */
export const OTHER_FORMATS: ReadonlyArray<{ name: string; offset: number; bytes: number[] }> = [
	{ name: 'a PDF document', offset: 0, bytes: ascii('%PDF') },
	{ name: 'a ZIP archive (or an Office document)', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
	{ name: 'an HTML page', offset: 0, bytes: ascii('<!DOCTYPE') },
	{ name: 'an HTML page', offset: 0, bytes: ascii('<html') },
	{ name: 'an XML or SVG document', offset: 0, bytes: ascii('<?xml') },
	{ name: 'a HEIC/HEIF photo or a video (convert it to JPEG first)', offset: 4, bytes: ascii('ftyp') },
];
