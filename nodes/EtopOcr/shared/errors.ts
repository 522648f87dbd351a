import {
	NodeApiError,
	NodeOperationError,
	type IExecuteSingleFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { documentNameForPid } from '../data/catalogue';
import { describeErrorCode } from '../data/errorCodes';
import { RETRY_POLICY, type FailureKind } from '../data/retryPolicy';

export interface EtopErrorContext {
	/** The service's ErrorCode, an HTTP status ("HTTP 502"), a network code, or INPUT / CANCELED / TIMEOUT / TOO_LARGE. */
	etopCode: string;
	/** How the call failed, as retryPolicy.ts knows it; absent when no call was made. */
	failure?: FailureKind;
	/** Whether this failure is retried without the user's opt-in (retryPolicy.ts). */
	retryable: boolean;
	/** Whether ETOP may have billed the failed call. */
	mayBeBilled: boolean;
	/** Pause the service asked for (Retry-After), in milliseconds. */
	retryAfterMs?: number;
}

function withContext<T extends NodeApiError | NodeOperationError>(error: T, context: EtopErrorContext): T {
	Object.assign(error.context, context);
	return error;
}

const failureContext = (etopCode: string, failure: FailureKind, retryAfterMs?: number): EtopErrorContext => ({
	etopCode,
	failure,
	retryable: RETRY_POLICY[failure].retried === 'yes',
	mayBeBilled: RETRY_POLICY[failure].mayBeBilled,
	...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

/**
 * NodeApiError swaps any message that merely contains a Node error code (ECONNRESET, ENOENT,
 * EPERM…, also inside a quoted HTML title or body snippet) for a generic text about files or
 * permissions; ours says what ETOP answered, so it is put back.
 */
function apiError(context: IExecuteSingleFunctions, response: JsonObject, message: string, description: string, httpCode: string): NodeApiError {
	const itemIndex = context.getItemIndex();
	const error = new NodeApiError(context.getNode(), response, { message, description, httpCode, itemIndex });
	error.message = message;
	return error;
}

export function readContext(error: unknown): EtopErrorContext | undefined {
	const context = (error as { context?: Partial<EtopErrorContext> } | undefined)?.context;
	return context?.etopCode !== undefined ? (context as EtopErrorContext) : undefined;
}

/** How a failed call failed, when it was a call (input errors and cancels are not). */
export function failureOf(error: unknown): FailureKind | undefined {
	return readContext(error)?.failure;
}

/** A problem the node sees before sending anything: no call is made, nothing is billed. */
export function inputError(
	context: IExecuteSingleFunctions,
	message: string,
	fix: string,
): NodeOperationError {
	const itemIndex = context.getItemIndex();
	// n8n's own style for the item a message is about: a "[item 0]" suffix.
	const sentence = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
	return withContext(
		new NodeOperationError(context.getNode(), `${sentence} [item ${itemIndex}]`, {
			itemIndex,
			description: `${fix} No request was sent to ETOP for this item.`,
		}),
		{ etopCode: 'INPUT', retryable: false, mayBeBilled: false },
	);
}

/**
 * The execution was cancelled. n8n records a run as cancelled (not failed) only when the error
 * message contains "canceled", so the word is part of the message.
 */
export function canceledError(context: IExecuteSingleFunctions, mayBeBilled: boolean): NodeOperationError {
	const itemIndex = context.getItemIndex();
	return withContext(
		new NodeOperationError(context.getNode(), 'Execution canceled', {
			itemIndex,
			description: mayBeBilled
				? 'The execution was cancelled while this item was waiting for its answer; ETOP may have billed the call.'
				: 'The execution was cancelled before this item was sent to ETOP.',
		}),
		{ etopCode: 'CANCELED', retryable: false, mayBeBilled },
	);
}

/** "pid=21" in what the service said, read out: " (the image is a VAT Invoice, pid 21)". */
function pidsExplained(serviceMessage: string): string {
	const pids = /pid\s*=\s*(\d+(?:\s*,\s*\d+)*)/i.exec(serviceMessage)?.[1].split(',').map((pid) => Number(pid.trim())) ?? [];
	const named = pids.map((pid) => ({ pid, name: documentNameForPid(pid) })).filter(({ name }) => name !== undefined);
	if (named.length === 0) return '';
	return ` (the image is ${named.map(({ pid, name }) => `a ${name}, pid ${pid}`).join(' or ')})`;
}

/**
 * A non-zero ErrorCode, explained from the error table. The error code n8n shows in the error's
 * details is the service's ErrorCode (its answers come with HTTP 200, which says nothing).
 */
export function serviceError(
	context: IExecuteSingleFunctions,
	code: string,
	serviceMessage: string | undefined,
): NodeApiError {
	const info = describeErrorCode(code);
	const said =
		serviceMessage && serviceMessage !== info.messageZh
			? ` The service said: "${serviceMessage}"${pidsExplained(serviceMessage)}.`
			: '';
	const hint = /[.!?]$/.test(info.hint) ? info.hint : `${info.hint}.`;
	const zh = info.messageZh ? ` (${info.messageZh})` : '';
	return withContext(
		apiError(context, { ErrorCode: code, message: info.message }, `ETOP error ${code}: ${info.message}${zh}`, `${hint}${said}`, code),
		failureContext(code, info.transient ? 'transientAnswer' : 'answerError'),
	);
}

function httpFailure(status: number): FailureKind {
	if (status === 429 || status === 503) return 'busyHttp';
	if (status === 502 || status === 504) return 'gatewayHttp';
	return 'answerError';
}

/** The answer was not a usable ETOP JSON body (HTTP error, HTML page, empty, cut JSON, wrong charset). */
export function responseError(
	context: IExecuteSingleFunctions,
	status: number,
	message: string,
	hint: string,
	retryAfterMs?: number,
): NodeApiError {
	const httpCode = String(status);
	const failure = status >= 200 && status < 300 ? 'answerError' : httpFailure(status);
	return withContext(apiError(context, { message }, message, hint, httpCode), failureContext(`HTTP ${httpCode}`, failure, retryAfterMs));
}

/** The answer was larger than the node reads. */
export function answerTooLargeError(context: IExecuteSingleFunctions, status: number, limit: string): NodeApiError {
	const message = `The answer of the ETOP service is larger than ${limit}`;
	const hint =
		'Reading stopped there, so the result is lost and the call may be billed. An ETOP result is a few MB at most: check the Endpoint in the ETOP credential; if Return Cropped Images is on, try without it.';
	return withContext(apiError(context, { message }, message, hint, String(status)), failureContext('TOO_LARGE', 'answerTooLarge'));
}

const BILLED_NOTE = 'The call may be billed, so it was not retried; to retry such calls too, turn on Options → Retry Calls That May Be Billed.';

type NetworkFailure = 'notConnected' | 'notFullySent' | 'noAnswer' | 'answerCutShort' | 'unknownNetwork';

/** What happened, by whether the attempt's deadline ended it (`within`: "within the attempt timeout of 90 s") or the network (`code`). */
const NETWORK_TEXT: Record<NetworkFailure, { timedOut: (within: string) => string; failed: string; hint: string }> = {
	notConnected: {
		timedOut: (within) => `Could not connect to the ETOP service ${within}`,
		failed: 'Could not connect to the ETOP service',
		hint: 'Check the Endpoint in the ETOP credential and the network. Nothing reached the service, so nothing was billed; the item was retried as far as Max Retries allows.',
	},
	notFullySent: {
		timedOut: (within) => `The request to the ETOP service could not be sent ${within}`,
		failed: 'The connection to the ETOP service failed while the request was sent',
		hint: 'The image was still being uploaded. The service does not act on a partial request, so nothing was billed; the item was retried as far as Max Retries allows.',
	},
	noAnswer: {
		timedOut: (within) => `The ETOP service did not answer ${within}`,
		failed: 'The connection to the ETOP service closed before it answered',
		hint: `The whole request was sent, but no answer came. ${BILLED_NOTE} A large image may need a longer Options → Attempt Timeout.`,
	},
	answerCutShort: {
		timedOut: (within) => `The answer of the ETOP service did not arrive completely ${within}`,
		failed: 'The answer of the ETOP service was cut short',
		hint: `The answer had begun, then stalled or the connection closed. ${BILLED_NOTE}`,
	},
	unknownNetwork: {
		timedOut: (within) => `The call to the ETOP service did not finish ${within}`,
		failed: 'The connection to the ETOP service failed',
		hint: `It is not known whether the request reached the service. ${BILLED_NOTE}`,
	},
};

/** A call that failed below HTTP (no answer, or a broken one), as the transport classified it. */
export function networkError(
	context: IExecuteSingleFunctions,
	failure: NetworkFailure,
	code: string | undefined,
	deadlineMs?: number,
): NodeApiError {
	const text = NETWORK_TEXT[failure];
	const message =
		deadlineMs !== undefined
			? text.timedOut(`within the attempt timeout of ${deadlineMs / 1000} s`)
			: `${text.failed}${code ? ` (${code})` : ''}`;
	const etopCode = deadlineMs !== undefined ? 'TIMEOUT' : (code ?? 'NETWORK');
	return withContext(apiError(context, { message }, message, text.hint, etopCode), failureContext(etopCode, failure));
}

/**
 * n8n found no stored file for a binary: `ENOENT` from the file system, `FileNotFoundError`
 * ("File not found") from n8n's binary helpers in filesystem mode.
 */
function isMissingStoredFile(error: unknown): boolean {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	return code === 'ENOENT' || message === 'File not found';
}

/**
 * What reading an item's binary threw, with a missing stored file explained: in queue mode a
 * worker reads the binaries that the main process (or another worker) stored, and in filesystem
 * mode they are on that process's disk unless the storage path is shared.
 */
export function binaryReadError(context: IExecuteSingleFunctions, error: unknown, propertyName: string): unknown {
	if (!isMissingStoredFile(error)) return error;
	return inputError(
		context,
		`the file of the binary field "${propertyName}" is not in this n8n process's binary data storage (filesystem mode, file not found)`,
		"In queue mode the binary was stored by another n8n process: set N8N_DEFAULT_BINARY_DATA_MODE=database on main and every worker (n8n's default in queue mode), or give all of them one shared N8N_BINARY_DATA_STORAGE_PATH.",
	);
}
