// One multi-execution round in a fresh process (see multiExecution.ts): `executions` workflow
// runs at once through n8n's engine, `images` images each, one credential, default options.
// It runs from whichever checkout it is copied into, so that the old per-run limiter can be
// measured from its own revision.
import '../harness/env';

import { runWorkflow, shutdownEngine } from '../harness/engine';
import { errorOf } from '../harness/errorOf';
import { makePng } from '../fixtures/images';
import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';
import { childCase } from './childCase';

export interface MultiExecutionSpec {
	endpoint: string;
	executions: number;
	images: number;
}

export interface MultiExecutionFigures {
	ok: number;
	failed: number;
	/** Items whose result is not their own image's (another item's requestId). */
	mixedUp: number;
	wallMs: number;
}

childCase<MultiExecutionSpec, MultiExecutionFigures>(async ({ endpoint, executions, images }) => {
	const image = makePng({ marker: 'ETOP-SANDBOX:DOC=2' });
	const credentials = { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint };
	const parameters = { documentType: '2', options: { requestId: '={{ $json.id }}' } };
	const items = (run: number) => Array.from({ length: images }, (_, index) => ({ json: { id: `run${run}-${index}` }, binary: { data: { data: image, fileName: `scan-${index}.png` } } }));
	const started = performance.now();
	const results = await Promise.all(
		Array.from({ length: executions }, async (_, run) => await runWorkflow({ credentials, parameters, items: items(run), onError: 'continueRegularOutput' })),
	);
	const wallMs = performance.now() - started;
	shutdownEngine();
	const figures: MultiExecutionFigures = { ok: 0, failed: 0, mixedUp: 0, wallMs };
	results.forEach((result, run) => {
		const output = result.outputs[0] ?? [];
		for (let index = 0; index < images; index++) {
			const item = output[index];
			// `item.error`: an error item as the old revision made them.
			if (!item || item.error || errorOf(item)) figures.failed++;
			else if ((item.json.meta as { requestId?: string } | undefined)?.requestId === `run${run}-${index}`) figures.ok++;
			else figures.mixedUp++;
		}
	});
	return figures;
});
