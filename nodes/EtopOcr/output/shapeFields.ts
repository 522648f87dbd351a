import type { FieldFamily } from '../data/catalogue';
import { lookupFieldName, type FieldName } from '../data/fieldNames';
import type { Detail, FieldGroup } from './fieldGroups';
import type { FlatValue } from './flatten';
import { normalizeValue } from './normalize';
import { POSITION_MEMBERS, readBox, type Box, type PositionPart } from './positions';

export type FieldNaming = 'english' | 'asReturned';

export interface ShapeSettings {
	naming: FieldNaming;
	normalize: boolean;
}

/** A field ready to be laid out: its name, values and the details that stay with it. */
export interface ShapedField {
	name: string;
	hasValue: boolean;
	value: FlatValue;
	/** Values added beside it, by name suffix: `Text` (the original), `Start`, `End`. */
	companions: Array<[suffix: string, value: FlatValue]>;
	details: Detail[];
	position?: Box;
	/** Normalize Values could not read it; it stays text. */
	unparsed: boolean;
}

/**
 * Members of a key/value entry that give the field's Chinese label (`{key: 'PlateNo', chn_key:
 * '号牌号码'}`). The dictionary is asked for the label too when it does not know the key. Once
 * the field has its English name, a label the dictionary lists for that very name says nothing
 * new (the README table has it) and is left out; any other label stays as returned.
 */
export const LABEL_MEMBERS: readonly string[] = ['chn_key', 'chnKey', 'chineseKey', 'chinese_key', 'cn_key'];

const LABELS = new Set(LABEL_MEMBERS);
const POSITIONS = new Set(POSITION_MEMBERS);

function isLabel(detail: Detail): boolean {
	return detail.path.length === 1 && LABELS.has(detail.path[0]) && typeof detail.value === 'string';
}

function labelName(detail: Detail, group: FieldGroup, family: FieldFamily): FieldName | undefined {
	return isLabel(detail) ? lookupFieldName(family, String(detail.value), group.within) : undefined;
}

function knownName(group: FieldGroup, family: FieldFamily): FieldName | undefined {
	const byName = lookupFieldName(family, group.name, group.within);
	if (byName) return byName;
	for (const detail of group.details) {
		const byLabel = labelName(detail, group, family);
		if (byLabel) return byLabel;
	}
	return undefined;
}

/** Takes the field's position out of its details when they read as one box. */
function takePosition(field: ShapedField): void {
	const found = new Map<string, PositionPart[]>();
	for (const detail of field.details) {
		if (!POSITIONS.has(detail.path[0])) continue;
		const parts = found.get(detail.path[0]) ?? [];
		parts.push({ path: detail.path.slice(1), value: detail.value });
		found.set(detail.path[0], parts);
	}
	const box = found.size ? readBox(found) : undefined;
	if (!box) return;
	field.position = box;
	field.details = field.details.filter((detail) => !POSITIONS.has(detail.path[0]));
}

function normalize(field: ShapedField, known: FieldName): void {
	if (!field.hasValue) return;
	const original = field.value;
	const result = normalizeValue(known, original);
	switch (result.outcome) {
		case 'kept':
			return;
		case 'blank':
			field.value = null;
			field.companions.push(['Text', original]);
			return;
		case 'value':
			field.value = result.value;
			field.companions.push(['Text', original]);
			return;
		case 'range':
			field.companions.push(['Start', result.start], ['End', result.end]);
			return;
		case 'unparsed':
			field.unparsed = true;
			// The same columns as a value that parsed, so that a sheet's columns stay put.
			if (known.kind === 'dateRange') field.companions.push(['Start', null], ['End', null]);
			else field.companions.push(['Text', original]);
	}
}

/**
 * One field occurrence as the user asked for it: the English name when the family's dictionary
 * knows it (else the name as returned), the value read by its kind when Normalize Values is on,
 * and its position taken out of its details.
 */
export function shapeField(group: FieldGroup, family: FieldFamily, settings: ShapeSettings): ShapedField {
	const known = knownName(group, family);
	const english = settings.naming === 'english' && known !== undefined;
	const field: ShapedField = {
		name: english ? known.name : group.name,
		hasValue: group.hasValue,
		value: group.value,
		companions: [],
		details: english ? group.details.filter((detail) => labelName(detail, group, family) !== known) : [...group.details],
		unparsed: false,
	};
	takePosition(field);
	if (settings.normalize && known) normalize(field, known);
	return field;
}
