// The benchmark (issues 3 and 15): the ETOP OCR node through n8n's real engine (n8n-core
// WorkflowExecute) against the sandbox on loopback, next to a raw undici client doing the same
// calls and the peers of throughput.ts, plus HTTPS over a delayed round trip (https.ts). One run
// prints every figure with the machine's load; `--json FILE` also writes them. See docs/performance.md.
//
//   npx tsx test/bench/run.ts [--latency 20] [--items 200] [--concurrency 8] [--image-kb 100] [--small-image-kb 2]
//                             [--serial-items 40] [--runs 5] [--https-items 200] [--https-runs 3] [--round-trip 50]
//                             [--ideal-items 200] [--ideal-latency 200] [--ideal-concurrency 10] [--idle-items 2000]
//                             [--stock-limit 5] [--memory-runs 3] [--memory-image-mb 4] [--memory-concurrency 4]
//                             [--skip throughput,https,ideal,idle,stock,retry,accounts,memory,pdf] [--json FILE]
// Every flag can also be given as an environment variable: BENCH_LATENCY, BENCH_IMAGE_KB, ...

import '../harness/env';

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENCY } from '../../nodes/EtopOcr/params/limits';
import { runWorkflow, shutdownEngine, useFilesystemBinaryMode, type RunOptions, type RunResult } from '../harness/engine';
import { makePng } from '../fixtures/images';
import { errorOf } from '../harness/errorOf';
import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';
import { benchItems, etopExecutionMs, failures, formatMb, MB, nodeParameters } from './common';
import { measureMemory, median } from './memory';
import { multiExecution } from './multiExecution';
import { httpsRoundTrip } from './https';
import { idleStart } from './idleStart';
import { load } from './measure';
import { pdfSection } from './pdf';
import { runRawClient } from './rawClient';
import { stockNodeType } from './stockNode';
import { printSummary } from './summary';
import { throughput } from './throughput';
import { RemoteSandbox } from './remoteSandbox';

export interface Settings {
	latency: number;
	items: number;
	concurrency: number;
	imageKb: number;
	smallImageKb: number;
	serialItems: number;
	runs: number;
	httpsItems: number;
	httpsRuns: number;
	roundTrip: number;
	idleItems: number;
	idealItems: number;
	idealLatency: number;
	idealConcurrency: number;
	stockLimit: number;
	memoryRuns: number;
	memoryImageMb: number;
	memoryConcurrency: number;
	skip: string[];
	json?: string;
}

const DEFAULTS: Omit<Settings, 'skip' | 'json'> = {
	latency: 20,
	items: 200,
	concurrency: 8,
	imageKb: 100,
	smallImageKb: 2,
	serialItems: 40,
	runs: 5,
	httpsItems: 200,
	httpsRuns: 3,
	roundTrip: 50,
	idleItems: 2000,
	idealItems: 200,
	idealLatency: 200,
	idealConcurrency: 10,
	stockLimit: 5,
	memoryRuns: 3,
	memoryImageMb: 4,
	memoryConcurrency: 4,
};

function readSettings(argv: string[]): Settings {
	const given = new Map<string, string>();
	for (let index = 0; index < argv.length; index++) {
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[index]);
		if (!match) throw new Error(`unknown argument ${argv[index]}`);
		given.set(match[1], match[2] ?? argv[++index] ?? '');
	}
	const value = (flag: string) => given.get(flag) ?? process.env[`BENCH_${flag.toUpperCase().replace(/-/g, '_')}`];
	const settings = { ...DEFAULTS } as Settings;
	for (const name of Object.keys(DEFAULTS) as Array<keyof typeof DEFAULTS>) {
		const flag = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
		const text = value(flag);
		if (text === undefined) continue;
		const number = Number(text);
		if (!Number.isFinite(number) || number < 0) throw new Error(`--${flag} must be a number, got "${text}"`);
		settings[name] = number;
	}
	settings.skip = (value('skip') ?? '').split(',').filter(Boolean);
	settings.json = value('json');
	return settings;
}

const credentialsFor = (sandbox: RemoteSandbox) => ({ apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox.endpoint });

const fixed = (value: number, digits = 2) => value.toFixed(digits);

function goal(met: boolean): string {
	return met ? 'goal met' : 'GOAL MISSED';
}

