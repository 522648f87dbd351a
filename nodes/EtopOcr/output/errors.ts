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
	'ERR_BAD_RESPONSE',
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

function networkCode(error: unknown): string | undefined {
	for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/**
 * Turns whatever the HTTP layer threw into a clean error. The original is not attached: axios
 * errors hold the request, and the request holds the key and secret.
 */
export function transportError(context: IExecuteSingleFunctions, error: unknown): NodeApiError {
	if (readContext(error)) return error as NodeApiError;
	const code = networkCode(error) ?? 'UNKNOWN';
	const timedOut = /timeout|ETIMEDOUT|ESOCKETTIMEDOUT/i.test(`${code} ${(error as Error)?.message ?? ''}`);
	const message = timedOut
		? 'The ETOP service did not answer in time'
		: `The connection to the ETOP service failed (${code})`;
	const hint = timedOut
		? 'Try again later, or raise Request Options → Timeout for large images.'
		: 'Check the Endpoint in the ETOP credential and the network; the item was retried as far as Max Retries allows.';
	return withContext(apiError(context, { message }, message, hint, 'none'), {
		etopCode: code,
		retryable: timedOut || TRANSIENT_NETWORK_CODES.includes(code),
	});
}
