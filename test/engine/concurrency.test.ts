import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENCY } from '../../nodes/EtopOcr/params/limits';
import type { InputItem } from '../harness/inputNode';
import type { RecordedCall } from '../sandbox/server';
import { errorOf, expectNoCredentials, imageItem, run, useSandbox } from './context';

// Issue 3 through n8n's real engine: n8n starts every item's request at once, the node's
// per-item hook keeps at most Max Concurrent Requests in flight, keeps order and pairing,
// retries only transient failures, and sends nothing more once the node is going to stop.

const { sandbox, credentials } = useSandbox();

// reset() keeps the latency and the concurrency cap; each test sets what it needs.
afterEach(() => {
	sandbox().setLatency(0);
	sandbox().setMaxConcurrent(undefined);
});

/** Every item carries its own requestId, so the sandbox's calls can be told apart per item. */
const BY_ITEM = { requestId: '={{ $json.id }}' };

function items(count: number, marker = (_index: number): string | undefined => undefined): InputItem[] {
	return Array.from({ length: count }, (_, index) => imageItem(marker(index), { id: `item-${index}` }));
}

function parameters(options: IDataObject = {}): INodeParameters {
	return { documentType: '2', options: { ...BY_ITEM, ...options } };
}

function callsPerItem(calls: RecordedCall[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const call of calls) counts.set(call.fields.requestId, (counts.get(call.fields.requestId) ?? 0) + 1);
	return counts;
}

/** Output i belongs to input i: same position, paired with it, and (when it succeeded) its own result. */
function expectInOrder(output: INodeExecutionData[], count: number) {
	expect(output).toHaveLength(count);
	output.forEach((item, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		if (!errorOf(item)) expect((item.json.meta as IDataObject).requestId).toBe(`item-${index}`);
	});
}

const attemptsOf = (item: INodeExecutionData) =>
	errorOf(item) ? errorOf(item)!.attempts : (item.json.meta as IDataObject).attempts;

describe('bounded concurrency', () => {
	it.each([
		[1, 12],
		[3, 30],
		[8, 40],
	])('never more than %i requests in flight (%i items), all answered in order and paired', async (limit, count) => {
		sandbox().setLatency(40);
		const result = await run(credentials(), parameters({ maxConcurrency: limit }), items(count));
		expect(result.error).toBeUndefined();
		expect(sandbox().peakInFlight).toBeLessThanOrEqual(limit);
		// With more items than slots and a slow service every slot gets used.
		expect(sandbox().peakInFlight).toBe(limit);
		expect(sandbox().calls).toHaveLength(count);
		expectInOrder(result.outputs[0], count);
		expect(result.outputs[0].every((item) => attemptsOf(item) === 1)).toBe(true);
	});

	it(`keeps the default of ${DEFAULT_MAX_CONCURRENCY} when the option is not set`, async () => {
		sandbox().setLatency(40);
		const result = await run(credentials(), { documentType: '2', options: BY_ITEM }, items(25));
		expect(result.error).toBeUndefined();
		expect(sandbox().peakInFlight).toBe(DEFAULT_MAX_CONCURRENCY);
		expectInOrder(result.outputs[0], 25);
	});

	it('sends the items in their order (a FIFO queue, not a race)', async () => {
		sandbox().setLatency(20);
		await run(credentials(), parameters({ maxConcurrency: 1 }), items(10));
		expect(sandbox().calls.map((call) => call.fields.requestId)).toEqual(items(10).map((item) => item.json!.id));
	});

	it('never gets a -52 from a service that allows as many calls as the limit', async () => {
		sandbox().setLatency(30);
		sandbox().setMaxConcurrent(4);
		const result = await run(credentials(), parameters({ maxConcurrency: 4, maxRetries: 0 }), items(40), 'continueRegularOutput');
		expect(result.outputs[0].filter((item) => errorOf(item))).toEqual([]);
		expect(sandbox().calls.filter((call) => call.errorCode === '-52')).toEqual([]);
	});
});

