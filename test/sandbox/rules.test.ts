import { makeGif, makeJpeg, makePng, NOT_AN_IMAGE } from '../fixtures/images';
import { ERROR_TEXTS } from './error-codes';
import { b64, CREDS, postForm, postMultipart, useSandbox } from './helpers';
import { BLOCKED_KEY, BLOCKED_SECRET, EXHAUSTED_KEY, EXHAUSTED_SECRET, LIMITED_KEY, LIMITED_SECRET } from './server';

const sandbox = useSandbox();
const png = b64(makePng());

/** The answer's ErrorCode as text (result-list answers write 0 as a number, failures as strings). */
async function code(fields: Record<string, string>, url = sandbox().endpoint): Promise<{ code: string; message: string }> {
	const a = await postForm(url, fields);
	expect(a.status).toBe(200);
	expect(a.headers['content-type']).toBe('application/json;charset=UTF-8');
	expect(a.headers['x-etop-sandbox']).toBe('1');
	return { code: String(a.json!.ErrorCode), message: String(a.json!.ErrorMessage ?? '') };
}

describe('request rules, in order', () => {
	it('answers 0 for a good request: a number in result-list answers, a string for VIN; failures as strings', async () => {
		expect((await postForm(sandbox().endpoint, { ...CREDS, pid: '2', file: png })).json!.ErrorCode).toBe(0);
		expect((await postForm(sandbox().endpoint, { ...CREDS, pid: '1', file: png })).json!.ErrorCode).toBe('0');
		expect((await postForm(sandbox().endpoint, { ...CREDS, pid: '2' })).json!.ErrorCode).toBe('-6');
	});

	it.each([
		['no key', { secret: CREDS.secret }],
		['no secret', { key: CREDS.key }],
		['empty key', { key: '', secret: CREDS.secret }],
		['nothing at all', {}],
	])('-7 when key or secret is missing (%s), before anything else', async (_, creds) => {
		const r = await code({ ...creds, pid: 'nope' });
		expect(r).toEqual({ code: '-7', message: ERROR_TEXTS['-7'] });
	});

	it('-4 for an unknown key, -2 for a wrong secret, -1 for a blocked account (each before pid checks)', async () => {
		expect((await code({ key: 'who-is-this', secret: 'x', pid: 'nope' })).code).toBe('-4');
		expect((await code({ key: CREDS.key, secret: 'wrong', pid: 'nope' })).code).toBe('-2');
		expect((await code({ key: BLOCKED_KEY, secret: 'wrong', pid: '2' })).code).toBe('-2');
		expect(await code({ key: BLOCKED_KEY, secret: BLOCKED_SECRET, pid: 'nope' })).toEqual({ code: '-1', message: '用户已屏蔽' });
	});

	it.each([[undefined], [''], ['abc'], ['2.0'], [' 2'], ['-1'], ['9999'], ['3']])('17 for pid %p', async (pid) => {
		const fields: Record<string, string> = { ...CREDS, file: png };
		if (pid !== undefined) fields.pid = pid;
		expect((await code(fields)).code).toBe('17');
	});

	it('-5 when the account may not use the product, before the quota and the image', async () => {
		expect((await code({ key: LIMITED_KEY, secret: LIMITED_SECRET, pid: '41' })).code).toBe('-5');
		expect((await code({ key: LIMITED_KEY, secret: LIMITED_SECRET, pid: '2', file: png })).code).toBe('0');
	});

	it('-3 when no calls are left, before the image is looked at', async () => {
		expect((await code({ key: EXHAUSTED_KEY, secret: EXHAUSTED_SECRET, pid: '2' })).code).toBe('-3');
	});

	it('-6 without any image, and -6 saying "exactly one" with two or three', async () => {
		expect(await code({ ...CREDS, pid: '2' })).toMatchObject({ code: '-6' });
		expect((await code({ ...CREDS, pid: '2', file: '' })).code).toBe('-6');
		const two = await code({ ...CREDS, pid: '2', file: png, urlPath: 'http://127.0.0.1:1/x.png' });
		expect(two.code).toBe('-6');
		expect(two.message).toContain('exactly one');
		const a = await postMultipart(sandbox().endpoint, { ...CREDS, pid: '2', file: png }, { data: makePng(), filename: 'a.png' });
		expect(a.json).toMatchObject({ ErrorCode: '-6' });
		expect(String(a.json!.ErrorMessage)).toContain('file, mfile');
	});

	it('16 for a data: prefix, bad base64 and non-images, with distinct messages', async () => {
		const prefixed = await code({ ...CREDS, pid: '2', file: `data:image/png;base64,${png}` });
		expect(prefixed.code).toBe('16');
		expect(prefixed.message).toContain('data:');
		const bad = await code({ ...CREDS, pid: '2', file: 'not base64!!' });
		expect(bad).toMatchObject({ code: '16' });
		expect(bad.message).toContain('base64');
		expect((await code({ ...CREDS, pid: '2', file: png.slice(0, -1) })).code).toBe('16'); // length not a multiple of 4
		expect((await code({ ...CREDS, pid: '2', file: png.replace(/=+$/, '') + '-_' })).code).toBe('16'); // base64url chars
		for (const sample of Object.values(NOT_AN_IMAGE)) {
			const r = await code({ ...CREDS, pid: '2', file: b64(sample) });
			expect(r.code).toBe('16');
			expect(r.message).toContain('不是JPEG');
		}
	});

	it('tolerates line breaks inside the base64, as the vendor Java sample sends them', async () => {
		const wrapped = b64(makeJpeg()).replace(/.{76}/g, '$&\r\n');
		expect((await code({ ...CREDS, pid: '1', file: wrapped })).code).toBe('0');
	});

	it('accepts every supported format', async () => {
		expect((await code({ ...CREDS, pid: '1', file: b64(makeGif()) })).code).toBe('0');
	});

	it('19 for a requestId over 255 characters (255 is fine, counted in characters)', async () => {
		expect((await code({ ...CREDS, pid: '2', file: png, requestId: '流'.repeat(255) })).code).toBe('0');
		const r = await code({ ...CREDS, pid: '2', file: png, requestId: 'x'.repeat(256) });
		expect(r.code).toBe('19');
		expect(r.message).toContain('requestId');
	});

	it.each(['removeImgData', 'openSeal', 'showPosition', 'imageCheckVaule'])('19 naming %s when it is not 0 or 1', async (name) => {
		const r = await code({ ...CREDS, pid: '2', file: png, [name]: 'true' });
		expect(r.code).toBe('19');
		expect(r.message).toContain(name);
		expect((await code({ ...CREDS, pid: '2', file: png, [name]: '1' })).code).toBe('0');
	});

	it.each(['0000', '000000', '00a00', '1 111'])('19 naming imageCheck for %p', async (imageCheck) => {
		const r = await code({ ...CREDS, pid: '2', file: png, imageCheck });
		expect(r).toMatchObject({ code: '19' });
		expect(r.message).toContain('imageCheck');
	});

	it('checks the image before the options (a bad image with a bad flag is 16)', async () => {
		expect((await code({ ...CREDS, pid: '2', file: 'xx', openSeal: '9' })).code).toBe('16');
	});
});

