import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { responseError, serviceError } from './errors';
import { redactCredentials } from './redact';

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 160);

function htmlTitle(text: string): string | undefined {
	return /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim() || undefined;
}

/**
 * postReceive: checks that the answer is an ETOP JSON body with ErrorCode "0" and passes the
 * parsed body on; everything else becomes an error that says what came back and what to do.
 */
export async function parseEtopResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const status = response.statusCode;
	const raw = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : String(response.body ?? '');
	const text = await redactCredentials(this, raw);

	if (status < 200 || status >= 300) {
		const what = htmlTitle(text) ?? snippet(text);
		throw responseError(
			this,
			status,
			`ETOP answered HTTP ${status}${what ? `: ${what}` : ''}`,
			status >= 500 || status === 429
				? 'The service is overloaded or down. Try again later; the item was retried as far as Max Retries allows.'
				: 'Check the Endpoint in the ETOP credential: it must be the recognition servlet URL.',
		);
	}
	if (text.trim() === '') {
		throw responseError(this, status, 'ETOP answered with an empty body', 'Try again later; if it persists, contact ETOP support.');
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		const looksHtml = /^\s*</.test(text);
		throw responseError(
			this,
			status,
			looksHtml
				? `ETOP answered with an HTML page instead of JSON${htmlTitle(text) ? `: ${htmlTitle(text)}` : ''}`
				: `ETOP answered with a body that is not valid JSON: "${snippet(text)}"`,
			looksHtml
				? 'Check the Endpoint in the ETOP credential: it must be the recognition servlet URL, not a web page.'
				: 'The answer was cut short or malformed. Try again; if it persists, contact ETOP support.',
		);
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw responseError(this, status, 'ETOP answered with JSON that is not an object', 'Check the Endpoint in the ETOP credential.');
	}
	const json = body as IDataObject;
	if (json.ErrorCode === undefined || json.ErrorCode === null) {
		throw responseError(this, status, 'ETOP answered without an ErrorCode', 'Check the Endpoint in the ETOP credential.');
	}
	const code = String(json.ErrorCode).trim();
	if (code !== '0') {
		const message = json.ErrorMessage ?? json.errorMessage ?? json.message ?? json.Message;
		throw serviceError(this, code, typeof message === 'string' ? message : undefined);
	}
	return [{ json }];
}
