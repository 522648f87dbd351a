import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { BUSY_WINDOW_RETRIES } from '../../nodes/EtopOcr/data/retryPolicy';
import type { InputItem } from '../harness/inputNode';
import { SANDBOX_KEY, type Fault, type RecordedCall, type Sandbox } from '../sandbox/server';
import { errorOf, expectNoCredentials, imageItem, run, useSandbox } from './context';

// Every fault the sandbox can inject, against 100 items through n8n's real engine with
// continue-on-fail: no item is lost, duplicated or reordered; faults where the service did not do
// the work are healed by the node's own retries; faults after which the call may be billed are
// retried only with Retry Calls That May Be Billed (data/retryPolicy.ts); every other failure is a
// clear error on its own item; the key and secret appear nowhere; and the sandbox counted exactly
// the calls the node should have sent.

const { sandbox, credentials } = useSandbox();

afterEach(() => {
	sandbox().setLatency(0);
	sandbox().setMaxConcurrent(undefined);
});

const ITEMS = 100;
/** High enough that the retry pauses (0.25–0.5 s, then 0.5–1 s) keep the matrix fast. */
const CONCURRENCY = 25;
/** Request Options → Timeout for the "slow past the timeout" row, and how slow the sandbox is. */
const TIMEOUT_MS = 300;
const SLOW_MS = 1_200;

interface Row {
	name: string;
	/** What the sandbox does. */
	setup: (sandbox: Sandbox) => void;
	/**
	 * Calls each item should take. With a `timeout`, the fewest: the timeout is a real-time timer
	 * on the engine's event loop, which on a loaded machine can fire before an answer that has
	 * arrived is read (the item is then retried once more, within Max Retries, where retries are
	 * allowed at all), or before the sandbox in the same process has read the request (which it
	 * then never records). Without may-be-billed retries the count stays exact.
	 */
	attempts: number;
	/** When more may be needed: at most this many (-52 answers the account's window takes on itself are sent again, issue 11). */
	attemptsUpTo?: number;
	/** How each item should end: a result, or an error whose message matches. */
	outcome: 'result' | RegExp | ((index: number) => 'result' | RegExp);
	/** Whether the error, if any, is one worth retrying. */
	retryable?: boolean;
	maxRetries?: number;
	/** Options → Retry Calls That May Be Billed. */
	retryMaybeBilled?: boolean;
	timeout?: number;
	/** Calls the sandbox may still be answering after the node gave up on them. */
	settleMs?: number;
}

const fault = (spec: Fault) => (sandbox: Sandbox) => sandbox.addFault(spec);

/** A quota that runs out at item 50: the first 50 calls are billed, the rest answer -3. */
const QUOTA = 50;

