import { DOCUMENT_LIST_MEMBERS, ENVELOPE_MEMBERS, PID_MEMBERS, RESULT_LIST_MEMBERS } from '../data/memberNames';
import { asEntry, isObject } from './flatten';

/**
 * Document splitting: which parts of a body are documents, and which are envelope around them.
 *
 * A wrapper level is stepped through and everything else it holds is bookkeeping, never fields.
 * A level is a wrapper
 * - by name: its only member outside ENVELOPE_MEMBERS is one of DOCUMENT_LIST_MEMBERS
 *   (`{PlateNum, Plate: [...]}`, `{PageInfo: [...]}`), or one of RESULT_LIST_MEMBERS whose items
 *   all look like documents;
 * - by structure, whatever the names: one member holds a list whose items all look like documents
 *   or are wrappers themselves, and every other member is a scalar (the level's bookkeeping:
 *   `PageIndex`, `Time`, `SerialId`, an inner `ErrorCode`, or names never seen so far).
 * A record looks like a document when it names its product (`pid`) or keeps its fields in a list
 * of key/value entries (`FieldList`). Text lines (`{type, value}`), line items and plain field
 * objects never do, so an invoice with its line items, a page of text lines or a result with its
 * `type` and field list is one document, never split.
 */

type JsonObject = Record<string, unknown>;

const META = new Set(ENVELOPE_MEMBERS);
const DOCUMENT_LISTS = new Set(DOCUMENT_LIST_MEMBERS);
const RESULT_LISTS = new Set(RESULT_LIST_MEMBERS);

/** An object that is a document or a wrapper, not a key/value entry. */
function isRecord(value: unknown): value is JsonObject {
	return isObject(value) && asEntry(value) === undefined;
}

function isRecordList(value: unknown): value is JsonObject[] {
	return Array.isArray(value) && value.length > 0 && value.every(isRecord);
}

function isEntryList(value: unknown): boolean {
	return Array.isArray(value) && value.length > 0 && value.every((item) => isObject(item) && asEntry(item) !== undefined);
}

/** Whether an object keeps its fields in a member list of key/value entries (`FieldList`). */
export function holdsFieldList(value: unknown): boolean {
	return isObject(value) && Object.values(value).some(isEntryList);
}

/** Whether a record names the product that read it with a numeric `pid`. */
export function namesProduct(record: unknown): boolean {
	if (!isObject(record)) return false;
	return PID_MEMBERS.some((member) => {
		const pid = record[member];
		return typeof pid === 'number' || (typeof pid === 'string' && /^\d+$/.test(pid.trim()));
	});
}

/** A result: it names its product or carries its own fields. */
function looksLikeDocument(record: JsonObject): boolean {
	return namesProduct(record) || holdsFieldList(record);
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** The member under which a wrapper holds its documents, 'empty' for an empty list, or undefined. */
function wrapped(node: JsonObject, ancestors: Set<object>): string | 'empty' | undefined {
	const members = Object.keys(node).filter((member) => !META.has(member));
	if (members.length === 1) {
		const [only] = members;
		const inner = node[only];
		if (Array.isArray(inner) && inner.length === 0) return DOCUMENT_LISTS.has(only) || RESULT_LISTS.has(only) ? 'empty' : undefined;
		if (DOCUMENT_LISTS.has(only) && (isRecordList(inner) || isRecord(inner))) return only;
		if (RESULT_LISTS.has(only) && isRecordList(inner) && inner.every(looksLikeDocument)) return only;
	}
	const lists = members.filter((member) => !isScalar(node[member]));
	if (lists.length !== 1) return undefined;
	const [list] = lists;
	const inner = node[list];
	if (!isRecordList(inner) || ancestors.has(inner)) return undefined;
	ancestors.add(inner);
	const documents = inner.every((item) => looksLikeDocument(item) || (!ancestors.has(item) && wrapped(item, ancestors) !== undefined));
	ancestors.delete(inner);
	return documents ? list : undefined;
}

function documentsIn(node: unknown, ancestors: Set<object>): unknown[] {
	if (typeof node !== 'object' || node === null || ancestors.has(node)) return [node];
	ancestors.add(node);
	let documents: unknown[] = [node];
	if (isRecordList(node)) {
		documents = node.flatMap((item) => documentsIn(item, ancestors));
	} else if (isRecord(node) && !looksLikeDocument(node)) {
		const member = wrapped(node, ancestors);
		if (member === 'empty') documents = [];
		else if (member !== undefined) documents = documentsIn(node[member], ancestors);
	}
	ancestors.delete(node);
	return documents;
}

/**
 * The sub-bodies of each recognised document, innermost: `[]` when the body wraps an empty
 * document list (`{Plate: []}`, an auto-classification that found nothing), one sub-body per
 * document otherwise, the body itself when it is one document. Wrapper levels (and their
 * bookkeeping) are left behind; a shape it does not recognise comes back as `[body]`.
 */
export function documentParts(body: unknown): unknown[] {
	return documentsIn(body, new Set());
}
