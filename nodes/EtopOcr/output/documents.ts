import type { IDataObject } from 'n8n-workflow';

import {
	documentNameForPid,
	familyForPid,
	productForDocument,
	productForTypeText,
	productsForPid,
	type FieldFamily,
} from '../data/catalogue';
import { groupFields, type FieldGroup } from './fieldGroups';
import { flattenRecords, holdsFieldList, type FlatValue } from './flatten';
import { POSITION_MEMBERS, readBox, type Box, type PositionPart } from './positions';
import { shapeField, type ShapedField, type ShapeSettings } from './shapeFields';

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
	/** The other members of a result that keeps its fields in a list (`ocr_error_code`, `angle`). */
	details?: IDataObject;
	fields: ShapedField[];
}

/**
 * Members of the document record itself (not of its fields) that say which document it is
 * rather than what it says: `ResultList` entries carry `pid` and `type`, receipts `票据类型`.
 * Together with a document-level position they go to the item's meta, not among its fields.
 */
export const PID_MEMBERS: readonly string[] = ['pid', 'Pid', 'PID'];
export const TYPE_MEMBERS: readonly string[] = ['type', '票据类型', 'docType', 'DocType'];

/**
 * Members client code shows beside a result's field list (`{pid, type, ocr_error_code, direct,
 * angle, position, image_data, FieldList}`): how the service read the document (its status,
 * orientation, score, the crop placeholder). With the fields in the list they are details of the
 * document, not fields of it; anywhere else they stay fields.
 */
export const RESULT_DETAIL_MEMBERS: readonly string[] = ['ocr_error_code', 'direct', 'angle', 'score', 'image_data', 'head_image_data'];

const PIDS = new Set(PID_MEMBERS);
const RESULT_DETAILS = new Set(RESULT_DETAIL_MEMBERS);
const TYPES = new Set(TYPE_MEMBERS);
const POSITIONS = new Set(POSITION_MEMBERS);

interface Descriptors {
	pid?: number;
	typeText?: string;
	position?: Box;
	details: Array<[string, FlatValue]>;
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

/**
 * Takes the document's own pid, type and position out of its field groups, and, when its
 * fields sit in a list of entries, its RESULT_DETAIL_MEMBERS too.
 */
function takeDescriptors(groups: FieldGroup[], fieldsInList: boolean): Descriptors {
	const found: Descriptors = { details: [], rest: [] };
	const boxParts = new Map<string, PositionPart[]>();
	const boxGroups: FieldGroup[] = [];
	for (const group of groups) {
		if (isOwnMember(group) && PIDS.has(group.name) && found.pid === undefined && pidOf(group) !== undefined) {
			found.pid = pidOf(group);
		} else if (isOwnMember(group) && TYPES.has(group.name) && found.typeText === undefined && typeOf(group) !== undefined) {
			found.typeText = typeOf(group);
		} else if (fieldsInList && isOwnMember(group) && RESULT_DETAILS.has(group.name) && group.hasValue && !group.details.length) {
			found.details.push([group.key, group.value]);
		} else {
			if (isOwnMember(group) && POSITIONS.has(group.name) && !group.hasValue && !boxParts.has(group.name)) {
				boxParts.set(group.name, group.details);
				boxGroups.push(group);
			}
			found.rest.push(group);
		}
	}
	found.position = boxParts.size ? readBox(boxParts) : undefined;
	// Only a position that reads as a box leaves the fields; anything else stays as returned.
	if (found.position) found.rest = found.rest.filter((group) => !boxGroups.includes(group));
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
	const { pid, typeText, position, details, rest } = takeDescriptors(groupFields(flattenRecords(part)), holdsFieldList(part));
	const { info, family } = identify(requestedPid, pid, typeText);
	const fields = rest.map((group) => shapeField(group, family, settings));
	return {
		info,
		...(position ? { position } : {}),
		// fromEntries defines own properties, so a '__proto__' member stays a plain one.
		...(details.length ? { details: Object.fromEntries(details) } : {}),
		fields,
	};
}
