import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { responseError, serviceError } from './errors';
import { redactCredentials } from './redact';

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 160);

/** Deeper than any ETOP body (they nest about 8 levels); the output code walks bodies recursively. */
const MAX_DEPTH = 100;

/** A JSON string (skipped as a whole, so digits inside it are never touched) or a JSON number. */
const JSON_TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** A decimal number as sign, significant digits and exponent, so that 1.50, 15e-1 and 1.5 compare equal. */
function decimalValue(text: string): string | undefined {
	const match = NUMBER.exec(text);
	if (!match) return undefined;
	const [, sign, whole, fraction = '', exponent = '0'] = match;
	let digits = (whole + fraction).replace(/^0+/, '');
	if (digits === '') return '0';
	let power = Number(exponent) - fraction.length;
	const trailing = /0*$/.exec(digits)![0].length;
	digits = digits.slice(0, digits.length - trailing);
	power += trailing;
	return `${sign}${digits}e${power}`;
}

/**
 * Numbers that a JavaScript number cannot hold exactly (an 18- or 20-digit ID or invoice number,
 * 1e400) are kept as their text, so no digit of a recognised value is silently changed.
 */
function parsePreservingNumbers(text: string): unknown {
	const parsed: unknown = JSON.parse(text);
	// Quick test first: only long digit runs and exponents can lose anything.
	if (!/[0-9.]{16}|[0-9][eE]/.test(text)) return parsed;
	const exact = text.replace(JSON_TOKENS, (token) =>
		token.startsWith('"') || decimalValue(token) === decimalValue(String(Number(token))) ? token : `"${token}"`,
	);
	return JSON.parse(exact);
}

function nestedTooDeep(root: unknown): boolean {
	const stack: Array<[unknown, number]> = [[root, 0]];
	while (stack.length) {
		const [value, depth] = stack.pop()!;
		if (value === null || typeof value !== 'object') continue;
		if (depth >= MAX_DEPTH) return true;
		for (const child of Object.values(value)) stack.push([child, depth + 1]);
	}
	return false;
}

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
	// A UTF-8 byte order mark is not JSON, but Java and Windows servers put one in front of it.
	const text = (await redactCredentials(this, raw)).replace(/^\uFEFF/, '');

	if (status < 200 || status >= 300) {
		const what = htmlTitle(text) ?? snippet(text);
		const location = status >= 300 && status < 400 ? response.headers?.location : undefined;
		throw responseError(
			this,
			status,
			`ETOP answered HTTP ${status}${what ? `: ${what}` : ''}`,
			status >= 500 || status === 429
				? 'The service is overloaded or down. Try again later; the item was retried as far as Max Retries allows.'
				: typeof location === 'string'
					? `The Endpoint redirects to ${snippet(location)}. Set that address as the Endpoint in the ETOP credential (a redirected upload loses its image).`
					: 'Check the Endpoint in the ETOP credential: it must be the recognition servlet URL.',
		);
	}
	if (text.trim() === '') {
		throw responseError(this, status, 'ETOP answered with an empty body', 'Try again later; if it persists, contact ETOP support.');
	}
	let body: unknown;
	try {
		body = parsePreservingNumbers(text);
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
	if (nestedTooDeep(body)) {
		throw responseError(
			this,
			status,
			`ETOP answered with JSON nested more than ${MAX_DEPTH} levels deep`,
			'This is not an ETOP result. Check the Endpoint in the ETOP credential; if it is right, contact ETOP support.',
		);
	}
	const json = body as IDataObject;
	if (json.ErrorCode === undefined || json.ErrorCode === null) {
		throw responseError(this, status, 'ETOP answered without an ErrorCode', 'Check the Endpoint in the ETOP credential.');
	}
	const code = typeof json.ErrorCode === 'string' || typeof json.ErrorCode === 'number' ? String(json.ErrorCode).trim() : '';
	if (!/^-?\d+$/.test(code)) {
		throw responseError(
			this,
			status,
			`ETOP answered with an ErrorCode that is not a number: ${snippet(JSON.stringify(json.ErrorCode))}`,
			'Check the Endpoint in the ETOP credential: it must be the recognition servlet URL.',
		);
	}
	if (code !== '0') {
		const message = json.ErrorMessage ?? json.errorMessage ?? json.message ?? json.Message;
		throw serviceError(this, code, typeof message === 'string' ? snippet(message) : undefined);
	}
	return [{ json }];
}
