import { CONTAINER_MEMBERS, CROP_MEMBERS, EMPTY_KEY, ENVELOPE_MEMBERS, LABEL_MEMBERS, NAME_MEMBERS, ROOT_KEY, VALUE_MEMBERS } from '../data/memberNames';
import { UniqueKeys } from './uniqueKeys';

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
 * 1. Envelope members (ENVELOPE_MEMBERS) are skipped wherever they occur as member names, with
 *    everything under them. (An entry whose name is 'ErrorCode' is a field and is kept.)
 * 2. Key/value entries: an object with a name member (NAME_MEMBERS, first match wins) holding a
 *    non-empty string or a number, else a label member (LABEL_MEMBERS) holding a non-empty
 *    string, and a value member (VALUE_MEMBERS, first match wins), becomes `name → value`.
 *    Its other members (label, crop, position, quad, score …) are the entry's details: they are
 *    kept as `name.member` and marked `detail` in flattenRecords, so that the output can take
 *    them out of the fields. A record that merely has both members (`{name, value, date}`) is
 *    read as an entry too; nothing is lost, its `date` is a detail.
 * 3. Plain objects contribute their members under their own names.
 * 4. At field level (the body itself, and anything reached only through containers), arrays
 *    and objects under CONTAINER_MEMBERS are walked through without adding their name; the content
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
 * Every scalar leaf outside ENVELOPE_MEMBERS therefore ends up as a value, except the names of
 * key/value entries, which become keys. Member order follows the body; the result is a plain
 * object, so integer-like keys ('1', '2') come first as JavaScript orders them. The function is
 * pure and deterministic.
 */

export type FlatValue = string | number | boolean | null;

const META = new Set(ENVELOPE_MEMBERS);
const CONTAINERS = new Set(CONTAINER_MEMBERS);
const LABELS = new Set(LABEL_MEMBERS);

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
	/** A member of a key/value entry beside its name and value (rule 2), or below one. */
	detail: boolean;
	/** The printed label of the entry the value belongs to, when that label names it (`{chn_key, value}`). */
	label?: string;
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
	detail: boolean;
	label?: string;
}

interface State {
	records: FlatRecord[];
	keys: UniqueKeys;
	/** Objects on the current path; JSON has no cycles, but a caller's object might. */
	ancestors: Set<object>;
}

const ROOT: Place = { key: '', path: [], field: '', within: [], detail: false };

export function isObject(value: unknown): value is JsonObject {
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

function nameIn(object: JsonObject, members: readonly string[], numbers: boolean): string | undefined {
	for (const member of members) {
		const name = own(object, member) ? object[member] : undefined;
		if (typeof name === 'string' && name !== '') return member;
		if (numbers && typeof name === 'number' && Number.isFinite(name)) return member;
	}
	return undefined;
}

/** The object as a key/value entry (rule 2), or undefined when it is not one. */
export function asEntry(object: JsonObject): Entry | undefined {
	const valueMember = VALUE_MEMBERS.find((member) => own(object, member));
	if (valueMember === undefined) return undefined;
	// An empty name still names the entry ('(empty)') when there is no label to fall back on.
	const nameMember =
		nameIn(object, NAME_MEMBERS, true) ??
		nameIn(object, LABEL_MEMBERS, false) ??
		NAME_MEMBERS.find((member) => own(object, member) && object[member] === '');
	if (nameMember === undefined) return undefined;
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
		detail: place.detail,
		...(place.label === undefined ? {} : { label: place.label }),
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
	state.records.push({ key, path: place.path, field, within: place.within, detail: place.detail, ...(place.label === undefined ? {} : { label: place.label }), value });
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
	if (LABELS.has(entry.nameMember)) owner.label = entry.name;
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
		if (member === entry.nameMember || member === entry.valueMember || META.has(member) || isBlankBeside(object, member)) continue;
		walkMember(state, keyName(member), object[member], { ...owner, detail: true });
	}
}

const SAYS_NOTHING_WHEN_BLANK = new Set([...NAME_MEMBERS, ...Object.keys(CROP_MEMBERS)]);

/** An empty name beside the entry's label (`key: ''` beside `chn_key`) or an empty crop says nothing about the field. */
const isBlankBeside = (object: JsonObject, member: string) => object[member] === '' && SAYS_NOTHING_WHEN_BLANK.has(member);

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

