import { makeJpeg, makePng } from '../fixtures/images';
import { b64, CREDS, postForm, useSandbox } from './helpers';
import { SANDBOX_KEY, SANDBOX_SECRET } from './server';

const METERED = { key: 'metered-key-5d1f', secret: 'metered-secret-88a0' };
const sandbox = useSandbox({
	accounts: [
		{ key: SANDBOX_KEY, secret: SANDBOX_SECRET },
		{ ...METERED, remainingCalls: 3 },
	],
});
const jpeg = b64(makeJpeg());
const ocr = (creds: { key: string; secret: string } = CREDS, extra: Record<string, string> = {}) =>
	postForm(sandbox().endpoint, { ...creds, pid: '1', file: jpeg, ...extra });

describe('latency and concurrency', () => {
	it('adds the latency to every recognition, not to refusals', async () => {
		sandbox().setLatency(250);
		expect((await ocr()).ms).toBeGreaterThanOrEqual(240);
		expect((await postForm(sandbox().endpoint, {})).ms).toBeLessThan(200);
		sandbox().setLatency(0);
		expect((await ocr()).ms).toBeLessThan(200);
	});

	it('counts the peak of calls in flight', async () => {
		sandbox().setLatency(200);
		await Promise.all(Array.from({ length: 4 }, () => ocr()));
		expect(sandbox().peakInFlight).toBe(4);
		sandbox().reset();
		expect(sandbox().peakInFlight).toBe(0);
	});

	it('answers -52 to calls beyond maxConcurrent, unbilled; the others succeed', async () => {
		sandbox().setLatency(300);
		sandbox().setMaxConcurrent(2);
		const answers = await Promise.all(Array.from({ length: 5 }, () => ocr()));
		const codes = answers.map((a) => a.json!.ErrorCode).sort();
		expect(codes).toEqual(['-52', '-52', '-52', '0', '0']);
		expect(sandbox().calls.filter((c) => c.billed)).toHaveLength(2);
		expect(sandbox().calls.filter((c) => c.errorCode === '-52').every((c) => !c.billed && c.fault === undefined)).toBe(true);
		sandbox().setMaxConcurrent(undefined);
		const all = await Promise.all(Array.from({ length: 5 }, () => ocr()));
		expect(all.every((a) => a.json!.ErrorCode === '0')).toBe(true);
	});
});

describe('billing', () => {
	it('bills successes and recognition failures (3, 19, -51); counts down; then -3', async () => {
		const account = sandbox().account(METERED.key)!;
		expect(account.remainingCalls).toBe(3);
		expect((await ocr(METERED)).json!.ErrorCode).toBe('0');
		expect((await ocr(METERED, { file: b64(makePng({ marker: 'ETOP-SANDBOX:RESULT=19' })) })).json!.ErrorCode).toBe('19');
		expect((await ocr(METERED, { pid: '41', file: b64(makePng({ marker: 'ETOP-SANDBOX:DOC=2' })) })).json!.ErrorCode).toBe('3');
		expect(account.remainingCalls).toBe(0);
		expect((await ocr(METERED)).json!.ErrorCode).toBe('-3');
		expect(sandbox().calls.map((c) => c.billed)).toEqual([true, true, true, false]);
	});

	it('does not bill request errors, forced non-recognition codes or faults', async () => {
		await ocr(METERED, { pid: '9999' });
		await ocr(METERED, { file: 'xx' });
		await ocr(METERED, { requestId: 'x'.repeat(300) });
		await ocr(METERED, { file: b64(makePng({ marker: 'ETOP-SANDBOX:RESULT=-52' })) });
		sandbox().addFault({ kind: 'busy', times: 1 });
		await ocr(METERED);
		expect(sandbox().account(METERED.key)!.remainingCalls).toBe(3);
		expect(sandbox().calls.every((c) => !c.billed)).toBe(true);
	});

	it('never bills more than remains, even with calls racing for the last unit', async () => {
		sandbox().account(METERED.key)!.remainingCalls = 1;
		sandbox().setLatency(100);
		const answers = await Promise.all(Array.from({ length: 4 }, () => ocr(METERED)));
		expect(answers.map((a) => a.json!.ErrorCode).sort()).toEqual(['-3', '-3', '-3', '0']);
		expect(sandbox().account(METERED.key)!.remainingCalls).toBe(0);
	});

	it('reset() restores the accounts in place and clears the calls', async () => {
		const account = sandbox().account(METERED.key)!;
		const calls = sandbox().calls;
		await ocr(METERED);
		account.state = 'blocked';
		expect((await ocr(METERED)).json!.ErrorCode).toBe('-1');
		sandbox().reset();
		expect(account).toEqual({ ...METERED, remainingCalls: 3 });
		expect(calls).toHaveLength(0);
		expect((await ocr(METERED)).json!.ErrorCode).toBe('0');
		expect(calls[0].seq).toBe(1);
	});

	it('unlimited accounts are never refused for quota', async () => {
		for (let i = 0; i < 5; i++) expect((await ocr()).json!.ErrorCode).toBe('0');
		expect(sandbox().account(SANDBOX_KEY)!.remainingCalls).toBeUndefined();
	});
});
