import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

import { EtopOcrApi } from '../../credentials/EtopOcrApi.credentials';
import { WHOLE_READ_BYTES, binarySource, bufferSource, type ImageSource } from '../../nodes/EtopOcr/input/imageSource';
import { urlBase64Length, writeUrlBase64 } from '../../nodes/EtopOcr/input/urlBase64';
import { formBody } from '../../nodes/EtopOcr/transport/formBody';
import { multipartBody } from '../../nodes/EtopOcr/transport/multipartBody';

const CHUNK = 3 * 16 * 1024;
const MIB = 1024 * 1024;

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'etop-body-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Store {
	/** How the store's stream cuts the data: the filesystem's fixed chunks, or any sizes (S3, database). */
	cut?: 'file' | number[];
	/** Whether the item carries n8n's record of the length (`bytes`), or only the store has it. */
	bytesOnItem?: boolean;
}

/**
 * A node context whose binary helpers read a file the way n8n's stores do: by id, as a stream,
 * with the metadata kept beside the data. The image source must use only these.
 */
function storedImage(bytes: Uint8Array, { cut = 'file', bytesOnItem = true }: Store = {}) {
	const path = join(dir, `image-${bytes.length}-${Math.random()}`);
	writeFileSync(path, bytes);
	const binary: IBinaryData = { data: 'filesystem-v2', id: `filesystem-v2:${path}`, mimeType: 'image/png', ...(bytesOnItem ? { bytes: bytes.length } : {}) };
	const opened: number[] = [];
	const helpers = {
		assertBinaryData: () => binary,
		getBinaryDataBuffer: async () => Buffer.from(bytes),
		getBinaryMetadata: async () => ({ fileSize: bytes.length }),
		getBinaryStream: async (_id: string, chunkSize?: number) => {
			opened.push(chunkSize ?? 0);
			if (cut === 'file') return createReadStream(path, { highWaterMark: chunkSize });
			return Readable.from(pieces(path, cut));
		},
	};
	return { path, opened, context: { helpers } as unknown as IExecuteSingleFunctions };
}

async function* pieces(path: string, sizes: number[]): AsyncGenerator<Buffer> {
	let at = 0;
	for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
		for (let i = 0; i < (chunk as Buffer).length; ) {
			const size = sizes[at++ % sizes.length];
			yield (chunk as Buffer).subarray(i, i + size);
			i += size;
		}
	}
}

const stored = async (bytes: Uint8Array, store?: Store) => await binarySource(storedImage(bytes, store).context, 'data');

async function encode(source: ImageSource): Promise<string> {
	const length = await urlBase64Length(source);
	const target = Buffer.alloc(length + 4, '#');
	const end = await writeUrlBase64(source, target, 2);
	expect(end).toBe(length + 2);
	// Nothing is written before the offset or past the counted length.
	expect(target.subarray(0, 2).toString()).toBe('##');
	expect(target.subarray(end).toString()).toBe('##');
	return target.subarray(2, end).toString('latin1');
}

describe('url-encoded base64 of the image', () => {
	const sizes = [0, 1, 2, 3, 4, 5, 100, CHUNK - 1, CHUNK, CHUNK + 1, CHUNK + 2, 2 * CHUNK + 1];
	const kinds: Array<[string, (size: number) => Buffer]> = [
		['random bytes', (size) => randomBytes(size)],
		// Every base64 digit is `/`, so every character is escaped.
		['0xFF bytes', (size) => Buffer.alloc(size, 0xff)],
		// Nothing to escape but the padding: the native fast path.
		['zero bytes', (size) => Buffer.alloc(size)],
		// A first chunk with escapes, then chunks without: both paths in one image.
		['random, then zeros', (size) => Buffer.concat([randomBytes(Math.min(size, 100)), Buffer.alloc(Math.max(0, size - 100))])],
		// Every base64 digit is `+`.
		['0xFB 0xEF 0xBE', (size) => Buffer.from(Array.from({ length: size }, (_, i) => [0xfb, 0xef, 0xbe][i % 3]))],
	];

	it.each(kinds)('matches encodeURIComponent(base64) for %s of every size around the chunk edges, in memory and stored', async (_, make) => {
		for (const size of sizes) {
			const bytes = make(size);
			const expected = encodeURIComponent(bytes.toString('base64'));
			expect(await encode(bufferSource(bytes))).toBe(expected);
			// With n8n's record of the size on the item and without it: the store is asked.
			expect(await encode(await stored(bytes))).toBe(expected);
			expect(await encode(await stored(bytes, { bytesOnItem: false }))).toBe(expected);
		}
	});

	it('streams a stored image over WHOLE_READ_BYTES through getBinaryStream in chunks, with the same result', async () => {
		const bytes = randomBytes(WHOLE_READ_BYTES + 7);
		const { context, opened } = storedImage(bytes);
		const source = await binarySource(context, 'data');
		expect(source.size).toBe(bytes.length);
		expect(Buffer.from(source.head)).toEqual(bytes.subarray(0, 512));
		const sizes: number[] = [];
		await source.forEachChunk((chunk) => sizes.push(chunk.length));
		expect(sizes.slice(0, -1).every((size) => size === CHUNK)).toBe(true);
		expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(bytes.length);
		expect(await encode(source)).toBe(encodeURIComponent(bytes.toString('base64')));
		// The head is read with a small chunk size; each pass opens a stream of its own.
		expect(opened).toEqual([512, CHUNK, CHUNK, CHUNK]);
	});

	it.each([
		['odd sizes', [1, 7, 4096, 2, 65_537]],
		['one byte at a time, then big pieces', [1, 1, 1, 300_001]],
	])('regroups a store stream that cuts the data anywhere (%s) into whole base64 groups', async (_, cut) => {
		const bytes = randomBytes(WHOLE_READ_BYTES + 2);
		const source = await stored(bytes, { cut });
		expect(Buffer.from(source.head)).toEqual(bytes.subarray(0, 512));
		const sizes: number[] = [];
		await source.forEachChunk((chunk) => sizes.push(chunk.length));
		expect(sizes.slice(0, -1).every((size) => size % 3 === 0)).toBe(true);
		expect(await encode(source)).toBe(encodeURIComponent(bytes.toString('base64')));
	});

	it('fails when a stored image gets shorter between the two passes', async () => {
		const bytes = randomBytes(WHOLE_READ_BYTES + 3);
		const { context, path } = storedImage(bytes);
		const source = await binarySource(context, 'data');
		await urlBase64Length(source);
		truncateSync(path, WHOLE_READ_BYTES - MIB);
		await expect(writeUrlBase64(source, Buffer.alloc(2 * WHOLE_READ_BYTES), 0)).rejects.toThrow('became shorter');
	});

	it('fails when a stored image is longer than n8n recorded', async () => {
		const bytes = randomBytes(WHOLE_READ_BYTES + 3);
		const { context, path } = storedImage(bytes);
		const source = await binarySource(context, 'data');
		writeFileSync(path, randomBytes(WHOLE_READ_BYTES + 6));
		await expect(urlBase64Length(source)).rejects.toThrow('grew');
	});

});

