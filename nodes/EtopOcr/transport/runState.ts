import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { Limiter } from './limiter';

/** What the items of one node run share: the concurrency limit, the stop flag, the endpoint. */
export interface RunState {
	limiter: Limiter;
	/** Set once an item has failed for good while the node stops on errors. */
	stopped: boolean;
	/**
	 * The credential's Endpoint, read once per run. As `url: '={{ $credentials.endpoint }}'` in
	 * requestDefaults it was an expression n8n evaluates for every item (~0.15 ms each), all
	 * before the first request leaves: 30 ms of idle start for 200 items.
	 */
	endpoint: Promise<string>;
}

// n8n's RoutingNode hands every item of one run the same `executeData` object, and a new one
// to the next run, so it identifies the run without any global bookkeeping.
const runs = new WeakMap<object, RunState>();

export function getRunState(context: IExecuteSingleFunctions, maxConcurrency: number): RunState {
	const key = context.getExecuteData();
	let state = runs.get(key);
	if (!state) {
		const endpoint = context.getCredentials<{ endpoint?: unknown }>('etopOcrApi').then(({ endpoint }) => String(endpoint ?? ''));
		// Awaited by every item, but only once it has a slot; a failure is theirs to report.
		endpoint.catch(() => undefined);
		state = { limiter: new Limiter(maxConcurrency), stopped: false, endpoint };
		runs.set(key, state);
	}
	return state;
}
