/**
 * Every member name the node recognises in an ETOP answer, by what it means. The vendor publishes
 * no response schema; these names come from the real answers public client code keeps (see
 * docs/fields.md). Names are case-sensitive. What is not named here is read by its structure
 * (output/flatten.ts, output/documents.ts).
 */

/**
 * Envelope members, not document fields, wherever they are a member name: the status
 * (`ErrorCode`, `ErrorMessage`), the call's bookkeeping (`recogInfo` with its `requestId`,
 * `beginTime`, `endTime`, `time`, `responseId`; `totalMs`; `requestId` and `responseId` outside
 * `recogInfo`), `PlateNum` / `TicketNum` (the lengths of `Plate` / `Ticket`), and the bookkeeping
 * private installs add at each wrapper level (`img_data` the page image, `PageIndex`, `Time`,
 * `SerialId`). The name of a key/value entry is never one of them: an entry called `Time` is a field.
 */
export const ENVELOPE_MEMBERS: readonly string[] = [
	'ErrorCode',
	'ErrorMessage',
	'recogInfo',
	'totalMs',
	'requestId',
	'responseId',
	'PlateNum',
	'TicketNum',
	'img_data',
	'PageIndex',
	'Time',
	'SerialId',
];

/** Where the envelope says how the call went; read into the item's meta (output/meta.ts). */
export const CALL_INFO_MEMBERS = {
	/** The object with the call's bookkeeping. */
	info: 'recogInfo',
	/** In `recogInfo`: the caller's reference, echoed; the service's id for the call; its time in ms. */
	requestId: 'requestId',
	responseId: 'responseId',
	time: 'time',
	/** Beside `recogInfo` in plate answers: the time in ms. */
	totalMs: 'totalMs',
} as const;

/** Members that name a key/value entry, by priority: `{key, …}`, `{Key, …}`, `{name, …}` … */
export const NAME_MEMBERS: readonly string[] = ['key', 'Key', 'KEY', 'name', 'Name', 'NAME'];

/**
 * Members holding an entry's printed Chinese label (`{key: 'PlateNo', chn_key: '号牌号码'}`). An
 * entry without a name member (or with an empty one) is named by its label: `{chn_key: '总质量',
 * value: '1830kg'}` is the field 总质量.
 */
export const LABEL_MEMBERS: readonly string[] = ['chn_key', 'chnKey', 'chineseKey', 'chinese_key', 'cn_key'];

/** Members that hold the value of a key/value entry, by priority (`value`, `Value`, `val` …). */
export const VALUE_MEMBERS: readonly string[] = ['value', 'Value', 'VALUE', 'val', 'Val', 'VAL'];

/** Members of an entry (or of a `{value, …}` field) holding the recognition's confidence. */
export const SCORE_MEMBERS: readonly string[] = ['score', 'Score', 'confidence', 'Confidence', 'prob'];

/** Members holding a rectangle (`{left, top, width, height}` and the like), by priority. */
export const RECTANGLE_MEMBERS: readonly string[] = ['position', 'Position', 'pos', 'rect', 'Rect', 'bbox', 'box'];

/** Members holding corner points (`[x1, y1, … x4, y4]`, `[{x, y} ×4]`, `{x1, y1, …}`). */
export const CORNER_MEMBERS: readonly string[] = ['quad', 'Quad', 'points', 'Points'];

export const POSITION_MEMBERS: readonly string[] = [...RECTANGLE_MEMBERS, ...CORNER_MEMBERS];

/**
 * Members holding a crop (base64 image, `""` when none), with the English name of the binary
 * property it becomes under Return Cropped Images. A crop is never a field; a crop under another
 * member is found by its content and named after that member.
 */
export const CROP_MEMBERS: Readonly<Record<string, string>> = {
	image_data: 'document',
	head_image_data: 'portrait',
	img_data: 'page',
};

/** Where a document's portrait crop sits (`head_position` beside `head_image_data`). */
export const PORTRAIT_POSITION_MEMBERS: readonly string[] = ['head_position'];

/** Members of a result that name the product that read it. */
export const PID_MEMBERS: readonly string[] = ['pid', 'Pid', 'PID'];

/** Members of a result that give the service's own name for the document (`type`, `票据类型`). */
export const TYPE_MEMBERS: readonly string[] = ['type', '票据类型', 'docType', 'DocType'];

/**
 * Members client code shows beside a result's fields (`{pid, type, position, direct, angle,
 * image_data, head_image_data, head_position, ocr_error_code, FieldList}`): how the service read
 * the document (status, orientation, score). They describe the document, in meta; a result that
 * keeps its fields in a list has no other fields of its own, so all its other members do too.
 */
export const RESULT_DETAIL_MEMBERS: readonly string[] = ['ocr_error_code', 'direct', 'angle', 'score', ...PORTRAIT_POSITION_MEMBERS];

/**
 * Wrapper names whose object value is walked through at field level, like an array: the content
 * brings its own names.
 */
export const CONTAINER_MEMBERS: readonly string[] = [
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
 * Members whose list holds one entry per recognised document (or a wrapper of them).
 * `ResultList` is not one of them: inside a `Result` it may list the text lines of one page; see
 * RESULT_LIST_MEMBERS.
 */
export const DOCUMENT_LIST_MEMBERS: readonly string[] = [
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
 * Members whose list holds documents only when every item looks like one (a record with a pid, or
 * with a list of key/value entries, its fields). Text lines (`{type, value}`) are never documents.
 */
export const RESULT_LIST_MEMBERS: readonly string[] = ['ResultList', 'resultList'];

/** The key used for a member or entry whose name is the empty string. */
export const EMPTY_KEY = '(empty)';

/** The key used for values that have no name at all (a scalar or scalar array as the body). */
export const ROOT_KEY = 'value';
