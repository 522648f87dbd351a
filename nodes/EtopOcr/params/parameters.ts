import { isExpression, type IDataObject, type IExecuteData, type IExecuteSingleFunctions } from 'n8n-workflow';

import { requestedPid } from './documentType';
import {
	DEFAULT_ATTEMPT_TIMEOUT_SECONDS,
	DEFAULT_MAX_CONCURRENCY,
	DEFAULT_MAX_PDF_PAGES,
	DEFAULT_MAX_RETRIES,
	DEFAULT_REMEMBER_IMAGES,
	MAX_ATTEMPT_TIMEOUT_SECONDS,
	MAX_CONCURRENCY_LIMIT,
	MAX_PDF_PAGES_LIMIT,
	MAX_REMEMBER_IMAGES,
	MAX_RETRIES_LIMIT,
} from './limits';
import { inputError } from '../shared/errors';

/**
 * ETOP's limit for requestId. It is counted in UTF-8 bytes, the stricter of the two ways a Java
 * servlet can count it (UTF-16 units when it decodes the form as UTF-8, bytes when it falls back
 * to ISO-8859-1): an ID within it is accepted either way. ASCII IDs are not affected.
 */
export const MAX_REQUEST_ID_BYTES = 255;

export type InputType = 'binary' | 'url' | 'base64';

/** Options → Field Names. */
export type FieldNaming = 'english' | 'asReturned';

/** How the fields of a document are named and whether their values are normalized (output/shapeFields.ts). */
export interface ShapeSettings {
	naming: FieldNaming;
	normalize: boolean;
}

/** How answers become output items (output/formatOutput.ts). */
export interface OutputSettings extends ShapeSettings {
	simplify: boolean;
	oneItemPerDocument: boolean;
	/** Return Field Positions: `fieldPositions` is there only then, and always then (empty if none came). */
	positions: boolean;
	/** Return Cropped Images: crops become binary properties; otherwise they are dropped. */
	crops: boolean;
	includeInputFields: boolean;
	/** Options → Include Input Binary (output/passThrough.ts). */
	includeInputBinary: boolean;
}

/** Everything the node reads from its parameters for one item, read and checked at once. */
export interface NodeParameters {
	/** The product (see documentType.ts). */
	pid: number;
	maxConcurrency: number;
	maxRetries: number;
	/** Options → Retry Calls That May Be Billed (see retryPolicy.ts). */
	retryMaybeBilled: boolean;
	/** Total time of one attempt: Options → Attempt Timeout, or Request Options → Timeout if that is shorter. */
	attemptTimeoutMs: number;
	simplify: boolean;
	/** Options → Reuse Connections (see transport/connection.ts). */
	reuseConnections: boolean;
	/** Input Binary Fields, PDFs, files that are not images, images already read. */
	images: ImageSettings;
	output: OutputSettings;
}

/** Input Binary Fields, the PDF options and what becomes of images that are not sent (see transport/itemImages.ts). */
export interface ImageSettings {
	inputType: InputType;
	/** Options → Send File As → Multipart Upload. */
	multipart: boolean;
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

/** Reads one parameter of the item; `varies` tells whether any parameter read so far held an expression. */
interface ParameterReader {
	(name: string, fallback: unknown): unknown;
	varies: boolean;
}

/**
 * The parameter as stored in the workflow when it holds no expression: then it is the same for
 * every item, and evaluating it (n8n's getNodeParameter copies it and checks it against the
 * node's description, ~0.1 ms a call) gives the stored value again. A parameter with an
 * expression anywhere in it (a whole collection, or one option of it) is evaluated for this item.
 * The stored value is the workflow's own: read it, never change it.
 */
function parameterReader(context: IExecuteSingleFunctions): ParameterReader {
	const read: ParameterReader = Object.assign(
		(name: string, fallback: unknown) => {
			const stored = context.getNodeParameter(name, fallback, { rawExpressions: true });
			if (!holdsExpression(stored)) return stored;
			read.varies = true;
			return context.getNodeParameter(name, fallback);
		},
		{ varies: false },
	);
	return read;
}

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (value === null || typeof value !== 'object') return false;
	return Object.values(value).some(holdsExpression);
}

/** One parameter of the item (see parameterReader), for the reads that must not fail on other parameters' problems. */
export function nodeParameter(context: IExecuteSingleFunctions, name: string, fallback: unknown): unknown {
	return parameterReader(context)(name, fallback);
}

/** Input: anything but Binary File and Image URL is read as Base64 Text. */
function inputTypeOf(value: unknown): InputType {
	return value === 'binary' || value === 'url' ? value : 'base64';
}