async function idealWallTime(settings: Settings, sandbox: RemoteSandbox, figures: Record<string, unknown>): Promise<void> {
	const { idealItems: items, idealConcurrency: concurrency, idealLatency: latency } = settings;
	const { items: inputs, image } = benchItems(items, settings.imageKb * 1024);
	const parameters = nodeParameters({ maxConcurrency: concurrency, maxRetries: 0 });
	const runs = Math.max(1, Math.ceil(settings.runs / 2));
	await sandbox.setLatency(latency);
	const walls: number[] = [];
	const raws: number[] = [];
	let peakInFlight = 0;
	for (let run = 0; run < runs; run++) {
		await sandbox.reset();
		const result = await runWorkflow({ credentials: credentialsFor(sandbox), parameters, items: inputs });
		if (result.error || failures(result)) throw new Error('ideal-time run had failures');
		walls.push(etopExecutionMs(result));
		peakInFlight = Math.max(peakInFlight, (await sandbox.stats()).peakInFlight);
		// The same calls from the raw client: what the service's own handling adds to the latency.
		raws.push(await runRawClient({ endpoint: sandbox.endpoint, key: SANDBOX_KEY, secret: SANDBOX_SECRET, image, items, concurrency }));
	}
	const wall = median(walls);
	const raw = median(raws);
	const ideal = Math.ceil(items / concurrency) * latency;
	const ratio = wall / ideal;
	figures.idealWallTime = { items, concurrency, latencyMs: latency, imageKb: settings.imageKb, runs, wallMs: wall, rawWallMs: raw, idealMs: ideal, ratio, rawRatio: raw / ideal, peakInFlight, nodeRuns: walls, rawRuns: raws };
	console.log(`\n## Wall time vs ideal (${items} items, latency ${latency} ms, concurrency ${concurrency}, median of ${runs})`);
	console.log(`ideal ceil(${items}/${concurrency}) × ${latency} ms = ${ideal} ms`);
	console.log(`node ${Math.round(wall)} ms: ratio ${fixed(ratio, 3)} (goal ≤ 1.05: ${goal(ratio <= 1.05)}); peak in flight at the sandbox ${peakInFlight}; runs: ${walls.join(', ')}`);
	console.log(`raw undici client ${Math.round(raw)} ms: ratio ${fixed(raw / ideal, 3)}; runs: ${raws.map(Math.round).join(', ')}`);
}

/** Items that failed with ETOP's `code`: the node's error items, or the stock node's (n8n's `{ json: {}, error }`). */
function failedWith(result: RunResult, code: string): number {
	return (result.outputs[0] ?? []).filter((item) => errorOf(item)?.code === code || String(item.error?.message ?? '').endsWith(`ErrorCode ${code}`)).length;
}

const recognised = (result: RunResult) => (result.outputs[0] ?? []).filter((item) => !errorOf(item) && !item.error).length;

/** Either this node with `options`, or n8n's stock declarative node (stockNode.ts) in its place. */
type Contestant = { stock: true } | { options: IDataObject };

function runContestant(who: Contestant, sandbox: RemoteSandbox, items: RunOptions['items'], more: Partial<RunOptions> = {}): Promise<RunResult> {
	const parameters = nodeParameters('options' in who ? who.options : {}, 'file', true);
	const peer = 'stock' in who ? { nodeType: stockNodeType(), typeVersion: 1, parameters, credentials: true } : undefined;
	return runWorkflow({ credentials: credentialsFor(sandbox), parameters, items, peer, ...more });
}

