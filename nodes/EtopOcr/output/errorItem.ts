import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	IPairedItemData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { readErrorItemParameters, type ParameterSource } from '../params/parameters';
import { readContext } from '../shared/errors';
import { matchBinaryFields } from '../input/binaryFields';
import { withInputBinary } from './passThrough';

/**
 * What an item that failed carries, under `error`, for a later step to route on (e.g. a Switch
 * on `{{ $json.error.code }}`) and to tie the failure to its file. It is the item's only member:
 * n8n treats an item whose JSON is just `error` as failed (the error output of "On Error:
 * Continue (using error output)" takes it; Retry On Fail sees it), and an item with the n8n
 * `error` property would have its JSON replaced by the bare message.
 */
export interface ErrorDetails extends IDataObject {
	/** The message the node's error shows, e.g. "ETOP error -3: Not enough remaining calls …". */
	message: string;
	/** The service's ErrorCode ("-3", "19"), "HTTP 502", a network code, or INPUT, TIMEOUT, CANCELED… */
	code: string;
	/** What to do about it. */
	hint: string | null;
	/** Whether the node retries this kind of failure by itself (Max Retries). */
	retryable: boolean;
	/** Whether ETOP may have billed the failed call; false when nothing was sent. */
	mayBeBilled: boolean;
	/** Calls made for the item, retries included (0 when the node refused it before sending). */
	attempts: number;
	/** The input binary field and the file it held; null for Image URL and Base64 Text input. */
	binaryName: string | null;
	fileName: string | null;
	/** The Image URL input, else null. */
	imageUrl: string | null;
}

/**
 * Where the failed item's image came from, by the parameters: Input Binary Fields as a list or
 * pattern is matched against the item's fields (as the node read them), so a failure of the
 * whole item names the fields and files it was about; several are joined with ", ".
 */
function sourceOf(context: IExecuteSingleFunctions, { binaryName, imageUrl }: ParameterSource): Pick<ErrorDetails, 'binaryName' | 'fileName' | 'imageUrl'> {
	if (binaryName === null) return { binaryName, fileName: null, imageUrl };
	const binary = context.getInputData().binary ?? {};
	const { names } = matchBinaryFields(binaryName, Object.keys(binary));
	if (names.length === 0) return { binaryName, fileName: null, imageUrl };
	const fileNames = names.map((name) => binary[name].fileName).filter((name): name is string => typeof name === 'string');
	return { binaryName: names.join(', '), fileName: fileNames.length ? fileNames.join(', ') : null, imageUrl };
}

/** The output item for an item that failed with continue-on-fail (or an error output). */
export function errorItem(
	context: IExecuteSingleFunctions,
	error: NodeApiError | NodeOperationError,
	pairedItem: IPairedItemData,
	source: IDataObject = {},
): INodeExecutionData {
	const parameters = readErrorItemParameters(context);
	const known = readContext(error);
	const attempts = (error.context as IDataObject).attempts;
	const details: ErrorDetails = {
		message: error.message,
		code: known?.etopCode ?? 'UNKNOWN',
		hint: error.description ?? null,
		retryable: known?.retryable ?? false,
		mayBeBilled: known?.mayBeBilled ?? true,
		// A problem found before sending (INPUT) made no call, whatever attempt it was found in.
		attempts: known?.etopCode !== 'INPUT' && typeof attempts === 'number' ? attempts : 0,
		// What the parameters say, then what the caller knows of the very image (e.g. a PDF page).
		...sourceOf(context, parameters.source),
		...source,
	};
	return withInputBinary(context, { json: { error: details }, pairedItem }, parameters.includeInputBinary, details.binaryName);
}
