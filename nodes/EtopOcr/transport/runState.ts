import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { Limiter } from './limiter';

/** What the items of one node run share: the concurrency limit and the stop flag. */
export interface RunState {
	limiter: Limiter;
	/** Set once an item has failed for good while the node stops on errors. */
	stopped: boolean;
}

// n8n's RoutingNode hands every item of one run the same `executeData` object, and a new one
// to the next run, so it identifies the run without any global bookkeeping.
const runs = new WeakMap<object, RunState>();

export function getRunState(context: IExecuteSingleFunctions, maxConcurrency: number): RunState {
	const key = context.getExecuteData();
	let state = runs.get(key);
	if (!state) {
		state = { limiter: new Limiter(maxConcurrency), stopped: false };
		runs.set(key, state);
	}
	return state;
}
