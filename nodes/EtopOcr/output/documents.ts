import type { IDataObject } from 'n8n-workflow';

import {
	documentNameForPid,
	familyForPid,
	productForDocument,
	productForTypeText,
	productsForPid,
	type FieldFamily,
} from '../data/catalogue';
import { CROP_MEMBERS, PID_MEMBERS, POSITION_MEMBERS, RESULT_DETAIL_MEMBERS, TYPE_MEMBERS } from '../data/memberNames';
import { holdsFieldList, namesProduct } from './documentParts';
import { groupFields, type FieldGroup } from './fieldGroups';
import { flattenRecords } from './flatten';
import { readBox, type Box, type PositionPart } from './positions';
import type { ShapeSettings } from '../params/parameters';
import { shapeField, type ShapedField } from './shapeFields';
import { UniqueKeys } from './uniqueKeys';

/** Which document a result is, for the item's meta. */
export interface DocumentInfo extends IDataObject {
	/** The product that read it: the document's own pid, else the pid called (null if unknown). */
	pid: number | null;
	/** The catalogue's English name for it, when the pid (and type text) settle it. */
	documentType: string | null;
	/** What the service called it (`type`, `票据类型`), as returned. */
	typeText: string | null;
}

export interface ShapedDocument {
	info: DocumentInfo;
	/** Where the whole document sits in the image, when the service said. */
	position?: Box;
	/** How the service read the document (`ocr_error_code`, `direct`, `angle`, `head_position` …). */
	details?: IDataObject;
	fields: ShapedField[];
}

const PIDS = new Set(PID_MEMBERS);
const TYPES = new Set(TYPE_MEMBERS);
const POSITIONS = new Set(POSITION_MEMBERS);
const RESULT_DETAILS = new Set(RESULT_DETAIL_MEMBERS);
const CROPS = new Set(Object.keys(CROP_MEMBERS));

interface Descriptors {
	pid?: number;
	typeText?: string;
	position?: Box;
	details: IDataObject;
	rest: FieldGroup[];
}

const isOwnMember = (group: FieldGroup) => group.within.length === 0;

function pidOf(group: FieldGroup): number | undefined {
	if (!group.hasValue || group.details.length) return undefined;
	const { value } = group;
	if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
	return typeof value === 'string' && /^\s*\d+\s*$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

function typeOf(group: FieldGroup): string | undefined {
	const { value } = group;
	return group.hasValue && !group.details.length && typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const boxParts = (group: FieldGroup): PositionPart[] => group.details.map((detail) => ({ path: detail.path, value: detail.value }));

/** A descriptor member into the document's details: a box as a box, else its values by dotted key. */
function addDetail(details: IDataObject, keys: UniqueKeys, group: FieldGroup): void {
	const put = (key: string, value: unknown) =>
		Object.defineProperty(details, keys.take(key), { value, enumerable: true, writable: true, configurable: true });
	const box = group.hasValue ? undefined : readBox(new Map([['position', boxParts(group)]]));
	if (box) return void put(group.key, box);
	if (group.hasValue) put(group.key, group.value);
	for (const detail of group.details) put([group.key, ...detail.path].join('.'), detail.value);
}

/**
 * Takes what describes the document out of its field groups: its own pid, type and position,
 * and its empty crop placeholders (never fields). A result (it names its product) also gives its
 * RESULT_DETAIL_MEMBERS; a result that keeps its fields in a list of entries gives every other
 * member of its own too, since its fields are all in that list.
 */
function takeDescriptors(groups: FieldGroup[], result: boolean, fieldsInList: boolean): Descriptors {
	const found: Descriptors = { details: {}, rest: [] };
	const keys = new UniqueKeys();
	const boxes = new Map<string, PositionPart[]>();
	const boxGroups: FieldGroup[] = [];
	for (const group of groups) {
		const own = isOwnMember(group);
		if (own && PIDS.has(group.name) && found.pid === undefined && pidOf(group) !== undefined) {
			found.pid = pidOf(group);
		} else if (own && TYPES.has(group.name) && found.typeText === undefined && typeOf(group) !== undefined) {
			found.typeText = typeOf(group);
		} else if (own && CROPS.has(group.name) && group.hasValue && group.value === '' && !group.details.length) {
			// An empty crop placeholder; a crop itself was taken out before (binary when asked).
			continue;
		} else if (own && POSITIONS.has(group.name) && !group.hasValue && !boxes.has(group.name)) {
			boxes.set(group.name, boxParts(group));
			boxGroups.push(group);
			found.rest.push(group);
		} else if (own && POSITIONS.has(group.name) && group.hasValue && !group.details.length) {
			// A list of numbers (`quad: [x1, y1, … y4]`) comes as one group per number.
			boxes.set(group.name, [...(boxes.get(group.name) ?? []), { path: [], value: group.value }]);
			boxGroups.push(group);
			found.rest.push(group);
		} else if (own && (fieldsInList || (result && RESULT_DETAILS.has(group.name)))) {
			addDetail(found.details, keys, group);
		} else {
			found.rest.push(group);
		}
	}
	found.position = boxes.size ? readBox(boxes) : undefined;
	// A position that does not read as a box stays as returned: among the details of a result
	// that keeps its fields in a list, else among the fields.
	if (found.position || fieldsInList) found.rest = found.rest.filter((group) => !boxGroups.includes(group));
	if (!found.position && fieldsInList) for (const group of boxGroups) addDetail(found.details, keys, group);
	return found;
}

function identify(requestedPid: number, pid?: number, typeText?: string): { info: DocumentInfo; family: FieldFamily } {
	const autoClassify = productsForPid(requestedPid).some((product) => product.autoClassify);
	const byText = autoClassify && pid === undefined && typeText ? productForTypeText(typeText) : undefined;
	const documentPid = pid ?? byText?.pid ?? (autoClassify ? null : requestedPid);
	const product = documentPid === null ? undefined : (byText ?? productForDocument(documentPid, typeText));
	const info: DocumentInfo = {
		pid: documentPid,
		documentType: product?.name ?? (documentPid === null ? null : (documentNameForPid(documentPid) ?? null)),
		typeText: typeText ?? null,
	};
	const family = product?.family ?? (documentPid === null ? 'other' : familyForPid(documentPid));
	return { info, family };
}

/**
 * One document of a body (a part documentParts found, or the whole body), shaped for the
 * item: which document it is, where it is, and its fields named with its own family's
 * dictionary (an auto-classification result uses the family of the document found).
 */
export function shapeDocument(part: unknown, requestedPid: number, settings: ShapeSettings): ShapedDocument {
	const fieldsInList = holdsFieldList(part);
	const { pid, typeText, position, details, rest } = takeDescriptors(groupFields(flattenRecords(part)), fieldsInList || namesProduct(part), fieldsInList);
	const { info, family } = identify(requestedPid, pid, typeText);
	const fields = rest.map((group) => shapeField(group, family, settings));
	return {
		info,
		...(position ? { position } : {}),
		...(Object.keys(details).length ? { details } : {}),
		fields,
	};
}
