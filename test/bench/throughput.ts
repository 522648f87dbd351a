import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';
import { benchItems, type ImageContent } from './common';
import { binaryReadCpuMs } from './binaryRead';
import { floorNode, nodeForm } from './floorNode';
import { httpRequestPeer, httpRequestParameters } from './httpRequestPeer';
import { load, nodeContender, peerContender, printSamples, ratio, rawContender, rounds, type Contender, type Sample } from './measure';
import type { RemoteSandbox } from './remoteSandbox';
import type { Settings } from './run';

const goal = (met: boolean) => (met ? 'goal met' : 'GOAL MISSED');

/** The contender, keeping each of its samples in `into` as well. */
function recording(contender: Contender, into: Sample[]): Contender {
	return { label: contender.label, run: async () => { const sample = await contender.run(); into.push(sample); return sample; } };
}

interface Case {
	content: ImageContent;
	kb: number;
	label: string;
}

/**
 * The node against the raw undici client on the same calls, with peers in every round: the node
 * with a connection per call (n8n's default path, what the node did before), n8n's HTTP Request
 * node as a user would set it up (with batching), the node at concurrency 1 (what n8n's built-in
 * OCR nodes do: one call after the other), two more settings of the node (multipart upload, and
 * On Error: Continue, where no call waits for every item's input check), and n8n's floor
 * (floorNode.ts), beside which the CPU goals are printed with n8n's own read of a stored image.
 */
