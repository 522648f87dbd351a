import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { accountLimiter } from '../../nodes/EtopOcr/transport/accounts';
import type { InputItem } from '../harness/inputNode';
import { until } from '../harness/until';
import type { RecordedCall } from '../sandbox/server';
import { errorOf, imageItem, run, useSandbox } from './context';

// Issue 11 through n8n's real engine: many executions of the node at once in one process share
// one ETOP account's limit (the sandbox serves 5 calls at once and answers -52 beyond that).
// Assertions are on counts and order; latencies are the sandbox's, not the machine's.

const { sandbox, credentials } = useSandbox();

afterEach(() => {
	sandbox().setLatency(0);
	sandbox().setMaxConcurrent(undefined);
});

/** `count` images of one execution, each with its own requestId "<execution>-<index>". */
function images(execution: string, count: number): InputItem[] {
	return Array.from({ length: count }, (_, index) => imageItem(undefined, { id: `${execution}-${index}` }));
}

function parameters(options: IDataObject = {}): INodeParameters {
	return { documentType: '2', options: { requestId: '={{ $json.id }}', ...options } };
}

const requestIdOf = (item: INodeExecutionData) => (item.json.meta as IDataObject | undefined)?.requestId;

/** Calls in the order they reached the sandbox. */
const arrivals = (calls: RecordedCall[]) => [...calls].sort((a, b) => a.seq - b.seq);

/** The limiter the node uses for the test credential (module state is shared within this test file). */
const limiterOfTestAccount = () => accountLimiter(credentials().endpoint, credentials().apiKey);

function expectEveryItemItsOwnResult(outputs: INodeExecutionData[][], execution: string, count: number) {
	const items = outputs[0];
	expect(items).toHaveLength(count);
	items.forEach((item, index) => {
		expect(errorOf(item)).toBeUndefined();
		expect(item.pairedItem).toEqual({ item: index });
		expect(requestIdOf(item)).toBe(`${execution}-${index}`);
	});
}

describe('20 executions at once, 10 images each, one credential, a service that serves 5 at once', () => {
	const executions = Array.from({ length: 20 }, (_, index) => `run${index}`);

	it.each([
		['default options (Max Concurrent Requests 5)', {}],
		['Max Concurrent Requests 10, over what the service serves: the window adapts', { maxConcurrency: 10 }],
	])('%s: every item succeeds with its own result, at most 1.35 calls per image', async (_label, options) => {
		sandbox().setLatency(30);
		sandbox().setMaxConcurrent(5);
		const results = await Promise.all(
			executions.map((execution) => run(credentials(), parameters(options), images(execution, 10), 'continueRegularOutput')),
		);
		results.forEach((result, index) => {
			expect(result.error).toBeUndefined();
			expectEveryItemItsOwnResult(result.outputs, executions[index], 10);
		});
		const calls = sandbox().calls;
		expect(calls.length / 200).toBeLessThanOrEqual(1.35);
		expect(calls.filter((call) => call.errorCode === '0')).toHaveLength(200);
		// Within each execution the images were first sent in item order.
		for (const execution of executions) {
			const firstSends = [...new Set(arrivals(calls).map((call) => call.fields.requestId).filter((id) => id.startsWith(`${execution}-`)))];
			expect(firstSends).toEqual(Array.from({ length: 10 }, (_, index) => `${execution}-${index}`));
		}
		const limiter = limiterOfTestAccount();
		expect([limiter.inFlight, limiter.waiting]).toEqual([0, 0]);
	});

	it('with defaults the account never has more than Max Concurrent Requests in flight, however many executions run', async () => {
		sandbox().setLatency(30);
		await Promise.all(executions.slice(0, 10).map((execution) => run(credentials(), parameters(), images(execution, 10))));
		// No cap at the sandbox in this test: what it saw at once is what the node sent at once.
		expect(sandbox().peakInFlight).toBe(5);
		expect(sandbox().calls).toHaveLength(100);
	});
});

describe('fair between executions', () => {
	it('a small execution that starts behind a large one is served alongside it, not after it', async () => {
		sandbox().setLatency(400);
		const limiter = limiterOfTestAccount();
		const large = run(credentials(), parameters(), images('large', 40));
		await until(() => limiter.waiting >= 35, 'the large execution has queued its items');
		const small = await run(credentials(), parameters(), images('small', 5));
		expectEveryItemItsOwnResult(small.outputs, 'small', 5);
		expectEveryItemItsOwnResult((await large).outputs, 'large', 40);
		const order = arrivals(sandbox().calls).map((call) => call.fields.requestId);
		const lastSmall = Math.max(...order.map((id, index) => (id.startsWith('small-') ? index : -1)));
		// Round-robin: the small execution's 5 calls alternate with the large one's. One execution
		// after another (a plain FIFO over the account) would put them after all 40.
		expect(order.slice(0, lastSmall + 1).filter((id) => id.startsWith('large-')).length).toBeLessThanOrEqual(25);
	});
});

describe('cancel', () => {
	it('a canceled execution leaves the account queue at once; the others carry on', async () => {
		// The running execution's 5 calls take 3 s at the service: the canceled one must be done
		// long before any of them is answered.
		sandbox().setLatency(3000);
		const limiter = limiterOfTestAccount();
		const running = run(credentials(), parameters(), images('running', 5));
		await until(() => limiter.inFlight === 5, 'the running execution holds the whole window');
		const stop = new AbortController();
		const canceled = run(credentials(), parameters(), images('canceled', 10), undefined, stop.signal);
		await until(() => limiter.waiting === 10, 'the second execution waits for slots');
		stop.abort();
		const result = await canceled;
		expect(sandbox().calls).toHaveLength(0);
		expect(result.run.status).toBe('canceled');
		expect(limiter.waiting).toBe(0);
		expectEveryItemItsOwnResult((await running).outputs, 'running', 5);
		expect(sandbox().calls.map((call) => call.fields.requestId).filter((id) => id.startsWith('canceled-'))).toEqual([]);
	});
});
