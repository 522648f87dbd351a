import { downloadImage } from './download';
import { decodeImage } from './image-decode';
import { imageKind } from './image-kind';
import { MAX_IMAGE_BYTES } from './limits';
import { RequestInput } from './request-input';
import { ImageSource, reject, Rejection } from './validate';

// Rules 9 and 10: turn the one image source into bytes, or say why not (16 / -8). `filedata` is read as `file` is.

/** `pixels`: a PNG's decoded rows, where markers are looked for too (image-decode.ts). */
export type LoadedImage = { image: Buffer; pixels?: Buffer } | { rejection: Rejection; imageBytes: number };

const refuse = (code: Rejection['code'], detail: string, imageBytes = 0): LoadedImage => ({
	rejection: reject(code, detail),
	imageBytes,
});

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of `file`, or undefined when it is not strict base64 (line breaks are tolerated, as the vendor's Java sample makes them). */
export function decodeBase64(text: string): Buffer | undefined {
	const compact = text.includes('\n') ? text.replace(/\r?\n/g, '') : text;
	if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
	return Buffer.from(compact, 'base64');
}

function judge(image: Buffer): LoadedImage {
	const kind = imageKind(image);
	if (!kind) return refuse('16', '不是JPEG/PNG/BMP/GIF/TIFF/WebP图片', image.length);
	const { problem, pixels } = decodeImage(image, kind);
	if (problem) return refuse('16', problem, image.length);
	return pixels ? { image, pixels } : { image };
}

export async function loadImage(source: ImageSource, input: RequestInput, downloadTimeoutMs: number): Promise<LoadedImage> {
	if (source === 'file' || source === 'filedata') {
		const text = input.fields.get(source) ?? '';
		const rawLength = input.rawLengths.get(source) ?? 0;
		if (rawLength > MAX_IMAGE_BYTES) {
			return refuse('16', `图片base64编码urlencode后大小超过5M(${rawLength}字节)`);
		}
		if (/^data:/i.test(text.trimStart())) {
			return refuse('16', `${source}参数不能带图片头(data:image/...;base64,)`);
		}
		const image = decodeBase64(text);
		return image ? judge(image) : refuse('16', `${source}参数不是合法的base64`);
	}
	if (source === 'mfile') {
		const data = input.mfile!.data;
		if (data.length > MAX_IMAGE_BYTES) return refuse('16', `图片超过5M(${data.length}字节)`, data.length);
		return judge(data);
	}
	const got = await downloadImage(input.fields.get('urlPath') ?? '', downloadTimeoutMs);
	if (!got.ok) return refuse(got.tooLarge ? '16' : '-8', got.reason);
	return judge(got.data);
}
