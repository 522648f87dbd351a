import { open } from 'node:fs/promises';

/** Read size: a multiple of 3 bytes, so every chunk but the last is whole base64 groups. */
const CHUNK_BYTES = 3 * 16 * 1024;

/** Up to this size a stored image is read in one piece: fewer file operations, little memory. */
const WHOLE_READ_BYTES = 1024 * 1024;

/** Bytes the format checks look at (describeNonImage reads up to 512). */
export const HEAD_BYTES = 512;

/**
 * An image's bytes, to be read more than once without holding a copy: the url-encoded form body
 * is sized by one pass and written by a second.
 */
export interface ImageSource {
	readonly size: number;
	/** The first HEAD_BYTES bytes (fewer for a smaller image). */
	readonly head: Uint8Array;
	/**
	 * Calls `visit` with the bytes in order, in chunks that are a multiple of 3 bytes long except
	 * the last. A chunk is only valid during the call: its memory is reused for the next one.
	 */
	forEachChunk(visit: (chunk: Buffer) => void): Promise<void>;
}

export function bufferSource(bytes: Buffer): ImageSource {
	return {
		size: bytes.length,
		head: bytes.subarray(0, HEAD_BYTES),
		async forEachChunk(visit) {
			for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
				visit(bytes.subarray(start, start + CHUNK_BYTES));
			}
		},
	};
}

/**
 * A stored file (n8n's filesystem binary mode). A small one is read whole; a big one through one
 * small buffer per pass, so the image is never in memory as a whole. `size` is n8n's record of
 * the file's length, when it keeps one; otherwise the file is asked. A file operation costs more
 * main-thread time than reading 100 KB, so there are as few as possible: open, read, close.
 */
export async function fileSource(path: string, size?: number): Promise<ImageSource> {
	const file = await open(path, 'r');
	try {
		const length = size ?? (await file.stat()).size;
		const whole = length <= WHOLE_READ_BYTES;
		const bytes = Buffer.allocUnsafe(whole ? length : HEAD_BYTES);
		await readFully(file, bytes, 0);
		return whole ? bufferSource(bytes) : chunkedFileSource(path, length, bytes);
	} finally {
		await file.close();
	}
}

function chunkedFileSource(path: string, size: number, head: Uint8Array): ImageSource {
	return {
		size,
		head,
		async forEachChunk(visit) {
			const file = await open(path, 'r');
			try {
				const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
				for (let position = 0; position < size; position += CHUNK_BYTES) {
					const part = chunk.subarray(0, Math.min(CHUNK_BYTES, size - position));
					await readFully(file, part, position);
					visit(part);
				}
			} finally {
				await file.close();
			}
		},
	};
}

type FileHandle = Awaited<ReturnType<typeof open>>;

/** Fills `target` from `position`; a file that ends early is an error, not a short image. */
async function readFully(file: FileHandle, target: Buffer, position: number): Promise<void> {
	for (let filled = 0; filled < target.length; ) {
		const { bytesRead } = await file.read(target, filled, target.length - filled, position + filled);
		if (bytesRead === 0) throw new Error('The stored binary file became shorter while it was read');
		filled += bytesRead;
	}
}
