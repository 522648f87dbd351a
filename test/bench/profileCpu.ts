import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session, type Profiler } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runWorkflow, shutdownEngine, useFilesystemBinaryMode } from '../harness/engine';
import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';
import { benchItems, failures, nodeParameters, type ImageContent } from './common';
import { floorNode, nodeForm } from './floorNode';
import { load, processCpuMs } from './measure';
import { runRawClient } from './rawClient';
import { RemoteSandbox } from './remoteSandbox';

// Where the CPU of one item goes: the node (or a peer) through n8n's engine against the sandbox in
// its own process, as the bench's throughput section runs it, with the V8 sampling profiler on for
// the measured run only (after a warm-up run). Prints self time per item by package and by
// function, and the inclusive time of the node's own functions.
//
//   tsx test/bench/profileCpu.ts [--contender node|floor|raw] [--items 1000] [--kb 100]
//       [--content padded|photo] [--concurrency 8] [--latency 20] [--top 25] [--out FILE.cpuprofile]
//   tsx test/bench/profileCpu.ts --from FILE.cpuprofile --items N    (summarise a written profile again)
//
// `floor`: the declarative node that does nothing of its own (floorNode.ts), what n8n-core, axios
// and RoutingNode cost per item whatever the node does.

interface Settings {
	contender: 'node' | 'floor' | 'raw';
	items: number;
	kb: number;
	content: ImageContent;
	concurrency: number;
	latency: number;
	top: number;
	out?: string;
	/** Summarise a profile written before (with --out) instead of running. */
	from?: string;
}

function readSettings(argv: string[]): Settings {
	const settings: Settings = { contender: 'node', items: 1000, kb: 100, content: 'padded', concurrency: 8, latency: 20, top: 25 };
	for (let index = 0; index < argv.length; index += 2) {
		const name = argv[index].replace(/^--/, '') as keyof Settings;
		const value = argv[index + 1];
		if (!(name in settings) && name !== 'out' && name !== 'from') throw new Error(`unknown argument ${argv[index]}`);
		(settings as unknown as Record<string, unknown>)[name] = typeof settings[name] === 'number' ? Number(value) : value;
	}
	return settings;
}

/**
 * The V8 sampling profiler in this process, started and stopped by the hooks `run` is given (for a
 * workflow: as the profiled node starts and ends, so the Input node's work is left out), with the
 * process CPU time between them. A session in the same thread answers synchronously.
 */
async function profiled(run: (hooks: { before(): void; after(): void }) => Promise<void>): Promise<{ profile: Profiler.Profile; cpuMs: number }> {
	const session = new Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.setSamplingInterval', { interval: 200 });
	let at = 0;
	let cpuMs = 0;
	let profile: Profiler.Profile | undefined;
	await run({
		before: () => {
			session.post('Profiler.start');
			at = processCpuMs();
		},
		after: () => {
			cpuMs = processCpuMs() - at;
			session.post('Profiler.stop', (error, result) => {
				if (error) throw error;
				profile = result.profile;
			});
		},
	});
	session.disconnect();
	if (!profile) throw new Error('the profiler did not stop');
	return { profile, cpuMs };
}

