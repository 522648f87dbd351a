/**
 * Removes the account's key and secret from text that came back from a server, in whatever
 * encoding a server may echo its request in. n8n masks nothing by value, so anything that
 * reaches a message, an output field or a stored execution must have passed through here.
 *
 * Each character of a secret may appear as itself or encoded, independently of its neighbours
 * (servers escape only some characters): JSON (`\u0073`, `\/`, `\"`), URL/form encoding of its
 * UTF-8 bytes in either case (`%21`, `%e5%9b%be`, `+` for a space), HTML entities (`&#115;`,
 * `&#x73;`, `&amp;`). The secret as base64 text is matched at each of the three byte
 * alignments it can have inside a longer base64 text.
 */

export type Scrub = (text: string) => string;

const MASK = '***';

/** Shorter values would mask ordinary text (a key "1" would hide every 1). */
const MIN_SECRET_LENGTH = 4;

const NAMED_ENTITIES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A case-insensitive pattern for hex digits, without making the whole pattern case-insensitive. */
const hexPattern = (hex: string) => [...hex].map((digit) => (/[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit)).join('');

function characterForms(character: string): string[] {
	const code = character.codePointAt(0)!;
	const forms = [escapeRegex(character)];
	// JSON: \uXXXX (each UTF-16 unit), and the short escapes.
	const units = [...character].length === 1 && code > 0xffff ? [character.charCodeAt(0), character.charCodeAt(1)] : [code];
	forms.push(units.map((unit) => `\\\\u${hexPattern(unit.toString(16).padStart(4, '0'))}`).join(''));
	if (character === '/' || character === '"' || character === '\\') forms.push(`\\\\${escapeRegex(character)}`);
	// URL and form encoding of the UTF-8 bytes; a form encodes a space as +.
	forms.push([...Buffer.from(character, 'utf8')].map((byte) => `%${hexPattern(byte.toString(16).padStart(2, '0'))}`).join(''));
	if (character === ' ') forms.push('\\+');
	// HTML entities, decimal and hexadecimal with optional leading zeros, and the named ones.
	forms.push(`&#0*${code};`, `&#[xX]0*${hexPattern(code.toString(16))};`);
	if (NAMED_ENTITIES[character]) forms.push(`&${NAMED_ENTITIES[character]};`);
	return forms;
}

/**
 * The base64 text that certainly appears when `value` is part of a longer base64-encoded text:
 * for each byte alignment, the digits that depend only on the value's own bytes.
 */
function base64Forms(value: string): string[] {
	const bytes = Buffer.from(value, 'utf8');
	const forms: string[] = [];
	for (let shift = 0; shift < 3; shift++) {
		const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
		const digits = padded.toString('base64').replace(/=+$/, '');
		// Leading digits mix in the unknown bytes before the value; trailing ones the bytes after it.
		const first = Math.ceil((shift * 8) / 6);
		const last = Math.floor((padded.length * 8) / 6);
		const stable = digits.slice(first, last);
		if (stable.length >= MIN_SECRET_LENGTH) forms.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return forms;
}

function secretPattern(value: string): string {
	const encoded = [...value].map((character) => `(?:${characterForms(character).join('|')})`).join('');
	return [encoded, ...base64Forms(value).map(escapeRegex)].join('|');
}

/** A scrubber for these secrets (the credential's key and secret). */
export function makeScrub(secrets: unknown[]): Scrub {
	const values = [...new Set(secrets.filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH))];
	if (values.length === 0) return (text) => text;
	// Longest first, so a secret that contains the key is masked whole.
	values.sort((a, b) => b.length - a.length);
	const pattern = new RegExp(values.map(secretPattern).join('|'), 'g');
	return (text) => text.replace(pattern, MASK);
}
