import type { FieldFamily } from '../data/catalogue';
import type { ShapeSettings } from '../params/parameters';
import { lookupFieldName, type FieldName } from '../data/fieldNames';
import { LABEL_MEMBERS, POSITION_MEMBERS, SCORE_MEMBERS } from '../data/memberNames';
import { camelCase } from './camelCase';
import type { Detail, FieldGroup } from './fieldGroups';
import type { FlatValue } from './flatten';
import { normalizeValue } from './normalize';
import { readBox, type Box, type PositionPart } from './positions';

/** A field ready to be laid out: its name, values and what the service said about it. */
export interface ShapedField {
	name: string;
	hasValue: boolean;
	value: FlatValue;
	/** Values added beside it, by name suffix: `Text` (the original), `Start`, `End`. */
	companions: Array<[suffix: string, value: FlatValue]>;
	/** Parts of a structured value (`签发机关.名称`): they stay fields, as dotted keys below it. */
	parts: Detail[];
	/** The printed label of an entry (`chn_key`), for meta.labels. */
	label?: string;
	/** The service's confidence, for meta.scores. */
	score?: FlatValue;
	/** Any other member of its entry (not a label, crop, position or score), for meta.fieldDetails. */
	details: Detail[];
	position?: Box;
	/** Normalize Values could not read it; it stays text. */
	unparsed: boolean;
}

const LABELS = new Set(LABEL_MEMBERS);
const POSITIONS = new Set(POSITION_MEMBERS);
const SCORES = new Set(SCORE_MEMBERS);

const isLabel = (detail: Detail) => detail.path.length === 1 && LABELS.has(detail.path[0]) && typeof detail.value === 'string';

function knownName(group: FieldGroup, family: FieldFamily): FieldName | undefined {
	const byName = lookupFieldName(family, group.name, group.within);
	if (byName) return byName;
	for (const detail of group.details) {
		const byLabel = detail.entry && isLabel(detail) ? lookupFieldName(family, String(detail.value), group.within) : undefined;
		if (byLabel) return byLabel;
	}
	return undefined;
}

/**
 * Sorts the members of a field's entry: its label, score and position (as a box) are kept for
 * meta and fieldPositions; an all-zero position is dropped (an empty crop or name member beside
 * the label was left out when the body was flattened); anything else is a detail for meta.fieldDetails.
 */
function sortEntryMembers(field: ShapedField, members: readonly Detail[]): void {
	const boxes = new Map<string, PositionPart[]>();
	const positions: Detail[] = [];
	for (const detail of members) {
		const [member] = detail.path;
		if (field.label === undefined && isLabel(detail)) field.label = String(detail.value);
		else if (field.score === undefined && detail.path.length === 1 && SCORES.has(member)) field.score = detail.value;
		else if (POSITIONS.has(member)) {
			boxes.set(member, [...(boxes.get(member) ?? []), { path: detail.path.slice(1), value: detail.value }]);
			positions.push(detail);
		} else field.details.push(detail);
	}
	const box = boxes.size ? readBox(boxes) : undefined;
	if (box) field.position = box;
	// A position that reads as no box stays as returned, unless it is the all-zero "nowhere".
	else if (positions.some((detail) => detail.value !== 0)) field.details.push(...positions);
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

/** The English name of a field: the dictionary's, else an English key in camelCase, else as returned. */
function englishName(group: FieldGroup, known: FieldName | undefined): string {
	return known?.name ?? camelCase(group.name) ?? group.name;
}

/**
 * One field occurrence as the user asked for it: named (see englishName, or as returned), the
 * value read by its kind when Normalize Values is on, and the members of its entry sorted out of
 * the fields (sortEntryMembers).
 */
export function shapeField(group: FieldGroup, family: FieldFamily, settings: ShapeSettings): ShapedField {
	const known = knownName(group, family);
	const field: ShapedField = {
		name: settings.naming === 'english' ? englishName(group, known) : group.name,
		hasValue: group.hasValue,
		value: group.value,
		companions: [],
		parts: group.details.filter((detail) => !detail.entry),
		details: [],
		unparsed: false,
		...(group.label === undefined ? {} : { label: group.label }),
	};
	sortEntryMembers(
		field,
		group.details.filter((detail) => detail.entry),
	);
	if (settings.normalize && known) normalize(field, known);
	return field;
}
