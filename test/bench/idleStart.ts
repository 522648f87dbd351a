import { runWorkflow, type RunOptions } from '../harness/engine';
import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';
import { benchItems, failures, nodeParameters } from './common';
import { load } from './measure';
import { median } from './memory';
import type { RemoteSandbox } from './remoteSandbox';
import type { Settings } from './run';

type OnError = NonNullable<RunOptions['onError']>;

/**
 * n8n's RoutingNode builds every item's request (parameters, routing, expressions) before the
 * first one is sent, and with stop-on-error the node checks every item's input before its first
 * call (billing safety: a bad item 7 bills nothing); the node keeps both. Measured here as the
 * time from the node's start to the first call at the sandbox, for a small and a large run of
 * small images, with stop-on-error and with On Error: Continue (the images are still read and
 * checked, but no call waits for every item's): the difference is what that wait costs.
 */
export async function idleStart(settings: Settings, sandbox: RemoteSandbox, figures: Record<string, unknown>): Promise<void> {
	await sandbox.setLatency(0);
	const credentials = { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox.endpoint };
	const parameters = nodeParameters({ maxConcurrency: settings.concurrency, maxRetries: 0 });
	console.log(`\n## Idle start: from the node's start to its first call (2 KB images, concurrency ${settings.concurrency}, median of 3) — load ${load()}`);
	const rows: Array<{ items: number; onError: OnError; idleMs: number; perItemUs: number; runs: number[] }> = [];
	for (const count of [100, settings.idleItems]) {
		const { items } = benchItems(count, 2048);
		for (const onError of ['stopWorkflow', 'continueRegularOutput'] as const) {
			const runs: number[] = [];
			for (let run = 0; run < 3; run++) {
				await sandbox.reset();
				let startedAt = 0;
				const result = await runWorkflow({ credentials, parameters, items, onError, onNode: { before: () => (startedAt = Date.now()), after: () => undefined } });
				if (result.error || failures(result)) throw new Error('idle-start run had failures');
				const first = Math.min(...(await sandbox.stats()).calls.map((call) => call.startedAt));
				runs.push(first - startedAt);
			}
			const idleMs = median(runs);
			rows.push({ items: count, onError, idleMs, perItemUs: (idleMs / count) * 1000, runs });
			const label = onError === 'stopWorkflow' ? 'stop-on-error (every item checked first)' : 'On Error: Continue';
			console.log(`  ${String(count).padStart(6)} items, ${label.padEnd(41)} ${String(idleMs).padStart(5)} ms before the first call (${((idleMs / count) * 1000).toFixed(0)} µs per item); runs: ${runs.join(', ')}`);
		}
	}
	figures.idleStart = rows;
}
