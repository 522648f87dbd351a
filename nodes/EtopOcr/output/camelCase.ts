/** A name made only of ASCII letters, digits, `_`, `-` and spaces, starting with a letter. */
const ENGLISH = /^[A-Za-z][A-Za-z0-9_\- ]*$/;

/** Words of an English name: split at `_`, `-`, spaces and case changes (`IDNum` → ID, Num). */
const WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/**
 * The camelCase form of an English key no dictionary knows (`FirstIssueDate` → `firstIssueDate`,
 * `IDNum` → `idNum`, `head_position` → `headPosition`, `VIN` → `vin`), or undefined for any other
 * name (a Chinese label stays as returned). The same key always gives the same name.
 */
export function camelCase(name: string): string | undefined {
	if (!ENGLISH.test(name)) return undefined;
	const words = name.match(WORDS) ?? [];
	return words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase())).join('');
}
