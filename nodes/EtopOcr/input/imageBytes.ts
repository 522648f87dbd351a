import { IMAGE_FORMATS, OTHER_FORMATS, TAIL_BYTES, type ImageFormat } from '../data/imageFormats';
import type { ImageSource } from './imageSource';

/** The API's limit for the `file` field once url-encoded, and the one we apply to `mfile`. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, offset: number, pattern: number[]) =>
	pattern.every((byte, index) => bytes[offset + index] === byte);

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
	return IMAGE_FORMATS.find((format) =>
		format.signature.every(({ offset, bytes: pattern }) => startsWith(bytes, offset, pattern)),
	);
}

/** Keeps the last TAIL_BYTES of the chunks it is shown (copied: a chunk's memory is reused for the next one). */
export class TailBytes {
	bytes: Uint8Array = Buffer.alloc(0);

	readonly keep = (chunk: Buffer): void => {
		const joined = chunk.length >= TAIL_BYTES ? chunk : Buffer.concat([this.bytes, chunk]);
		this.bytes = Buffer.from(joined.subarray(Math.max(0, joined.length - TAIL_BYTES)));
	};
}

/** `image`, whose passes also show every chunk to `tap`: a pass that is made anyway collects the tail. */
export function tapped(image: ImageSource, tap: (chunk: Buffer) => void): ImageSource {
	return {
		size: image.size,
		head: image.head,
		forEachChunk: async (visit) =>
			await image.forEachChunk((chunk) => {
				tap(chunk);
				visit(chunk);
			}),
	};
}

/** The last TAIL_BYTES of an image, by a pass of its own. */
export async function imageTail(image: ImageSource): Promise<Uint8Array> {
	const tail = new TailBytes();
	await image.forEachChunk(tail.keep);
	return tail.bytes;
}

/** A short description of what the bytes are instead of an image, for error messages. */
export function describeNonImage(bytes: Uint8Array): string {
	const known = OTHER_FORMATS.find(({ offset, bytes: pattern }) => startsWith(bytes, offset, pattern));
	if (known) return known.name;
	const head = bytes.subarray(0, 512);
	const printable = head.every((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127) || byte >= 128);
	return printable ? 'text' : 'an unknown binary format';
}

/** Strips a `data:...;base64,` prefix and all whitespace, as users paste base64 with both. */
export function normalizeBase64(text: string): string {
	return text.replace(/^\s*data:[^,]*,/i, '').replace(/\s+/g, '');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isBase64(text: string): boolean {
	return text.length > 0 && text.length % 4 === 0 && BASE64.test(text);
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}
