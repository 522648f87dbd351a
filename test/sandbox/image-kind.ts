// The service accepts JPEG, PNG, BMP, GIF, TIFF and WebP; the sandbox judges an upload by its magic bytes only.
export type ImageKind = 'jpeg' | 'png' | 'bmp' | 'gif' | 'tiff' | 'webp';

const startsWith = (b: Buffer, bytes: number[], at = 0): boolean =>
	b.length >= at + bytes.length && bytes.every((v, i) => b[at + i] === v);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

export function imageKind(b: Buffer): ImageKind | null {
	if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'gif';
	if (startsWith(b, ascii('II*\0')) || startsWith(b, ascii('MM\0*'))) return 'tiff';
	if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'webp';
	// 'BM' alone is too weak: also require a sane header size (BITMAPCOREHEADER .. BITMAPV5HEADER)
	if (startsWith(b, ascii('BM')) && b.length >= 26) {
		const header = b.readUInt32LE(14);
		if ([12, 40, 52, 56, 64, 108, 124].includes(header)) return 'bmp';
	}
	return null;
}
