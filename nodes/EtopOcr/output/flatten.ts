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
 *    `name → null`, so the key stays visible.
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
 * `recogInfo`) and `PlateNum`, the length of the `Plate` array.
 */
export const META_KEYS: readonly string[] = [
	'ErrorCode',
	'ErrorMessage',
	'recogInfo',
	'totalMs',
	'requestId',
	'responseId',
	'PlateNum',
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
	'result',
	'results',
	'Results',
	'data',
	'Data',
];

/**
 * Members whose list holds one entry per recognised document, for findDocuments. `ResultList` is
 * left out on purpose: it sits inside a `Result` and most likely lists the fields of that one
 * document, and splitting fields apart is worse than keeping two documents together.
 */
export const DOCUMENT_LIST_KEYS: readonly string[] = [
	'PageInfo',
	'Result',
	'result',
	'Results',
	'results',
	'Plate',
	'data',
	'Data',
];

/** The key used for a member or entry whose name is the empty string. */
export const EMPTY_KEY = '(empty)';

/** The key used for values that have no name at all (a scalar or scalar array as the body). */
export const ROOT_KEY = 'value';

const META = new Set(META_KEYS);
const CONTAINERS = new Set(CONTAINER_KEYS);
const DOCUMENT_LISTS = new Set(DOCUMENT_LIST_KEYS);

type JsonObject = Record<string, unknown>;

interface Entry {
	name: string;
	value: unknown;
	nameMember: string;
	valueMember: string;
}

interface State {
	fields: Map<string, FlatValue>;
	/** The next suffix to try per base key, so repeated keys stay linear. */
	nextSuffix: Map<string, number>;
	/** Objects on the current path; JSON has no cycles, but a caller's object might. */
	ancestors: Set<object>;
}

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

function join(prefix: string, name: string): string {
	return prefix === '' ? name : `${prefix}.${name}`;
}

function isEmptyContainer(value: unknown): boolean {
	if (Array.isArray(value)) return value.length === 0;
	return isObject(value) && Object.keys(value).length === 0;
}

/** Stores a value under `path`, or under the first free `path_N`; returns the key used. */
function emit(state: State, path: string, value: FlatValue): string {
	let key = path;
	if (state.fields.has(key)) {
		let suffix = state.nextSuffix.get(path) ?? 2;
		while (state.fields.has(`${path}_${suffix}`)) suffix++;
		key = `${path}_${suffix}`;
		state.nextSuffix.set(path, suffix + 1);
	}
	state.fields.set(key, value);
	return key;
}

/** Walks an object; `prefix` is '' at field level, else the dotted path it sits under. */
function walkObject(state: State, object: JsonObject, prefix: string): void {
	if (state.ancestors.has(object)) return;
	state.ancestors.add(object);
	const entry = asEntry(object);
	if (entry) {
		walkEntry(state, object, entry, prefix);
	} else {
		for (const member of Object.keys(object)) {
			if (!META.has(member)) walkMember(state, keyName(member), object[member], prefix);
		}
	}
	state.ancestors.delete(object);
}

function walkEntry(state: State, object: JsonObject, entry: Entry, prefix: string): void {
	const path = join(prefix, entry.name);
	let key = path;
	if (isScalar(entry.value)) {
		key = emit(state, path, entry.value);
	} else if (isEmptyContainer(entry.value)) {
		key = emit(state, path, null);
	} else if (Array.isArray(entry.value)) {
		// The entry's name is a field name, so its structured value stays under it (rule 5).
		walkArray(state, entry.value, path, false);
	} else if (isObject(entry.value)) {
		walkObject(state, entry.value, path);
	}
	for (const member of Object.keys(object)) {
		if (member === entry.nameMember || member === entry.valueMember || META.has(member)) continue;
		walkMember(state, keyName(member), object[member], key);
	}
}

function walkMember(state: State, name: string, value: unknown, prefix: string): void {
	const path = join(prefix, name);
	if (isScalar(value)) {
		emit(state, path, value);
	} else if (isEmptyContainer(value)) {
		emit(state, path, null);
	} else if (Array.isArray(value)) {
		walkArray(state, value, path, prefix === '');
	} else if (isObject(value)) {
		walkObject(state, value, prefix === '' && CONTAINERS.has(name) ? '' : path);
	}
}

/**
 * Walks an array named `path`. At field level its objects are walked without the array's name
 * (rule 4); below a dotted path they stay under it (rule 5). Scalars always take the name.
 */
function walkArray(state: State, array: unknown[], path: string, atFieldLevel: boolean): void {
	if (state.ancestors.has(array)) return;
	state.ancestors.add(array);
	for (const item of array) {
		if (isScalar(item)) {
			emit(state, path, item);
		} else if (isEmptyContainer(item)) {
			emit(state, path, null);
		} else if (Array.isArray(item)) {
			walkArray(state, item, path, atFieldLevel);
		} else if (isObject(item)) {
			walkObject(state, item, atFieldLevel ? '' : path);
		}
	}
	state.ancestors.delete(array);
}

/** Flat `field → value` pairs of a response body; see the rules at the top of this file. */
export function flattenFields(body: unknown): Record<string, FlatValue> {
	const state: State = { fields: new Map(), nextSuffix: new Map(), ancestors: new Set() };
	if (isScalar(body)) {
		emit(state, ROOT_KEY, body);
	} else if (Array.isArray(body)) {
		walkArray(state, body, ROOT_KEY, true);
	} else if (isObject(body)) {
		walkObject(state, body, '');
	}
	// fromEntries defines own properties, so a '__proto__' key stays a plain field.
	return Object.fromEntries(state.fields);
}

/** An object that is a document or a wrapper, not a key/value entry. */
function isRecord(value: unknown): value is JsonObject {
	return isObject(value) && asEntry(value) === undefined;
}

function isRecordList(value: unknown): value is JsonObject[] {
	return Array.isArray(value) && value.length > 0 && value.every(isRecord);
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
		if (only !== undefined && DOCUMENT_LISTS.has(only)) {
			const inner = node[only];
			if (isRecordList(inner) || isRecord(inner)) documents = documentsIn(inner, ancestors);
		}
	}
	ancestors.delete(node);
	return documents;
}

/**
 * The sub-bodies of each recognised document when the body holds several, else `[body]`.
 *
 * How it decides: starting at the body, it steps through wrappers, i.e. an object whose only
 * member outside META_KEYS is one of DOCUMENT_LIST_KEYS (`{PlateNum, Plate: [...]}`,
 * `{ErrorCode, Result: [...]}`, `{PageInfo: [...]}`), and through arrays whose items are all
 * records (objects that are not key/value entries). Whatever it cannot step through is one
 * document. An object with any other member beside the list (an invoice with its line items, a
 * result with its `type` and field list) is a document, never split. A list of key/value
 * entries is the fields of one document. So several plates, pages, tickets or
 * auto-classification results come back one per document; a single document, or a shape it does
 * not recognise, comes back as `[body]`, envelope included.
 */
export function findDocuments(body: unknown): unknown[] {
	const documents = documentsIn(body, new Set());
	return documents.length > 1 ? documents : [body];
}
