import { decodePng } from '../fixtures/pdf-images';
import { ImageKind } from './image-kind';

// What the service's image decoder would find wrong with an upload that carries a known signature
// (rule 9, after image-kind.ts): a PNG is decoded strictly (every chunk's CRC, one zlib stream of
// exactly the image's rows); a TIFF's first directory must describe an image whose strips lie in
// the file, in a compression common decoders read. The answer's wording is invented.

/** Compressions libtiff (and so most servers' image libraries) decode: none, CCITT RLE/G3/G4, LZW, JPEG, Deflate, PackBits. */
const TIFF_COMPRESSIONS = new Set([1, 2, 3, 4, 5, 7, 8, 32773, 32946]);

function tiffProblem(image: Buffer): string | undefined {
	const little = image[0] === 0x49;
	const u16 = (at: number) => (little ? image.readUInt16LE(at) : image.readUInt16BE(at));
	const u32 = (at: number) => (little ? image.readUInt32LE(at) : image.readUInt32BE(at));
	if (image.length < 16) return 'TIFF太短';
	const ifd = u32(4);
	if (ifd + 2 > image.length) return 'TIFF目录不在文件内';
	const tags = new Map<number, number[]>();
	const count = u16(ifd);
	if (ifd + 2 + count * 12 > image.length) return 'TIFF目录不完整';
	for (let index = 0; index < count; index++) {
		const entry = ifd + 2 + index * 12;
		const [type, values] = [u16(entry + 2), u32(entry + 4)];
		const size = type === 3 ? 2 : 4;
		const at = values * size <= 4 ? entry + 8 : u32(entry + 8);
		if (at + values * size > image.length) return 'TIFF标签值不在文件内';
		tags.set(u16(entry), Array.from({ length: values }, (_, i) => (size === 2 ? u16(at + i * 2) : u32(at + i * 4))));
	}
	const [width, height] = [tags.get(256)?.[0] ?? 0, tags.get(257)?.[0] ?? 0];
	if (width === 0 || height === 0) return 'TIFF缺少图像尺寸';
	if (!TIFF_COMPRESSIONS.has(tags.get(259)?.[0] ?? 1)) return `不支持的TIFF压缩方式${tags.get(259)?.[0]}`;
	const offsets = tags.get(273) ?? tags.get(324);
	const counts = tags.get(279) ?? tags.get(325);
	if (!offsets || !counts || offsets.length !== counts.length) return 'TIFF缺少图像数据位置';
	if (offsets.some((offset, i) => offset + counts[i] > image.length)) return 'TIFF图像数据超出文件';
	return undefined;
}

/**
 * A problem the decoder would report, or the decoded pixels (a PNG's inflated rows) in which
 * sandbox markers are looked for as well, so a page image made of pixels can carry one.
 */
export function decodeImage(image: Buffer, kind: ImageKind): { problem?: string; pixels?: Buffer } {
	if (kind === 'tiff') return { problem: tiffProblem(image) };
	if (kind !== 'png') return {};
	try {
		return { pixels: decodePng(image).scanlines };
	} catch (error) {
		return { problem: `PNG解码失败(${(error as Error).message})` };
	}
}