async function stockBehaviour(settings: Settings, sandbox: RemoteSandbox, figures: Record<string, unknown>): Promise<void> {
	const { idealItems: items, idealLatency: latency, stockLimit: limit } = settings;
	const { items: inputs } = benchItems(items, settings.imageKb * 1024);
	await sandbox.setLatency(latency);
	await sandbox.setMaxConcurrent(limit);
	const rows: Array<Record<string, unknown>> = [];
	const measure = async (label: string, who: Contestant) => {
		await sandbox.reset();
		const started = performance.now();
		const result = await runContestant(who, sandbox, inputs, { onError: 'continueRegularOutput' });
		const ms = Math.round(performance.now() - started);
		const { calls, peakInFlight } = await sandbox.stats();
		const row = {
			label,
			options: 'options' in who ? who.options : 'stock',
			ms,
			peakInFlight,
			calls: calls.length,
			busyAnswers: calls.filter((call) => call.errorCode === '-52').length,
			itemsFailedBusy: failedWith(result, '-52'),
			itemsOk: recognised(result),
		};
		rows.push(row);
		return row;
	};
	console.log(`\n## n8n's stock behaviour on the same work (${items} items, latency ${latency} ms, a service that allows ${limit} concurrent calls)`);
	console.log("Stock: the node's own description and routing without its per-item hook (test/bench/stockNode.ts), run by n8n's");
	console.log('RoutingNode as any plain declarative node: every item\'s request starts at once, nothing is retried.');
	const stock = await measure("n8n's stock declarative node", { stock: true });
	const defaults = await measure(`this node, defaults (${DEFAULT_MAX_CONCURRENCY} at a time, 3 retries)`, { options: {} });
	const over = await measure(`this node, ${limit * 2} at a time, 3 retries`, { options: { maxConcurrency: limit * 2 } });
	for (const row of [stock, defaults, over]) {
		console.log(
			`${String(row.label).padEnd(44)} -52 answers ${String(row.busyAnswers).padStart(4)}, items failed with -52 ${String(row.itemsFailedBusy).padStart(4)}, items ok ${String(row.itemsOk).padStart(4)}, calls ${String(row.calls).padStart(4)}, peak in flight ${String(row.peakInFlight).padStart(3)}, ${row.ms} ms`,
		);
	}

	// Calls spent after the node has failed, without continue-on-fail: the first item is bad.
	await sandbox.setMaxConcurrent(undefined);
	const stop = async (who: Contestant) => {
		await sandbox.reset();
		const marked = benchItems(items, settings.imageKb * 1024);
		marked.items[0] = { json: { id: 'bench-0' }, binary: { data: { data: makePng({ marker: 'ETOP-SANDBOX:RESULT=19' }), fileName: 'bad.png' } } };
		const result = await runContestant(who, sandbox, marked.items);
		if (!result.error) throw new Error('the stop run did not stop');
		return (await sandbox.stats()).calls.length;
	};
	const stockCalls = await stop({ stock: true });
	const nodeCalls = await stop({ options: {} });
	console.log(`stop on the first item (recognition failed), no continue-on-fail: the stock node sent ${stockCalls} calls, this node ${nodeCalls}`);
	figures.stock = { items, latencyMs: latency, serviceConcurrencyLimit: limit, stock: 'the node without its per-item hook, run by RoutingNode (test/bench/stockNode.ts)', rows, callsAfterStop: { stock: stockCalls, node: nodeCalls } };
}

/**
 * n8n's node setting Retry On Fail re-runs the whole node, with every item, when it fails: the
 * real thing (WorkflowExecute, Max Tries 3, Wait Between Tries 0 instead of n8n's 1 s), on the
 * stock node, against one busy answer among 100 calls; beside this node's own retries.
 */
async function retryOnFail(settings: Settings, sandbox: RemoteSandbox, figures: Record<string, unknown>): Promise<void> {
	const items = 100;
	const { items: inputs } = benchItems(items, settings.imageKb * 1024);
	await sandbox.setLatency(settings.latency);
	const measure = async (who: Contestant, retry?: RunOptions['retry']) => {
		await sandbox.reset();
		await sandbox.addFault({ kind: 'busy', times: 1 });
		const result = await runContestant(who, sandbox, inputs, { retry });
		const { calls } = await sandbox.stats();
		return { failed: Boolean(result.error), recognised: recognised(result), calls: calls.length, billed: calls.filter((call) => call.billed).length };
	};
	const stock = await measure({ stock: true }, { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 });
	const node = await measure({ options: {} });
	console.log(`\n## One busy answer among ${items} items: n8n's Retry On Fail vs the node's own retries`);
	const line = (label: string, row: typeof stock) =>
		console.log(`${label.padEnd(58)} calls ${String(row.calls).padStart(4)}, billed ${String(row.billed).padStart(4)}, items out ${String(row.recognised).padStart(4)}${row.failed ? ', failed' : ''}`);
	line('stock node + Retry On Fail (Max Tries 3: whole node re-run)', stock);
	line('this node, defaults (retries the one item)', node);
	figures.retryOnFail = { items, stock, node };
}

