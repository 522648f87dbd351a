import http from 'node:http';
import https from 'node:https';

import { installGlobalProxyAgent } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../harness/engine';
import type { InputItem } from '../harness/inputNode';
import { selfSignedCertificate, startProxy, startRelay, startTlsFront, type Relay } from '../harness/relay';
import { errorOf, imageItem, run, useSandbox } from './context';

// Issue 15 through n8n's real engine (n8n-core 2.x and 1.x): the node's calls share kept-alive
// connections, counted at a loopback relay in front of the sandbox, and every setting a user can
// give still holds: Request Options → Proxy and Ignore SSL Issues (which keep n8n's connection
// per call), n8n's HTTP(S)_PROXY handling, certificate checks, timeouts and cancel.

const { sandbox, credentials } = useSandbox();

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
	sandbox().setLatency(0);
	await Promise.all(opened.splice(0).map(async (server) => await server.close()));
});

async function relay(target = sandbox().url, roundTripMs = 0): Promise<Relay> {
	const started = await startRelay(target, { roundTripMs });
	opened.push(started);
	return started;
}

const endpointAt = (origin: string) => `${origin}/ocr/PageOcrServlet`;

const items = (count: number): InputItem[] => Array.from({ length: count }, (_, index) => imageItem(undefined, { id: `item-${index}` }));

function parameters(options: IDataObject, requestOptions: INodeParameters = {}): INodeParameters {
	return { documentType: '2', options: { maxRetries: 0, ...options }, requestOptions };
}

async function runAt(endpoint: string, count: number, options: IDataObject, requestOptions: INodeParameters = {}) {
	return await run({ ...credentials(), endpoint }, parameters(options, requestOptions), items(count), 'continueRegularOutput');
}

