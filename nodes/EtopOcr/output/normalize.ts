import { UNIT_SPELLINGS, type FieldName, type Unit } from '../data/fieldNames';
import type { FlatValue } from './flatten';

/**
 * Normalize Values: strict readers for the ways Chinese documents print dates, date ranges,
 * amounts, counts and sexes. Each reads the whole text or nothing: a reader never guesses a
 * century, a day, a unit or a digit, so a value it returns is always one the text states.
 * Full-width digits and punctuation (１９９０．０４．２２, ￥) are read as their ASCII forms.
 */

export type Normalized =
	/** Nothing to read: a text field, or a value that is not text (already a number, null …). */
	| { outcome: 'kept' }
	/** Empty text: there is no value, so it becomes null and is not flagged. */
	| { outcome: 'blank' }
	| { outcome: 'value'; value: string | number }
	/** A range: `null` for a side the text does not give, or an open end (长期). */
	| { outcome: 'range'; start: string | null; end: string | null }
	/** The text does not read as its kind: it stays as it is and is flagged. */
	| { outcome: 'unparsed' };

const pad = (value: number) => String(value).padStart(2, '0');

const DATE_PATTERNS: readonly RegExp[] = [
	/^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日/,
	/^(?<y>\d{4})(?<sep>[-./])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d)/,
	/^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})(?!\d)/,
];

/** What may follow a date: a time of day, as on train tickets (08:15开) or in 13时14分. */
const TIME_AFTER_DATE = /^\s*T?\s*(?<h>\d{1,2})\s*[:时]\s*(?<min>\d{2})(?:\s*[:分]\s*(?<s>\d{2}))?\s*[分秒]?\s*开?$/;

// Dates far outside what a document in use prints are misreads, not dates.
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(y: string, m: string, d: string): string | undefined {
	const [year, month, day] = [Number(y), Number(m), Number(d)];
	if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
	if (day < 1 || day > daysInMonth(year, month)) return undefined;
	return `${year}-${pad(month)}-${pad(day)}`;
}

function isoTime(h: string, m: string, s: string | undefined): string | undefined {
	const [hours, minutes, seconds] = [Number(h), Number(m), s === undefined ? undefined : Number(s)];
	if (hours > 23 || minutes > 59 || (seconds !== undefined && seconds > 59)) return undefined;
	return `${pad(hours)}:${pad(minutes)}${seconds === undefined ? '' : `:${pad(seconds)}`}`;
}

function clean(text: string): string {
	return text.normalize('NFKC').trim();
}

/** `1990年4月22日`, `1990.04.22`, `1990-4-22`, `1990/04/22`, `19900422`, with an optional time. */
export function parseDate(text: string): string | undefined {
	const input = clean(text);
	for (const pattern of DATE_PATTERNS) {
		const match = pattern.exec(input);
		const { y, m, d } = match?.groups ?? {};
		if (!match || y === undefined || m === undefined || d === undefined) continue;
		const date = isoDate(y, m, d);
		const rest = input.slice(match[0].length);
		if (date === undefined) return undefined;
		if (rest.trim() === '') return date;
		const time = TIME_AFTER_DATE.exec(rest)?.groups;
		if (!time?.h || !time.min) return undefined;
		const clock = isoTime(time.h, time.min, time.s);
		return clock === undefined ? undefined : `${date}T${clock}`;
	}
	return undefined;
}

/** Words for "no end date": 长期 (long-term), 永久 (permanent) and their longer forms. */
export const OPEN_END_WORDS: readonly string[] = ['长期', '长期有效', '永久', '永久有效', '无固定期限'];

const RANGE_SEPARATOR = /\s*(?:起\s*至|起|至|到|[-~—–])\s*/g;

function stripRangeWords(text: string): string {
	return text.replace(/^自\s*/, '').replace(/\s*(?:为止|止)$/, '');
}

