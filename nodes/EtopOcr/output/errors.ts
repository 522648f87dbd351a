import {
	NodeApiError,
	NodeOperationError,
	type IExecuteSingleFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { describeErrorCode } from '../data/errorCodes';

/** HTTP statuses that mean "the service is overloaded or restarting": worth another try. */
const TRANSIENT_HTTP_STATUSES = ['429', '502', '503', '504'];

/** Socket-level failures that say nothing about the request itself. */
const TRANSIENT_NETWORK_CODES = [
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
];

export interface EtopErrorContext {
	/** The service's ErrorCode, an HTTP status ("HTTP 502") or a network code. */
	etopCode: string;
	retryable: boolean;
}

function withContext<T extends NodeApiError | NodeOperationError>(error: T, context: EtopErrorContext): T {
	Object.assign(error.context, context);
	return error;
}

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

export function isRetryable(error: unknown): boolean {
	return readContext(error)?.retryable === true;
}

/** A problem the node sees before sending anything: no call is made, nothing is billed. */
export function inputError(
	context: IExecuteSingleFunctions,
	message: string,
	fix: string,
): NodeOperationError {
	const itemIndex = context.getItemIndex();
	return withContext(
		new NodeOperationError(context.getNode(), `Item ${itemIndex}: ${message}`, {
			itemIndex,
			description: `${fix} No request was sent to ETOP for this item.`,
		}),
		{ etopCode: 'INPUT', retryable: false },
	);
}

/** A non-zero ErrorCode, explained from the error table. */
export function serviceError(
	context: IExecuteSingleFunctions,
	code: string,
	serviceMessage: string | undefined,
): NodeApiError {
	const info = describeErrorCode(code);
	const said = serviceMessage && serviceMessage !== info.messageZh ? ` The service said: "${serviceMessage}".` : '';
	const hint = /[.!?]$/.test(info.hint) ? info.hint : `${info.hint}.`;
	const zh = info.messageZh ? ` (${info.messageZh})` : '';
	return withContext(
		apiError(context, { ErrorCode: code, message: info.message }, `ETOP error ${code}: ${info.message}${zh}`, `${hint}${said}`, '200'),
		{ etopCode: code, retryable: info.transient },
	);
}

/** The answer was not a usable ETOP JSON body (HTTP error, HTML page, empty, cut JSON). */
export function responseError(
	context: IExecuteSingleFunctions,
	status: number,
	message: string,
	hint: string,
): NodeApiError {
	const httpCode = String(status);
	return withContext(apiError(context, { message }, message, hint, httpCode), {
		etopCode: `HTTP ${httpCode}`,
		retryable: TRANSIENT_HTTP_STATUSES.includes(httpCode),
	});
}

const ERROR_CODE = /^(E[A-Z_]{2,}|ERR_[A-Z_]+|UND_ERR_[A-Z_]+)$/;

interface Thrown {
	code?: unknown;
	httpCode?: unknown;
	message?: unknown;
	messages?: unknown;
	cause?: unknown;
}

/**
 * The socket or axios code of a failed call and every message it carried. n8n wraps the axios
 * error in a NodeApiError that keeps the code only in `httpCode`, replaces the message with a
 * generic text and keeps the original in `messages`, and (n8n-core 2.x) drops `cause`.
 */
function describeThrown(error: unknown): { code?: string; text: string } {
	let code: string | undefined;
	const texts: string[] = [];
	for (let current = error as Thrown | undefined, depth = 0; current && depth < 5; depth++) {
		for (const candidate of [current.code, current.httpCode]) {
			if (code === undefined && typeof candidate === 'string' && ERROR_CODE.test(candidate)) code = candidate;
		}
		if (typeof current.message === 'string') texts.push(current.message);
		if (Array.isArray(current.messages)) texts.push(...current.messages.filter((text): text is string => typeof text === 'string'));
		current = current.cause as Thrown | undefined;
	}
	return { code, text: texts.join(' | ') };
}

/**
 * Turns whatever the HTTP layer threw into a clean error. The original is not attached: axios
 * errors hold the request, and the request holds the key and secret.
 */
export function transportError(context: IExecuteSingleFunctions, error: unknown): NodeApiError {
	if (readContext(error)) return error as NodeApiError;
	const { code, text } = describeThrown(error);
	const timedOut = /\btimeout\b|timed out|ETIMEDOUT|ESOCKETTIMEDOUT/i.test(`${code ?? ''} ${text}`);
	// The answer had begun (HTTP 200 and part of the body) when the connection closed: the
	// service has done the work and most likely billed it, so this is not retried.
	const cutShort = !timedOut && (code === 'ERR_BAD_RESPONSE' || /stream has been aborted/i.test(text));
	let message: string;
	let hint: string;
	if (timedOut) {
		message = 'The ETOP service did not answer in time';
		hint = 'Try again later, or raise Request Options → Timeout for large images; the item was retried as far as Max Retries allows.';
	} else if (cutShort) {
		message = 'The answer of the ETOP service was cut short';
		hint = 'The connection closed while the result was arriving. The call may already be billed, so it was not retried; run the item again if you need it.';
	} else if (code) {
		message = `The connection to the ETOP service failed (${code})`;
		hint = 'Check the Endpoint in the ETOP credential and the network; the item was retried as far as Max Retries allows.';
	} else {
		message = `The ETOP call failed: ${text.replace(/\s+/g, ' ').slice(0, 160) || 'unknown error'}`;
		hint = 'This is not an answer of the ETOP service. If it persists, report it with the workflow.';
	}
	const etopCode = cutShort ? 'CUT_SHORT' : (code ?? (timedOut ? 'TIMEOUT' : 'UNKNOWN'));
	return withContext(apiError(context, { message }, message, hint, 'none'), {
		etopCode,
		retryable: timedOut || (!cutShort && code !== undefined && TRANSIENT_NETWORK_CODES.includes(code)),
	});
}
