/**
 * Flat, mappable fields from an ETOP response body of any shape.
 *
 * The vendor publishes no response schema and the shape differs per product: objects with
 * Chinese keys (`Plate: [{车牌颜色, 车牌号}]`), result lists whose entries hold `{key, value}`
 * field lists, `{PageInfo: [{Result: [{ResultList: [...]}]}]}` from on-premises installs,
 * positions, base64 crops. So nothing here knows a product; it only knows shapes.
 *
 * Rules of flattenFields, in the order they apply:
 *
 * 1. Envelope members (META_KEYS) are skipped wherever they occur as member names, with
 *    everything under them. (An entry whose name is 'ErrorCode' is a field and is kept.)
 * 2. Key/value entries: an object with a name member (NAME_MEMBERS, first match wins) holding a
 *    string or number, and a value member (VALUE_MEMBERS, first match wins), becomes
 *    `name → value`. Its other members are kept as `name.member` (e.g. `PlateNo.confidence`),
 *    because their own names repeat in every entry and would mean nothing on their own.
 *    A record that merely has both members (`{name, value, date}`) is read as an entry too;
 *    nothing is lost, its other members become `<name>.date`.
 * 3. Plain objects contribute their members under their own names.
 * 4. At field level (the body itself, and anything reached only through containers), arrays
 *    and objects under CONTAINER_KEYS are walked through without adding their name; the content
 *    brings its own keys. An array of scalars has no keys of its own, so its items take the
 *    array's name.
 * 5. A nested plain object under any other name gets dotted paths (`position.left`,
 *    `签发机关.名称`): that name is the only thing saying what its leaves mean, and two such
 *    objects would otherwise collide into meaningless suffixes. Below a dotted path every name is
 *    kept, arrays included (`PlateNo.position.x`): there an array is detail of one field, not a
 *    list of fields or documents.
 * 6. When a key is already taken (two plates, two pages, two results), the later value gets
 *    `_2`, `_3`, … in order of appearance; nothing is ever overwritten.
 * 7. An empty name becomes EMPTY_KEY; a nameless value (the body itself being a scalar or an
 *    array of scalars) is put under ROOT_KEY. An empty object or array under a name gives
 *    `name → null`, so the key stays visible; so does an entry whose value shows nothing
 *    (e.g. holds only envelope members).
 * 8. Values that JSON cannot carry (undefined, functions, non-finite numbers, …) are ignored.
 *
 * Every scalar leaf outside META_KEYS therefore ends up as a value, except the names of
 * key/value entries, which become keys. Member order follows the body; the result is a plain
 * object, so integer-like keys ('1', '2') come first as JavaScript orders them. The function is
 * pure and deterministic.
 */

export type FlatValue = string | number | boolean | null;

/**
 * Envelope members, not document fields (case-sensitive): the status (`ErrorCode`,
 * `ErrorMessage`), the call's bookkeeping (`recogInfo` with its `requestId`, `beginTime`,
 * `endTime`, `time`, `responseId`; `totalMs`; `requestId` and `responseId` when they sit outside
 * `recogInfo`), and `PlateNum` / `TicketNum`, the lengths of the `Plate` / `Ticket` arrays.
 */
export const META_KEYS: readonly string[] = [
	'ErrorCode',
	'ErrorMessage',
	'recogInfo',
	'totalMs',
	'requestId',
	'responseId',
	'PlateNum',
	'TicketNum',
];

/** Members that name a key/value entry, by priority: `{key, …}`, `{Key, …}`, `{name, …}` … */
export const NAME_MEMBERS: readonly string[] = ['key', 'Key', 'KEY', 'name', 'Name', 'NAME'];

/** Members that hold the value of a key/value entry, by priority (`value`, `Value`, `val` …). */
export const VALUE_MEMBERS: readonly string[] = ['value', 'Value', 'VALUE', 'val', 'Val', 'VAL'];