/**
 * `2016.05.10-2036.05.10`, `2016年05月10日至长期`, `自2016年05月10日至2020年05月09日`,
 * `2006年05月10日起2076年05月09日止`, or `长期` alone. The separator is found by trying each
 * candidate, so the dashes inside ISO dates (`2019-03-04-2029-03-03`) are no problem.
 */
export function parseDateRange(text: string): { start: string | null; end: string | null } | undefined {
	const input = stripRangeWords(clean(text));
	if (OPEN_END_WORDS.includes(input)) return { start: null, end: null };
	for (const match of input.matchAll(RANGE_SEPARATOR)) {
		const index = match.index ?? 0;
		const start = parseDate(input.slice(0, index));
		const right = input.slice(index + match[0].length);
		if (start === undefined) continue;
		if (OPEN_END_WORDS.includes(right)) return { start, end: null };
		const end = parseDate(right);
		if (end !== undefined) return { start, end };
	}
	return undefined;
}

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const AMOUNT = new RegExp(String.raw`^(-)?\s*(?:¥|RMB|CNY|人民币)?\s*(-)?${NUMBER}\s*(?:元|圆)?$`, 'i');

function toNumber(sign: string | undefined, whole: string, fraction: string | undefined): number {
	const number = Number(`${whole.replace(/,/g, '')}${fraction === undefined ? '' : `.${fraction}`}`);
	return sign ? -number : number;
}

/** `¥1,234.50`, `￥73.00`, `1234.5元`, `RMB 20`; not uppercase Chinese amounts (壹佰元整). */
export function parseAmount(text: string): number | undefined {
	const match = AMOUNT.exec(clean(text));
	if (!match || (match[1] && match[2])) return undefined;
	return toNumber(match[1] ?? match[2], match[3], match[4]);
}

function unitPattern(unit: Unit | undefined): string {
	if (unit === undefined) return '';
	const spellings = UNIT_SPELLINGS[unit].map((spelling) => spelling.normalize('NFKC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return `(?:${spellings.join('|')})?`;
}

/** A count or measure: `5`, `02`, `5人`, `1830kg`, `89.12平方米`, only in the field's own unit. */
export function parseNumber(text: string, unit?: Unit): number | undefined {
	const match = new RegExp(`^${NUMBER}\\s*${unitPattern(unit)}$`).exec(clean(text));
	return match ? toNumber(undefined, match[1], match[2]) : undefined;
}

const SEXES: ReadonlyMap<string, 'male' | 'female'> = new Map<string, 'male' | 'female'>([
	['男', 'male'],
	['男性', 'male'],
	['M', 'male'],
	['MALE', 'male'],
	['女', 'female'],
	['女性', 'female'],
	['F', 'female'],
	['FEMALE', 'female'],
]);

/** 男, 女, M, F, Male, Female, and bilingual prints such as `男/M` when both halves agree. */
export function parseSex(text: string): 'male' | 'female' | undefined {
	const halves = clean(text).toUpperCase().split(/\s*\/\s*/);
	const read = new Set(halves.map((half) => SEXES.get(half)));
	const [only] = [...read];
	return read.size === 1 ? only : undefined;
}

/** Reads `value` as the field's kind; see Normalized for what each outcome means. */
export function normalizeValue(field: Pick<FieldName, 'kind' | 'unit'>, value: FlatValue): Normalized {
	const kind = field.kind ?? 'text';
	if (kind === 'text' || typeof value !== 'string') return { outcome: 'kept' };
	if (value.trim() === '') return { outcome: 'blank' };
	if (kind === 'dateRange') {
		const range = parseDateRange(value);
		return range ? { outcome: 'range', ...range } : { outcome: 'unparsed' };
	}
	const read =
		kind === 'date'
			? parseDate(value)
			: kind === 'amount'
				? parseAmount(value)
				: kind === 'number'
					? parseNumber(value, field.unit)
					: parseSex(value);
	return read === undefined ? { outcome: 'unparsed' } : { outcome: 'value', value: read };
}
