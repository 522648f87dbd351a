// The HTTPS case in a fresh process (started by https.ts) whose NODE_EXTRA_CA_CERTS trusts the
// certificate made for this run — as a machine trusts a real service's — so that neither the node
// nor the raw client is told to skip certificate checks (Ignore SSL Issues would put the node on
// the connection-per-call path). The sandbox runs in its own process with HTTPS and a relay that
// adds the round trip in front. Prints one JSON line with the samples.

import '../harness/env';

import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { shutdownEngine, useFilesystemBinaryMode } from '../harness/engine';
import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';
import { childCase } from './childCase';
import { benchItems } from './common';
import { httpRequestParameters, httpRequestPeer } from './httpRequestPeer';
import { nodeContender, peerContender, rawContender, rounds, type Contender, type Sample } from './measure';
import { RemoteSandbox } from './remoteSandbox';

export interface HttpsCaseSpec {
	keyFile: string;
	certFile: string;
	items: number;
	concurrency: number;
	latency: number;
	roundTripMs: number;
	imageKb: number;
	runs: number;
}

export interface HttpsCaseResult {
	labels: string[];
	samples: Sample[][];
	/** TLS connections each contender's last run opened */
	connections: number[];
}

async function main(spec: HttpsCaseSpec): Promise<HttpsCaseResult> {
	const storage = mkdtempSync(join(tmpdir(), 'etop-bench-https-'));
	await useFilesystemBinaryMode(storage);
	const sandbox = await RemoteSandbox.start();
	try {
		const certificate = { key: readFileSync(spec.keyFile, 'utf8'), cert: readFileSync(spec.certFile, 'utf8') };
		const endpoint = await sandbox.startHttps(certificate, spec.roundTripMs);
		await sandbox.setLatency(spec.latency);
		await sandbox.setMaxConcurrent(spec.concurrency);
		const { items: inputs, image } = benchItems(spec.items, spec.imageKb * 1024);
		const credentials = { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint };
		const contenders: Contender[] = [
			nodeContender(`node (c=${spec.concurrency}, connections reused)`, sandbox, credentials, inputs, { options: { maxConcurrency: spec.concurrency } }),
			rawContender(`raw undici client (c=${spec.concurrency}, keep-alive)`, sandbox, { endpoint, key: SANDBOX_KEY, secret: SANDBOX_SECRET, image, concurrency: spec.concurrency, items: spec.items }),
			nodeContender(`node, a connection per call (n8n's default path)`, sandbox, credentials, inputs, { options: { maxConcurrency: spec.concurrency, reuseConnections: false } }),
		];
		const peer = httpRequestPeer();
		if (peer) {
			// The time one call takes on a new connection: TCP, TLS 1.3 and the call itself, one round trip each.
			const interval = spec.latency + 3 * spec.roundTripMs;
			const parameters = () => httpRequestParameters(endpoint, { pid: '2', key: SANDBOX_KEY, secret: SANDBOX_SECRET }, spec.concurrency, interval);
			contenders.push(peerContender(`HTTP Request node (multipart, batches of ${spec.concurrency} every ${interval} ms)`, sandbox, peer, parameters, inputs));
		}
		// Each contender's TLS connections, counted at the HTTPS front over one run (the warm-up).
		const connections: number[] = [];
		for (const contender of contenders) {
			const before = (await sandbox.stats()).httpsConnections;
			await contender.run();
			connections.push((await sandbox.stats()).httpsConnections - before);
		}
		const samples = await rounds(sandbox, contenders, spec.runs);
		return { labels: contenders.map((contender) => contender.label), samples, connections };
	} finally {
		await sandbox.close();
		shutdownEngine();
		rmSync(storage, { recursive: true, force: true });
	}
}

childCase(main);
