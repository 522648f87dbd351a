import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EtopOcrApi } from '../../credentials/EtopOcrApi.credentials';
import { bufferSource, fileSource, type ImageSource } from '../../nodes/EtopOcr/input/imageSource';
import { urlBase64Length, writeUrlBase64 } from '../../nodes/EtopOcr/input/urlBase64';
import { formBody } from '../../nodes/EtopOcr/transport/formBody';

const CHUNK = 3 * 16 * 1024;

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'etop-body-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stored(bytes: Uint8Array): string {
	const path = join(dir, `image-${bytes.length}-${Math.random()}`);
	writeFileSync(path, bytes);
	return path;
}

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
			const path = stored(bytes);
			// With n8n's record of the size (n8n 2.x) and without it (1.x): the file is asked.
			expect(await encode(await fileSource(path, bytes.length))).toBe(expected);
			expect(await encode(await fileSource(path))).toBe(expected);
		}
	});

	it('streams a stored image over 1 MiB in chunks with the same result', async () => {
		const bytes = randomBytes(1024 * 1024 + 7);
		const source = await fileSource(stored(bytes));
		expect(source.size).toBe(bytes.length);
		expect(Buffer.from(source.head)).toEqual(bytes.subarray(0, 512));
		const sizes: number[] = [];
		await source.forEachChunk((chunk) => sizes.push(chunk.length));
		expect(sizes.slice(0, -1).every((size) => size === CHUNK)).toBe(true);
		expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(bytes.length);
		expect(await encode(source)).toBe(encodeURIComponent(bytes.toString('base64')));
	});

	it('fails when a stored image gets shorter between the two passes', async () => {
		const path = stored(randomBytes(2 * 1024 * 1024));
		const source = await fileSource(path);
		await urlBase64Length(source);
		truncateSync(path, 1024 * 1024 + 3);
		await expect(writeUrlBase64(source, Buffer.alloc(4 * 1024 * 1024), 0)).rejects.toThrow('became shorter');
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
