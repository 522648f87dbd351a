import {
	sleep,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { requestedPid } from '../input/documentType';
import { readImage, type ImagePayload } from '../input/readImage';
import { inputError, isRetryable, transportError } from '../output/errors';
import { connectTo } from './connection';
import { DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_RETRIES } from './defaults';
import { isHttpEndpoint } from './endpoint';
import { formBody } from './formBody';
import { retryDelay } from './retryDelay';
import { getRunState } from './runState';

const MAX_REQUEST_ID_LENGTH = 255;

/** The form fields routing collected, without the unset ones (unset options are not sent). */
function formFields(body: unknown): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [name, value] of Object.entries((body ?? {}) as IDataObject)) {
		if (value !== undefined && value !== null && value !== '') fields[name] = String(value);
	}
	return fields;
}

function checkRequest(context: IExecuteSingleFunctions, url: unknown, fields: Record<string, string>) {
	if (!isHttpEndpoint(url)) {
		throw inputError(
			context,
			'the Endpoint of the ETOP credential is not an http or https URL',
			'Open the ETOP OCR credential and set Endpoint to e.g. https://www.etoplive.com/ocr/PageOcrServlet.',
		);
	}
	const requestId = fields.requestId ?? '';
	if (requestId.length > MAX_REQUEST_ID_LENGTH) {
		throw inputError(
			context,
			`Request ID is ${requestId.length} characters long, over ETOP's limit of ${MAX_REQUEST_ID_LENGTH}`,
			'Shorten Options → Request ID (e.g. map an id instead of a whole text).',
		);
	}
}

/** Adds the image to the request: a url-encoded body with the image field, or a multipart body. */
async function withImage(
	requestData: DeclarativeRestApiSettings.ResultOptions,
	fields: Record<string, string>,
	image: ImagePayload,
): Promise<DeclarativeRestApiSettings.ResultOptions> {
	// No redirects: axios then sends through plain http instead of follow-redirects, which keeps
	// a copy of every body chunk for a replay and cost about 0.3 ms of CPU per call. A redirected
	// POST loses its body anyway; the 3xx answer is reported with where it points.
	const options = { ...requestData.options, disableFollowRedirect: true };
	if (image.source === 'mfile') {
		const form = new FormData();
		for (const [name, value] of Object.entries(fields)) form.append(name, value);
		form.append('mfile', image.blob, image.fileName);
		// axios sets multipart/form-data with its boundary once the url-encoded default is gone.
		const headers = { ...(options.headers ?? {}) };
		delete headers['Content-Type'];
		return { ...requestData, options: { ...options, headers, body: form } };
	}
	return { ...requestData, options: { ...options, body: await formBody(fields, image) } };
}

async function sendWithRetries(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	maxRetries: number,
): Promise<{ items: INodeExecutionData[]; attempts: number }> {
	const cancelled = () => context.getExecutionCancelSignal()?.aborted === true;
	for (let attempt = 1; ; attempt++) {
		try {
			return { items: await context.makeRoutingRequest(requestData), attempts: attempt };
		} catch (caught) {
			const error = transportError(context, caught);
			if (!isRetryable(error) || attempt > maxRetries || cancelled()) {
				error.context.attempts = attempt;
				throw error;
			}
			await sleep(retryDelay(attempt));
		}
	}
}

/**
 * The per-item request hook (declarative `routing.operations.pagination`, which n8n hands the
 * whole request of one item). n8n starts every item at once; here each item waits for a slot,
 * reads its image only then, is retried on transient failures, and is not sent at all once an
 * earlier item has failed and the node is going to stop. Every item it returns is paired.
 */
export async function sendOcrRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const pairedItem = { item: itemIndex };
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const state = getRunState(this, Number(options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY));
	const maxRetries = Number(options.maxRetries ?? DEFAULT_MAX_RETRIES);

	await state.limiter.acquire();
	try {
		if (state.stopped) {
			throw inputError(
				this,
				'not sent, because an earlier item failed and the node stops on errors',
				'Fix the earlier item, or set Settings → On Error to continue so that every item is tried.',
			);
		}
		const url = await state.endpoint;
		const fields = { pid: String(requestedPid(this)), ...formFields(requestData.options.body) };
		checkRequest(this, url, fields);
		const image = await readImage(this);
		const request = await withImage({ ...requestData, options: connectTo(requestData.options, url, options.reuseConnections !== false) }, fields, image);
		const { items, attempts } = await sendWithRetries(this, request, maxRetries);
		// Only the simplified output has the node's meta block; with Simplify off, `meta` would be
		// whatever the body holds under that name (a number made this throw).
		const simplified = this.getNodeParameter('simplify', true) === true;
		return items.map((item) => {
			const meta = item.json.meta;
			if (simplified && meta && typeof meta === 'object') (meta as IDataObject).attempts = attempts;
			return { ...item, pairedItem };
		});
	} catch (caught) {
		const error = transportError(this, caught);
		if (!this.continueOnFail()) {
			state.stopped = true;
			throw error;
		}
		// n8n replaces the JSON of an item that carries `error` with { error: message } anyway.
		return [{ json: { error: error.message }, error, pairedItem }];
	} finally {
		state.limiter.release();
	}
}