async function memory(settings: Settings, sandbox: RemoteSandbox, figures: Record<string, unknown>): Promise<void> {
	const runs = Math.max(1, settings.memoryRuns);
	const big = Math.round(settings.memoryImageMb * MB);
	const concurrency = settings.memoryConcurrency;
	await sandbox.reset();
	await sandbox.setLatency(settings.latency);
	const base = { endpoint: sandbox.endpoint, concurrency };
	console.log(`\n## Peak RSS growth, binary data in filesystem mode (each case a fresh process, median of ${runs})`);
	console.log(`${settings.memoryImageMb} MB images are sent as multipart: their base64 would exceed the API's 5 MiB url-encoded limit, so the node rejects them as base64.`);
	const line = (label: string, growth: number, extra = '') => console.log(`${label.padEnd(58)} ${formatMb(growth).padStart(9)}${extra}`);

	const few = await measureMemory({ ...base, items: 20, imageBytes: big, upload: 'mfile' }, runs);
	line(`20 items of ${settings.memoryImageMb} MB, concurrency ${concurrency}`, few.growth);
	const many = await measureMemory({ ...base, items: 100, imageBytes: big, upload: 'mfile' }, runs);
	const scale = many.growth / few.growth;
	line(`100 items of ${settings.memoryImageMb} MB, concurrency ${concurrency}`, many.growth, `   ratio to 20 items ${fixed(scale)} (goal ≤ 1.2: ${goal(scale <= 1.2)})`);
	// The same runs with 10 KB images: what n8n's engine holds per item whatever the image size.
	const fewSmall = await measureMemory({ ...base, items: 20, imageBytes: 10_000, upload: 'mfile' }, runs);
	const manySmall = await measureMemory({ ...base, items: 100, imageBytes: 10_000, upload: 'mfile' }, runs);
	line('control: 20 items of 10 KB', fewSmall.growth);
	line('control: 100 items of 10 KB', manySmall.growth, `   (engine and item overhead: ${fixed((manySmall.growth - fewSmall.growth) / 80 / 1024, 0)} KB per item)`);

	// The largest image whose base64 still fits the 5 MiB url-encoded limit (padding adds no escapes).
	const base64Bytes = Math.floor(((5 * MB) / 4) * 3) - 64 * 1024;
	const asBase64 = await measureMemory({ ...base, concurrency: 1, items: 1, imageBytes: base64Bytes, upload: 'file' }, runs);
	const base64Factor = asBase64.growth / base64Bytes;
	line(`one ${formatMb(base64Bytes)} image as base64 (largest that fits the limit)`, asBase64.growth, `   ${fixed(base64Factor)}× the image (goal ≤ 3: ${goal(base64Factor <= 3)})`);
	const multipartBytes = 5 * MB;
	const asMultipart = await measureMemory({ ...base, concurrency: 1, items: 1, imageBytes: multipartBytes, upload: 'mfile' }, runs);
	const multipartFactor = asMultipart.growth / multipartBytes;
	line(`one ${formatMb(multipartBytes)} image as multipart`, asMultipart.growth, `   ${fixed(multipartFactor)}× the image (goal ≤ 2: ${goal(multipartFactor <= 2)})`);

	figures.memory = {
		runs,
		concurrency,
		bigImageBytes: big,
		growth20: few.growth,
		growth100: many.growth,
		ratio100to20: scale,
		control20: fewSmall.growth,
		control100: manySmall.growth,
		base64ImageBytes: base64Bytes,
		base64Growth: asBase64.growth,
		base64Factor,
		multipartImageBytes: multipartBytes,
		multipartGrowth: asMultipart.growth,
		multipartFactor,
		all: { few: few.all, many: many.all, fewSmall: fewSmall.all, manySmall: manySmall.all, asBase64: asBase64.all, asMultipart: asMultipart.all },
	};
}

async function main(): Promise<void> {
	const settings = readSettings(process.argv.slice(2));
	const storage = mkdtempSync(join(tmpdir(), 'etop-bench-'));
	// As a default n8n 2.x install stores binary data: on disk, the item holds only an id.
	await useFilesystemBinaryMode(storage);
	// The service in its own process, as in real life: its work does not slow the n8n process down.
	const sandbox = await RemoteSandbox.start();
	const figures: Record<string, unknown> = { settings, node: process.version, cpus: cpus().length, loadAverage: loadavg(), date: new Date().toISOString() };
	const started = performance.now();
	console.log(`ETOP OCR node benchmark — Node ${process.version}, n8n-core ${require('n8n-core/package.json').version}, ${cpus().length} CPUs, load average (1, 5, 15 min) before: ${load()}, sandbox in its own process on ${sandbox.url}`);
	console.log('Figures taken while the load is well above the CPU count are not final: other processes share the cores.');
	try {
		const sections: Array<[string, typeof throughput]> = [
			['throughput', throughput],
			['https', httpsRoundTrip],
			['ideal', idealWallTime],
			['idle', idleStart],
			['stock', stockBehaviour],
			['retry', retryOnFail],
			['accounts', multiExecution],
			['memory', memory],
			['pdf', pdfSection],
		];
		for (const [name, section] of sections) {
			if (!settings.skip.includes(name)) await section(settings, sandbox, figures);
		}
	} finally {
		await sandbox.close();
		shutdownEngine();
		rmSync(storage, { recursive: true, force: true });
	}
	printSummary(figures);
	figures.loadAverageAfter = loadavg();
	console.log(`\nLoad average (1, 5, 15 min) after: ${load()}; the bench took ${Math.round((performance.now() - started) / 1000)} s`);
	if (settings.json) writeFileSync(settings.json, `${JSON.stringify(figures, null, '\t')}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error((error as Error).stack ?? error);
		process.exit(1);
	},
);