const ROWS: Row[] = [
	// Transient: healed by retries.
	{ name: 'busy (-52) once per item', setup: fault({ kind: 'busy', perRequest: 1 }), attempts: 2, outcome: 'result' },
	{ name: 'service timeout (-49) once per item', setup: fault({ kind: 'timeout', perRequest: 1 }), attempts: 2, outcome: 'result' },
	{ name: 'IO error (-8) twice per item', setup: fault({ kind: 'ioError', perRequest: 2 }), attempts: 3, outcome: 'result' },
	{ name: 'client disconnected (-55) once per item', setup: fault({ kind: 'clientDisconnected', perRequest: 1 }), attempts: 2, outcome: 'result' },
	{ name: 'HTTP 503 once per item', setup: fault({ kind: 'http5xx', status: 503, perRequest: 1 }), attempts: 2, outcome: 'result' },
	// After these the call may be billed: not retried unless the user opts in.
	{ name: 'HTTP 502 HTML page once per item', setup: fault({ kind: 'http5xx', status: 502, perRequest: 1 }), attempts: 1, outcome: /^ETOP answered HTTP 502/ },
	{
		name: 'HTTP 502 HTML page once per item, may-be-billed retries on',
		setup: fault({ kind: 'http5xx', status: 502, perRequest: 1 }),
		attempts: 2,
		outcome: 'result',
		retryMaybeBilled: true,
	},
	{
		name: 'HTTP 503 then 504',
		setup: (sb) => [503, 504].forEach((status) => sb.addFault({ kind: 'http5xx', status, perRequest: 1 })),
		attempts: 2,
		outcome: /^ETOP answered HTTP 504/,
	},
	{
		name: 'HTTP 503 then 504, may-be-billed retries on',
		setup: (sb) => [503, 504].forEach((status) => sb.addFault({ kind: 'http5xx', status, perRequest: 1 })),
		attempts: 3,
		outcome: 'result',
		retryMaybeBilled: true,
	},
	// The sandbox resets after it has read the whole request: the node cannot know it did not bill.
	{ name: 'connection reset once per item', setup: fault({ kind: 'reset', perRequest: 1 }), attempts: 1, outcome: /^The connection to the ETOP service failed \(ECONNRESET\)$/ },
	{
		name: 'connection reset once per item, may-be-billed retries on',
		setup: fault({ kind: 'reset', perRequest: 1 }),
		attempts: 2,
		outcome: 'result',
		retryMaybeBilled: true,
	},
	{
		name: 'slow past the timeout once per item',
		setup: fault({ kind: 'slow', delayMs: SLOW_MS, perRequest: 1 }),
		attempts: 1,
		outcome: /^The ETOP service did not answer within the attempt timeout of 0.3 s$/,
		timeout: TIMEOUT_MS,
		settleMs: SLOW_MS,
	},
	{
		name: 'slow past the timeout once per item, may-be-billed retries on',
		setup: fault({ kind: 'slow', delayMs: SLOW_MS, perRequest: 1 }),
		attempts: 2,
		outcome: 'result',
		retryMaybeBilled: true,
		timeout: TIMEOUT_MS,
		settleMs: SLOW_MS,
	},
	// Transient but it does not go away: the last attempt's error, after Max Retries.
	{
		name: 'busy (-52) on every call',
		setup: fault({ kind: 'busy' }),
		attempts: 3,
		attemptsUpTo: 3 + BUSY_WINDOW_RETRIES,
		maxRetries: 2,
		outcome: /^ETOP error -52: The system is busy/,
		retryable: true,
	},
	{
		name: 'slow past the timeout on every call',
		setup: fault({ kind: 'slow', delayMs: SLOW_MS }),
		attempts: 2,
		maxRetries: 1,
		outcome: /^The ETOP service did not answer within the attempt timeout of 0.3 s$/,
		retryMaybeBilled: true,
		timeout: TIMEOUT_MS,
		settleMs: SLOW_MS,
	},
	// Not transient: one call, a clear error on the item.
	{ name: 'truncated JSON', setup: fault({ kind: 'truncated' }), attempts: 1, outcome: /^The answer of the ETOP service was cut short/ },
	{ name: 'empty body', setup: fault({ kind: 'emptyBody' }), attempts: 1, outcome: /^ETOP answered with an empty body$/ },
	{ name: 'HTML page with HTTP 200', setup: fault({ kind: 'htmlBody' }), attempts: 1, outcome: /^ETOP answered with an HTML page instead of JSON/ },
	{ name: 'HTTP 500 HTML page', setup: fault({ kind: 'http5xx', status: 500 }), attempts: 1, outcome: /^ETOP answered HTTP 500/ },
	{ name: 'bad image (-51)', setup: fault({ kind: 'badImage' }), attempts: 1, outcome: /^ETOP error -51: / },
	// Not a fault at all for this node: it reads the body as text whatever the type says.
	{ name: 'wrong content type (JSON sent as text/html)', setup: fault({ kind: 'wrongContentType' }), attempts: 1, outcome: 'result' },
	{
		name: 'account out of calls midway',
		setup: (sb) => {
			sb.account(SANDBOX_KEY)!.remainingCalls = QUOTA;
		},
		attempts: 1,
		// Which items get the last units depends on which calls finish first, so only the count is fixed.
		outcome: () => 'result',
	},
];

function inputItems(): InputItem[] {
	return Array.from({ length: ITEMS }, (_, index) => imageItem(undefined, { id: `item-${index}`, subject: `mail ${index}` }));
}

