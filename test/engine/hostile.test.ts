import { gzipSync } from 'zlib';

import { LoggerProxy, type IDataObject, type INodeExecutionData, type INodeParameters } from 'n8n-workflow';

import { makeJpeg, makePng } from '../fixtures/images';
import { ETOP_CREDENTIAL_TEST } from '../../nodes/EtopOcr/transport/credentialTest';
import { runWorkflow, shutdownEngine, testCredentials, type RunOptions, type RunResult } from '../harness/engine';
import { errorOf as errorItemOf } from '../harness/errorOf';
import type { InputItem } from '../harness/inputNode';
import { refusedEndpoint, sendJson, startHostile, successBody, trickle, type Behaviour, type HostileServer } from '../hostile/server';
import { imageItem } from './context';

// Issue 10: the node against hostile servers on loopback, through n8n's real engine. Each case
// counts the calls the server received in full (what a real service could bill), and checks the
// outcome, that the run ended within a loose bound, and that neither key nor secret appears in
// any encoding in outputs, errors, the stored run data or the logs. Every wait is bounded by the
// node's own deadlines or by events (a call received), never by a timing window.

const KEY = 'hostile-key-77Qw';
const SECRET = 'S3cr3t/Zx+9!~q';

/** Loose upper bound for a run whose own waits are at most a few seconds (the machine is shared and loaded). */
const PROMPT_MS = 20_000;

const logs: string[] = [];
beforeAll(() => {
	const capture = (level: string) => (message: string, meta?: object) => logs.push(`${level} ${message} ${meta ? safeJson(meta) : ''}`);
	LoggerProxy.init({ error: capture('error'), warn: capture('warn'), info: capture('info'), debug: capture('debug'), verbose: capture('verbose') } as never);
});
afterAll(() => shutdownEngine());

function safeJson(value: unknown): string {
	const seen = new WeakSet();
	return JSON.stringify(value, (_key, child: unknown) => {
		if (child && typeof child === 'object') {
			if (seen.has(child)) return '[circular]';
			seen.add(child);
		}
		return child;
	});
}

