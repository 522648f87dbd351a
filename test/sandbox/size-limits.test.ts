import { makePng } from '../fixtures/images';
import { b64, CREDS, postForm, postMultipart, postRaw, useSandbox } from './helpers';
import { MAX_IMAGE_BYTES } from './limits';
import { MAX_BODY_BYTES } from './read-body';

const sandbox = useSandbox();
const MiB5 = 5 * 1024 * 1024;

/** A PNG whose base64, url-encoded as URLSearchParams does it, is exactly `target` characters long. */
function pngWithEncodedLength(target: number): { png: Buffer; encoded: string } {
	const encodedLength = (png: Buffer): number => new URLSearchParams({ file: b64(png) }).toString().length - 'file='.length;
	let bytes = Math.floor((target * 3) / 4) - 64;
	for (let i = 0; i < 200; i++) {
		const png = makePng({ bytes, marker: 'ETOP-SANDBOX:DOC=2' });
		const diff = target - encodedLength(png);
		if (diff === 0) return { png, encoded: new URLSearchParams({ file: b64(png) }).toString().slice(5) };
		bytes += diff > 0 ? Math.max(1, Math.floor((diff * 3) / 4)) : Math.min(-1, Math.ceil((diff * 3) / 4));
	}
	throw new Error(`could not hit ${target}`);
}

it('uses 5 MiB as the limit', () => {
	expect(MAX_IMAGE_BYTES).toBe(MiB5);
});

it('accepts `file` at exactly 5 MiB once url-encoded and refuses 2 characters more (escapes counted)', async () => {
	const fit = pngWithEncodedLength(MiB5);
	expect(fit.encoded.length).toBe(MiB5);
	expect(fit.encoded).toMatch(/%2B|%2F|%3D/); // escapes are part of the count
	const ok = await postRaw(sandbox().endpoint, `key=${CREDS.key}&secret=${CREDS.secret}&pid=2&file=${fit.encoded}`, 'application/x-www-form-urlencoded');
	expect(ok.json).toMatchObject({ ErrorCode: 0 });
	// url-encoded lengths of base64 are always even (4n chars + 2 per escape): +2 is the next one up
	const over = pngWithEncodedLength(MiB5 + 2);
	const refused = await postRaw(sandbox().endpoint, `key=${CREDS.key}&secret=${CREDS.secret}&pid=2&file=${over.encoded}`, 'application/x-www-form-urlencoded');
	expect(refused.json).toMatchObject({ ErrorCode: '16' });
	expect(String(refused.json!.ErrorMessage)).toContain('5M');
	expect(sandbox().calls.map((c) => c.billed)).toEqual([true, false]);
});

it('applies the same limit to `filedata` where a private install takes it', async () => {
	const fit = pngWithEncodedLength(MiB5);
	const ok = await postRaw(sandbox().filedataEndpoint, `key=${CREDS.key}&secret=${CREDS.secret}&pid=2&filedata=${fit.encoded}`, 'application/x-www-form-urlencoded');
	expect(ok.json).toMatchObject({ ErrorCode: 0, PageInfo: [{ Result: [{ ResultList: [{ pid: 2 }] }] }] });
	const over = pngWithEncodedLength(MiB5 + 2);
	const refused = await postRaw(sandbox().filedataEndpoint, `key=${CREDS.key}&secret=${CREDS.secret}&pid=2&filedata=${over.encoded}`, 'application/x-www-form-urlencoded');
	expect(refused.json).toMatchObject({ ErrorCode: 16 });
	expect(String(refused.json!.ErrorMessage)).toContain('5M');
	expect(sandbox().calls.map((c) => [c.imageSource, c.billed])).toEqual([
		['filedata', true],
		['filedata', false],
	]);
});

it('counts the url-encoded length, not the base64 length', async () => {
	const fit = pngWithEncodedLength(MiB5 + 2);
	const base64 = decodeURIComponent(fit.encoded);
	expect(base64.length).toBeLessThanOrEqual(MiB5);
	const a = await postForm(sandbox().endpoint, { ...CREDS, pid: '2', file: base64 });
	expect(a.json).toMatchObject({ ErrorCode: '16' });
});

it('accepts an mfile of exactly 5 MiB and refuses one byte more', async () => {
	const ok = await postMultipart(sandbox().endpoint, { ...CREDS, pid: '2' }, { data: makePng({ bytes: MiB5 }), filename: 'big.png' });
	expect(ok.json).toMatchObject({ ErrorCode: 0 });
	const over = await postMultipart(sandbox().endpoint, { ...CREDS, pid: '2' }, { data: makePng({ bytes: MiB5 + 1 }), filename: 'big.png' });
	expect(over.json).toMatchObject({ ErrorCode: '16' });
	expect(String(over.json!.ErrorMessage)).toContain('5M');
	expect(sandbox().calls[1].imageBytes).toBe(MiB5 + 1);
});

it('answers 413 HTML for a request body over the raw cap, and records it', async () => {
	const body = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
	const a = await postRaw(sandbox().endpoint, body, 'application/x-www-form-urlencoded');
	expect(a.status).toBe(413);
	expect(a.headers['content-type']).toContain('text/html');
	expect(sandbox().calls[0]).toMatchObject({ rawBodyBytes: MAX_BODY_BYTES + 1, errorCode: null, billed: false });
	expect(MAX_BODY_BYTES).toBeGreaterThan(6 * 1024 * 1024);
	expect(MAX_BODY_BYTES).toBeLessThan(7 * 1024 * 1024);
});
