import { VALUE_MEMBERS } from '../data/memberNames';
import type { FlatRecord, FlatValue } from './flatten';

/** A value below a field, with the names from the field down to it (`['position', 'left']`). */
export interface Detail {
	path: readonly string[];
	value: FlatValue;
	/**
	 * A member of the field's entry beside its value (label, crop, position, quad, score …),
	 * not part of the value: the output takes these out of the fields.
	 */
	entry: boolean;
}

/** One occurrence of a field in a document: its own value and what came with it. */
export interface FieldGroup {
	/** The field's name as returned (`公民身份号码`, `PlateNo`, `车牌号`). */
	name: string;
	/** Its key in flattenFields: the name, or `name_2` … for a later field of that name. */
	key: string;
	/** The lists it sat in (`FieldList`, `明细`), for list dictionaries and document members. */
	within: readonly string[];
	/** Whether the field has a value of its own; a nested object has only details. */
	hasValue: boolean;
	value: FlatValue;
	details: Detail[];
	/** The printed label, when it is what names the field (`{chn_key: '总质量', value}`). */
	label?: string;
}

const VALUES = new Set(VALUE_MEMBERS);

/**
 * A field printed as `{value, position, quad}` (or `{value, confidence}`) is that value with
 * details, not an object: its single `value` member becomes the field's own value, so
 * `姓名.value` comes out as `姓名` and maps like the bare text would, and its other members are
 * details of it, as those of a key/value entry are.
 */
function unwrapValue(group: FieldGroup): void {
	if (group.hasValue) return;
	const values = group.details.filter((detail) => detail.path.length === 1 && VALUES.has(detail.path[0]));
	if (values.length !== 1) return;
	const [only] = values;
	group.hasValue = true;
	group.value = only.value;
	group.details = group.details.filter((detail) => detail !== only).map((detail) => ({ ...detail, entry: true }));
}

/** The field occurrences of flattened records, in the order their first value came. */
export function groupFields(records: readonly FlatRecord[]): FieldGroup[] {
	const groups = new Map<string, FieldGroup>();
	for (const record of records) {
		// A field's name is only unique within its list: a result's `position` object and a
		// FieldList entry keyed `position` are two fields.
		const id = [record.field, ...record.within].join('\u0000');
		let group = groups.get(id);
		if (!group) {
			group = { name: record.path[0], key: record.field, within: record.within, hasValue: false, value: null, details: [] };
			if (record.label !== undefined) group.label = record.label;
			groups.set(id, group);
		}
		if (record.path.length === 1 && !group.hasValue) {
			group.hasValue = true;
			group.value = record.value;
		} else {
			group.details.push({ path: record.path.slice(1), value: record.value, entry: record.detail });
		}
	}
	const list = [...groups.values()];
	list.forEach(unwrapValue);
	return list;
}