function readImageSettings(read: ParameterReader, context: IExecuteSingleFunctions, inputType: InputType, options: IDataObject, simplify: boolean): ImageSettings {
	return {
		inputType,
		multipart: options.uploadMethod === 'mfile',
		binaryFields: inputType === 'binary' ? String(read('binaryPropertyName', 'data') ?? '') : '',
		readPdfs: options.readScannedPdfs !== false,
		maxPdfPages: wholeNumber(context, options.maxPdfPages, { label: 'Options → Max PDF Pages', min: 1, max: MAX_PDF_PAGES_LIMIT, fallback: DEFAULT_MAX_PDF_PAGES }),
		nonImageFiles: options.nonImageFiles === 'skip' ? 'skip' : 'error',
		skipAlreadyRead: options.skipAlreadyRead === true,
		alreadyReadOutput: options.alreadyReadOutput === 'drop' ? 'drop' : 'item',
		rememberImages: wholeNumber(context, options.rememberImages, { label: 'Options → Remember at Most', min: 1, max: MAX_REMEMBER_IMAGES, fallback: DEFAULT_REMEMBER_IMAGES }),
		simplify,
	};
}

function readOutputSettings(options: IDataObject, simplify: boolean): OutputSettings {
	return {
		simplify,
		naming: (options.fieldNames ?? 'english') as FieldNaming,
		// On unless turned off: an option not added to the collection is on.
		normalize: options.normalizeValues !== false,
		oneItemPerDocument: options.oneItemPerDocument === true,
		positions: options.returnPositions === true,
		crops: options.returnCroppedImages === true,
		includeInputFields: options.includeInputFields === true,
		includeInputBinary: options.includeInputBinary === true,
	};
}

function readAll(context: IExecuteSingleFunctions, read: ParameterReader): NodeParameters {
	const options = read('options', {}) as IDataObject;
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
	const idleTimeout = Number((read('requestOptions', {}) as IDataObject).timeout);
	const attemptTimeoutMs = idleTimeout > 0 ? Math.min(attemptTimeoutSeconds * 1000, idleTimeout) : attemptTimeoutSeconds * 1000;
	checkRequestId(context, options);
	const simplify = read('simplify', true) === true;
	const inputType = inputTypeOf(read('inputType', undefined));
	return {
		pid: requestedPid(context, read),
		maxConcurrency,
		maxRetries,
		retryMaybeBilled: options.retryMaybeBilled === true,
		attemptTimeoutMs,
		simplify,
		reuseConnections: options.reuseConnections !== false,
		images: readImageSettings(read, context, inputType, options, simplify),
		output: readOutputSettings(options, simplify),
	};
}

/**
 * The parameters of one run, when none holds an expression: the same for every item. Keyed on
 * the run's `executeData`, which n8n's RoutingNode hands every item of a run (as
 * transport/runState.ts does).
 */
const runWide = new WeakMap<IExecuteData, NodeParameters>();

/**
 * Reads and checks the parameters of the current item: once per run when no parameter holds an
 * expression, else for each item (an expression may give each item its own value). Throws an
 * input error (nothing is sent) naming the item, the parameter and the fix when one is not usable.
 */
export function readParameters(context: IExecuteSingleFunctions): NodeParameters {
	const run = context.getExecuteData();
	const known = runWide.get(run);
	if (known) return known;
	const read = parameterReader(context);
	const parameters = readAll(context, read);
	if (read.varies) return parameters;
	// Shared by the run's items: frozen, so that no item can change another's.
	Object.freeze(parameters.images);
	Object.freeze(parameters.output);
	runWide.set(run, Object.freeze(parameters));
	return parameters;
}

/** Where an item's image came from, by the parameters (for error items: read even when other parameters are not usable). */
export interface ParameterSource extends IDataObject {
	binaryName: string | null;
	imageUrl: string | null;
}

/** What an error item needs from the parameters; never throws on a parameter the item could not use. */
export function readErrorItemParameters(context: IExecuteSingleFunctions): { source: ParameterSource; includeInputBinary: boolean } {
	const read = parameterReader(context);
	const includeInputBinary = (read('options', {}) as IDataObject).includeInputBinary === true;
	const inputType = read('inputType', 'binary');
	if (inputType === 'url') {
		const url = read('imageUrl', '');
		return { source: { binaryName: null, imageUrl: typeof url === 'string' ? url.trim() : null }, includeInputBinary };
	}
	const binaryName = inputType === 'binary' ? String(read('binaryPropertyName', 'data')) : null;
	return { source: { binaryName, imageUrl: null }, includeInputBinary };
}

/** Image URL or Base64 Data of the item; an expression that resolves to nothing counts as empty, not "undefined". */
export function readTextInput(context: IExecuteSingleFunctions, name: 'imageUrl' | 'base64Data'): string {
	const value = nodeParameter(context, name, '');
	return value === undefined || value === null ? '' : String(value);
}