/** Waits for a condition on the event loop (bounded; for event order, not timing). */
async function until(condition: () => boolean, what: string): Promise<void> {
	for (let round = 0; round < 3000; round++) {
		if (condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error(`gave up waiting for ${what}`);
}

const failed = (result: Awaited<ReturnType<typeof runAt>>) => result.outputs[0].filter((item) => errorOf(item));

describe('connection reuse', () => {
	it.each([1, 4, 8])('at most %i connections for 40 items at that concurrency', async (concurrency) => {
		const front = await relay();
		sandbox().setLatency(10);
		const result = await runAt(endpointAt(front.origin), 40, { maxConcurrency: concurrency });
		expect(failed(result)).toEqual([]);
		expect(sandbox().calls).toHaveLength(40);
		expect(front.connections).toBeGreaterThanOrEqual(1);
		expect(front.connections).toBeLessThanOrEqual(concurrency);
	});

	it('opens one connection per call with Ignore SSL Issues, which n8n carries on an agent of its own', async () => {
		const front = await relay();
		const result = await runAt(endpointAt(front.origin), 12, { maxConcurrency: 4 }, { allowUnauthorizedCerts: true });
		expect(failed(result)).toEqual([]);
		expect(front.connections).toBe(12);
	});

	it('opens one connection per call with Options → Reuse Connections off', async () => {
		const front = await relay();
		const result = await runAt(endpointAt(front.origin), 12, { maxConcurrency: 4, reuseConnections: false });
		expect(failed(result)).toEqual([]);
		expect(front.connections).toBe(12);
	});

	it("keeps n8n's own connection per call where n8n checks outbound calls (its SSRF guard, as n8n-core 2.14 to 2.29 hold it)", async () => {
		const front = await relay();
		// n8n's server sets additionalData.ssrfBridge when N8N_SSRF_PROTECTION_ENABLED is on; this
		// n8n-core does not use it, so what is counted is the node's choice of n8n's own path.
		const ssrfBridge = { validateUrl: async () => ({ ok: true }) };
		const result = await runWorkflow({
			credentials: { ...credentials(), endpoint: endpointAt(front.origin) },
			parameters: parameters({ maxConcurrency: 4 }),
			items: items(12),
			onError: 'continueRegularOutput',
			additionalData: { ssrfBridge },
		});
		expect(failed(result)).toEqual([]);
		expect(front.connections).toBe(12);
	});

	it('sends every call through Request Options → Proxy', async () => {
		const front = await relay();
		const proxy = await startProxy();
		opened.push(proxy);
		const result = await runAt(endpointAt(front.origin), 10, { maxConcurrency: 4 }, { proxy: proxy.url });
		expect(failed(result)).toEqual([]);
		expect(proxy.requests).toBe(10);
		expect(sandbox().calls).toHaveLength(10);
	});

	it("keeps n8n's HTTP_PROXY handling: with n8n's global proxy agents installed, every call takes the proxy", async () => {
		const front = await relay();
		const proxy = await startProxy();
		opened.push(proxy);
		const agents = [http.globalAgent, https.globalAgent] as const;
		process.env.HTTP_PROXY = proxy.url;
		try {
			// What n8n does at start-up (n8n-core http-proxy.ts) when a proxy variable is set.
			installGlobalProxyAgent();
			expect(http.globalAgent).not.toBe(agents[0]);
			const result = await runAt(endpointAt(front.origin), 10, { maxConcurrency: 4 });
			expect(failed(result)).toEqual([]);
			expect(proxy.requests).toBe(10);
		} finally {
			delete process.env.HTTP_PROXY;
			[http.globalAgent, https.globalAgent] = agents;
		}
	});

	describe('over HTTPS', () => {
		const certificate = selfSignedCertificate();

		async function tlsEndpoint(): Promise<{ endpoint: string; tls: Relay }> {
			const tls = await startTlsFront(sandbox().url, certificate);
			opened.push(tls);
			return { endpoint: endpointAt(tls.origin), tls };
		}

		it('checks the certificate on reused connections: an untrusted one fails every item before anything is sent', async () => {
			const { endpoint } = await tlsEndpoint();
			const result = await runAt(endpoint, 3, { maxConcurrency: 2 });
			expect(failed(result)).toHaveLength(3);
			expect(errorOf(failed(result)[0])?.message).toMatch(/connection to the ETOP service failed|certificate|self.signed/i);
			expect(sandbox().calls).toHaveLength(0);
		});

		it('accepts it with Ignore SSL Issues, one TLS connection per call', async () => {
			const { endpoint, tls } = await tlsEndpoint();
			const result = await runAt(endpoint, 6, { maxConcurrency: 2 }, { allowUnauthorizedCerts: true });
			expect(failed(result)).toEqual([]);
			expect(tls.connections).toBe(6);
		});

		it('with a trusted certificate: at most as many TLS connections as calls in flight', async () => {
			const { endpoint, tls } = await tlsEndpoint();
			// A CA the machine trusts, as NODE_EXTRA_CA_CERTS would make it (that is read at start-up only).
			const options = https.globalAgent.options as { ca?: unknown };
			const before = options.ca;
			options.ca = certificate.cert;
			try {
				sandbox().setLatency(10);
				const result = await runAt(endpoint, 30, { maxConcurrency: 4 });
				expect(failed(result)).toEqual([]);
				expect(tls.connections).toBeGreaterThanOrEqual(1);
				expect(tls.connections).toBeLessThanOrEqual(4);
			} finally {
				options.ca = before;
			}
		});
	});

	it('keeps Request Options → Timeout per call', async () => {
		const front = await relay();
		sandbox().setLatency(5000);
		const result = await runAt(endpointAt(front.origin), 2, { maxConcurrency: 2 }, { timeout: 300 });
		expect(failed(result)).toHaveLength(2);
		for (const item of failed(result)) expect(errorOf(item)?.message).toMatch(/did not answer within the attempt timeout/);
		expect(sandbox().peakInFlight).toBe(2);
	});

	it('cancel ends the calls in flight on reused connections, closes their sockets and sends nothing more', async () => {
		const front = await relay();
		sandbox().setLatency(30_000);
		const controller = new AbortController();
		const running = runWorkflow({
			credentials: { ...credentials(), endpoint: endpointAt(front.origin) },
			parameters: parameters({ maxConcurrency: 2 }),
			items: items(6),
			signal: controller.signal,
		});
		// (Not the sandbox's in-flight count: calls an earlier test abandoned may still be waiting there.)
		await until(() => front.connections === 2, 'the two calls to connect');
		controller.abort();
		const result = await running;
		expect(result.run.status).toBe('canceled');
		await until(() => front.open === 0, 'the relay to see both connections closed');
		// Only the two calls in flight ever connected: an aborted socket is not handed on, and no
		// waiting item was sent after the cancel.
		expect(front.connections).toBe(2);
	});
});
