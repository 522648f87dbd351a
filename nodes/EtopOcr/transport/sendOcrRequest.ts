import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { BUSY_WINDOW_RETRIES, RETRY_POLICY, shouldRetry } from '../data/retryPolicy';
import { collectImages, isInputError, type CollectedImages } from '../input/collectImages';
import type { ImagePayload } from '../input/readImage';
import { errorItem } from '../output/errorItem';
import { canceledError, failureOf, inputError, readContext } from '../shared/errors';
import { formatOutput } from '../output/formatOutput';
import { parseEtopAnswer } from '../output/parseResponse';
import { withInputBinary } from '../output/passThrough';
import { connectTo } from './connection';
import type { BodyBuffers } from './credentialRoom';
import { MAX_RETRY_AFTER_MS } from './defaults';
import { isHttpEndpoint } from './endpoint';
import { formBody } from './formBody';
import { AttemptAborted, sendAttempt } from './httpAttempt';
import { inputBytes, untilAborted } from './inputBarrier';
import type { Slot, SlotOutcome } from './limiter';
import { checkItemImages, readItemImages } from './itemImages';
import { multipartBody } from './multipartBody';
import { readParameters, type NodeParameters } from '../params/parameters';
import { retryDelay } from './retryDelay';
import { withRunSummary, type AttemptBilling } from './runCost';
import { getRunState, type RunCredential, type RunState } from './runState';

/**
 * The per-item hook (declarative `routing.operations.pagination`, which n8n hands the whole
 * request of one item). n8n starts every item's hook at once. Each item goes through:
 *   1. parameters: read and checked (params/parameters.ts: once per run unless an expression makes them per item);
 *   2. input: the item's images found and checked, nothing sent yet (input/collectImages.ts: every
 *      matching binary field, every page of a scanned PDF);
 *   3. with stop-on-error, the barrier: no call of the run leaves before every item passed 2;
 *   4. per image, one after another (itemImages.ts: skipped, refused and already-read images send
 *      nothing): attempts under the retry policy (data/retryPolicy.ts), each in a slot of the
 *      account's limiter (limiter.ts), which is given back during a retry's pause;
 *   5. output: each answer parsed and shaped into items, each paired with the input item; the run's
 *      cost on the last item (runCost.ts).
 * Once the node is going to stop (an item failed for good with stop-on-error), or the execution
 * is cancelled, nothing more is sent, not by items waiting for a slot or in a retry pause either.
 */
export async function sendOcrRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const pairedItem = { item: this.getItemIndex() };
	const state = getRunState(this);
	const cancel = this.getExecutionCancelSignal() ?? new AbortController().signal;
	const ended = AbortSignal.any([cancel, state.stop.signal]);
	return await withRunSummary(state.cost, this.getItemIndex(), async () => {
		try {
			let parameters: NodeParameters | undefined;
			let credential: RunCredential | undefined;
			let collected: CollectedImages | undefined;
			const prepare = async () => {
				parameters = readParameters(this);
				credential = await checkedCredential(this, state);
				collected = await collectImages(this, parameters.images, state.kept);
				await checkItemImages(collected, parameters.images);
				// Images are kept for their turn only within the run's bound (keptImages.ts), so memory does not grow while waiting.
				collected.forget();
			};
			if (state.barrier) {
				if (!(await state.barrier.pass(this.getItemIndex(), inputBytes(this), prepare, ended))) return [];
			} else {
				parameters = readParameters(this);
				credential = await checkedCredential(this, state);
			}
			const checked = parameters!;
			// With the barrier, the item's files were found before it, so the first slot is asked for in item order.
			if (!collected) {
				collected = await collectImages(this, checked.images, state.kept);
				collected.forget();
			}
			return await readItemImages(this, checked.images, collected, requestFields(requestData, checked), state.cost, async (image, payload, onAttempt) => {
				const read = async () => payload ?? (await image.payload());
				const answer = await call(this, state, requestData, checked, credential!, cancel, ended, read, onAttempt);
				return answer === undefined ? undefined : (await shapeOutput(this, answer, checked)).map((item) => withInputBinary(this, item, checked.output.includeInputBinary, image.meta.binaryName));
			});
		} catch (caught) {
			const error = cancel.aborted && !readContext(caught) ? canceledError(this, false) : caught;
			if (!this.continueOnFail()) {
				state.stop.abort();
				throw error;
			}
			return [errorItem(this, error as NodeApiError | NodeOperationError, pairedItem)];
		}
	});
}