describe('recognition outcomes', () => {
	it.each(['3', '19', '-51', '-8', '-49', '-52', '-55'])('RESULT=%s forces that ErrorCode with the vendor text', async (forced) => {
		const r = await code({ ...CREDS, pid: '2', file: b64(makePng({ marker: `ETOP-SANDBOX:RESULT=${forced}` })) });
		expect(r.code).toBe(forced);
		expect(r.message.startsWith(ERROR_TEXTS[forced as keyof typeof ERROR_TEXTS])).toBe(true);
	});

	it('3 when the picture shows another kind of document; general text reads anything', async () => {
		const licence = b64(makePng({ marker: 'ETOP-SANDBOX:DOC=41' }));
		expect((await code({ ...CREDS, pid: '2', file: licence })).code).toBe('3');
		expect((await code({ ...CREDS, pid: '41', file: licence })).code).toBe('0');
		expect((await code({ ...CREDS, pid: '1001', file: licence })).code).toBe('0');
	});

	it('19 when nothing is found (DOC=none)', async () => {
		expect((await code({ ...CREDS, pid: '2', file: b64(makePng({ marker: 'ETOP-SANDBOX:DOC=none' })) })).code).toBe('19');
	});

	it('recognition failures carry recogInfo with the requestId, request errors do not', async () => {
		const failed = await postForm(sandbox().endpoint, {
			...CREDS,
			pid: '2',
			requestId: 'req-9',
			file: b64(makePng({ marker: 'ETOP-SANDBOX:RESULT=19' })),
		});
		expect(failed.json).toMatchObject({ ErrorCode: '19', recogInfo: { requestId: 'req-9' } });
		expect(typeof failed.json!.totalMs).toBe('number');
		const refused = await postForm(sandbox().endpoint, { ...CREDS, pid: '2' });
		expect(Object.keys(refused.json!).sort()).toEqual(['ErrorCode', 'ErrorMessage']);
	});
});
