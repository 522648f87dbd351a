import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { responseError, serviceError } from '../shared/errors';
import type { Scrub } from './redact';

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
 * Where a number literal a double may not hold starts: only 16 or more digits and points in a
 * row, or an exponent, can lose anything (15 significant digits always survive).
 */
const LONG_OR_EXPONENT = /[0-9.]{16}|[0-9][eE]/g;

/** Whether the quote at `index` is escaped (an odd number of backslashes before it). */
function isEscaped(text: string, index: number): boolean {
	let backslashes = 0;
	while (text.charCodeAt(index - 1 - backslashes) === 0x5c) backslashes++;
	return backslashes % 2 === 1;
}

/**
 * Whether the JSON text has a long or exponent number literal, i.e. such a run outside its
 * strings (IDs inside strings do not count). Quotes are followed only up to the last run.
 */
function hasLongNumber(text: string): boolean {
	LONG_OR_EXPONENT.lastIndex = 0;
	let inString = false;
	let scanned = 0;
	for (let run = LONG_OR_EXPONENT.exec(text); run; run = LONG_OR_EXPONENT.exec(text)) {
		for (let quote = text.indexOf('"', scanned); quote !== -1 && quote < run.index; quote = text.indexOf('"', scanned)) {
			if (!inString || !isEscaped(text, quote)) inString = !inString;
			scanned = quote + 1;
		}
		if (!inString) return true;
	}
	return false;
}

/**
 * Numbers that a JavaScript number cannot hold exactly (an 18- or 20-digit ID or invoice number,
 * 1e400) are kept as their text, so no digit of a recognised value is silently changed. A text
 * without such a literal (the usual case: ETOP sends IDs as strings) is parsed once; one with it
 * as it is first, so that a text that is not JSON is still refused as such.
 */
export function parsePreservingNumbers(text: string): unknown {
	if (!hasLongNumber(text)) return JSON.parse(text);
	const parsed: unknown = JSON.parse(text);
	const exact = text.replace(JSON_TOKENS, (token) =>
		token.startsWith('"') || decimalValue(token) === decimalValue(String(Number(token))) ? token : `"${token}"`,
	);
	return exact === text ? parsed : JSON.parse(exact);
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

/** `value` with `scrub` applied to every string in it, member names included (in place; `__proto__` members kept as members). */
function scrubStrings(value: unknown, scrub: Scrub): unknown {
	if (typeof value === 'string') return scrub(value);
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) value[index] = scrubStrings(value[index], scrub);
		return value;
	}
	const object = value as Record<string, unknown>;
	for (const name of Object.keys(object)) {
		const child = scrubStrings(object[name], scrub);
		const scrubbedName = scrub(name);
		if (scrubbedName !== name) delete object[name];
		Object.defineProperty(object, scrubbedName, { value: child, writable: true, enumerable: true, configurable: true });
	}
	return object;
}

function htmlTitle(text: string): string | undefined {
	return /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim() || undefined;
}

/**
 * A Retry-After header (seconds or an HTTP date) in milliseconds from `now`; undefined when
 * absent or unreadable. Never negative.
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	if (/^\s*\d+\s*$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** One HTTP answer as read off the wire: status, headers and the (decompressed) body bytes. */
export interface EtopAnswer {
	statusCode: number;
	headers: Record<string, unknown>;
	body: Buffer;
}

function header(answer: EtopAnswer, name: string): string | undefined {
	const value = answer.headers[name] ?? answer.headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first : undefined;
}

/** The charset the answer declares (Content-Type), UTF-8 when it declares none (JSON's default). */
function declaredCharset(answer: EtopAnswer): string {
	const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header(answer, 'content-type') ?? '');
	return match ? match[1] : 'utf-8';
}

/**
 * The body as text, decoded by the charset the server declared (GBK and GB18030 are common in
 * China). Bytes that are not valid in that charset are an error rather than replacement
 * characters, which would silently change a recognised value.
 */
