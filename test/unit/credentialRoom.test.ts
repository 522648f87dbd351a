import { EtopOcrApi } from '../../credentials/EtopOcrApi.credentials';
import { bufferSource } from '../../nodes/EtopOcr/input/imageSource';
import { urlBase64Length } from '../../nodes/EtopOcr/input/urlBase64';
import { BodyBuffers, withFieldsInFront } from '../../nodes/EtopOcr/transport/credentialRoom';
import { formBody } from '../../nodes/EtopOcr/transport/formBody';

// Issue 15: the credential puts key and secret in front of the node's url-encoded body without
// copying the body (the image), in the room formBody leaves for them.

const credentials = { apiKey: 'k&y=1+2', secret: 's %中/=', endpoint: 'http://localhost/' };

async function imageBody(): Promise<Buffer> {
	const image = bufferSource(Buffer.from('an image of some bytes \u0000\u00ff'));
	return await formBody({ pid: '2' }, { source: 'file', image, encodedLength: await urlBase64Length(image) });
}

const fieldsOf = (body: Buffer) => Object.fromEntries(new URLSearchParams(body.toString('latin1')));

describe('room for the credential in front of the body', () => {
	it('writes key and secret into the room: the sent body shares its memory with the node\'s body', async () => {
		const body = await imageBody();
		const sent = (await new EtopOcrApi().authenticate(credentials, { url: 'http://localhost/', body })).body as Buffer;
		// The same memory, ending where the body ends: a copy would sit elsewhere.
		expect(sent.buffer).toBe(body.buffer);
		expect(sent.byteOffset + sent.length).toBe(body.byteOffset + body.length);
		expect(sent.subarray(sent.length - body.length)).toEqual(body);
		expect(fieldsOf(sent)).toEqual({ key: credentials.apiKey, secret: credentials.secret, pid: '2', file: expect.any(String) });
	});

	it('gives the same bytes when the credential is applied again (a retry of the same body)', async () => {
		const body = await imageBody();
		const api = new EtopOcrApi();
		const first = Buffer.from((await api.authenticate(credentials, { url: 'http://localhost/', body })).body as Buffer);
		const again = (await api.authenticate(credentials, { url: 'http://localhost/', body })).body as Buffer;
		expect(again).toEqual(first);
	});

	it('copies when the fields do not fit the room, and for a body made elsewhere', () => {
		const long = `key=${'k'.repeat(600)}&`;
		const roomy = new BodyBuffers().allocate(3).fill('a');
		expect(withFieldsInFront(roomy, long).toString()).toBe(`${long}aaa`);
		const plain = Buffer.from('pid=2');
		expect(withFieldsInFront(plain, 'key=1&').toString()).toBe('key=1&pid=2');
		expect(plain.toString()).toBe('pid=2');
	});
});

// Issue 14: the bodies of a run's images (e.g. a PDF's pages) share buffers instead of piling up.
describe('a run\'s body buffers', () => {
	const big = 300 * 1024;

	it('hands a done body\'s buffer to the next body that fits, and to no other at the same time', () => {
		const buffers = new BodyBuffers();
		const first = buffers.allocate(big);
		buffers.recycle(first);
		const second = buffers.allocate(big + 1024);
		expect(second.buffer).toBe(first.buffer);
		expect(second.length).toBe(big + 1024);
		// Not given back yet: the next body gets its own memory.
		expect(buffers.allocate(big).buffer).not.toBe(second.buffer);
	});

	it('keeps the credential\'s room in front of a recycled body', () => {
		const buffers = new BodyBuffers();
		buffers.recycle(buffers.allocate(big).fill('x'));
		const body = buffers.allocate(big).fill('b');
		const sent = withFieldsInFront(body, 'key=1&');
		expect(sent.buffer).toBe(body.buffer);
		expect(sent.length).toBe(big + 6);
		expect(sent.subarray(0, 7).toString()).toBe('key=1&b');
	});

	it('gives a new buffer when the done one is too small, keeps no small bodies and no more than a few', () => {
		const buffers = new BodyBuffers();
		const small = buffers.allocate(1000);
		buffers.recycle(small);
		// Small buffers come from Node's shared pool: the same memory means the same offset in it.
		const next = buffers.allocate(1000);
		expect(next.buffer === small.buffer && next.byteOffset === small.byteOffset).toBe(false);
		const done = buffers.allocate(big);
		buffers.recycle(done);
		expect(buffers.allocate(4 * big).buffer).not.toBe(done.buffer);
		const many = Array.from({ length: 6 }, () => buffers.allocate(big));
		many.forEach((body) => buffers.recycle(body));
		const reused = Array.from({ length: 6 }, () => buffers.allocate(big).buffer).filter((memory) => many.some((body) => body.buffer === memory));
		expect(reused.length).toBe(4);
	});

	it('ignores a body that is not one of its buffers', () => {
		const buffers = new BodyBuffers();
		const foreign = Buffer.alloc(big);
		buffers.recycle(foreign);
		buffers.recycle(undefined);
		expect(buffers.allocate(big).buffer).not.toBe(foreign.buffer);
	});
});
