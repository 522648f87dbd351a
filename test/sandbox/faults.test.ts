import { request } from 'undici';
import { makePng } from '../fixtures/images';
import { b64, CREDS, postForm, useSandbox } from './helpers';

const sandbox = useSandbox();
const png = b64(makePng({ marker: 'ETOP-SANDBOX:DOC=2' }));
const ocr = (extra: Record<string, string> = {}) => postForm(sandbox().endpoint, { ...CREDS, pid: '2', file: png, ...extra });

describe('faults answered as API errors', () => {
	it.each([
		['busy', '-52'],
		['timeout', '-49'],
		['ioError', '-8'],
		['clientDisconnected', '-55'],
		['badImage', '-51'],
	] as const)('%s answers HTTP 200 ErrorCode %s, not billed, recorded with the fault', async (kind, code) => {
		sandbox().addFault({ kind });
		const a = await ocr();
		expect(a.status).toBe(200);
		expect(a.json).toMatchObject({ ErrorCode: code });
		expect(sandbox().calls[0]).toMatchObject({ fault: kind, errorCode: null, billed: false });
	});
});

describe('faults that break HTTP', () => {
	it('http5xx answers an nginx page, 502 by default or the status asked for', async () => {
		sandbox().addFault({ kind: 'http5xx', times: 1 });
		sandbox().addFault({ kind: 'http5xx', status: 503, times: 1 });
		const first = await ocr();
		expect(first.status).toBe(502);
		expect(first.headers['content-type']).toContain('text/html');
		expect(first.text).toContain('<center>nginx</center>');
		expect((await ocr()).status).toBe(503);
		expect((await ocr()).json).toMatchObject({ ErrorCode: 0 });
	});

	it('reset destroys the connection without an answer', async () => {
		sandbox().addFault({ kind: 'reset' });
		await expect(ocr()).rejects.toThrow(/ECONNRESET|other side closed|socket/i);
		expect(sandbox().calls[0]).toMatchObject({ fault: 'reset', billed: false });
	});

	it('truncated announces a Content-Length, sends half, then closes', async () => {
		sandbox().addFault({ kind: 'truncated' });
		const res = await request(sandbox().endpoint, {
			method: 'POST',
			body: new URLSearchParams({ ...CREDS, pid: '2', file: png }).toString(),
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(res.statusCode).toBe(200);
		const announced = Number(res.headers['content-length']);
		expect(announced).toBeGreaterThan(100);
		await expect(res.body.text()).rejects.toThrow();
	});

	it('wrongContentType answers a JSON body labelled text/html', async () => {
		sandbox().addFault({ kind: 'wrongContentType' });
		const a = await ocr();
		expect(a.headers['content-type']).toContain('text/html');
		expect(a.json).toMatchObject({ ErrorCode: 0, ResultList: [{ pid: 2, FieldList: expect.arrayContaining([expect.objectContaining({ key: 'Name', value: '王晓明' })]) }] });
	});

	it('emptyBody answers 200 with nothing', async () => {
		sandbox().addFault({ kind: 'emptyBody' });
		const a = await ocr();
		expect([a.status, a.text, a.headers['content-length']]).toEqual([200, '', '0']);
	});

	it('htmlBody answers a 200 HTML page', async () => {
		sandbox().addFault({ kind: 'htmlBody' });
		const a = await ocr();
		expect(a.status).toBe(200);
		expect(a.headers['content-type']).toContain('text/html');
		expect(a.json).toBeUndefined();
		expect(a.text).toContain('系统维护');
	});

	it('slow waits delayMs, then answers normally and bills', async () => {
		sandbox().addFault({ kind: 'slow', delayMs: 300 });
		const a = await ocr();
		expect(a.json).toMatchObject({ ErrorCode: 0 });
		expect(a.ms).toBeGreaterThanOrEqual(280);
		expect(sandbox().calls[0]).toMatchObject({ fault: 'slow', errorCode: '0', billed: true });
	});
});

describe('how often faults hit', () => {
	it('times caps the total number of calls hit', async () => {
		sandbox().addFault({ kind: 'busy', times: 2 });
		const codes = [];
		for (let i = 0; i < 4; i++) codes.push(String((await ocr()).json!.ErrorCode));
		expect(codes).toEqual(['-52', '-52', '0', '0']);
	});

	it('perRequest hits the first N calls of each distinct request (requestId, else the image hash)', async () => {
		sandbox().addFault({ kind: 'timeout', perRequest: 1 });
		const seq = [
			await ocr({ requestId: 'A' }),
			await ocr({ requestId: 'A' }),
			await ocr({ requestId: 'B' }),
			await ocr({ requestId: 'B' }),
			await ocr(), // no requestId: keyed by the image
			await ocr(),
			await postForm(sandbox().endpoint, { ...CREDS, pid: '2', file: b64(makePng({ marker: 'ETOP-SANDBOX:DOC=2;COUNT=2' })) }),
		];
		expect(seq.map((a) => String(a.json!.ErrorCode))).toEqual(['-49', '0', '-49', '0', '-49', '0', '-49']);
	});

	it('the first applicable fault wins; clearFaults removes them all', async () => {
		sandbox().addFault({ kind: 'ioError', times: 1 });
		sandbox().addFault({ kind: 'badImage' });
		expect((await ocr()).json!.ErrorCode).toBe('-8');
		expect((await ocr()).json!.ErrorCode).toBe('-51');
		sandbox().clearFaults();
		expect((await ocr()).json!.ErrorCode).toBe(0);
	});

	it('reset() clears faults too', async () => {
		sandbox().addFault({ kind: 'busy' });
		sandbox().reset();
		expect((await ocr()).json!.ErrorCode).toBe(0);
	});

	it('refuses malformed faults', () => {
		expect(() => sandbox().addFault({ kind: 'nope' as never })).toThrow(TypeError);
		expect(() => sandbox().addFault({ kind: 'busy', times: -1 })).toThrow(TypeError);
		expect(() => sandbox().addFault({ kind: 'http5xx', status: 404 })).toThrow(TypeError);
	});

	it('faults hit before the rules: even a request without credentials gets the fault', async () => {
		sandbox().addFault({ kind: 'busy', times: 1 });
		expect((await postForm(sandbox().endpoint, {})).json!.ErrorCode).toBe('-52');
		expect((await postForm(sandbox().endpoint, {})).json!.ErrorCode).toBe('-7');
	});
});
