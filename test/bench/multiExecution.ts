// Issue 11 in one process: many executions of the node at once share one ETOP account. The
// account-wide limiter of this checkout against the old per-run limiter, measured from the
// revision before it (test/scale/oldRevision.ts), each in a fresh process against the same
// sandbox (in its own process) that serves `stockLimit` calls at once and answers -52 beyond.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO, WORK } from '../e2e/lib/paths';
import { checkoutRevision, revisionBeforeAccountLimiter } from '../scale/oldRevision';
import { runChildCase } from './childCase';
import { load } from './measure';
import type { MultiExecutionFigures, MultiExecutionSpec } from './multiExecutionCase';
import type { RemoteSandbox } from './remoteSandbox';
import type { Settings } from './run';

const EXECUTIONS = 20;
const IMAGES = 10;

export async function multiExecution(settings: Settings, sandbox: RemoteSandbox, figures: Record<string, unknown>): Promise<void> {
	const { idealLatency: latency, stockLimit: limit } = settings;
	const revision = revisionBeforeAccountLimiter();
	const oldTree = checkoutRevision(revision, join(WORK, 'bench-old-tree'));
	copyFileSync(join(__dirname, 'multiExecutionCase.ts'), join(oldTree, 'test', 'bench', 'multiExecutionCase.ts'));
	copyFileSync(join(__dirname, '..', 'harness', 'errorOf.ts'), join(oldTree, 'test', 'harness', 'errorOf.ts'));
	const variants = [
		{ label: `old: per-run limiter (${revision.slice(0, 7)})`, tree: oldTree },
		{ label: 'new: account limiter (this checkout)', tree: REPO },
	];
	const loadBefore = load();
	const rows: Array<Record<string, unknown>> = [];
	for (const variant of variants) {
		await sandbox.reset();
		await sandbox.setLatency(latency);
		await sandbox.setMaxConcurrent(limit);
		const spec: MultiExecutionSpec = { endpoint: sandbox.endpoint, executions: EXECUTIONS, images: IMAGES };
		const result = await runChildCase<MultiExecutionFigures>(join(variant.tree, 'test', 'bench', 'multiExecutionCase.ts'), spec);
		const { calls, peakInFlight } = await sandbox.stats();
		const idealMs = (calls.length * latency) / limit;
		rows.push({
			label: variant.label,
			...result,
			calls: calls.length,
			busyAnswers: calls.filter((call) => call.errorCode === '-52').length,
			peakInFlight,
			idealMs,
		});
	}
	await sandbox.setMaxConcurrent(undefined);
	const images = EXECUTIONS * IMAGES;
	console.log(`\n## ${EXECUTIONS} executions at once × ${IMAGES} images, one credential, one process (a service serving ${limit} at once, ${latency} ms per call; load ${loadBefore} → ${load()})`);
	console.log('| limiter | ok | failed | calls/image | -52 answers | max in flight | wall s | ideal s (calls × latency / limit) | wall/ideal |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const row of rows) {
		const wallMs = row.wallMs as number;
		const idealMs = row.idealMs as number;
		console.log(
			`| ${row.label} | ${row.ok} | ${(row.failed as number) + (row.mixedUp as number)} | ${((row.calls as number) / images).toFixed(2)} | ${row.busyAnswers} | ${row.peakInFlight} | ${(wallMs / 1000).toFixed(1)} | ${(idealMs / 1000).toFixed(1)} | ${(wallMs / idealMs).toFixed(2)} |`,
		);
	}
	figures.multiExecution = { executions: EXECUTIONS, images: IMAGES, latencyMs: latency, serviceLimit: limit, rows };
}
