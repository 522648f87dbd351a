import { ETOP_ERRORS } from '../../nodes/EtopOcr/data/errorCodes';
import { BLOCKED_KEY, BLOCKED_SECRET, EXHAUSTED_KEY, EXHAUSTED_SECRET, LIMITED_KEY, LIMITED_SECRET } from '../sandbox/server';
import { errorOf, expectNoCredentials, imageItem, run, useSandbox } from './context';

const { sandbox, credentials } = useSandbox();

const NO_RETRY = { maxRetries: 0 };

describe('every ErrorCode becomes a NodeApiError with the table message and hint', () => {
	it.each(Object.values(ETOP_ERRORS).map((info) => [info.code, info] as const))('ErrorCode %s', async (code, info) => {
		const result = await run(
			credentials(),
			{ documentType: '2', options: NO_RETRY },
			[imageItem(`ETOP-SANDBOX:RESULT=${code}`)],
			'continueRegularOutput',
		);
		const [item] = result.outputs[0];
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(errorOf(item)).toMatchObject({ code, message: `ETOP error ${code}: ${info.message} (${info.messageZh})`, retryable: info.transient });
		expect(errorOf(item)!.attempts).toBeGreaterThanOrEqual(1);
		expect(errorOf(item)?.hint).toContain(info.hint);
		// The error item's JSON is only `error`: n8n takes it for a failed item.
		expect(Object.keys(item.json)).toEqual(['error']);
		expect(errorOf(item)).toMatchObject({ binaryName: 'data', fileName: 'scan.png', imageUrl: null });
		expectNoCredentials(result, credentials());
	});

	it.each([
		['a wrong secret', { secret: 'wrong-secret-123' }, '-2'],
		['an unknown key', { apiKey: 'unknown-key-123' }, '-4'],
		['a blocked account', { apiKey: BLOCKED_KEY, secret: BLOCKED_SECRET }, '-1'],
		['an account without calls', { apiKey: EXHAUSTED_KEY, secret: EXHAUSTED_SECRET }, '-3'],
	])('account problems: %s → %s', async (_label, override, code) => {
		const creds = { ...credentials(), ...override };
		const result = await run(creds, { documentType: '2' }, [imageItem()], 'continueRegularOutput');
		expect(errorOf(result.outputs[0][0])?.message).toMatch(new RegExp(`^ETOP error ${code}: `));
		expectNoCredentials(result, creds);
	});

	it('a product the account may not use → -5', async () => {
		const creds = { ...credentials(), apiKey: LIMITED_KEY, secret: LIMITED_SECRET };
		const result = await run(creds, { documentType: '21' }, [imageItem()], 'continueRegularOutput');
		expect(errorOf(result.outputs[0][0])?.message).toMatch(/^ETOP error -5: /);
	});

	it('an unknown custom pid → 17', async () => {
		const result = await run(credentials(), { documentType: 'custom', customPid: 9999 }, [imageItem()], 'continueRegularOutput');
		expect(errorOf(result.outputs[0][0])?.message).toMatch(/^ETOP error 17: /);
	});

	it('stops the workflow with the item index when not continuing on fail', async () => {
		const result = await run(credentials(), { documentType: '2', options: NO_RETRY }, [imageItem(), imageItem('ETOP-SANDBOX:RESULT=19')]);
		expect(result.outputs).toEqual([]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^ETOP error 19: /);
		expect((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		expectNoCredentials(result, credentials());
	});
});

describe('answers that are not ETOP JSON', () => {
	it.each([
		['HTTP 502 with an HTML page', { kind: 'http5xx' as const, status: 502 }, /ETOP answered HTTP 502/],
		['HTTP 500', { kind: 'http5xx' as const, status: 500 }, /ETOP answered HTTP 500/],
		['an HTML page with 200', { kind: 'htmlBody' as const }, /HTML page instead of JSON/],
		['an empty body', { kind: 'emptyBody' as const }, /empty body/],
		['JSON with a wrong content type', { kind: 'wrongContentType' as const }, null],
	])('%s', async (_label, fault, message) => {
		sandbox().addFault(fault);
		const result = await run(credentials(), { documentType: '2', options: NO_RETRY }, [imageItem()], 'continueRegularOutput');
		const [item] = result.outputs[0];
		if (message) {
			expect(errorOf(item)?.code).toMatch(/^HTTP \d{3}$/);
			expect(errorOf(item)?.message).toMatch(message);
			expect(errorOf(item)?.hint).toBeTruthy();
		} else {
			// The body is what counts: JSON under text/html is still read.
			expect(errorOf(item)).toBeUndefined();
		}
		expectNoCredentials(result, credentials());
	});

	it('a wrong endpoint path answers 404 with a hint about the Endpoint', async () => {
		const creds = { ...credentials(), endpoint: `${sandbox().url}/ocr/nothing-here` };
		const result = await run(creds, { documentType: '2' }, [imageItem()], 'continueRegularOutput');
		expect(errorOf(result.outputs[0][0])?.message).toMatch(/ETOP answered HTTP 404/);
		expect(errorOf(result.outputs[0][0])?.hint).toContain('Endpoint');
	});

	it('a credential endpoint that is no URL is reported before sending', async () => {
		const creds = { ...credentials(), endpoint: 'www.etoplive.com/ocr' };
		const result = await run(creds, { documentType: '2' }, [imageItem()], 'continueRegularOutput');
		expect(errorOf(result.outputs[0][0])?.message).toContain('Endpoint of the ETOP credential');
		expect(sandbox().calls).toHaveLength(0);
	});
});

describe('continue-on-fail and the error output', () => {
	const items = () => [imageItem(undefined, { n: 0 }), imageItem('ETOP-SANDBOX:RESULT=3', { n: 1 }), { json: { n: 2 } }, imageItem(undefined, { n: 3 })];

	it('continue (regular output): every item comes out, in order, paired, bad ones as errors', async () => {
		const result = await run(credentials(), { documentType: '2', options: NO_RETRY }, items(), 'continueRegularOutput');
		const out = result.outputs[0];
		expect(out.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(out.map((item) => Boolean(errorOf(item)))).toEqual([false, true, true, false]);
		expect(errorOf(out[1])?.message).toMatch(/^ETOP error 3: /);
		expect(errorOf(out[2])?.message).toMatch(/ \[item 2\]$/);
	});

	it('error output: good items on the first output, bad ones on the second, all paired', async () => {
		const result = await run(credentials(), { documentType: '2', options: NO_RETRY }, items(), 'continueErrorOutput');
		const [success, failure] = result.outputs;
		expect(success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(failure.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		// n8n adds the input item's fields to an error output item; the details stay under `error`.
		expect(failure.map((item) => item.json.n)).toEqual([1, 2]);
		expect(failure[0].json.error).toMatchObject({ code: '3', message: expect.stringMatching(/^ETOP error 3: /), fileName: 'scan.png' });
		expect(failure[1].json.error).toMatchObject({ code: 'INPUT', binaryName: 'data', fileName: null, attempts: 0 });
		expectNoCredentials(result, credentials());
	});
});