/** Every form a server could echo a value in. */
function encodings(value: string): string[] {
	const bytes = Buffer.from(value, 'utf8');
	const upper = encodeURIComponent(value).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	const base64 = bytes.toString('base64').replace(/=+$/, '');
	return [
		value,
		upper,
		upper.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
		new URLSearchParams({ v: value }).toString().slice(2),
		[...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
		value.replace(/\//g, '\\/'),
		[...value].map((c) => `&#${c.charCodeAt(0)};`).join(''),
		[...value].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join(''),
		base64.slice(0, -1),
		base64.slice(0, -1).replace(/\+/g, '-').replace(/\//g, '_'),
	];
}

function expectNoSecrets(result: RunResult): void {
	const shown = [
		safeJson(result.run.data),
		safeJson(result.outputs),
		...result.outputs.flat().map((item: INodeExecutionData) => safeJson(item.json.error ?? '')),
		`${result.error?.message} ${result.error?.description}`,
		...logs,
	].join('\n');
	for (const form of [...encodings(KEY), ...encodings(SECRET)]) expect([form, shown.includes(form)]).toEqual([form, false]);
}

interface Case {
	server?: HostileServer;
	endpoint: string;
	items?: InputItem[];
	parameters?: INodeParameters;
	options?: IDataObject;
	onError?: RunOptions['onError'];
	retry?: RunOptions['retry'];
	signal?: AbortSignal;
}

interface Outcome extends RunResult {
	ms: number;
	items: INodeExecutionData[];
}

async function run(c: Case): Promise<Outcome> {
	logs.length = 0;
	const started = Date.now();
	const result = await runWorkflow({
		credentials: { apiKey: KEY, secret: SECRET, endpoint: c.endpoint },
		parameters: { documentType: '2', ...c.parameters, options: { attemptTimeout: 2, ...c.options } },
		items: c.items ?? [imageItem()],
		onError: c.onError,
		retry: c.retry,
		signal: c.signal,
	});
	const ms = Date.now() - started;
	expectNoSecrets(result);
	return { ...result, ms, items: result.outputs.flat() };
}

const servers: HostileServer[] = [];
async function serve(behave: Behaviour, options?: Parameters<typeof startHostile>[1]): Promise<HostileServer> {
	const server = await startHostile(behave, options);
	servers.push(server);
	return server;
}
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Records each case's figures for the report table in docs/billing-and-retries.md. */
const table: string[] = [];
function record(name: string, billed: number, outcome: string, ms: number): void {
	table.push(`| ${name} | ${billed} | ${outcome} | ${(ms / 1000).toFixed(1)} s |`);
}
afterAll(() => {
	if (process.env.HOSTILE_TABLE) process.stdout.write(`\n${table.join('\n')}\n`);
});

/** The first item's failure: its error item's details (message, hint, attempts…), or the error that stopped the run. */
function errorOf(outcome: Outcome): { message: string; description?: string | null; context: IDataObject } | undefined {
	const item = outcome.items[0] && errorItemOf(outcome.items[0]);
	if (item) return { message: item.message, description: item.hint, context: item };
	return outcome.error as unknown as { message: string; description?: string; context: IDataObject } | undefined;
}
const contextOf = (outcome: Outcome) => errorOf(outcome)!.context;

describe('before the request was written: retried, nothing billed', () => {
	it('connection refused: every attempt fails to connect, no call reaches a service', async () => {
		const outcome = await run({ endpoint: await refusedEndpoint(), options: { maxRetries: 2 }, onError: 'continueRegularOutput' });
		expect(errorOf(outcome)?.message).toBe('Could not connect to the ETOP service (ECONNREFUSED)');
		expect(contextOf(outcome)).toMatchObject({ attempts: 3, mayBeBilled: false });
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('connection refused (Max Retries 2)', 0, 'error after 3 attempts', outcome.ms);
	});

	it('a reset while a large request is being written cannot be told from one after delivery: not retried, said to be maybe billed', async () => {
		const server = await serve(() => undefined, { onConnection: (socket) => socket.once('data', () => socket.resetAndDestroy()) });
		// 3 MB of image: far more than a socket buffer, so the reset comes while the request is written.
		const items = [{ json: {}, binary: { data: { data: makePng({ bytes: 3_000_000 }), fileName: 'big.png', mimeType: 'image/png' } } }];
		const outcome = await run({ endpoint: server.endpoint, items, options: { maxRetries: 2 }, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(0);
		expect(errorOf(outcome)?.message).toMatch(/ \((ECONNRESET|EPIPE)\)$/);
		expect(contextOf(outcome)).toMatchObject({ mayBeBilled: contextOf(outcome).attempts === 1 });
		record('reset while a 3 MB request is written', server.billable, `error after ${String(contextOf(outcome).attempts)} attempt(s)`, outcome.ms);
	});
});

describe('after the request was delivered: not retried unless asked, and said to be maybe billed', () => {
	it('no answer: ends at the attempt timeout, one billable call', async () => {
		const server = await serve(() => undefined);
		const outcome = await run({ endpoint: server.endpoint, options: { attemptTimeout: 1, maxRetries: 3 }, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(1);
		expect(errorOf(outcome)?.message).toBe('The ETOP service did not answer within the attempt timeout of 1 s');
		expect(errorOf(outcome)?.description).toContain('may be billed');
		expect(contextOf(outcome)).toMatchObject({ attempts: 1, mayBeBilled: true, retryable: false });
		expect(outcome.ms).toBeGreaterThanOrEqual(1_000);
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('no answer (attempt timeout 1 s)', server.billable, 'error, not retried', outcome.ms);
	});

	it('no answer, Retry Calls That May Be Billed on: retried as far as Max Retries', async () => {
		const server = await serve(() => undefined);
		const outcome = await run({ endpoint: server.endpoint, options: { attemptTimeout: 1, maxRetries: 1, retryMaybeBilled: true }, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(2);
		expect(contextOf(outcome)).toMatchObject({ attempts: 2, mayBeBilled: true });
		record('no answer, may-be-billed retries on (Max Retries 1)', server.billable, 'error after 2 attempts', outcome.ms);
	});

	it('an answer that trickles a byte at a time cannot escape the deadline', async () => {
		const server = await serve(({ res }) => {
			res.socket!.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n');
			trickle(res, Buffer.alloc(100_000, ' '), 50);
		});
		const outcome = await run({ endpoint: server.endpoint, options: { attemptTimeout: 1 }, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(1);
		expect(errorOf(outcome)?.message).toBe('The answer of the ETOP service did not arrive completely within the attempt timeout of 1 s');
		expect(contextOf(outcome)).toMatchObject({ attempts: 1, mayBeBilled: true });
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('answer trickles a byte per 50 ms (timeout 1 s)', server.billable, 'error, not retried', outcome.ms);
	});

	it('headers that trickle a byte at a time cannot escape the deadline either', async () => {
		const server = await serve(({ res }) => trickle(res, Buffer.from(`HTTP/1.1 200 OK\r\n${'X-Pad: 1\r\n'.repeat(5000)}`), 50));
		const outcome = await run({ endpoint: server.endpoint, options: { attemptTimeout: 1 }, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(1);
		expect(errorOf(outcome)?.message).toBe('The ETOP service did not answer within the attempt timeout of 1 s');
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('status line and headers trickle (timeout 1 s)', server.billable, 'error, not retried', outcome.ms);
	});

	it('reset half-way through the answer: not retried', async () => {
		const server = await serve(({ res }) => {
			const body = Buffer.from(JSON.stringify(successBody()));
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
			res.write(body.subarray(0, 20), () => res.socket!.resetAndDestroy());
		});
		const outcome = await run({ endpoint: server.endpoint, options: { maxRetries: 3 }, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(1);
		expect(errorOf(outcome)?.message).toMatch(/^The answer of the ETOP service was cut short/);
		expect(contextOf(outcome)).toMatchObject({ attempts: 1, mayBeBilled: true });
		record('reset mid-answer', server.billable, 'error, not retried', outcome.ms);
	});

	it('HTTP 504 from a gateway: not retried', async () => {
		const server = await serve(({ res }) => sendJson(res, { message: 'gateway timeout' }, 504));
		const outcome = await run({ endpoint: server.endpoint, options: { maxRetries: 3 }, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(1);
		expect(errorOf(outcome)?.message).toMatch(/^ETOP answered HTTP 504/);
		record('HTTP 504', server.billable, 'error, not retried', outcome.ms);
	});
});

describe('the service says it did not do the work: retried with backoff, Retry-After honoured', () => {
	it('-52 busy, then a result', async () => {
		const server = await serve(({ index, res }) => sendJson(res, index === 1 ? { ErrorCode: '-52' } : successBody()));
		const outcome = await run({ endpoint: server.endpoint });
		expect(server.billable).toBe(2);
		expect(outcome.error).toBeUndefined();
		expect((outcome.items[0].json.meta as IDataObject).attempts).toBe(2);
		record('-52 busy once', server.billable, 'result (2 attempts)', outcome.ms);
	});

	it('HTTP 429 with Retry-After: 1 waits that long, then a result', async () => {
		const server = await serve(({ index, res }) => (index === 1 ? sendJson(res, {}, 429, { 'Retry-After': '1' }) : sendJson(res, successBody())));
		const outcome = await run({ endpoint: server.endpoint });
		expect(server.billable).toBe(2);
		expect(outcome.error).toBeUndefined();
		expect(outcome.ms).toBeGreaterThanOrEqual(1_000);
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('HTTP 429, Retry-After 1', server.billable, 'result (2 attempts)', outcome.ms);
	});

	it('HTTP 503 asking for more than a minute: not waited for, the error says so', async () => {
		const server = await serve(({ res }) => sendJson(res, {}, 503, { 'Retry-After': '3600' }));
		const outcome = await run({ endpoint: server.endpoint, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(1);
		expect(errorOf(outcome)?.message).toMatch(/^ETOP answered HTTP 503/);
		expect(errorOf(outcome)?.description).toContain('3600 s');
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('HTTP 503, Retry-After 3600', server.billable, 'error at once', outcome.ms);
	});
});

describe('answers that would fill the memory or corrupt the data', () => {
	it('a gzip answer that inflates past the limit is cut while it is read', async () => {
		const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));
		const server = await serve(({ res }) => {
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) });
			res.end(bomb);
		});
		const outcome = await run({ endpoint: server.endpoint, onError: 'continueRegularOutput' });
		expect(server.billable).toBe(1);
		expect(errorOf(outcome)?.message).toBe('The answer of the ETOP service is larger than 32.00 MB');
		expect(contextOf(outcome)).toMatchObject({ attempts: 1, mayBeBilled: true });
		record(`gzip answer of ${(bomb.length / 1024).toFixed(0)} KB inflating to 64 MB`, server.billable, 'error, not retried', outcome.ms);
	});

	it('a GBK answer is read as GBK', async () => {
		// {"ErrorCode":"0","Plate":[{"车牌号":"渝B8R561"}]} in GBK.
		const gbk = Buffer.from('7b224572726f72436f6465223a2230222c22506c617465223a5b7b22b3b5c5c6bac5223a22d3e5423852353631227d5d7d', 'hex');
		const server = await serve(({ res }) => {
			res.writeHead(200, { 'Content-Type': 'application/json; charset=GBK', 'Content-Length': String(gbk.length) });
			res.end(gbk);
		});
		const outcome = await run({ endpoint: server.endpoint, parameters: { documentType: '6', simplify: false } });
		expect(outcome.error).toBeUndefined();
		expect(outcome.items[0].json.Plate).toEqual([{ 车牌号: '渝B8R561' }]);
		record('GBK answer', server.billable, 'result, text intact', outcome.ms);
	});

	it('bytes that are not valid UTF-8 are a clear error, not replacement characters', async () => {
		const server = await serve(({ res }) => {
			const bytes = Buffer.concat([Buffer.from('{"ErrorCode":"0","v":"'), Buffer.from([0xe5, 0xe5, 0x42]), Buffer.from('"}')]);
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
			res.end(bytes);
		});
		const outcome = await run({ endpoint: server.endpoint, onError: 'continueRegularOutput' });
		expect(errorOf(outcome)?.message).toBe('ETOP answered with bytes that are not valid UTF-8 text');
		record('invalid UTF-8', server.billable, 'error', outcome.ms);
	});

	it('a success body with a member named "error" does not come out as an error, so Retry On Fail does not re-bill it', async () => {
		const server = await serve(({ res }) => sendJson(res, successBody({ error: 'none' })));
		const outcome = await run({ endpoint: server.endpoint, parameters: { simplify: false }, retry: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } });
		expect(server.billable).toBe(1);
		expect(outcome.items[0].json.error).toBeUndefined();
		expect(outcome.items[0].json.errorField).toBe('none');
		record('success body with an "error" member, Retry On Fail on', server.billable, 'result, not re-run', outcome.ms);
	});
});

describe('echoed secrets are scrubbed in every encoding', () => {
	const echo = (secret: string, key: string) =>
		[...encodings(secret), ...encodings(key), `key=${encodeURIComponent(key)}&secret=${encodeURIComponent(secret).toLowerCase()}`].join(' | ');

	it.each([
		['an HTML error page', (call: Parameters<Behaviour>[0]) => {
			call.res.writeHead(500, { 'Content-Type': 'text/html' });
			call.res.end(`<html><title>Error ${echo(call.fields.get('secret')!, call.fields.get('key')!)}</title><body>${call.body.toString('latin1')}</body></html>`);
		}],
		['a JSON error message', (call: Parameters<Behaviour>[0]) => sendJson(call.res, { ErrorCode: '-51', ErrorMessage: echo(call.fields.get('secret')!, call.fields.get('key')!) })],
		['a success body', (call: Parameters<Behaviour>[0]) => sendJson(call.res, successBody({ note: echo(call.fields.get('secret')!, call.fields.get('key')!), raw: Buffer.from(call.body).toString('base64') }))],
		['a redirect target', (call: Parameters<Behaviour>[0]) => {
			call.res.writeHead(302, { Location: `http://elsewhere.invalid/?${call.body.toString('latin1')}&k=${call.fields.get('key')}` });
			call.res.end();
		}],
		['a body that is not JSON', (call: Parameters<Behaviour>[0]) => {
			call.res.writeHead(200, { 'Content-Type': 'text/plain' });
			call.res.end(`oops ${echo(call.fields.get('secret')!, call.fields.get('key')!)}`);
		}],
	])('in %s', async (name, behave) => {
		const server = await serve(behave);
		for (const simplify of [true, false]) {
			const outcome = await run({ endpoint: server.endpoint, parameters: { simplify }, onError: 'continueRegularOutput' });
			expect(outcome.items).toHaveLength(1);
		}
		record(`secret echoed in ${name}`, 1, 'scrubbed everywhere', 0);
	});
});

describe('cancel ends every wait at once and the run shows as cancelled', () => {
	it('while waiting for the answer', async () => {
		const controller = new AbortController();
		const server = await serve(() => controller.abort());
		const outcome = await run({ endpoint: server.endpoint, options: { attemptTimeout: 600 }, signal: controller.signal });
		expect(server.billable).toBe(1);
		expect(outcome.run.status).toBe('canceled');
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('cancel while waiting for the answer (timeout 600 s)', server.billable, 'cancelled', outcome.ms);
	});

	it('in a Retry-After pause', async () => {
		const controller = new AbortController();
		const server = await serve(({ res }) => {
			sendJson(res, {}, 429, { 'Retry-After': '50' });
			res.on('finish', () => controller.abort());
		});
		const outcome = await run({ endpoint: server.endpoint, signal: controller.signal });
		expect(server.billable).toBe(1);
		expect(outcome.run.status).toBe('canceled');
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('cancel in a 50 s Retry-After pause', server.billable, 'cancelled', outcome.ms);
	});
});

describe('stop means stop', () => {
	it('an item in a retry pause does not send again once another item failed for good', async () => {
		let busyAnswered!: () => void;
		const busyDone = new Promise<void>((resolve) => (busyAnswered = resolve));
		const server = await serve(({ fields, res }) => {
			if (fields.get('requestId') === 'busy') {
				res.on('finish', () => busyAnswered());
				sendJson(res, { ErrorCode: '-52' });
			} else void busyDone.then(() => sendJson(res, { ErrorCode: '19' }));
		});
		const items = [imageItem(undefined, { id: 'busy' }), imageItem(undefined, { id: 'fails' })];
		// The busy item is answered first and pauses before its retry; the other then fails for good.
		const outcome = await run({
			endpoint: server.endpoint,
			items,
			options: { requestId: '={{ $json.id }}', maxConcurrency: 2 },
		});
		expect(outcome.error?.message).toMatch(/^ETOP error 19: /);
		expect(server.billable).toBe(2);
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
		record('item in backoff when another fails (stop on error)', server.billable, 'stopped, no resend', outcome.ms);
	});

	it('with stop-on-error a bad item 7 of 10 is found before anything is sent', async () => {
		const server = await serve(({ res }) => sendJson(res, successBody()));
		const items = Array.from({ length: 10 }, (_, index) => (index === 7 ? { json: {} } : imageItem()));
		const outcome = await run({ endpoint: server.endpoint, items });
		expect(server.billable).toBe(0);
		expect(outcome.error?.message).toMatch(/^There is no binary field "data" .*\[item 7\]$/);
		record('item 7 of 10 has no binary (stop on error)', server.billable, 'error before any call', outcome.ms);
	});

	it("n8n's Retry On Fail is a fresh run, not 'an earlier item failed'", async () => {
		const server = await serve(({ index, res }) => sendJson(res, index === 1 ? { ErrorCode: '19' } : successBody()));
		const outcome = await run({ endpoint: server.endpoint, items: [imageItem(), imageItem()], options: { maxConcurrency: 1 }, retry: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } });
		expect(outcome.error).toBeUndefined();
		expect(outcome.items).toHaveLength(2);
		// First run: item 0 failed (1 call), item 1 was not sent; second run: both.
		expect(server.billable).toBe(3);
		record("n8n's Retry On Fail after a failed item", server.billable, 'result on the second run', outcome.ms);
	});
});

describe('numeric options out of range are refused before anything is sent', () => {
	it.each([
		['maxConcurrency', 0, 'Max Concurrent Requests'],
		['maxConcurrency', -1, 'Max Concurrent Requests'],
		['maxConcurrency', 'abc', 'Max Concurrent Requests'],
		['maxConcurrency', 1e9, 'Max Concurrent Requests'],
		['maxRetries', 11, 'Max Retries'],
		['maxRetries', Number.NaN, 'Max Retries'],
		['maxRetries', 2.5, 'Max Retries'],
		['attemptTimeout', 0, 'Attempt Timeout'],
		['attemptTimeout', 100_000, 'Attempt Timeout'],
	])('%s = %p', async (option, value, label) => {
		const server = await serve(({ res }) => sendJson(res, successBody()));
		const outcome = await run({ endpoint: server.endpoint, options: { [option]: value } });
		expect(server.billable).toBe(0);
		expect(outcome.error?.message).toContain(`Options → ${label}`);
		expect(outcome.ms).toBeLessThan(PROMPT_MS);
	});
});

describe('the credential test is bounded in total too', () => {
	const configured = ETOP_CREDENTIAL_TEST.request.timeout;
	afterEach(() => {
		ETOP_CREDENTIAL_TEST.request.timeout = configured;
	});

	it('an answer that trickles a byte at a time ends at the test timeout', async () => {
		// n8n would only watch for an idle socket; 1 s instead of 30 s keeps the test short.
		ETOP_CREDENTIAL_TEST.request.timeout = 1_000;
		const server = await serve(({ res }) => {
			res.socket!.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"ErrorCode":');
			trickle(res, Buffer.alloc(100_000, ' '), 50);
		});
		logs.length = 0;
		const started = Date.now();
		const result = await testCredentials({ apiKey: KEY, secret: SECRET, endpoint: server.endpoint });
		const ms = Date.now() - started;
		expect(result.status).toBe('Error');
		expect(server.billable).toBe(1);
		expect(ms).toBeLessThan(PROMPT_MS);
		const shown = `${result.message} ${logs.join('\n')}`;
		for (const form of [...encodings(KEY), ...encodings(SECRET)]) expect(shown).not.toContain(form);
		record('credential test, answer trickles (timeout 1 s)', server.billable, `test fails: ${result.message.slice(0, 40)}`, ms);
	});
});

describe('files that only begin like an image are refused before anything is sent', () => {
	const png = makePng({});
	const iend = png.length - 12;
	it.each([
		['3 bytes of JPEG', Buffer.from([0xff, 0xd8, 0xff])],
		['a JPEG cut in half', Buffer.from(makeJpeg({}).subarray(0, 400))],
		['a PNG without IEND', png.subarray(0, iend)],
		['a PNG with a 0×0 header', Buffer.concat([png.subarray(0, 16), Buffer.alloc(8), png.subarray(24)])],
		['text starting with GIF8', Buffer.from('GIF8 is how this note starts, but it is text')],
		['a RIFF that is not WebP inside', Buffer.concat([Buffer.from('RIFF'), Buffer.from([200, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(20)])],
	])('%s', async (_name, bytes) => {
		const server = await serve(({ res }) => sendJson(res, successBody()));
		const outcome = await run({ endpoint: server.endpoint, items: [{ json: {}, binary: { data: { data: bytes, fileName: 'scan', mimeType: 'image/png' } } }] });
		expect(server.billable).toBe(0);
		expect(outcome.error?.message).toMatch(/^The binary field "data" (starts like a \w+ image but is not a whole one|holds).* \[item 0\]$/);
	});

	it('a whole JPEG and a whole PNG pass', async () => {
		const server = await serve(({ res }) => sendJson(res, successBody()));
		const binary = (bytes: Buffer) => ({ json: {}, binary: { data: { data: bytes, fileName: 'scan', mimeType: 'image/png' } } });
		const outcome = await run({ endpoint: server.endpoint, items: [binary(makeJpeg({})), binary(png)] });
		expect(outcome.error).toBeUndefined();
		expect(server.billable).toBe(2);
	});
});
