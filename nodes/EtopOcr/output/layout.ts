import type { IDataObject } from 'n8n-workflow';

import { UniqueKeys, type FlatValue } from './flatten';
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

/**
 * The item's flat fields from shaped fields, in order: each value under its name (`_N` when
 * the name is taken, as flattenFields does), its companions as `<name>Text`, `<name>Start`,
 * `<name>End` with the same `_N`, and its other details as dotted keys below it.
 */
export function layOut(fields: readonly ShapedField[]): LaidOut {
	// The item's own members are never given to a field; a field named meta becomes meta_2.
	const keys = new UniqueKeys(RESERVED_KEYS);
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