async function checkedCredential(context: IExecuteSingleFunctions, state: RunState): Promise<RunCredential> {
	const credential = await state.credential;
	if (!isHttpEndpoint(credential.endpoint)) {
		throw inputError(
			context,
			'the Endpoint of the ETOP credential is not an http or https URL',
			'Open the ETOP OCR credential and set Endpoint to e.g. https://www.etoplive.com/ocr/PageOcrServlet.',
		);
	}
	return credential;
}

type OnAttempt = (attempt: number, billing: AttemptBilling) => void;

interface Answered {
	json: IDataObject;
	attempts: number;
}

/**
 * Phase 4: attempts until one answers or the policy gives up; undefined: stopped. Each attempt
 * holds a slot of the account (limiter.ts) only while its call is out: during a retry's pause the
 * slot serves other items, of this run or others. The image is read once, at the first slot.
 */
async function call(
	context: IExecutePaginationFunctions,
	state: RunState,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	parameters: NodeParameters,
	credential: RunCredential,
	cancel: AbortSignal,
	ended: AbortSignal,
	readPayload: () => Promise<ImagePayload>,
	onAttempt: OnAttempt,
): Promise<Answered | undefined> {
	const queue = state.queue(credential.account, parameters.maxConcurrency);
	queue.enter();
	let request: IHttpRequestOptions | undefined;
	try {
		// -52 answers the account's window took on itself: they do not count as the item's retries.
		let windowRetries = 0;
		for (let attempt = 1; ; attempt++) {
			let slot: Slot;
			try {
				slot = await queue.acquire(ended, { first: attempt > 1 });
			} catch {
				// Only the stop or the execution's cancel end a wait for a slot.
				if (state.stop.signal.aborted) return undefined;
				throw canceledError(context, false);
			}
			let outcome: SlotOutcome = 'failed';
			let caught: unknown;
			let windowTook = false;
			let sent = false;
			try {
				if (state.stop.signal.aborted) return undefined;
				if (ended.aborted) throw canceledError(context, false);
				request ??= await buildRequest(requestData, credential, await readPayload(), parameters, state.bodies);
				sent = true;
				// A call in flight when the node decides to stop is let finish (bounded by its deadline): it
				// may be billed either way, and the run then ends with nothing left running at the service.
				const answer = await sendAttempt(context, request, credential.decrypted, cancel, parameters.attemptTimeoutMs);
				const json = parseEtopAnswer(context, answer, credential.scrub);
				outcome = 'ok';
				onAttempt(attempt, 'possiblyBilled');
				return { json, attempts: attempt };
			} catch (error) {
				caught = error;
				if (readContext(error)?.etopCode === '-52' || failureOf(error) === 'busyHttp') outcome = 'busy';
			} finally {
				windowTook = slot.release(outcome);
			}
			if (sent) onAttempt(attempt, attemptBilling(caught));
			if (caught instanceof AttemptAborted) throw canceledError(context, caught.mayBeBilled);
			if (readContext(caught)?.etopCode === '-52' && windowTook && windowRetries < BUSY_WINDOW_RETRIES) {
				windowRetries++;
				continue;
			}
			const counted = attempt - windowRetries;
			const failure = failureOf(caught);
			const retryAfterMs = readContext(caught)?.retryAfterMs;
			const retry =
				failure !== undefined &&
				shouldRetry(failure, counted, parameters) &&
				(retryAfterMs === undefined || retryAfterMs <= MAX_RETRY_AFTER_MS);
			if (!retry) {
				(caught as { context: IDataObject }).context.attempts = attempt;
				// A failure that stops the node stops it now, before a waiter takes the slot just given back.
				if (!context.continueOnFail() && !isInputError(caught)) state.stop.abort();
				throw caught;
			}
			if (!(await pause(retryAfterMs ?? retryDelay(counted), ended))) {
				if (state.stop.signal.aborted) return undefined;
				throw canceledError(context, false);
			}
		}
	} finally {
		queue.leave();
		// No attempt is out any more: the body's buffer can serve the next image.
		state.bodies.recycle(request?.body);
	}
}

