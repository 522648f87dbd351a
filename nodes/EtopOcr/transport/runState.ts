import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, IExecuteSingleFunctions } from 'n8n-workflow';

import { KeptImages } from '../input/keptImages';
import { makeScrub, type Scrub } from '../output/redact';
import { accountLimiter } from './accounts';
import { egressFiltered } from './connection';
import { BodyBuffers } from './credentialRoom';
import { uploadFieldOf, type UploadField } from './formBody';
import { InputBarrier } from './inputBarrier';
import type { AccountLimiter, RunQueue } from './limiter';
import { RunCost } from './runCost';

/** What the credential gives the whole run. */
export interface RunCredential {
	endpoint: string;
	/** The form field of the base64 image (the credential's Image Field Name). */
	uploadField: UploadField;
	/** Removes this account's key and secret from text that came back (see redact.ts). */
	scrub: Scrub;
	/** The limiter of the credential's account, shared with every other run in this process. */
	account: AccountLimiter;
	/** n8n checks this process's outbound calls: they keep n8n's own connection per call (connection.ts). */
	egressFiltered: boolean;
	/**
	 * The credential as read for the run, handed to n8n with every call: without it n8n reads the
	 * credential again for each call (n8n's server: a database query, a decryption and its defaults).
	 */
	decrypted: ICredentialsDecrypted;
}

/** What the items of one node run share: their queue at the account's limit, the stop, the input barrier, the credential. */
export interface RunState {
	/** The run's queue at its account's limiter, created by the first item that asks, with its Max Concurrent Requests. */
	queue(account: AccountLimiter, maxConcurrency: number): RunQueue;
	/** Aborts once an item has failed for good while the node stops on errors: nothing more is sent. */
	stop: AbortController;
	/** With stop-on-error: every item's input is checked before the first call (see inputBarrier.ts). */
	barrier: InputBarrier | undefined;
	/**
	 * The credential's Endpoint and scrubber, read once per run. As `url: '={{ $credentials.endpoint }}'` in
	 * requestDefaults the endpoint was an expression n8n evaluates for every item (~0.15 ms each), all
	 * before the first request leaves: 30 ms of idle start for 200 items.
	 */
	credential: Promise<RunCredential>;
	/** Item indexes whose hook has started in this run. */
	items: Set<number>;
	/** What the run cost, for the summary on its last item (see runCost.ts). */
	cost: RunCost;
	/** The buffers of the run's request bodies, each handed on once its image is done. */
	bodies: BodyBuffers;
	/** The images kept from their check to their send (input/keptImages.ts). */
	kept: KeptImages;
}

const CREDENTIAL_TYPE = 'etopOcrApi';

// n8n's RoutingNode hands every item of one run the same `executeData` object, and a new one
// to the next run, so it identifies the run without any global bookkeeping. n8n's Retry On
// Fail runs the node again with the same object: a hook for an item index the state has
// already seen therefore starts a fresh run.
const runs = new WeakMap<object, RunState>();

function newRunState(context: IExecuteSingleFunctions): RunState {
	const credential = Promise.all([context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE), egressFiltered(context)]).then(([data, filtered]) => {
		const { endpoint, uploadField, apiKey, secret } = data;
		const { id, name } = context.getNode().credentials?.[CREDENTIAL_TYPE] ?? { id: null, name: '' };
		return {
			endpoint: String(endpoint ?? ''),
			uploadField: uploadFieldOf(uploadField),
			scrub: makeScrub([apiKey, secret]),
			account: accountLimiter(String(endpoint ?? ''), String(apiKey ?? '')),
			egressFiltered: filtered,
			decrypted: { id: id ?? '', name, type: CREDENTIAL_TYPE, data },
		};
	});
	// Awaited by every item; a failure is theirs to report.
	credential.catch(() => undefined);
	let queue: RunQueue | undefined;
	const itemCount = context.getExecuteData().data.main?.[0]?.length ?? 0;
	return {
		queue: (account, maxConcurrency) => (queue ??= account.queue(maxConcurrency)),
		stop: new AbortController(),
		barrier: context.continueOnFail() ? undefined : new InputBarrier(itemCount),
		credential,
		items: new Set(),
		cost: new RunCost(itemCount),
		bodies: new BodyBuffers(),
		kept: new KeptImages(),
	};
}

/** The state of the run this item's hook belongs to; the hook registers itself in it. */
export function getRunState(context: IExecuteSingleFunctions): RunState {
	const key = context.getExecuteData();
	const itemIndex = context.getItemIndex();
	let state = runs.get(key);
	if (!state || state.items.has(itemIndex)) {
		state = newRunState(context);
		runs.set(key, state);
	}
	state.items.add(itemIndex);
	return state;
}
