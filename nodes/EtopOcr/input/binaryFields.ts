/**
 * Input Binary Fields: one name (`data`), a list (`data, back`) or patterns (`attachment_*`,
 * `scan_?`). `*` stands for any run of characters, `?` for one.
 */

export interface BinaryFieldMatch {
	/** The item's binary fields to read, in order: the list's order, a pattern's matches sorted naturally. */
	names: string[];
	/** Plain names (no wildcard) the item does not have. */
	missing: string[];
	/** Patterns that matched none of the item's fields. */
	unmatched: string[];
}

export function parseBinaryFieldList(text: string): string[] {
	return text
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

export const isPattern = (entry: string) => /[*?]/.test(entry);

function patternRegExp(pattern: string): RegExp {
	const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
	return new RegExp(`^${source}$`);
}

/** attachment_2 before attachment_10, as a person numbers them. */
const naturalOrder = (one: string, other: string) => one.localeCompare(other, 'en', { numeric: true });

export function matchBinaryFields(spec: string, available: readonly string[]): BinaryFieldMatch {
	const names: string[] = [];
	const missing: string[] = [];
	const unmatched: string[] = [];
	const add = (name: string) => {
		if (!names.includes(name)) names.push(name);
	};
	for (const entry of parseBinaryFieldList(spec)) {
		if (!isPattern(entry)) {
			if (available.includes(entry)) add(entry);
			else missing.push(entry);
			continue;
		}
		const regExp = patternRegExp(entry);
		const matches = available.filter((name) => regExp.test(name)).sort(naturalOrder);
		if (matches.length === 0) unmatched.push(entry);
		matches.forEach(add);
	}
	return { names, missing, unmatched };
}