/** Wrapper names whose object value is walked through at field level, like an array. */
export const CONTAINER_KEYS: readonly string[] = [
	'PageInfo',
	'Result',
	'ResultList',
	'Plate',
	'Ticket',
	'result',
	'results',
	'Results',
	'data',
	'Data',
];

/**
 * Members whose list holds one entry per recognised document, for findDocuments. `ResultList` is
 * not one of them: inside a `Result` it most likely lists the fields or text lines of one
 * document, and splitting fields apart is worse than keeping two documents together; see
 * RESULT_LIST_KEYS for when it does hold documents.
 */
export const DOCUMENT_LIST_KEYS: readonly string[] = [
	'PageInfo',
	'Result',
	'result',
	'Results',
	'results',
	'Plate',
	'Ticket',
	'data',
	'Data',
];

/**
 * Members whose list holds documents only when every item looks like one: a record with a
 * numeric `pid` (which product read it), or with a list of key/value entries (its fields), as
 * client code shows for `ResultList: [{pid, type, FieldList: [{key, value}]}]`. Text lines
 * (`{type, value}`), table cells and plain field objects are never documents.
 */
export const RESULT_LIST_KEYS: readonly string[] = ['ResultList', 'resultList'];

/** The key used for a member or entry whose name is the empty string. */
export const EMPTY_KEY = '(empty)';

/** The key used for values that have no name at all (a scalar or scalar array as the body). */
export const ROOT_KEY = 'value';

const META = new Set(META_KEYS);
const CONTAINERS = new Set(CONTAINER_KEYS);
const DOCUMENT_LISTS = new Set(DOCUMENT_LIST_KEYS);
const RESULT_LISTS = new Set(RESULT_LIST_KEYS);

type JsonObject = Record<string, unknown>;

/**
 * One value of flattenFields, with where it came from, for callers that rename or regroup
 * fields (the field dictionaries, positions) without parsing dotted keys back apart.
 */
export interface FlatRecord {
	/** The key flattenFields gives the value. */
	key: string;
	/** Member and entry names from the field down to the value, as returned (no `_N`). */
	path: readonly string[];
	/**
	 * The key of the field occurrence the value belongs to: `path[0]` plus the `_N` it got when
	 * that field name was taken (`PlateNo_2` for the members of the second PlateNo entry).
	 */
	field: string;
	/** Lists and containers walked through at field level on the way (`FieldList`, `明细`). */
	within: readonly string[];
	value: FlatValue;
}

interface Entry {
	name: string;
	value: unknown;
	nameMember: string;
	valueMember: string;
}

/** Where a walk stands: the key so far, the unsuffixed names, and the field's own key. */
interface Place {
	key: string;
	path: readonly string[];
	field: string;
	within: readonly string[];
}

/** Hands out keys: a name, or `name_2`, `name_3` … once it is taken (rule 6). */
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

interface State {
	records: FlatRecord[];
	keys: UniqueKeys;
	/** Objects on the current path; JSON has no cycles, but a caller's object might. */
	ancestors: Set<object>;
}

const ROOT: Place = { key: '', path: [], field: '', within: [] };

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is FlatValue {
	return (
		value === null ||
		typeof value === 'string' ||
		typeof value === 'boolean' ||
		(typeof value === 'number' && Number.isFinite(value))
	);
}

function own(object: JsonObject, member: string): boolean {
	return Object.prototype.hasOwnProperty.call(object, member) && object[member] !== undefined;
}

/** The object as a key/value entry (rule 2), or undefined when it is not one. */
function asEntry(object: JsonObject): Entry | undefined {
	const nameMember = NAME_MEMBERS.find((member) => {
		const name = own(object, member) ? object[member] : undefined;
		return typeof name === 'string' || (typeof name === 'number' && Number.isFinite(name));
	});
	const valueMember = VALUE_MEMBERS.find((member) => own(object, member));
	if (nameMember === undefined || valueMember === undefined) return undefined;
	return {
		name: keyName(String(object[nameMember])),
		value: object[valueMember],
		nameMember,
		valueMember,
	};
}