/** The package (or the repo's own folder) a frame's script belongs to. */
function owner(url: string): string {
	if (url === '') return '(native / V8)';
	if (url.startsWith('node:')) return 'node: core';
	const modules = url.lastIndexOf('/node_modules/');
	if (modules >= 0) {
		const rest = url.slice(modules + '/node_modules/'.length).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	const repo = /\/(nodes\/EtopOcr|credentials|test)\/(.*)$/.exec(url);
	return repo ? `${repo[1]}/${repo[2].split('/')[0].replace(/\.ts$/, '')}` : url;
}

function frameName(node: Profiler.ProfileNode): string {
	const { functionName, url, lineNumber } = node.callFrame;
	const file = url.replace(/^.*\/(node_modules|nodes|credentials|test)\//, '$1/');
	return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function summarise(profile: Profiler.Profile, items: number, top: number): void {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<number, number>();
	const deltas = profile.timeDeltas ?? [];
	(profile.samples ?? []).forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (deltas[index] ?? 0) / 1000));
	const perItem = (ms: number) => (ms / items).toFixed(3);
	const total = [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
	console.log(`sampled (not idle): ${perItem(total)} ms/item`);
	const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
	const byOwner = new Map<string, number>();
	const byFunction = new Map<string, number>();
	for (const [id, ms] of self) {
		const node = byId.get(id)!;
		if (node.callFrame.functionName === '(idle)') continue;
		add(byOwner, owner(node.callFrame.url) === '(native / V8)' ? node.callFrame.functionName || '(native / V8)' : owner(node.callFrame.url), ms);
		add(byFunction, frameName(node), ms);
	}
	const print = (title: string, map: Map<string, number>, count: number) => {
		console.log(`\n${title}`);
		for (const [key, ms] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`  ${perItem(ms).padStart(7)}  ${key}`);
	};
	print('self time by package or folder (ms/item)', byOwner, top);
	print('self time by function (ms/item)', byFunction, top);
	// Inclusive time of the node's own functions: each stack counted once per function.
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const inclusive = new Map<string, number>();
	for (const [id, ms] of self) {
		const seen = new Set<string>();
		for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
			const node = byId.get(current)!;
			if (!/\/(nodes\/EtopOcr|credentials)\//.test(node.callFrame.url)) continue;
			const key = frameName(node);
			if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
			seen.add(key);
		}
	}
	print("inclusive time of the node's functions (ms/item)", inclusive, top);
	// Each sample once: to the innermost function of the node's code on its stack (with all it
	// calls, n8n's helpers included), else to the innermost package that is not Node's own.
	const attributed = new Map<string, number>();
	for (const [id, ms] of self) {
		const leaf = byId.get(id)!;
		if (leaf.callFrame.functionName === '(idle)') continue;
		let key: string | undefined;
		let outside: string | undefined;
		for (let current: number | undefined = id; current !== undefined && key === undefined; current = parent.get(current)) {
			const node = byId.get(current)!;
			const where = owner(node.callFrame.url);
			if (/^(nodes\/EtopOcr|credentials)\//.test(where)) key = `${node.callFrame.functionName || '(anonymous)'} (${where})`;
			else if (outside === undefined && where !== 'node: core' && where !== '(native / V8)') outside = `outside the node's code: ${where}`;
		}
		add(attributed, key ?? outside ?? `outside the node's code: ${leaf.callFrame.functionName || owner(leaf.callFrame.url)}`, ms);
	}
	print("each sample to the innermost function of the node's code on its stack (ms/item)", attributed, top);
}

async function main(): Promise<void> {
	const settings = readSettings(process.argv.slice(2));
	if (settings.from) {
		summarise(JSON.parse(readFileSync(settings.from, 'utf8')) as Profiler.Profile, settings.items, settings.top);
		return;
	}
	const storage = mkdtempSync(join(tmpdir(), 'etop-profile-'));
	await useFilesystemBinaryMode(storage);
	const sandbox = await RemoteSandbox.start();
	try {
		await sandbox.setLatency(settings.latency);
		await sandbox.setMaxConcurrent(settings.concurrency);
		const { items, image } = benchItems(settings.items, settings.kb * 1024, settings.content);
		const credentials = { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox.endpoint };
		const peer = { nodeType: floorNode(sandbox.endpoint, await nodeForm(image), settings.concurrency), typeVersion: 1, parameters: {} };
		const run = async (count: number, onNode?: { before(): void; after(): void }) => {
			// As the bench does: every run starts without kept-alive connections.
			http.globalAgent.destroy();
			if (settings.contender === 'raw') {
				onNode?.before();
				await runRawClient({ endpoint: sandbox.endpoint, key: SANDBOX_KEY, secret: SANDBOX_SECRET, image, concurrency: settings.concurrency, items: count });
				onNode?.after();
				return;
			}
			const result = await runWorkflow({
				credentials,
				parameters: nodeParameters({ maxRetries: 0, maxConcurrency: settings.concurrency }),
				items: items.slice(0, count),
				...(settings.contender === 'floor' ? { peer } : {}),
				onNode,
			});
			if (result.error || failures(result)) throw new Error(`run failed: ${result.error?.message ?? `${failures(result)} failed items`}`);
		};
		await run(Math.min(200, settings.items));
		await sandbox.reset();
		console.log(`# ${settings.contender}, ${settings.items} items of ${(image.length / 1024).toFixed(1)} KB (${settings.content}), concurrency ${settings.concurrency}, latency ${settings.latency} ms — load before ${load()}`);
		const { profile, cpuMs } = await profiled(async (hooks) => await run(settings.items, hooks));
		console.log(`process CPU during the run: ${(cpuMs / settings.items).toFixed(3)} ms/item — load after ${load()}`);
		summarise(profile, settings.items, settings.top);
		if (settings.out) writeFileSync(settings.out, JSON.stringify(profile));
	} finally {
		await sandbox.close();
		shutdownEngine();
		rmSync(storage, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error((error as Error).stack ?? error);
		process.exit(1);
	},
);
