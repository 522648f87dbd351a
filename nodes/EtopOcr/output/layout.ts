import type { IDataObject } from 'n8n-workflow';

import type { FlatValue } from './flatten';
import type { Box } from './positions';
import type { ShapedField } from './shapeFields';

/** Names of the item's own members, which a field never takes. */
export const RESERVED_KEYS: readonly string[] = ['meta', 'fieldPositions'];

export interface LaidOut {
	fields: IDataObject;
	/** By the field's key in `fields`. */
	positions: Record<string, Box>;
	/** Keys of the fields Normalize Values could not read. */
	unparsed: string[];
}

/** Hands out keys: a name, or `name_2`, `name_3` … once it is taken. Nothing is overwritten. */
class Keys {
	private readonly taken = new Set<string>(RESERVED_KEYS);
	private readonly next = new Map<string, number>();

	take(base: string): string {
		let key = base;
		if (this.taken.has(key)) {
			let suffix = this.next.get(base) ?? 2;
			while (this.taken.has(`${base}_${suffix}`)) suffix++;
			key = `${base}_${suffix}`;
			this.next.set(base, suffix + 1);
		}
		this.taken.add(key);
		return key;
	}
}

/**
 * The item's flat fields from shaped fields, in order: each value under its name (`_N` when
 * the name is taken, as flattenFields does), its companions as `<name>Text`, `<name>Start`,
 * `<name>End` with the same `_N`, and its other details as dotted keys below it.
 */
export function layOut(fields: readonly ShapedField[]): LaidOut {
	const keys = new Keys();
	const entries: Array<[string, FlatValue]> = [];
	const positions: Array<[string, Box]> = [];
	const unparsed: string[] = [];
	for (const field of fields) {
		const key = keys.take(field.name);
		const suffix = key.slice(field.name.length);
		if (field.hasValue) entries.push([key, field.value]);
		for (const [name, value] of field.companions) entries.push([keys.take(`${field.name}${name}${suffix}`), value]);
		for (const detail of field.details) entries.push([keys.take([key, ...detail.path].join('.')), detail.value]);
		if (field.position) positions.push([key, field.position]);
		if (field.unparsed) unparsed.push(key);
	}
	// fromEntries defines own properties, so a '__proto__' field stays a plain field.
	return { fields: Object.fromEntries(entries), positions: Object.fromEntries(positions), unparsed };
}