function decodeBody(context: IExecuteSingleFunctions, answer: EtopAnswer, scrub: Scrub): string {
	const charset = declaredCharset(answer);
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(charset, { fatal: true });
	} catch {
		throw responseError(
			context,
			answer.statusCode,
			`ETOP answered in a character set the node cannot read: ${snippet(scrub(charset))}`,
			'Check the Endpoint in the ETOP credential; an ETOP service answers in UTF-8 or GBK.',
		);
	}
	try {
		// TextDecoder drops a byte order mark, which Java and Windows servers put in front of JSON.
		return decoder.decode(answer.body);
	} catch {
		throw responseError(
			context,
			answer.statusCode,
			`ETOP answered with bytes that are not valid ${decoder.encoding.toUpperCase()} text`,
			'The answer is damaged or declares the wrong charset, so its text cannot be trusted. Try again; if it persists, contact ETOP support.',
		);
	}
}

/**
 * Checks that the answer is an ETOP JSON body with ErrorCode "0" and returns the parsed body;
 * everything else becomes an error that says what came back and what to do. The key and secret
 * are scrubbed from the decoded text before anything is taken from it.
 */
export function parseEtopAnswer(context: IExecuteSingleFunctions, answer: EtopAnswer, scrub: Scrub): IDataObject {
	const status = answer.statusCode;
	const decoded = decodeBody(context, answer, scrub);
	const text = scrub(decoded);

	if (status < 200 || status >= 300) {
		const what = htmlTitle(text) ?? snippet(text);
		const location = status >= 300 && status < 400 ? header(answer, 'location') : undefined;
		const busy = status === 429 || status === 503;
		const retryAfterMs = busy ? parseRetryAfter(header(answer, 'retry-after')) : undefined;
		const asked = retryAfterMs === undefined ? '' : ` The service asked to wait ${Math.round(retryAfterMs / 1000)} s.`;
		throw responseError(
			context,
			status,
			`ETOP answered HTTP ${status}${what ? `: ${what}` : ''}`,
			busy
				? `The service is overloaded.${asked} Try again later; the item was retried as far as Max Retries allows, after the pause the service asked for (up to a minute).`
				: status >= 500
					? 'The service or a gateway in front of it failed. Try again later; the call may be billed, so it was not retried unless Retry Calls That May Be Billed is on.'
					: location !== undefined
						? `The Endpoint redirects to ${snippet(scrub(location))}. Set that address as the Endpoint in the ETOP credential (a redirected upload loses its image).`
						: 'Check the Endpoint in the ETOP credential: it must be the recognition servlet URL.',
			retryAfterMs,
		);
	}
	if (text.trim() === '') {
		throw responseError(context, status, 'ETOP answered with an empty body', 'Try again later; if it persists, contact ETOP support.');
	}
	let body: unknown;
	try {
		body = parsePreservingNumbers(text);
	} catch {
		const looksHtml = /^\s*</.test(text);
		throw responseError(
			context,
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
		throw responseError(context, status, 'ETOP answered with JSON that is not an object', 'Check the Endpoint in the ETOP credential.');
	}
	if (nestedTooDeep(body)) {
		throw responseError(
			context,
			status,
			`ETOP answered with JSON nested more than ${MAX_DEPTH} levels deep`,
			'This is not an ETOP result. Check the Endpoint in the ETOP credential; if it is right, contact ETOP support.',
		);
	}
	// Once more on the parsed strings: JSON escapes can hide an encoded secret from the pass on the
	// text. Without a backslash every parsed string is a piece of the text as it came, in which
	// the pass found nothing: scrubbing them would change nothing.
	const json = (decoded === text && !text.includes('\\') ? body : scrubStrings(body, scrub)) as IDataObject;
	if (json.ErrorCode === undefined || json.ErrorCode === null) {
		throw responseError(context, status, 'ETOP answered without an ErrorCode', 'Check the Endpoint in the ETOP credential.');
	}
	const code = typeof json.ErrorCode === 'string' || typeof json.ErrorCode === 'number' ? String(json.ErrorCode).trim() : '';
	if (!/^-?\d+$/.test(code)) {
		throw responseError(
			context,
			status,
			`ETOP answered with an ErrorCode that is not a number: ${snippet(JSON.stringify(json.ErrorCode))}`,
			'Check the Endpoint in the ETOP credential: it must be the recognition servlet URL.',
		);
	}
	if (code !== '0') {
		const message = json.ErrorMessage ?? json.errorMessage ?? json.message ?? json.Message;
		throw serviceError(context, code, typeof message === 'string' ? snippet(message) : undefined);
	}
	return json;
}
