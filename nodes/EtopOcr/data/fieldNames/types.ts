import type { FieldFamily } from '../catalogue';

/**
 * How Normalize Values reads a field's text. `text` is never changed; the others are parsed
 * strictly and stay text (flagged) when they do not parse.
 *
 * - date: ISO 8601 `YYYY-MM-DD` (or `YYYY-MM-DDTHH:mm` when the paper prints a time with it)
 * - dateRange: the text stays, `<name>Start` / `<name>End` are added as ISO dates
 * - amount: money, a number (`¥1,234.50` → 1234.5); uppercase Chinese amounts are `text`
 * - number: a count or a measure in `unit`, a number (`5人` → 5, `1830kg` → 1830)
 * - sex: `male` or `female`
 */
export type ValueKind = 'text' | 'date' | 'dateRange' | 'amount' | 'number' | 'sex';

/** Units a `number` field may be printed with; see UNIT_SPELLINGS. */
export type Unit = 'kg' | 'km' | 'm²' | 'people';

export interface FieldName {
	/** The stable English name, camelCase. */
	name: string;
	/** The names the service gives the field, as returned: Chinese labels and English keys. */
	from: readonly string[];
	/** How Normalize Values reads it; text when left out. */
	kind?: ValueKind;
	/** For `number`: the unit the value is in, which the text may print after the number. */
	unit?: Unit;
}

/** Fields of the items of a list inside a document (the line items of an invoice). */
export interface ListFieldNames {
	/** The list's names, as returned. */
	from: readonly string[];
	fields: readonly FieldName[];
}

export type NamedFamily = Exclude<FieldFamily, 'other'>;

/** The English names of one family of documents (see `EtopProduct.family` in the catalogue). */
export interface FieldDictionary {
	family: NamedFamily;
	/** What the README calls the documents of this family. */
	title: string;
	fields: readonly FieldName[];
	lists?: readonly ListFieldNames[];
}