function keyName(name: string): string {
	return name === '' ? EMPTY_KEY : name;
}

const atFieldLevel = (place: Place) => place.path.length === 0;

function join(place: Place, name: string): Place {
	return {
		key: place.key === '' ? name : `${place.key}.${name}`,
		path: [...place.path, name],
		field: atFieldLevel(place) ? name : place.field,
		within: place.within,
	};
}

/** The field level again, after walking through the container or list `name`. */
function through(place: Place, name: string): Place {
	return { ...ROOT, within: [...place.within, name] };
}

function isEmptyContainer(value: unknown): boolean {
	if (Array.isArray(value)) return value.length === 0;
	return isObject(value) && Object.keys(value).length === 0;
}

/** Stores a value under `place.key`, or under the first free `key_N`; returns where it went. */
function emit(state: State, place: Place, value: FlatValue): Place {
	const key = state.keys.take(place.key);
	// A one-name path is the field itself, so its suffix names the field occurrence.
	const field = place.path.length === 1 ? key : place.field;
	state.records.push({ key, path: place.path, field, within: place.within, value });
	return { ...place, key, field };
}

/** Walks an object at `place` (the field level, or the dotted path it sits under). */
function walkObject(state: State, object: JsonObject, place: Place): void {
	if (state.ancestors.has(object)) return;
	state.ancestors.add(object);
	const entry = asEntry(object);
	if (entry) {
		walkEntry(state, object, entry, place);
	} else {
		for (const member of Object.keys(object)) {
			if (!META.has(member)) walkMember(state, keyName(member), object[member], place);
		}
	}
	state.ancestors.delete(object);
}

function walkEntry(state: State, object: JsonObject, entry: Entry, place: Place): void {
	let owner = join(place, entry.name);
	if (isScalar(entry.value)) {
		owner = emit(state, owner, entry.value);
	} else if (isEmptyContainer(entry.value)) {
		owner = emit(state, owner, null);
	} else if (Array.isArray(entry.value) || isObject(entry.value)) {
		const before = state.records.length;
		// The entry's name is a field name, so its structured value stays under it (rule 5).
		if (Array.isArray(entry.value)) walkArray(state, entry.value, owner);
		else walkObject(state, entry.value, owner);
		// A value with nothing to show (only envelope members) still keeps the name (rule 7).
		if (state.records.length === before) owner = emit(state, owner, null);
	}
	for (const member of Object.keys(object)) {
		if (member === entry.nameMember || member === entry.valueMember || META.has(member)) continue;
		walkMember(state, keyName(member), object[member], owner);
	}
}

function walkMember(state: State, name: string, value: unknown, place: Place): void {
	const path = join(place, name);
	if (isScalar(value)) {
		emit(state, path, value);
	} else if (isEmptyContainer(value)) {
		emit(state, path, null);
	} else if (Array.isArray(value)) {
		walkArray(state, value, atFieldLevel(place) ? through(place, name) : path, path);
	} else if (isObject(value)) {
		walkObject(state, value, atFieldLevel(place) && CONTAINERS.has(name) ? through(place, name) : path);
	}
}

/**
 * Walks an array: its objects at `objects` (the field level again when the array sits at field
 * level, rule 4; its own path below a dotted path, rule 5), its scalars always under `scalars`,
 * the array's name.
 */
function walkArray(state: State, array: unknown[], objects: Place, scalars: Place = objects): void {
	if (state.ancestors.has(array)) return;
	state.ancestors.add(array);
	for (const item of array) {
		if (isScalar(item)) {
			emit(state, scalars, item);
		} else if (isEmptyContainer(item)) {
			emit(state, scalars, null);
		} else if (Array.isArray(item)) {
			walkArray(state, item, objects, scalars);
		} else if (isObject(item)) {
			walkObject(state, item, objects);
		}
	}
	state.ancestors.delete(array);
}

