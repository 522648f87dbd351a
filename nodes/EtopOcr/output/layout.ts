import type { IDataObject } from 'n8n-workflow';

import type { FlatValue } from './flatten';
import type { Box } from './positions';
import type { ShapedField } from './shapeFields';
import { UniqueKeys } from './uniqueKeys';

/** Names of the item's own members, which a field never takes. */
export const RESERVED_KEYS: readonly string[] = ['meta', 'fieldPositions'];

/** What the item says about its fields, each by the field's key in `fields`. */
export interface LaidOut {
	fields: IDataObject;
	positions: Record<string, Box>;
	/** Printed labels (`chn_key`) of key/value entries. */
	labels: Record<string, string>;
	/** Confidence scores, where the service sent them. */
	scores: Record<string, FlatValue>;
	/** Other members of a field's entry, dotted below it (`{PlateNo: {'confidence.raw': 3}}`). */
	details: Record<string, Record<string, FlatValue>>;
	/** Keys of the fields Normalize Values could not read. */
	unparsed: string[];
}

/**
 * The item's flat fields from shaped fields, in order: each value under its name (`_N` when
 * the name is taken), its companions as `<name>Text`, `<name>Start`, `<name>End` with the same
 * `_N`, and the parts of a structured value as dotted keys below it. One allocator gives every key.
 */
export function layOut(fields: readonly ShapedField[]): LaidOut {
	// The item's own members are never given to a field; a field named meta becomes meta_2.
	const keys = new UniqueKeys(RESERVED_KEYS);
	const entries: Array<[string, FlatValue]> = [];
	const laid: Omit<LaidOut, 'fields'> = { positions: {}, labels: {}, scores: {}, details: {}, unparsed: [] };
	// defineProperty: a field named '__proto__' must stay a plain member of these maps too.
	const put = <T>(map: Record<string, T>, key: string, value: T) =>
		Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
	for (const field of fields) {
		const key = keys.take(field.name);
		const suffix = key.slice(field.name.length);
		if (field.hasValue) entries.push([key, field.value]);
		for (const [name, value] of field.companions) entries.push([keys.take(`${field.name}${name}${suffix}`), value]);
		for (const part of field.parts) entries.push([keys.take([key, ...part.path].join('.')), part.value]);
		if (field.position) put(laid.positions, key, field.position);
		if (field.label !== undefined) put(laid.labels, key, field.label);
		if (field.score !== undefined) put(laid.scores, key, field.score);
		if (field.details.length) {
			const details: Record<string, FlatValue> = {};
			const detailKeys = new UniqueKeys();
			for (const detail of field.details) put(details, detailKeys.take(detail.path.join('.')), detail.value);
			put(laid.details, key, details);
		}
		if (field.unparsed) laid.unparsed.push(key);
	}
	// fromEntries defines own properties, so a '__proto__' field stays a plain field.
	return { fields: Object.fromEntries(entries), ...laid };
}