describe('form body', () => {
	it('holds the fields and the image field, which decodes back to the image', async () => {
		const bytes = randomBytes(70_000);
		const source = bufferSource(bytes);
		const body = await formBody(
			{ pid: '2', requestId: 'a&b=c +中' },
			{ source: 'file', image: source, encodedLength: await urlBase64Length(source) },
		);
		const form = new URLSearchParams(body.toString('latin1'));
		expect([...form.keys()]).toEqual(['pid', 'requestId', 'file']);
		expect(form.get('requestId')).toBe('a&b=c +中');
		expect(Buffer.from(form.get('file')!, 'base64')).toEqual(bytes);
	});

	it('carries an image URL as urlPath', async () => {
		const body = await formBody({ pid: '2' }, { source: 'urlPath', url: 'https://example.com/a b.jpg?x=1&y=2' });
		expect(Object.fromEntries(new URLSearchParams(body.toString()))).toEqual({ pid: '2', urlPath: 'https://example.com/a b.jpg?x=1&y=2' });
	});

	it('gets key and secret in front from the credential, url-encoded, and the rest unchanged', async () => {
		const body = Buffer.from('pid=2&file=QUJD%2B%2F%3D');
		const credentials = { apiKey: 'k&y=1+2', secret: 's %中/=', endpoint: 'http://localhost/' };
		const options = await new EtopOcrApi().authenticate(credentials, { url: 'http://localhost/', body });
		const sent = options.body as Buffer;
		expect(Buffer.isBuffer(sent)).toBe(true);
		expect(sent.subarray(sent.length - body.length)).toEqual(body);
		expect(Object.fromEntries(new URLSearchParams(sent.toString()))).toEqual({
			key: 'k&y=1+2',
			secret: 's %中/=',
			pid: '2',
			file: 'QUJD+/=',
		});
	});
});

describe('multipart body', () => {
	it('parses back into the fields, key and secret from the credential, and the image with its name and type', async () => {
		const bytes = randomBytes(MIB + 5);
		for (const source of [bufferSource(bytes), await stored(bytes, { cut: [5, 70_001] })]) {
			const { body, contentType } = await multipartBody({ pid: '21', requestId: 'a"b\r\n中' }, source, '发票 "1".jpg', 'image/jpeg');
			const credentials = { apiKey: 'k&y=1+2', secret: 's %中/=', endpoint: 'http://localhost/' };
			const options = await new EtopOcrApi().authenticate(credentials, { url: 'http://localhost/', headers: { 'Content-Type': contentType }, body });
			const form = await new Response(new Uint8Array(options.body as Buffer), { headers: { 'Content-Type': contentType } }).formData();
			expect([...(form as unknown as Map<string, unknown>).keys()]).toEqual(['key', 'secret', 'pid', 'requestId', 'mfile']);
			expect([form.get('key'), form.get('secret'), form.get('pid')]).toEqual(['k&y=1+2', 's %中/=', '21']);
			expect(form.get('requestId')).toBe('a"b\r\n中');
			const file = form.get('mfile') as File;
			expect([file.name, file.type]).toEqual(['发票 "1".jpg', 'image/jpeg']);
			expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
		}
	});
});