/** Every value of a body with its key and origin, in body order; see the rules at the top. */
export function flattenRecords(body: unknown): FlatRecord[] {
	const state: State = { records: [], keys: new UniqueKeys(), ancestors: new Set() };
	const root = join(ROOT, ROOT_KEY);
	if (isScalar(body)) {
		emit(state, root, body);
	} else if (Array.isArray(body)) {
		walkArray(state, body, ROOT, root);
	} else if (isObject(body)) {
		walkObject(state, body, ROOT);
	}
	return state.records;
}

/** Flat `field → value` pairs of a response body; see the rules at the top of this file. */
export function flattenFields(body: unknown): Record<string, FlatValue> {
	// fromEntries defines own properties, so a '__proto__' key stays a plain field.
	return Object.fromEntries(flattenRecords(body).map((record) => [record.key, record.value]));
}

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

/** A ResultList item that is a document: it names its product or carries its own fields. */
function looksLikeDocument(record: JsonObject): boolean {
	const pid = record.pid;
	if (typeof pid === 'number' || (typeof pid === 'string' && /^\d+$/.test(pid.trim()))) return true;
	return holdsFieldList(record);
}

/** The document list a wrapper holds under `member`, if it is one. */
function documentList(member: string, inner: unknown): 'list' | 'empty' | undefined {
	if (Array.isArray(inner) && inner.length === 0) {
		return DOCUMENT_LISTS.has(member) || RESULT_LISTS.has(member) ? 'empty' : undefined;
	}
	if (DOCUMENT_LISTS.has(member)) return isRecordList(inner) || isRecord(inner) ? 'list' : undefined;
	if (RESULT_LISTS.has(member)) return isRecordList(inner) && inner.every(looksLikeDocument) ? 'list' : undefined;
	return undefined;
}

function documentsIn(node: unknown, ancestors: Set<object>): unknown[] {
	if (typeof node !== 'object' || node === null || ancestors.has(node)) return [node];
	ancestors.add(node);
	let documents: unknown[] = [node];
	if (isRecordList(node)) {
		documents = node.flatMap((item) => documentsIn(item, ancestors));
	} else if (isRecord(node)) {
		const members = Object.keys(node).filter((member) => !META.has(member));
		const only = members.length === 1 ? members[0] : undefined;
		const kind = only === undefined ? undefined : documentList(only, node[only]);
		if (kind === 'empty') documents = [];
		if (kind === 'list') documents = documentsIn(node[only as string], ancestors);
	}
	ancestors.delete(node);
	return documents;
}

/**
 * The sub-bodies of each recognised document, innermost: `[]` when the body wraps an empty
 * document list (`{Plate: []}`, an auto-classification that found nothing), one sub-body per
 * document otherwise, the body itself when it is one document.
 */
export function documentParts(body: unknown): unknown[] {
	return documentsIn(body, new Set());
}

/**
 * The sub-bodies of each recognised document when the body holds several, else `[body]`.
 *
 * How it decides: starting at the body, it steps through wrappers, i.e. an object whose only
 * member outside META_KEYS is one of DOCUMENT_LIST_KEYS (`{PlateNum, Plate: [...]}`,
 * `{ErrorCode, Result: [...]}`, `{PageInfo: [...]}`), or one of RESULT_LIST_KEYS whose items all
 * look like documents, and through arrays whose items are all records (objects that are not
 * key/value entries). Whatever it cannot step through is one document. An object with any other
 * member beside the list (an invoice with its line items, a result with its `type` and field
 * list) is a document, never split. A list of key/value entries is the fields of one document.
 * So several plates, pages, tickets or auto-classification results come back one per document;
 * a single document, or a shape it does not recognise, comes back as `[body]`, envelope included.
 */
export function findDocuments(body: unknown): unknown[] {
	const documents = documentParts(body);
	return documents.length > 1 ? documents : [body];
}
