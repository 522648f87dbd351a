import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

/** Read size: a multiple of 3 bytes, so every chunk but the last is whole base64 groups. */
const CHUNK_BYTES = 3 * 16 * 1024;

/**
 * Up to this size (more than ETOP accepts in any encoding) a stored image is read in one piece
 * with getBinaryDataBuffer: a stream allocates a new buffer for every chunk, so the two streamed
 * passes of a base64 upload left about twice the image as garbage at the memory peak. Only a
 * bigger image, which the node refuses by its size and head, is streamed.
 */
export const WHOLE_READ_BYTES = 16 * 1024 * 1024;

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
	 * the last. A chunk is only valid during the call: its memory may be reused for the next one.
	 */
	forEachChunk(visit: (chunk: Buffer) => void): Promise<void>;
	/** All the bytes, when they were read whole (a PDF's pages are then read from them, no second read). */
	readonly whole?: Buffer;
}

export function bufferSource(bytes: Buffer): ImageSource {
	return {
		whole: bytes,
		size: bytes.length,
		head: bytes.subarray(0, HEAD_BYTES),
		async forEachChunk(visit) {
			for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
				visit(bytes.subarray(start, start + CHUNK_BYTES));
			}
		},
	};
}

type Helpers = IExecuteSingleFunctions['helpers'];

/**
 * The image in the item's binary field `propertyName`, read only through n8n's binary helpers,
 * so it works in every binary data mode (memory, filesystem, S3, database). Stored data (it has an
 * id) of over 1 MiB is streamed on every pass and never held whole; a smaller one, or one held in
 * the item itself, is read once.
 */
export async function binarySource(context: IExecuteSingleFunctions, propertyName: string): Promise<ImageSource> {
	const binary = context.helpers.assertBinaryData(propertyName);
	const size = binary.id ? await storedSize(context.helpers, binary as IBinaryData & { id: string }) : undefined;
	if (size === undefined || size <= WHOLE_READ_BYTES) {
		return bufferSource(await context.helpers.getBinaryDataBuffer(propertyName));
	}
	return await streamedSource(context.helpers, binary.id!, size);
}

/** n8n's record of the stored length: on the item since n8n 1.x's `bytes`, else in the store. */
async function storedSize(helpers: Helpers, binary: IBinaryData & { id: string }): Promise<number> {
	if (typeof binary.bytes === 'number') return binary.bytes;
	return (await helpers.getBinaryMetadata(binary.id)).fileSize;
}

async function streamedSource(helpers: Helpers, id: string, size: number): Promise<ImageSource> {
	const head = await readHead(helpers, id);
	return {
		size,
		head,
		async forEachChunk(visit) {
			let read = 0;
			await forEachGroupedChunk(await helpers.getBinaryStream(id, CHUNK_BYTES), (chunk) => {
				read += chunk.length;
				if (read > size) throw new Error('The stored binary data grew while it was read');
				visit(chunk);
			});
			if (read < size) throw new Error('The stored binary data became shorter while it was read');
		},
	};
}

async function readHead(helpers: Helpers, id: string): Promise<Uint8Array> {
	const parts: Buffer[] = [];
	let length = 0;
	// Leaving the loop early closes the stream: only the first bytes are read.
	for await (const chunk of await helpers.getBinaryStream(id, HEAD_BYTES)) {
		parts.push(chunk as Buffer);
		length += (chunk as Buffer).length;
		if (length >= HEAD_BYTES) break;
	}
	return Buffer.concat(parts, length).subarray(0, HEAD_BYTES);
}

/**
 * A store's stream may cut its data anywhere (S3, database); the chunks are regrouped into whole
 * base64 groups. Each chunk waits for the next one (or the end), so that a chunk that already is
 * whole groups (the filesystem's, read CHUNK_BYTES at a time) and the last one pass as they are.
 */
async function forEachGroupedChunk(stream: AsyncIterable<unknown>, visit: (chunk: Buffer) => void): Promise<void> {
	let pending: Buffer | undefined;
	for await (const piece of stream) {
		let chunk = piece as Buffer;
		if (pending) {
			const whole = pending.length - (pending.length % 3);
			if (whole > 0) visit(whole === pending.length ? pending : pending.subarray(0, whole));
			if (whole < pending.length) chunk = Buffer.concat([pending.subarray(whole), chunk]);
		}
		pending = chunk;
	}
	if (pending?.length) visit(pending);
}
