import http from 'node:http';
import https from 'node:https';
import { loadavg } from 'node:os';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, type EtopCredentials, type RunOptions, type RunResult } from '../harness/engine';
import type { InputItem } from '../harness/inputNode';
import { etopExecutionMs, failures, nodeParameters } from './common';
import type { HttpRequestPeer } from './httpRequestPeer';
import { median } from './memory';
import { runRawClient } from './rawClient';
import type { RemoteSandbox } from './remoteSandbox';

/** One measured run of one contender: its rate and the CPU time per item on both sides. */
export interface Sample {
	itemsPerSecond: number;
	wallMs: number;
	/** CPU time of this (the n8n) process per item, ms: the node's run only, or the raw client's */
	clientCpuMs: number;
	/** CPU time of the sandbox process per item, ms */
	sandboxCpuMs: number;
	/** items that came back without a recognition (e.g. a -52 "busy" answer); not counted in the rate */
	notRecognised: number;
}

export const processCpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

export const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

/** `median [min–max]` of a list, with `digits` decimals. */
export function spread(values: number[], digits = 1): string {
	return `${median(values).toFixed(digits)} [${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}]`;
}

export interface Contender {
	label: string;
	run(): Promise<Sample>;
}

function checked(result: RunResult, label: string): RunResult {
	if (result.error || failures(result)) throw new Error(`${label} failed: ${result.error?.message ?? `${failures(result)} failed items`}`);
	return result;
}

/** Runs an n8n workflow (the ETOP node or a peer in its place) and reads the node's time and CPU. */
async function engineSample(
	sandbox: RemoteSandbox,
	items: number,
	start: () => Promise<RunResult>,
	cpu: { at: number; used: number },
	recognised: (result: RunResult) => number,
): Promise<Sample> {
	// Every run starts cold, as the raw client's does (its pool is made per run): the kept-alive
	// connections a previous run left are closed first.
	http.globalAgent.destroy();
	https.globalAgent.destroy();
	const sandboxBefore = await sandbox.cpuMs();
	const result = await start();
	const sandboxCpu = (await sandbox.cpuMs()) - sandboxBefore;
	const wallMs = etopExecutionMs(result);
	const ok = recognised(result);
	return { itemsPerSecond: ok / (wallMs / 1000), wallMs, clientCpuMs: cpu.used / items, sandboxCpuMs: sandboxCpu / items, notRecognised: items - ok };
}

/** How the node is set up for a contender: its options, Send File As, and Settings → On Error (default: stop). */
export interface NodeSetup {
	options: IDataObject;
	upload?: 'file' | 'mfile';
	onError?: RunOptions['onError'];
}

/** The ETOP node through n8n's engine, CPU counted from the node's start to its end. */
export function nodeContender(label: string, sandbox: RemoteSandbox, credentials: EtopCredentials, inputs: InputItem[], { options, upload = 'file', onError }: NodeSetup): Contender {
	return {
		label,
		run: async () => {
			const cpu = { at: 0, used: 0 };
			const onNode = { before: () => (cpu.at = processCpuMs()), after: () => (cpu.used = processCpuMs() - cpu.at) };
			const start = () => runWorkflow({ credentials, parameters: nodeParameters({ maxRetries: 0, ...options }, upload), items: inputs, onError, onNode });
			return await engineSample(sandbox, inputs.length, start, cpu, (result) => inputs.length - failures(checked(result, label)));
		},
	};
}

/** Items of the HTTP Request node's output that carry an ETOP answer with ErrorCode 0. */
const recognisedByPeer = (result: RunResult) => (result.outputs[0] ?? []).filter((item) => String(item.json.ErrorCode) === '0').length;

/**
 * n8n's HTTP Request node (or the floor node, floorNode.ts) in the ETOP node's place, on the same items. Its parameters are made
 * when it runs (the batch interval may follow what the round has measured so far).
 */
export function peerContender(label: string, sandbox: RemoteSandbox, peer: HttpRequestPeer, parameters: () => INodeParameters, inputs: InputItem[]): Contender {
	return {
		label,
		run: async () => {
			const cpu = { at: 0, used: 0 };
			const onNode = { before: () => (cpu.at = processCpuMs()), after: () => (cpu.used = processCpuMs() - cpu.at) };
			const credentials = { apiKey: '', secret: '', endpoint: '' };
			const start = () => runWorkflow({ credentials, parameters: {}, items: inputs, peer: { ...peer, parameters: parameters() }, onNode });
			return await engineSample(sandbox, inputs.length, start, cpu, (result) => recognisedByPeer(checked(result, label)));
		},
	};
}

/** The raw undici client with a keep-alive pool of `concurrency` connections. */
export function rawContender(label: string, sandbox: RemoteSandbox, options: Parameters<typeof runRawClient>[0]): Contender {
	return {
		label,
		run: async () => {
			const sandboxBefore = await sandbox.cpuMs();
			const before = processCpuMs();
			const wallMs = await runRawClient(options);
			const clientCpu = processCpuMs() - before;
			const sandboxCpu = (await sandbox.cpuMs()) - sandboxBefore;
			return { itemsPerSecond: options.items / (wallMs / 1000), wallMs, clientCpuMs: clientCpu / options.items, sandboxCpuMs: sandboxCpu / options.items, notRecognised: 0 };
		},
	};
}

/**
 * `runs` rounds in which every contender runs once, in turn, so that a busier moment of the
 * machine weighs on all of them alike; ratios are then taken per round.
 */
export async function rounds(sandbox: RemoteSandbox, contenders: Contender[], runs: number): Promise<Sample[][]> {
	const samples: Sample[][] = contenders.map(() => []);
	for (let round = 0; round < runs; round++) {
		for (const [index, contender] of contenders.entries()) {
			await sandbox.reset();
			samples[index].push(await contender.run());
		}
	}
	return samples;
}

/** The median over rounds of a / b. */
export function ratio(a: Sample[], b: Sample[], pick: (sample: Sample) => number): number {
	return median(a.map((sample, round) => pick(sample) / pick(b[round])));
}

export function printSamples(label: string, samples: Sample[]): void {
	const missed = samples.reduce((sum, sample) => sum + sample.notRecognised, 0);
	console.log(
		`  ${label.padEnd(62)} ${spread(samples.map((s) => s.itemsPerSecond)).padStart(20)} items/s   client CPU ${spread(samples.map((s) => s.clientCpuMs), 2)} ms/item   sandbox CPU ${spread(samples.map((s) => s.sandboxCpuMs), 2)} ms/item${missed ? `   (${missed} items not recognised over all runs)` : ''}`,
	);
}