/** Whether a failed call may have been billed, for the run's summary (data/retryPolicy.ts). */
function attemptBilling(caught: unknown): AttemptBilling {
	if (caught instanceof AttemptAborted) return caught.mayBeBilled ? 'possiblyBilled' : 'notBilled';
	const failure = failureOf(caught);
	// A failure the policy does not know counts as possibly billed.
	return failure === undefined || RETRY_POLICY[failure].mayBeBilled ? 'possiblyBilled' : 'notBilled';
}

/** The form fields routing collected, without the unset ones (unset options are not sent). */
function formFields(body: unknown): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [name, value] of Object.entries((body ?? {}) as IDataObject)) {
		if (value !== undefined && value !== null && value !== '') fields[name] = String(value);
	}
	return fields;
}

/** The form fields of every call of the item: the pid and the options routing collected. */
function requestFields(requestData: DeclarativeRestApiSettings.ResultOptions, parameters: NodeParameters): Record<string, string> {
	return { pid: String(parameters.pid), ...formFields(requestData.options.body) };
}

/**
 * The HTTP request of one image: routing's options with the endpoint and a url-encoded body with
 * the image field, or a multipart body. No redirects: axios then sends through plain http
 * instead of follow-redirects, which keeps a copy of every body chunk for a replay and cost about
 * 0.3 ms of CPU per call. A redirected POST loses its body anyway; the 3xx answer is reported
 * with where it points.
 */
async function buildRequest(
	requestData: DeclarativeRestApiSettings.ResultOptions,
	{ endpoint, uploadField, egressFiltered }: RunCredential,
	image: ImagePayload,
	parameters: NodeParameters,
	bodies: BodyBuffers,
): Promise<IHttpRequestOptions> {
	const fields = requestFields(requestData, parameters);
	// Routing's options are the declarative shape of an IHttpRequestOptions (the same members).
	const options = { ...connectTo(requestData.options, endpoint, parameters.reuseConnections && !egressFiltered), disableFollowRedirect: true } as IHttpRequestOptions;
	if (image.source === 'mfile') {
		const { body, contentType } = await multipartBody(fields, image.image, image.fileName, image.mimeType, bodies);
		return { ...options, headers: { ...(options.headers ?? {}), 'Content-Type': contentType }, body };
	}
	return { ...options, body: await formBody(fields, image, uploadField, bodies) };
}

/** Waits `ms`, or less when `signal` aborts; says whether the full pause passed. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
	try {
		await untilAborted(new Promise((resolve) => AbortSignal.timeout(ms).addEventListener('abort', resolve, { once: true })), signal);
		return true;
	} catch {
		return false;
	}
}

/** Output items never carry a top-level `error` unless they are error items: n8n's Retry On Fail would take them for failures. */
const RENAMED_ERROR_MEMBER = 'errorField';

/** Phase 5: the answer shaped into the node's output items (formatOutput.ts), with the attempts in meta. */
async function shapeOutput(context: IExecuteSingleFunctions, answered: Answered, parameters: NodeParameters): Promise<INodeExecutionData[]> {
	const { json, attempts } = answered;
	const items = await formatOutput(context, json, parameters);
	for (const item of items) {
		// Only the simplified output has the node's meta block; with Simplify off, `meta` would be
		// whatever the body holds under that name (a number made this throw).
		const meta = item.json.meta;
		if (parameters.simplify && meta && typeof meta === 'object') (meta as IDataObject).attempts = attempts;
		if (Object.prototype.hasOwnProperty.call(item.json, 'error')) {
			let name = RENAMED_ERROR_MEMBER;
			for (let n = 2; Object.prototype.hasOwnProperty.call(item.json, name); n++) name = `${RENAMED_ERROR_MEMBER}${n}`;
			item.json[name] = item.json.error;
			delete item.json.error;
		}
	}
	return items;
}