export async function throughput(settings: Settings, sandbox: RemoteSandbox, figures: Record<string, unknown>): Promise<void> {
	const { items, concurrency, latency, runs } = settings;
	await sandbox.setLatency(latency);
	// The service takes `concurrency` calls at once and answers -52 (busy) beyond: the same work for all.
	await sandbox.setMaxConcurrent(concurrency);
	const peer = httpRequestPeer();
	const credentials = { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox.endpoint };
	const cases: Case[] = [
		{ content: 'padded', kb: settings.imageKb, label: 'text-padded image (no character url-encoding escapes)' },
		{ content: 'photo', kb: settings.imageKb, label: 'photo-like image (noise pixels: url-encoding escapes ~1 character in 21)' },
		{ content: 'padded', kb: settings.smallImageKb, label: 'small text-padded image' },
	];
	console.log(`\n## Throughput and CPU per item (${items} items, latency ${latency} ms, a service taking ${concurrency} calls at once, ${runs} rounds; median [min–max]) — load ${load()}`);
	console.log('  items/s counts recognised items; client CPU is the n8n process during the node\'s run (or the raw client\'s), sandbox CPU the service\'s process');
	if (!peer) console.log("  (n8n's HTTP Request node not found: `npm run test:e2e` installs n8n into the cache; its row is left out)");
	const results: Array<Record<string, unknown>> = [];
	for (const testCase of cases) {
		const { items: inputs, image } = benchItems(items, testCase.kb * 1024, testCase.content);
		const serialInputs = inputs.slice(0, settings.serialItems);
		const raw = { endpoint: sandbox.endpoint, key: SANDBOX_KEY, secret: SANDBOX_SECRET, image, concurrency, items };
		const fields = { pid: '2', key: SANDBOX_KEY, secret: SANDBOX_SECRET };
		const serialRuns: Sample[] = [];
		const contenders: Contender[] = [
			nodeContender(`node (c=${concurrency}, connections reused)`, sandbox, credentials, inputs, { options: { maxConcurrency: concurrency } }),
			rawContender(`raw undici client (c=${concurrency}, keep-alive)`, sandbox, raw),
			nodeContender(`node, a connection per call (n8n's default path)`, sandbox, credentials, inputs, { options: { maxConcurrency: concurrency, reuseConnections: false } }),
			recording(nodeContender(`node at concurrency 1 (${serialInputs.length} items)`, sandbox, credentials, serialInputs, { options: { maxConcurrency: 1 } }), serialRuns),
			// The upload the HTTP Request node below makes (the node's Send File As: multipart).
			nodeContender(`node, multipart upload (c=${concurrency})`, sandbox, credentials, inputs, { options: { maxConcurrency: concurrency }, upload: 'mfile' }),
			// Without stop-on-error no call waits for every item's input check (billing safety): shows
			// what that wait costs the run (the images are read either way).
			nodeContender(`node, On Error: Continue (no check before the 1st call)`, sandbox, credentials, inputs, { options: { maxConcurrency: concurrency }, onError: 'continueRegularOutput' }),
			// The least any declarative node costs on these calls: the CPU goals are set against it below.
			peerContender(`n8n's floor (RoutingNode + httpRequest, a ready body)`, sandbox, { nodeType: floorNode(sandbox.endpoint, await nodeForm(image), concurrency), typeVersion: 1, from: 'test/bench/floorNode.ts' }, () => ({}), inputs),
		];
		if (peer) {
			// A user spaces the batches by about the time one call takes (here: as measured at
			// concurrency 1 in the same round), so that no more than `concurrency` are in flight.
			const parameters = () => {
				const last = serialRuns.at(-1);
				return httpRequestParameters(sandbox.endpoint, fields, concurrency, last ? Math.round(1000 / last.itemsPerSecond) : latency);
			};
			contenders.push(peerContender(`HTTP Request node (multipart, batches of ${concurrency} every call's time)`, sandbox, peer, parameters, inputs));
		}
		// Warm-up: every contender once on a few items, so that none pays for loading and optimising code.
		for (const contender of contenders) await contender.run().catch((error: Error) => Promise.reject(new Error(`${contender.label}: ${error.message}`)));
		const samples = await rounds(sandbox, contenders, runs);
		const [node, rawSamples, perCall, serial, multipart, continuing, floor, http] = samples as [Sample[], Sample[], Sample[], Sample[], Sample[], Sample[], Sample[], Sample[] | undefined];
		console.log(`${testCase.label}, ${(image.length / 1024).toFixed(1)} KB`);
		contenders.forEach((contender, index) => printSamples(contender.label, samples[index]));
		const rate = ratio(node, rawSamples, (s) => s.itemsPerSecond);
		const cpu = ratio(node, rawSamples, (s) => s.clientCpuMs);
		const cpuGoal = testCase.kb >= 50 ? 1.3 : 2;
		const row: Record<string, unknown> = {
			content: testCase.content,
			imageBytes: image.length,
			nodeOverRaw: rate,
			cpuNodeOverRaw: cpu,
			perCallOverRaw: ratio(perCall, rawSamples, (s) => s.itemsPerSecond),
			serialOverRaw: ratio(serial, rawSamples, (s) => s.itemsPerSecond),
			continueOnFailOverRaw: ratio(continuing, rawSamples, (s) => s.itemsPerSecond),
			cpuFloorOverRaw: ratio(floor, rawSamples, (s) => s.clientCpuMs),
			cpuNodeOverFloor: ratio(node, floor, (s) => s.clientCpuMs),
			samples: Object.fromEntries(contenders.map((contender, index) => [contender.label, samples[index]])),
		};
		console.log(`  node / raw items/s ${rate.toFixed(2)} (goal ≥ 0.9${testCase.kb >= 50 ? `: ${goal(rate >= 0.9)}` : ', set for the 100 KB images'});   node / raw CPU per item ${cpu.toFixed(2)} (goal ≤ ${cpuGoal}: ${goal(cpu <= cpuGoal)})`);
		row.binaryReadCpuMs = await binaryReadCpuMs(image, items, runs);
		console.log(`  CPU per item: n8n's floor / raw ${(row.cpuFloorOverRaw as number).toFixed(2)} (a CPU goal below it is out of a declarative node's reach);   node / floor ${(row.cpuNodeOverFloor as number).toFixed(2)};   n8n's read of a stored image alone ${(row.binaryReadCpuMs as number).toFixed(3)} ms`);
		console.log(`  a connection per call / raw ${(row.perCallOverRaw as number).toFixed(2)};   concurrency 1 / raw ${(row.serialOverRaw as number).toFixed(2)};   On Error: Continue / raw ${(row.continueOnFailOverRaw as number).toFixed(2)}`);
		if (http) {
			row.nodeOverHttpRequest = ratio(node, http, (s) => s.itemsPerSecond);
			row.multipartOverHttpRequest = ratio(multipart, http, (s) => s.itemsPerSecond);
			const over = row.nodeOverHttpRequest as number;
			const like = row.multipartOverHttpRequest as number;
			console.log(`  node / HTTP Request node items/s ${over.toFixed(2)} (goal ≥ 2.5: ${goal(over >= 2.5)});   the same, both multipart ${like.toFixed(2)} (${goal(like >= 2.5)})`);
		}
		results.push(row);
	}
	await sandbox.setMaxConcurrent(undefined);
	console.log(`  load after the section ${load()}`);
	figures.throughput = { items, concurrency, latencyMs: latency, runs, cases: results };
}
