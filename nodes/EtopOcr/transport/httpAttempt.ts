import type { ICredentialsDecrypted, IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { formatBytes } from '../input/imageBytes';
import { settleAsync } from '../shared/settle';
import { answerTooLargeError, networkError, readContext } from '../shared/errors';
import type { EtopAnswer } from '../output/parseResponse';
import { MAX_ANSWER_BYTES } from './defaults';

/** Codes of a connection that was never made: the service saw nothing of the request. */
const NOT_CONNECTED = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'];

const ERROR_CODE = /^(E[A-Z_]{2,}|ERR_[A-Z_]+|UND_ERR_[A-Z_]+)$/;

/** The attempt was ended by the execution's cancel or the run's stop, not by the network. */
export class AttemptAborted extends Error {
	constructor(readonly mayBeBilled: boolean) {
		super('aborted');
	}
}

interface Thrown {
	code?: unknown;
	httpCode?: unknown;
	message?: unknown;
	messages?: unknown;
	cause?: unknown;
}

/**
 * How a call that failed before any answer failed, from what n8n's httpRequestWithAuthentication
 * lets through. It throws a NodeApiError in which the axios error is gone (ExecutionBaseError
 * declares `cause` as a class field, which overwrites the Error cause; n8n-workflow 1.x and 2.x
 * alike), so the ClientRequest and its `writableFinished` cannot be seen. What survives is the
 * code (`httpCode`) and Node's message (`messages`), which names the socket operation that
 * failed: "connect ECONNRESET" (the connection was never up), "write EPIPE" (a chunk of the
 * request never left, so the service cannot have the whole request). A reset while the request
 * is still being written mostly surfaces as "read ECONNRESET", exactly like a reset after it was
 * delivered, so that and everything else is treated as possibly billed.
 */
export function failureBeforeAnswer(error: unknown): { failure: 'notConnected' | 'notFullySent' | 'unknownNetwork'; code?: string } {
	let code: string | undefined;
	let operation: string | undefined;
	for (let current = error as Thrown | undefined, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		for (const candidate of [current.code, current.httpCode]) {
			if (code === undefined && typeof candidate === 'string' && ERROR_CODE.test(candidate)) code = candidate;
		}
		for (const text of [current.message, ...(Array.isArray(current.messages) ? current.messages : [])]) {
			const match = typeof text === 'string' ? /^(connect|write|read|getaddrinfo) E[A-Z_]+\b/.exec(text) : null;
			operation ??= match?.[1];
		}
		current = current.cause as Thrown | undefined;
	}
	if ((code !== undefined && NOT_CONNECTED.includes(code)) || operation === 'connect' || operation === 'getaddrinfo') return { failure: 'notConnected', code };
	if (operation === 'write') return { failure: 'notFullySent', code };
	return { failure: 'unknownNetwork', code };
}

/** Turns what the HTTP layer threw before an answer arrived into the failure retryPolicy.ts knows. */
function failedBeforeAnswer(context: IExecuteSingleFunctions, error: unknown, deadlineMs: number | undefined): Error {
	const { failure, code } = failureBeforeAnswer(error);
	// At the deadline it is not known how much of the request had left.
	if (deadlineMs !== undefined) return networkError(context, 'noAnswer', code, deadlineMs);
	return networkError(context, failure, code);
}

interface BodyStream extends AsyncIterable<Uint8Array> {
	destroy(error?: Error): void;
}

const isStream = (body: unknown): body is BodyStream =>
	typeof body === 'object' && body !== null && Symbol.asyncIterator in body && typeof (body as BodyStream).destroy === 'function';

/**
 * Reads the (decompressed) body, stopping at MAX_ANSWER_BYTES and when `signal` aborts: the
 * attempt's deadline covers the answer too, so a server that trickles it cannot hold the item.
 */
async function readBody(context: IExecuteSingleFunctions, response: IN8nHttpFullResponse, signal: AbortSignal): Promise<Buffer> {
	const { body } = response;
	if (!isStream(body)) return Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
	const onAbort = () => body.destroy();
	signal.addEventListener('abort', onAbort, { once: true });
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		if (signal.aborted) body.destroy();
		for await (const chunk of body) {
			size += chunk.length;
			if (size > MAX_ANSWER_BYTES) {
				body.destroy();
				throw answerTooLargeError(context, response.statusCode, formatBytes(MAX_ANSWER_BYTES));
			}
			chunks.push(chunk);
		}
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
	return Buffer.concat(chunks, size);
}

/**
 * One call to ETOP through n8n's httpRequestWithAuthentication (so the credential's
 * authenticate is applied by n8n, to `credential`: the run's, read once), bounded in total by
 * `deadlineMs` from the first byte to the last, and ended at once when `abort` fires (the
 * execution's cancel, the run's stop).
 *
 * n8n's helper replaces the request's abortSignal with the cancel signal of the context it is
 * called on, so it is called on a child of the item's context whose cancel signal also fires at
 * the deadline (and the signal is set on the request too, for a version that keeps it).
 */
export async function sendAttempt(
	context: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
	credential: ICredentialsDecrypted,
	abort: AbortSignal,
	deadlineMs: number,
): Promise<EtopAnswer> {
	const deadline = AbortSignal.timeout(deadlineMs);
	const signal = AbortSignal.any([abort, deadline]);
	const caller = Object.create(context, { getExecutionCancelSignal: { value: () => signal } }) as IExecuteSingleFunctions;
	const options: IHttpRequestOptions = {
		...request,
		abortSignal: signal,
		// A stream, so the size limit and the deadline apply while the answer is read.
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// n8n's own timeout only watches for an idle socket; the deadline above is the real bound.
		timeout: deadlineMs,
	};
	const sent = await settleAsync(async () => (await context.helpers.httpRequestWithAuthentication.call(caller, credential.type, options, { credentialsDecrypted: credential })) as IN8nHttpFullResponse);
	if (!sent.ok) {
		if (abort.aborted) throw new AttemptAborted(failureBeforeAnswer(sent.error).failure === 'unknownNetwork');
		throw failedBeforeAnswer(context, sent.error, deadline.aborted ? deadlineMs : undefined);
	}
	const response = sent.value;
	const read = await settleAsync(async () => await readBody(context, response, signal));
	if (read.ok) return { statusCode: response.statusCode, headers: response.headers ?? {}, body: read.value };
	if (readContext(read.error)) throw read.error;
	if (abort.aborted) throw new AttemptAborted(true);
	throw networkError(context, 'answerCutShort', failureBeforeAnswer(read.error).code, deadline.aborted ? deadlineMs : undefined);
}