describe('retries', () => {
	it('retries a busy answer and says how many attempts each item took', async () => {
		sandbox().addFault({ kind: 'busy', perRequest: 1 });
		const result = await run(credentials(), parameters({ maxConcurrency: 10, maxRetries: 3 }), items(20));
		expect(result.error).toBeUndefined();
		expectInOrder(result.outputs[0], 20);
		expect(result.outputs[0].map(attemptsOf)).toEqual(Array(20).fill(2));
		expect(sandbox().calls).toHaveLength(40);
		expect([...callsPerItem(sandbox().calls).values()]).toEqual(Array(20).fill(2));
	});

	it('gives up after Max Retries, with the attempts in the error', async () => {
		sandbox().addFault({ kind: 'ioError' });
		const result = await run(credentials(), parameters({ maxConcurrency: 10, maxRetries: 2 }), items(10), 'continueRegularOutput');
		expectInOrder(result.outputs[0], 10);
		for (const item of result.outputs[0]) {
			expect(errorOf(item)?.message).toMatch(/^ETOP error -8: /);
			expect(attemptsOf(item)).toBe(3);
		}
		expect(sandbox().calls).toHaveLength(30);
	});

	it('does not retry at all with Max Retries 0', async () => {
		sandbox().addFault({ kind: 'ioError', perRequest: 1 });
		const result = await run(credentials(), parameters({ maxConcurrency: 10, maxRetries: 0 }), items(10), 'continueRegularOutput');
		expectInOrder(result.outputs[0], 10);
		expect(result.outputs[0].every((item) => errorOf(item)?.message.startsWith('ETOP error -8: ') && attemptsOf(item) === 1)).toBe(true);
		expect(sandbox().calls).toHaveLength(10);
	});

	it('with Max Retries 0 still sends again after a -52 the account limiter acted on (its own budget, issue 11)', async () => {
		sandbox().addFault({ kind: 'busy', perRequest: 1 });
		const result = await run(credentials(), parameters({ maxConcurrency: 10, maxRetries: 0 }), items(10), 'continueRegularOutput');
		expectInOrder(result.outputs[0], 10);
		expect(result.outputs[0].map(attemptsOf)).toEqual(Array(10).fill(2));
		expect(sandbox().calls).toHaveLength(20);
	});

	it.each([
		['recognition failed (19)', 'ETOP-SANDBOX:RESULT=19', /^ETOP error 19: /],
		['not this document (3)', 'ETOP-SANDBOX:DOC=41', /^ETOP error 3: /],
		['bad image (-51)', 'ETOP-SANDBOX:RESULT=-51', /^ETOP error -51: /],
		['not enough calls (-3)', 'ETOP-SANDBOX:RESULT=-3', /^ETOP error -3: /],
	])('never retries a non-transient answer: %s', async (_label, marker, message) => {
		const result = await run(credentials(), parameters({ maxConcurrency: 5, maxRetries: 5 }), items(6, () => marker), 'continueRegularOutput');
		expectInOrder(result.outputs[0], 6);
		expect(result.outputs[0].every((item) => message.test(errorOf(item)?.message ?? '') && attemptsOf(item) === 1)).toBe(true);
		expect(sandbox().calls).toHaveLength(6);
	});

	it('never retries a wrong secret or an HTTP 500', async () => {
		const wrong = { ...credentials(), secret: 'wrong-secret-0000' };
		const first = await run(wrong, parameters({ maxRetries: 5 }), items(3), 'continueRegularOutput');
		expect(first.outputs[0].every((item) => errorOf(item)?.message.startsWith('ETOP error -2: '))).toBe(true);
		expect(sandbox().calls).toHaveLength(3);
		expectNoCredentials(first, wrong);
		sandbox().reset();
		sandbox().addFault({ kind: 'http5xx', status: 500 });
		const second = await run(credentials(), parameters({ maxRetries: 5 }), items(3), 'continueRegularOutput');
		expect(second.outputs[0].every((item) => errorOf(item)?.message.startsWith('ETOP answered HTTP 500'))).toBe(true);
		expect(sandbox().calls).toHaveLength(3);
	});
});

describe('no calls after a stop', () => {
	it('sends no item that had not started once an item failed for good', async () => {
		sandbox().setLatency(30);
		const failing = 5;
		const limit = 3;
		const result = await run(
			credentials(),
			parameters({ maxConcurrency: limit, maxRetries: 0 }),
			items(50, (index) => (index === failing ? 'ETOP-SANDBOX:RESULT=19' : undefined)),
		);
		expect(result.outputs).toEqual([]);
		expect(result.error?.message).toMatch(/^ETOP error 19: /);
		expect((result.error as unknown as { context: IDataObject }).context.itemIndex).toBe(failing);
		// Sent: the items up to the failing one, and what had already taken the other slots.
		const sent = sandbox().calls.map((call) => Number(call.fields.requestId.slice('item-'.length)));
		expect(Math.max(...sent)).toBeLessThan(failing + limit);
		expect(sandbox().calls.length).toBeLessThanOrEqual(failing + limit);
		expectNoCredentials(result, credentials());
	});

	it('stops after the last retry of a persistent transient failure, not before and not after', async () => {
		const result = await run(
			credentials(),
			parameters({ maxConcurrency: 1, maxRetries: 2 }),
			items(10, (index) => (index === 2 ? 'ETOP-SANDBOX:RESULT=-8' : undefined)),
		);
		expect(result.error?.message).toMatch(/^ETOP error -8: /);
		expect((result.error as unknown as { context: IDataObject }).context.attempts).toBe(3);
		// Item 2 gives its slot back while it pauses between attempts (issue 11), so later items may
		// go meanwhile; once it has failed for good, nothing more is sent.
		const sent = sandbox().calls.map((call) => call.fields.requestId);
		expect(sent.filter((id) => id === 'item-2')).toHaveLength(3);
		expect(sent.at(-1)).toBe('item-2');
		expect(sent.slice(0, 3)).toEqual(['item-0', 'item-1', 'item-2']);
		expect(new Set(sent).size).toBe(sent.length - 2);
	});

	it('keeps sending every item with continue-on-fail', async () => {
		const result = await run(
			credentials(),
			parameters({ maxConcurrency: 3, maxRetries: 0 }),
			items(20, (index) => (index % 4 === 1 ? 'ETOP-SANDBOX:RESULT=19' : undefined)),
			'continueErrorOutput',
		);
		const [good, bad] = result.outputs;
		expect(good).toHaveLength(15);
		expect(bad).toHaveLength(5);
		expect(bad.map((item) => (item.pairedItem as { item: number }).item)).toEqual([1, 5, 9, 13, 17]);
		expect(sandbox().calls).toHaveLength(20);
	});
});
