import { EtopOcrApi } from '../../credentials/EtopOcrApi.credentials';
import { bufferSource } from '../../nodes/EtopOcr/input/imageSource';
import { urlBase64Length } from '../../nodes/EtopOcr/input/urlBase64';
import { allocateBody, withFieldsInFront } from '../../nodes/EtopOcr/transport/credentialRoom';
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
		const roomy = allocateBody(3).fill('a');
		expect(withFieldsInFront(roomy, long).toString()).toBe(`${long}aaa`);
		const plain = Buffer.from('pid=2');
		expect(withFieldsInFront(plain, 'key=1&').toString()).toBe('key=1&pid=2');
		expect(plain.toString()).toBe('pid=2');
	});
});
