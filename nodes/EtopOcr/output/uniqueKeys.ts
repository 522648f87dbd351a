/**
 * The one key allocator of the output: a name, or `name_2`, `name_3` … once it is taken, in the
 * order asked. Fields, their companions and details, and binary property names all take their keys
 * from one of these, so a suffix always means "a later one of the same name".
 */
export class UniqueKeys {
	private readonly taken: Set<string>;
	/** The next suffix to try per base key, so repeated keys stay linear. */
	private readonly nextSuffix = new Map<string, number>();

	constructor(reserved: readonly string[] = []) {
		this.taken = new Set(reserved);
	}

	take(base: string): string {
		let key = base;
		if (this.taken.has(key)) {
			let suffix = this.nextSuffix.get(base) ?? 2;
			while (this.taken.has(`${base}_${suffix}`)) suffix++;
			key = `${base}_${suffix}`;
			this.nextSuffix.set(base, suffix + 1);
		}
		this.taken.add(key);
		return key;
	}
}
