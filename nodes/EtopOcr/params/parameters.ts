import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { requestedPid } from './documentType';
import { DEFAULT_MAX_PDF_PAGES, DEFAULT_REMEMBER_IMAGES, MAX_PDF_PAGES_LIMIT, MAX_REMEMBER_IMAGES } from './limits';
import { inputError } from '../shared/errors';
import {
	DEFAULT_ATTEMPT_TIMEOUT_SECONDS,
	DEFAULT_MAX_CONCURRENCY,
	DEFAULT_MAX_RETRIES,
	MAX_ATTEMPT_TIMEOUT_SECONDS,
	MAX_CONCURRENCY_LIMIT,
	MAX_RETRIES_LIMIT,
} from './limits';

/**
 * ETOP's limit for requestId. It is counted in UTF-8 bytes, the stricter of the two ways a Java
 * servlet can count it (UTF-16 units when it decodes the form as UTF-8, bytes when it falls back
 * to ISO-8859-1): an ID within it is accepted either way. ASCII IDs are not affected.
 */
export const MAX_REQUEST_ID_BYTES = 255;

/** Everything the per-item hook needs from the node's parameters, read and checked once per item. */
export interface HookParameters {
	/** The product (see documentType.ts). */
	pid: number;
	maxConcurrency: number;
	maxRetries: number;
	/** Options → Retry Calls That May Be Billed (see retryPolicy.ts). */
	retryMaybeBilled: boolean;
	/** Total time of one attempt: Options → Attempt Timeout, or Request Options → Timeout if that is shorter. */
	attemptTimeoutMs: number;
	simplify: boolean;
	/** Options → Reuse Connections (see connection.ts). */
	reuseConnections: boolean;
	/** Input Binary Fields, PDFs, files that are not images, images already read (see itemImages.ts). */
	images: ImageSettings;
}

/** Input Binary Fields, the PDF options and what becomes of images that are not sent (see transport/itemImages.ts). */
export interface ImageSettings {
	/** Input Binary Fields as typed: a name, a list or patterns. */
	binaryFields: string;
	readPdfs: boolean;
	maxPdfPages: number;
	nonImageFiles: 'error' | 'skip';
	skipAlreadyRead: boolean;
	alreadyReadOutput: 'item' | 'drop';
	rememberImages: number;
	simplify: boolean;
}

interface NumberRule {
	label: string;
	min: number;
	max: number;
	fallback: number;
}

/**
 * A whole number within the option's range. Anything else (0 where 1 is the least, negative, not
 * a number, a fraction, beyond the range) is refused with the option's name: a value the UI
 * would not allow can still come from an expression or an imported workflow, and used as it is
 * it admitted no item or retried without end.
 */
function wholeNumber(context: IExecuteSingleFunctions, value: unknown, rule: NumberRule): number {
	if (value === undefined || value === null || value === '') return rule.fallback;
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
	if (!Number.isInteger(number) || number < rule.min || number > rule.max) {
		throw inputError(
			context,
			`${rule.label} is ${JSON.stringify(value).slice(0, 40)}, not a whole number from ${rule.min} to ${rule.max}`,
			`Set ${rule.label} to a whole number from ${rule.min} to ${rule.max}, or remove it to use the default (${rule.fallback}).`,
		);
	}
	return number;
}

function checkRequestId(context: IExecuteSingleFunctions, options: IDataObject): void {
	const requestId = options.requestId === undefined || options.requestId === null ? '' : String(options.requestId);
	const bytes = Buffer.byteLength(requestId, 'utf8');
	if (bytes > MAX_REQUEST_ID_BYTES) {
		throw inputError(
			context,
			`Options → Request ID is ${bytes} bytes long (UTF-8), over ETOP's limit of ${MAX_REQUEST_ID_BYTES}`,
			'Shorten Options → Request ID (e.g. map an id instead of a whole text); a Chinese character counts as 3 bytes.',
		);
	}
}

function readImageSettings(context: IExecuteSingleFunctions, options: IDataObject, simplify: boolean): ImageSettings {
	const binary = context.getNodeParameter('inputType') === 'binary';
	return {
		binaryFields: binary ? String(context.getNodeParameter('binaryPropertyName', 'data') ?? '') : '',
		readPdfs: options.readScannedPdfs !== false,
		maxPdfPages: wholeNumber(context, options.maxPdfPages, { label: 'Options → Max PDF Pages', min: 1, max: MAX_PDF_PAGES_LIMIT, fallback: DEFAULT_MAX_PDF_PAGES }),
		nonImageFiles: options.nonImageFiles === 'skip' ? 'skip' : 'error',
		skipAlreadyRead: options.skipAlreadyRead === true,
		alreadyReadOutput: options.alreadyReadOutput === 'drop' ? 'drop' : 'item',
		rememberImages: wholeNumber(context, options.rememberImages, { label: 'Options → Remember at Most', min: 1, max: MAX_REMEMBER_IMAGES, fallback: DEFAULT_REMEMBER_IMAGES }),
		simplify,
	};
}

/**
 * Reads and checks the parameters of the current item. Throws an input error (nothing is sent)
 * naming the parameter when one is not usable.
 */
export function readParameters(context: IExecuteSingleFunctions): HookParameters {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const maxConcurrency = wholeNumber(context, options.maxConcurrency, {
		label: 'Options → Max Concurrent Requests',
		min: 1,
		max: MAX_CONCURRENCY_LIMIT,
		fallback: DEFAULT_MAX_CONCURRENCY,
	});
	const maxRetries = wholeNumber(context, options.maxRetries, {
		label: 'Options → Max Retries',
		min: 0,
		max: MAX_RETRIES_LIMIT,
		fallback: DEFAULT_MAX_RETRIES,
	});
	const attemptTimeoutSeconds = wholeNumber(context, options.attemptTimeout, {
		label: 'Options → Attempt Timeout (Seconds)',
		min: 1,
		max: MAX_ATTEMPT_TIMEOUT_SECONDS,
		fallback: DEFAULT_ATTEMPT_TIMEOUT_SECONDS,
	});
	// n8n's own Request Options → Timeout (an idle timeout for the socket) also caps the attempt
	// when the user set it shorter; n8n treats anything but a positive number as unset.
	const idleTimeout = Number((context.getNodeParameter('requestOptions', {}) as IDataObject).timeout);
	const attemptTimeoutMs = idleTimeout > 0 ? Math.min(attemptTimeoutSeconds * 1000, idleTimeout) : attemptTimeoutSeconds * 1000;
	checkRequestId(context, options);
	const simplify = context.getNodeParameter('simplify', true) === true;
	return {
		pid: requestedPid(context),
		maxConcurrency,
		maxRetries,
		retryMaybeBilled: options.retryMaybeBilled === true,
		attemptTimeoutMs,
		simplify,
		reuseConnections: options.reuseConnections !== false,
		images: readImageSettings(context, options, simplify),
	};
}