const attemptsOf = (item: INodeExecutionData) =>
	(errorOf(item) ? errorOf(item)!.attempts : (item.json.meta as IDataObject).attempts) as number;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`fault matrix: ${ROWS.length} fault kinds × ${ITEMS} items, continue-on-fail`, () => {
	it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
		row.setup(sandbox());
		const result = await run(
			credentials(),
			{
				documentType: '2',
				options: { requestId: '={{ $json.id }}', includeInputFields: true, maxConcurrency: CONCURRENCY, maxRetries: row.maxRetries ?? 3, retryMaybeBilled: row.retryMaybeBilled ?? false },
				...(row.timeout ? { requestOptions: { timeout: row.timeout } } : {}),
			},
			inputItems(),
			'continueRegularOutput',
		);
		if (row.settleMs) await sleep(row.settleMs + 300);

		// Nothing lost, duplicated or reordered: output i is input i's own result or error.
		expect(result.error).toBeUndefined();
		const output = result.outputs[0];
		expect(output).toHaveLength(ITEMS);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			const outcome = typeof row.outcome === 'function' ? row.outcome(index) : row.outcome;
			if (errorOf(item)) {
				expect(item.pairedItem).toEqual({ item: index });
				expect(errorOf(item)!.hint).toBeTruthy();
				if (outcome !== 'result') {
					expect(errorOf(item)!.message).toMatch(outcome);
					expect(errorOf(item)!.retryable).toBe(row.retryable ?? false);
				}
			} else {
				expect(outcome).toBe('result');
				expect(item.json.subject).toBe(`mail ${index}`);
			}
		});

		// Each item took exactly the calls it should have, and its meta (or error) says so.
		const calls = sandbox().calls;
		// A result is the answer to that item's own last call (the sandbox's responseId is 2000000 + seq).
		output.forEach((item, index) => {
			if (errorOf(item)) return;
			const last = calls.filter((call) => call.fields.requestId === `item-${index}`).reduce((a, b) => (a.seq > b.seq ? a : b));
			expect([index, (item.json.meta as IDataObject).responseId]).toEqual([index, String(2_000_000 + last.seq)]);
		});
		const perItem = new Map<string, RecordedCall[]>();
		for (const call of [...calls].sort((a, b) => a.seq - b.seq)) {
			perItem.set(call.fields.requestId, [...(perItem.get(call.fields.requestId) ?? []), call]);
		}
		output.forEach((item, index) => {
			const own = perItem.get(`item-${index}`) ?? [];
			if (!row.timeout) {
				expect([index, attemptsOf(item)]).toEqual([index, own.length]);
				if (row.attemptsUpTo) return expect([index, own.length >= row.attempts && own.length <= row.attemptsUpTo]).toEqual([index, true]);
				return expect([index, own.length]).toEqual([index, row.attempts]);
			}
			const attempts = attemptsOf(item);
			const most = row.retryMaybeBilled ? (row.maxRetries ?? 3) + 1 : row.attempts;
			expect([index, attempts >= row.attempts && attempts <= most]).toEqual([index, true]);
			// A call the node gave up on early may never have been read by the sandbox.
			expect([index, own.length <= attempts && (errorOf(item) ? true : own.length >= 1)]).toEqual([index, true]);
			if (own.length) expect([index, own[0].fault]).toEqual([index, 'slow']);
		});
		if (!row.timeout && !row.attemptsUpTo) expect(calls).toHaveLength(ITEMS * row.attempts);
		// The service keeps working on calls the node timed out on, so only there it may see more.
		if (!row.timeout) expect(sandbox().peakInFlight).toBeLessThanOrEqual(CONCURRENCY);

		if (row.name === 'account out of calls midway') {
			expect(output.filter((item) => !errorOf(item))).toHaveLength(QUOTA);
			const failed = output.filter((item) => errorOf(item));
			expect(failed).toHaveLength(ITEMS - QUOTA);
			expect(failed.every((item) => /^ETOP error -3: /.test(errorOf(item)!.message))).toBe(true);
			expect(calls.filter((call) => call.billed)).toHaveLength(QUOTA);
		}
		expectNoCredentials(result, credentials());
	});
});
