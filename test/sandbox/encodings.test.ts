import { Readable } from 'stream';
import { request } from 'undici';
import { makeJpeg, makePng } from '../fixtures/images';
import { b64, CREDS, fieldValues, multipartBody, postForm, postMultipart, postRaw, resultsOf, useSandbox } from './helpers';
import { PATH_PROFILES } from './server';

const sandbox = useSandbox();

describe('application/x-www-form-urlencoded', () => {
	it('decodes percent escapes and + in base64 and in UTF-8 text, and echoes requestId', async () => {
		const image = makePng({ marker: 'ETOP-SANDBOX:DOC=2' });
		const requestId = '订单 #1 + 2 & 3';
		const body = `key=${CREDS.key}&secret=${CREDS.secret}&pid=2&requestId=${encodeURIComponent(requestId).replace(/%20/g, '+')}&file=${encodeURIComponent(b64(image))}`;
		const a = await postRaw(sandbox().endpoint, body, 'application/x-www-form-urlencoded; charset=UTF-8');
		expect(a.json).toMatchObject({ ErrorCode: 0, recogInfo: { requestId } });
		const [call] = sandbox().calls;
		expect(call).toMatchObject({ encoding: 'urlencoded', imageSource: 'file', imageBytes: image.length, rawBodyBytes: Buffer.byteLength(body) });
		expect(call.fields).toEqual({ key: CREDS.key, secret: CREDS.secret, pid: '2', requestId, file: `<base64 ${b64(image).length} chars>` });
	});

	it("answers 16 when '+' in the base64 is sent unescaped (it arrives as a space)", async () => {
		let image = makePng();
		for (let i = 0; !b64(image).includes('+'); i++) image = makePng({ marker: `ETOP-SANDBOX:X=${i}` });
		const a = await postRaw(sandbox().endpoint, `key=${CREDS.key}&secret=${CREDS.secret}&pid=2&file=${b64(image)}`, 'application/x-www-form-urlencoded');
		expect(a.json).toMatchObject({ ErrorCode: '16' });
	});

	it('takes the first of repeated fields, like a servlet', async () => {
		const a = await postRaw(
			sandbox().endpoint,
			`key=${CREDS.key}&secret=${CREDS.secret}&pid=1&pid=2&file=${encodeURIComponent(b64(makeJpeg()))}`,
			'application/x-www-form-urlencoded',
		);
		expect(a.json).toHaveProperty('VIN');
	});
});

describe('multipart/form-data', () => {
	it('reads an mfile upload and text parts (undici FormData)', async () => {
		const image = makeJpeg({ marker: 'ETOP-SANDBOX:DOC=1' });
		const a = await postMultipart(sandbox().endpoint, { ...CREDS, pid: '1', requestId: '流水1' }, { data: image, filename: '车架号.jpg', type: 'image/jpeg' });
		expect(a.json).toMatchObject({ ErrorCode: '0', VIN: 'LFWSRXNH6AAD38754', recogInfo: { requestId: '流水1' } });
		expect(sandbox().calls[0]).toMatchObject({
			encoding: 'multipart',
			imageSource: 'mfile',
			imageBytes: image.length,
			mfileName: '车架号.jpg',
			mfileType: 'image/jpeg',
			fields: { ...CREDS, pid: '1', requestId: '流水1' },
		});
	});

	it('keeps a binary mfile byte for byte: CRLF, "--" and boundary-like bytes inside, sent in small pieces', async () => {
		const boundary = '----EtopBoundary7MA4YWxk';
		const trap = `\r\n--${boundary.slice(0, -1)}\r\n--\r\n${boundary}\r\n`;
		const image = makePng({ marker: `ETOP-SANDBOX:DOC=2\n${trap}` });
		const body = multipartBody(boundary, [
			{ name: 'key', data: CREDS.key },
			{ name: 'secret', data: CREDS.secret },
			{ name: 'pid', data: '2' },
			{ name: 'mfile', filename: 'id.png', type: 'application/octet-stream', data: image },
		]);
		async function* pieces(): AsyncGenerator<Buffer> {
			for (let at = 0; at < body.length; at += 7) {
				yield body.subarray(at, at + 7);
				if (at % 700 === 0) await new Promise((r) => setImmediate(r));
			}
		}
		const res = await request(sandbox().endpoint, {
			method: 'POST',
			body: Readable.from(pieces()),
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
		});
		const json = (await res.body.json()) as Record<string, unknown>;
		expect(json.ErrorCode).toBe(0);
		expect(fieldValues(resultsOf(json)[0]).Name).toBe('王晓明');
		expect(sandbox().calls[0]).toMatchObject({ imageBytes: image.length, mfileName: 'id.png', rawBodyBytes: body.length });
	});

	it('accepts the base64 `file` as a multipart text part', async () => {
		const a = await postMultipart(sandbox().endpoint, { ...CREDS, pid: '1', file: b64(makeJpeg()) });
		expect(a.json).toMatchObject({ ErrorCode: '0' });
		expect(sandbox().calls[0].imageSource).toBe('file');
	});

	it('counts an empty mfile part (no file chosen) as no image: -6', async () => {
		const a = await postMultipart(sandbox().endpoint, { ...CREDS, pid: '1' }, { data: Buffer.alloc(0), filename: '' });
		expect(a.json).toMatchObject({ ErrorCode: '-6' });
	});

	it('answers 400 HTML for a multipart body it cannot parse, recording the call', async () => {
		const noBoundary = await postRaw(sandbox().endpoint, 'x', 'multipart/form-data;');
		expect(noBoundary.status).toBe(400);
		expect(noBoundary.headers['content-type']).toContain('text/html');
		const cut = multipartBody('b0undary', [{ name: 'key', data: CREDS.key }]).subarray(0, 40);
		const truncated = await postRaw(sandbox().endpoint, cut, 'multipart/form-data; boundary=b0undary');
		expect(truncated.status).toBe(400);
		expect(sandbox().calls.map((c) => [c.encoding, c.errorCode])).toEqual([
			['multipart', null],
			['multipart', null],
		]);
	});
});

describe('other bodies and paths', () => {
	it('reads no parameters from other content types: -7', async () => {
		const a = await postRaw(sandbox().endpoint, JSON.stringify({ ...CREDS, pid: '2' }), 'application/json');
		expect(a.json).toMatchObject({ ErrorCode: '-7' });
		expect(sandbox().calls[0].encoding).toBe('other');
	});

	it.each(PATH_PROFILES.map((p) => [p.path, p.dialect, p.uploadField] as const))('%s answers in the %s dialect, the image as %s', async (path, dialect, field) => {
		const a = await postForm(sandbox().url + path, { ...CREDS, pid: '1', [field]: b64(makeJpeg()) });
		if (dialect === 'cloud') expect(a.json).toMatchObject({ ErrorCode: '0', VIN: 'LFWSRXNH6AAD38754' });
		else expect(a.json).toMatchObject({ ErrorCode: 0, PageInfo: [{ Result: [{ VIN: 'LFWSRXNH6AAD38754' }] }] });
		expect(sandbox().calls[0]).toMatchObject({ path, imageSource: field });
	});
});
