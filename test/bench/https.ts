import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { selfSignedCertificate } from '../harness/relay';
import { runChildCase } from './childCase';
import type { HttpsCaseResult, HttpsCaseSpec } from './httpsCase';
import { load, printSamples, ratio } from './measure';
import { median } from './memory';
import type { Settings } from './run';

const goal = (met: boolean) => (met ? 'goal met' : 'GOAL MISSED');

/**
 * HTTPS as the real endpoint is reached: a TLS sandbox with a certificate made for this run, a
 * relay adding a network round trip, so that each new connection pays TCP + TLS round trips.
 */
export async function httpsRoundTrip(settings: Settings, _sandbox: unknown, figures: Record<string, unknown>): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'etop-bench-cert-'));
	try {
		const certificate = selfSignedCertificate();
		const keyFile = join(folder, 'key.pem');
		const certFile = join(folder, 'cert.pem');
		writeFileSync(keyFile, certificate.key);
		writeFileSync(certFile, certificate.cert);
		const spec: HttpsCaseSpec = {
			keyFile,
			certFile,
			items: settings.httpsItems,
			concurrency: settings.concurrency,
			latency: settings.latency,
			roundTripMs: settings.roundTrip,
			imageKb: settings.imageKb,
			runs: settings.httpsRuns,
		};
		console.log(`\n## HTTPS with a ${spec.roundTripMs} ms round trip (${spec.items} items of ${spec.imageKb} KB, service latency ${spec.latency} ms, concurrency ${spec.concurrency}, ${spec.runs} rounds; median [min–max]) — load ${load()}`);
		console.log('  TLS sandbox (self-signed certificate made for the run, trusted through NODE_EXTRA_CA_CERTS) behind a relay delaying each direction by half the round trip');
		const result = await runChildCase<HttpsCaseResult>(join(__dirname, 'httpsCase.ts'), spec, { env: { ...process.env, NODE_EXTRA_CA_CERTS: spec.certFile } });
		result.labels.forEach((label, index) => {
			printSamples(label, result.samples[index]);
			console.log(`    TLS connections in one run: ${result.connections[index]}`);
		});
		const [node, raw, perCall] = result.samples;
		const wall = ratio(node, raw, (s) => s.wallMs);
		console.log(`  node wall / raw keep-alive wall ${wall.toFixed(2)} (goal ≤ 1.15: ${goal(wall <= 1.15)});   a connection per call / raw ${ratio(perCall, raw, (s) => s.wallMs).toFixed(2)}`);
		const http = result.samples[3];
		let nodeOverHttpRequest: number | undefined;
		if (http) {
			const over = ratio(node, http, (s) => s.itemsPerSecond);
			nodeOverHttpRequest = over;
			console.log(`  node / HTTP Request node items/s ${over.toFixed(2)} (goal ≥ 2.5: ${goal(over >= 2.5)})`);
		}
		console.log(`  median wall: node ${Math.round(median(node.map((s) => s.wallMs)))} ms, raw ${Math.round(median(raw.map((s) => s.wallMs)))} ms — load after ${load()}`);
		figures.https = { ...spec, keyFile: undefined, certFile: undefined, wallNodeOverRaw: wall, wallPerCallOverRaw: ratio(perCall, raw, (s) => s.wallMs), nodeOverHttpRequest, ...result };
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
