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
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

export const IMAGE_FORMATS: readonly ImageFormat[] = [
	{ name: 'JPEG', mimeType: 'image/jpeg', extension: 'jpg', signature: [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }] },
	{ name: 'PNG', mimeType: 'image/png', extension: 'png', signature: [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
	{ name: 'BMP', mimeType: 'image/bmp', extension: 'bmp', signature: [{ offset: 0, bytes: ascii('BM') }] },
	{ name: 'GIF', mimeType: 'image/gif', extension: 'gif', signature: [{ offset: 0, bytes: ascii('GIF8') }] },
	{ name: 'TIFF', mimeType: 'image/tiff', extension: 'tif', signature: [{ offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] }] },
	{ name: 'TIFF', mimeType: 'image/tiff', extension: 'tif', signature: [{ offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] }] },
	{ name: 'WebP', mimeType: 'image/webp', extension: 'webp', signature: [{ offset: 0, bytes: ascii('RIFF') }, { offset: 8, bytes: ascii('WEBP') }] },
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
