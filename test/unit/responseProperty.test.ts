import '../harness/env';

import fc from 'fast-check';
import { DirectoryLoader, ExecuteContext, ExecuteSingleContext, RoutingNode } from 'n8n-core';
import {
	NodeApiError,
	Workflow,
	createRunExecutionData,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecuteData,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { PRODUCTS } from '../../nodes/EtopOcr/data/catalogue';
import {
	CONTAINER_MEMBERS,
	CROP_MEMBERS,
	DOCUMENT_LIST_MEMBERS,
	ENVELOPE_MEMBERS as META_KEYS,
	LABEL_MEMBERS,
	NAME_MEMBERS,
	PID_MEMBERS,
	POSITION_MEMBERS,
	RESULT_LIST_MEMBERS,
	TYPE_MEMBERS,
	VALUE_MEMBERS,
} from '../../nodes/EtopOcr/data/memberNames';
import { camelCase } from '../../nodes/EtopOcr/output/camelCase';
import { documentParts } from '../../nodes/EtopOcr/output/documentParts';
import { sendOcrRequest } from '../../nodes/EtopOcr/transport/sendOcrRequest';
import { makeJpeg, makePng } from '../fixtures/images';
import { shutdownEngine } from '../harness/engine';

// The response handling of the node (parseEtopAnswer and formatOutput, inside the per-item hook
// that owns the request) fed with random and malformed bodies. Each case runs through the hook
// exactly as RoutingNode calls it, in a real ExecuteSingleContext; only n8n's HTTP helper
// (httpRequestWithAuthentication) is replaced by the generated answer.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EtopOcr } = require('../../nodes/EtopOcr/EtopOcr.node.ts') as typeof import('../../nodes/EtopOcr/EtopOcr.node');

const API_KEY = 'prop-key-3c9e1a';
const SECRET = 'prop-secret-b7d402';
const ENDPOINT = 'http://127.0.0.1:9/ocr/PageOcrServlet';
const RUNS = 10_000;

// ---------------------------------------------------------------- a real n8n context per case

const nodeType: INodeType = new EtopOcr();
DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
const nodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;
const additionalData = {
	credentialsHelper: {
		getDecrypted: async () => ({ apiKey: API_KEY, secret: SECRET, endpoint: ENDPOINT }),
	},
} as unknown as IWorkflowExecuteAdditionalData;

/** Node settings the output depends on. maxRetries 0: the retry loop is tested against the sandbox. */
const VARIANTS: Array<{ label: string; parameters: INodeParameters; input: IDataObject }> = [
	{ label: 'simplified', parameters: {}, input: {} },
	{ label: 'raw', parameters: { simplify: false }, input: {} },
	{ label: 'input fields kept', parameters: { options: { includeInputFields: true, maxRetries: 0 } }, input: { subject: 'Invoice 7' } },
	{ label: 'custom pid', parameters: { documentType: 'custom', customPid: 666 }, input: {} },
	{ label: 'crops and positions asked', parameters: { options: { returnCroppedImages: true, returnPositions: true } }, input: {} },
];

const asksForCrops = (variant: (typeof VARIANTS)[number]) => (variant.parameters.options as IDataObject | undefined)?.returnCroppedImages === true;

interface Case {
	context: IExecuteSingleFunctions;
	requestData: DeclarativeRestApiSettings.ResultOptions;
}

function makeCase(variant: (typeof VARIANTS)[number]): Case {
	const parameters: INodeParameters = {
		documentType: '2',
		inputType: 'url',
		imageUrl: 'http://127.0.0.1:9/scan.png',
		...variant.parameters,
		// One call at a time: a -52 is then the item's own (at more, the account limiter would send
		// it again for free after narrowing its window, issue 11).
		options: { maxRetries: 0, maxConcurrency: 1, ...((variant.parameters.options as IDataObject) ?? {}) },
	};
	const node: INode = {
		id: 'etop',
		name: 'ETOP OCR',
		type: 'n8n-nodes-etop-ocr.etopOcr',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { etopOcrApi: { id: '1', name: 'ETOP account' } },
	};
	const workflow = new Workflow({ id: 'property', nodes: [node], connections: {}, active: false, nodeTypes });
	const runExecutionData = createRunExecutionData({});
	const items: INodeExecutionData[] = [{ json: variant.input }];
	const inputData = { main: [items] };
	// A new executeData per case: the hook keys its run state (limiter, stop flag) on it.
	const executeData: IExecuteData = { node, data: inputData, source: null };
	const context = new ExecuteSingleContext(workflow, node, additionalData, 'manual', runExecutionData, 0, items, inputData, 0, executeData);
	const routingContext = new ExecuteContext(workflow, node, additionalData, 'manual', runExecutionData, 0, items, inputData, executeData, []);
	const routing = new RoutingNode(routingContext, nodeType);
	const recognition = nodeType.description.properties.find((property) => property.name === 'recognition')!;
	const requestData = routing.getRequestOptionsFromParameters(context, recognition, 0, 0, '')!;
	// What requestDefaults and the other properties add; the hook checks the URL before sending.
	requestData.options = { ...requestData.options, method: 'POST', url: ENDPOINT, body: { pid: '2' } };
	return { context, requestData };
}

/** What RoutingNode does for one item, with the HTTP answer given instead of fetched. */
async function handle(variant: (typeof VARIANTS)[number], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const { context, requestData } = makeCase(variant);
	let calls = 0;
	const helpers = Object.create(context.helpers, {
		httpRequestWithAuthentication: {
			value: async () => {
				calls++;
				return { ...response };
			},
		},
	}) as IExecuteSingleFunctions['helpers'];
	const hookContext = Object.create(context, { helpers: { value: helpers } }) as IExecutePaginationFunctions;
	try {
		return await sendOcrRequest.call(hookContext, requestData);
	} finally {
		// maxRetries is 0: whatever came back, exactly one call was made.
		expect(calls).toBe(1);
	}
}

// ---------------------------------------------------------------- bodies

/** Raw number tokens are put into the JSON text through placeholders JSON.stringify leaves alone. */
const RAW = '\u0001RAW';
const rawPlaceholder = (token: string) => `${RAW}${token}\u0001`;

/** A number token that a double may or may not hold exactly (18- and 20-digit ids, 1e400, 0.1). */
const numberToken = fc.oneof(
	fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }).map(String),
	fc.stringMatching(/^-?(0|[1-9]\d{0,20})\.\d{1,22}$/),
	fc.stringMatching(/^-?[1-9]\d{0,3}(\.\d{1,4})?[eE][+-]?\d{1,3}$/),
	fc.constantFrom('110101199003071234', '24400221011100001234', '1e400', '-1e400', '1e-400', '0.1', '1.50', '-0', '9007199254740993'),
);

const cropImage = fc
	.tuple(fc.constantFrom('png', 'jpeg'), fc.boolean(), fc.integer({ min: 8, max: 40 }))
	.map(([format, prefix, width]) => {
		const bytes = format === 'png' ? makePng({ width, height: 8 }) : makeJpeg({ width, height: 8 });
		return `${prefix ? `data:image/${format};base64,` : ''}${bytes.toString('base64')}`;
	});

/**
 * Members the output code can still lose: a top-level `__proto__` member is kept (test below), but
 * deeper ones (e.g. a crop under that name, which would name a binary field) are not yet.
 */
const KNOWN_LOSSES = new Set(['__proto__']);

const memberName = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom('姓名', '性别', '民族', '住址', '公民身份号码', '车牌号', '车牌颜色', 'VIN', 'PlateNo', 'type', 'fieldList', 'position', 'x', 'y', 'confidence', 'chineseKey', 'image_data', 'head_image_data', 'SealList', 'value', 'meta', 'fieldPositions', 'ROOT', '(empty)', '') },
	{ weight: 3, arbitrary: fc.constantFrom(...NAME_MEMBERS, ...VALUE_MEMBERS) },
	{ weight: 2, arbitrary: fc.constantFrom('PageInfo', 'Result', 'ResultList', 'Plate', 'result', 'results', 'Results', 'data', 'Data') },
	{ weight: 1, arbitrary: fc.constantFrom(...META_KEYS) },
	{ weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
).filter((name) => !KNOWN_LOSSES.has(name));

const scalar = fc.oneof(
	{ weight: 6, arbitrary: fc.string({ maxLength: 20 }) },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
	{ weight: 3, arbitrary: fc.integer() },
	{ weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
	{ weight: 1, arbitrary: fc.boolean() },
	{ weight: 1, arbitrary: fc.constant(null) },
	{ weight: 2, arbitrary: numberToken.map(rawPlaceholder) },
	{ weight: 1, arbitrary: cropImage },
);

const { tree } = fc.letrec<{ tree: unknown; object: Record<string, unknown>; array: unknown[] }>((tie) => ({
	tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
	object: fc.dictionary(memberName, tie('tree'), { maxKeys: 6 }),
	array: fc.array(tie('tree'), { maxLength: 5 }),
}));

/** A key/value field list as public client code saw for driving licences. */
const fieldList = fc.array(
	fc.record(
		{ key: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), value: tree, chineseKey: fc.string({ maxLength: 6 }), confidence: fc.double({ min: 0, max: 1, noNaN: true }) },
		{ requiredKeys: ['key', 'value'] },
	),
	{ maxLength: 6 },
);

const recogInfo = fc.record(
	{ requestId: fc.string({ maxLength: 12 }), beginTime: fc.string({ maxLength: 20 }), endTime: fc.string(), time: fc.oneof(fc.integer({ min: 0 }), fc.string({ maxLength: 6 })), responseId: fc.string({ maxLength: 12 }) },
	{ requiredKeys: [] },
);

const documentFields = fc.oneof(
	fc.dictionary(memberName, tree, { maxKeys: 10 }),
	fieldList.map((list) => ({ Result: [{ type: '行驶证正页', fieldList: list }] })),
	fc.array(fc.dictionary(memberName, scalar, { maxKeys: 4 }), { maxLength: 4 }).map((plates) => ({ PlateNum: plates.length, Plate: plates })),
	fc.array(fc.dictionary(memberName, tree, { maxKeys: 4 }), { maxLength: 3 }).map((list) => ({ PageInfo: [{ Result: [{ ResultList: list }] }] })),
);

/** The body as the node will parse it: the JSON text with raw number tokens put in. */
function serialise(body: unknown, indent: boolean): string {
	const text = JSON.stringify(body, null, indent ? '\t' : undefined);
	return text.replace(/"\\u0001RAW([^"\\]*)\\u0001"/g, (_, token: string) => token);
}

type Kind = 'success' | 'serviceError' | 'malformed';

interface Answer {
	kind: Kind;
	/** The body as a JS value, before raw tokens were put in (success and service errors). */
	model?: IDataObject;
	status: number;
	body: string | Buffer | undefined | null;
	label: string;
}

const okStatus = fc.constantFrom(200, 200, 200, 200, 201, 203);
const anyStatus = fc.constantFrom(200, 201, 204, 301, 400, 401, 403, 404, 405, 413, 429, 500, 502, 503, 504, 520, 599);

const successAnswer: fc.Arbitrary<Answer> = fc
	.record({
		code: fc.constantFrom<unknown>('0', 0, ' 0 ', '0\n'),
		info: fc.option(recogInfo, { nil: undefined }),
		totalMs: fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: undefined }),
		fields: documentFields,
		indent: fc.boolean(),
		bom: fc.boolean(),
		status: okStatus,
	})
	.map(({ code, info, totalMs, fields, indent, bom, status }) => {
		const model: IDataObject = { ...(fields as IDataObject), ErrorCode: code as string };
		if (info) model.recogInfo = info;
		if (totalMs !== undefined) model.totalMs = totalMs;
		const text = serialise(model, indent);
		return { kind: 'success', model, status, body: bom ? `\uFEFF${text}` : text, label: 'success' };
	});

const ETOP_CODES = ['3', '16', '17', '19', '-1', '-2', '-3', '-4', '-5', '-6', '-7', '-8', '-49', '-51', '-52', '-55'];

const serviceErrorAnswer: fc.Arbitrary<Answer> = fc
	.record({
		code: fc.oneof(fc.constantFrom(...ETOP_CODES), fc.integer({ min: -999, max: 999 }).filter((n) => n !== 0).map(String)),
		asNumber: fc.boolean(),
		message: fc.option(
			fc.oneof(fc.string({ maxLength: 40 }), fc.constant(`key=${API_KEY}&secret=${SECRET}`), fc.string({ minLength: 500, maxLength: 2000 })),
			{ nil: undefined },
		),
		messageMember: fc.constantFrom('ErrorMessage', 'errorMessage', 'message', 'Message'),
		extra: fc.dictionary(memberName, tree, { maxKeys: 3 }),
		status: okStatus,
	})
	.map(({ code, asNumber, message, messageMember, extra, status }) => {
		const model: IDataObject = { ...(extra as IDataObject), ErrorCode: asNumber ? Number(code) : code };
		if (message !== undefined) model[messageMember] = message;
		return { kind: 'serviceError', model, status, body: serialise(model, false), label: 'service error' };
	});

const echo = `key=${API_KEY}&secret=${SECRET}&pid=2`;

const malformedAnswer: fc.Arbitrary<Answer> = fc.oneof(
	// Cut short: a good body stopped at any byte.
	fc.tuple(successAnswer, fc.double({ min: 0, max: 1, noNaN: true })).map(([answer, at]) => {
		const text = String(answer.body);
		return { ...answer, kind: 'malformed' as Kind, model: undefined, body: text.slice(0, Math.floor(at * (text.length - 1))), label: 'truncated' };
	}),
	fc.tuple(fc.string({ maxLength: 200 }), anyStatus).map(([body, status]) => ({ kind: 'malformed' as Kind, status, body, label: 'text' })),
	fc.tuple(fc.string({ unit: 'binary', maxLength: 200 }), anyStatus).map(([body, status]) => ({ kind: 'malformed' as Kind, status, body, label: 'unicode text' })),
	fc.tuple(fc.uint8Array({ maxLength: 300 }), anyStatus).map(([bytes, status]) => ({ kind: 'malformed' as Kind, status, body: Buffer.from(bytes), label: 'bytes' })),
	fc
		.tuple(fc.string({ maxLength: 60 }), fc.string({ maxLength: 300 }), fc.boolean(), anyStatus)
		.map(([title, text, leak, status]) => ({
			kind: 'malformed' as Kind,
			status,
			body: `  <!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p>${leak ? `<pre>${echo}</pre>` : ''}</body></html>`,
			label: 'html',
		})),
	fc.tuple(fc.oneof(fc.constant(''), fc.stringMatching(/^\s{1,20}$/), fc.constant(undefined), fc.constant(null)), anyStatus).map(([body, status]) => ({ kind: 'malformed' as Kind, status, body, label: 'empty' })),
	fc.tuple(fc.jsonValue({ maxDepth: 3 }), anyStatus).filter(([value]) => value === null || typeof value !== 'object' || Array.isArray(value)).map(([value, status]) => ({ kind: 'malformed' as Kind, status, body: JSON.stringify(value), label: 'JSON not an object' })),
	fc.tuple(fc.dictionary(memberName.filter((name) => name !== 'ErrorCode'), tree, { maxKeys: 5 }), okStatus).map(([value, status]) => ({ kind: 'malformed' as Kind, status, body: JSON.stringify(value), label: 'no ErrorCode' })),
	fc
		.tuple(fc.oneof(fc.boolean(), fc.double().filter((value) => !Number.isInteger(value)), fc.constant([]), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }), fc.string({ maxLength: 10 }).filter((text) => !/^\s*-?\d+\s*$/.test(text))), okStatus)
		.map(([code, status]) => ({ kind: 'malformed' as Kind, status, body: JSON.stringify({ ErrorCode: code, ErrorMessage: echo }), label: 'odd ErrorCode' })),
	fc
		.tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom('[', '{"a":'), okStatus)
		.map(([depth, open, status]) => {
			const close = open === '[' ? ']' : '}';
			return { kind: 'malformed' as Kind, status, body: `{"ErrorCode":"0","deep":${open.repeat(depth)}1${close.repeat(depth)}}`, label: 'deep' };
		})
		// 50..99 levels are fine bodies and handled as such; only deeper ones must fail cleanly.
		.map((answer) => (/"deep":(\[|\{"a":){100}/.test(String(answer.body)) ? answer : { ...answer, kind: 'success' as Kind, model: undefined })),
	fc.tuple(successAnswer, fc.constantFrom(301, 400, 401, 404, 429, 500, 502, 503, 504)).map(([answer, status]) => ({ ...answer, kind: 'malformed' as Kind, model: undefined, status, label: 'good body, bad status' })),
);

const answers = fc.oneof({ weight: 5, arbitrary: successAnswer }, { weight: 2, arbitrary: serviceErrorAnswer }, { weight: 4, arbitrary: malformedAnswer });

// ---------------------------------------------------------------- what must hold

/**
 * Members flattenFields skips as envelope wherever they occur; their values are not document
 * fields (recogInfo's requestId, responseId and time come out in `meta`).
 */
const META = new Set(META_KEYS);

/** sign, significant digits and exponent: 1.50, 15e-1 and 1.5 are the same value. */
function decimal(text: string): string | undefined {
	const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
	if (!match) return undefined;
	const [, sign, whole, fraction = '', exponent = '0'] = match;
	const digits = (whole + fraction).replace(/^0+/, '');
	if (!digits) return '0';
	const significant = digits.replace(/0+$/, '');
	return `${sign}${significant}e${Number(exponent) - fraction.length + digits.length - significant.length}`;
}

interface Expected {
	/** Values that must come out as values. */
	values: unknown[];
	/** Names of key/value entries (rule 2): they may come out as keys. */
	names: string[];
	/** Raw number tokens: the same decimal value as a number, or the token as text. */
	tokens: string[];
	/** Base64 images: they come out as binary fields. */
	crops: Buffer[];
}

function isImage(text: string): Buffer | undefined {
	const base64 = text.replace(/^data:[^,]*,/, '');
	if (base64.length < 128 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
	const bytes = Buffer.from(base64, 'base64');
	const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
	const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
	return png || jpeg ? bytes : undefined;
}

const POSITIONS = new Set(POSITION_MEMBERS);
const CROPS = new Set(Object.keys(CROP_MEMBERS));
const NAMES = new Set(NAME_MEMBERS);

/**
 * What must come out of a body: every value of its documents, as the node splits them (a wrapper
 * level's bookkeeping is envelope), except positions (rewritten into boxes, out only when asked,
 * tested against the sandbox) and empty crop or name placeholders.
 */
function expectedLeaves(model: unknown): Expected {
	const expected: Expected = { values: [], names: [], tokens: [], crops: [] };
	// Images are taken out of the body first, as the node does before it flattens.
	const withoutCrops = (value: unknown): unknown => {
		if (typeof value === 'string' && isImage(value)) {
			expected.crops.push(isImage(value)!);
			return undefined;
		}
		if (Array.isArray(value)) return value.map(withoutCrops).filter((entry) => entry !== undefined);
		if (value === null || typeof value !== 'object') return value;
		const copy: IDataObject = {};
		for (const [member, child] of Object.entries(value)) {
			const kept = withoutCrops(child);
			if (kept !== undefined) copy[member] = kept as IDataObject;
		}
		return copy;
	};
	const leaf = (value: unknown) => {
		if (typeof value === 'string' && value.startsWith(RAW)) expected.tokens.push(value.slice(RAW.length, -1));
		else expected.values.push(value);
	};
	// Below a crop or name member, '' is a placeholder the node drops.
	const walk = (value: unknown, placeholder = false) => {
		if (Array.isArray(value)) return value.forEach((item) => walk(item, placeholder));
		if (value === null || typeof value !== 'object') return placeholder && value === '' ? undefined : leaf(value);
		const object = value as IDataObject;
		const nameMember = [...NAME_MEMBERS, ...LABEL_MEMBERS].find((member) => (typeof object[member] === 'string' && object[member] !== '') || (NAMES.has(member) && typeof object[member] === 'number'));
		const isEntry = nameMember !== undefined && VALUE_MEMBERS.some((member) => object[member] !== undefined);
		for (const [member, child] of Object.entries(object)) {
			if (META.has(member) || POSITIONS.has(member)) continue;
			if (isEntry && member === nameMember) expected.names.push(String(child));
			// A `{value}` object is its value (fieldGroups.ts), so a placeholder's value is one too.
			else walk(child, CROPS.has(member) || NAMES.has(member) || (placeholder && VALUE_MEMBERS.includes(member)));
		}
	};
	const rest = withoutCrops(model);
	const parts = documentParts(rest);
	// A level beside the documents holds only bookkeeping scalars; the documents are the values.
	parts.forEach((part) => walk(part));
	return expected;
}

function outputLeaves(json: unknown): { values: unknown[]; keys: string[] } {
	const values: unknown[] = [];
	const keys: string[] = [];
	const walk = (value: unknown) => {
		if (Array.isArray(value)) return value.forEach(walk);
		if (value === null || typeof value !== 'object') return values.push(value);
		for (const [key, child] of Object.entries(value)) {
			keys.push(key);
			walk(child);
		}
	};
	walk(json);
	return { values, keys };
}

const tag = (value: unknown) => `${typeof value}:${Object.is(value, -0) ? '0' : String(value)}`;

/**
 * Every value of the body's documents is in the output: as many times as in the body, names as
 * keys, images as binary when asked (and nowhere when not).
 */
function expectNothingLost(model: IDataObject, items: INodeExecutionData[], cropsAsked: boolean) {
	expect(items).toHaveLength(1);
	const [item] = items;
	const expected = expectedLeaves(model);
	const output = outputLeaves(item.json);
	const available = new Map<string, number>();
	for (const value of output.values) available.set(tag(value), (available.get(tag(value)) ?? 0) + 1);
	const missing: unknown[] = [];
	for (const value of expected.values) {
		const left = available.get(tag(value)) ?? 0;
		if (left > 0) available.set(tag(value), left - 1);
		else missing.push(value);
	}
	for (const name of expected.names) {
		// A raw number token as a name: its text, or the number's text when it fits a number.
		const token = name.startsWith(RAW) ? name.slice(RAW.length, -1) : undefined;
		const forms = token === undefined ? [name] : [token, String(Number(token))];
		// Simplified output turns entry names into keys ('' as '(empty)'); raw output keeps them as values.
		// English names: a key no dictionary knows is camelCased.
		const keyForms = forms.flatMap((form) => (form === '' ? ['(empty)'] : [form, camelCase(form) ?? form]));
		const asKey = output.keys.some((key) => keyForms.some((form) => key.includes(form)));
		const asValue = output.values.some((value) => typeof value !== 'object' && forms.includes(String(value)));
		if (!asKey && !asValue) missing.push({ name });
	}
	for (const token of expected.tokens) {
		const found = output.values.some((value) => (typeof value === 'string' && value === token) || (typeof value === 'number' && decimal(String(value)) === decimal(token)));
		if (!found) missing.push({ token });
	}
	const binaries = Object.values(item.binary ?? {}).map((binary) => Buffer.from(binary.data, 'base64'));
	if (!cropsAsked) {
		expect(binaries).toEqual([]);
		expect(output.values.filter((value) => typeof value === 'string' && isImage(value))).toEqual([]);
		expected.crops = [];
	}
	for (const crop of expected.crops) {
		const at = binaries.findIndex((bytes) => bytes.equals(crop));
		if (at === -1) missing.push({ crop: crop.length });
		else binaries.splice(at, 1);
	}
	expect(missing).toEqual([]);
}

const GENERIC = /^(Your request is invalid|Bad request|Authorization failed|The service (is receiving|failed|was not able)|Bad gateway|Service unavailable|Gateway timed out|The connection|The file or directory|Forbidden|Operation not permitted|UNKNOWN ERROR)/;

function expectClearError(error: unknown, answer: Answer) {
	expect(error).toBeInstanceOf(NodeApiError);
	const apiError = error as NodeApiError;
	expect(apiError.message).toMatch(/^ETOP /);
	expect(apiError.message).not.toMatch(GENERIC);
	expect(apiError.message.length).toBeLessThanOrEqual(300);
	expect(typeof apiError.description).toBe('string');
	expect(apiError.description!.length).toBeGreaterThan(10);
	expect(apiError.context.itemIndex).toBe(0);
	expect(apiError.context.attempts).toBe(1);
	const shown = [apiError.message, apiError.description, JSON.stringify(apiError), JSON.stringify(apiError.messages)].join('\n');
	expect(shown).not.toContain(SECRET);
	expect(shown).not.toContain(API_KEY);
	const code = apiError.context.etopCode as string;
	if (answer.status < 200 || answer.status >= 300) {
		expect(code).toBe(`HTTP ${answer.status}`);
		expect(apiError.context.retryable).toBe([429, 503].includes(answer.status));
	} else if (answer.kind === 'serviceError') {
		expect(code).toBe(String(answer.model!.ErrorCode));
		expect(apiError.message).toContain(`ETOP error ${code}:`);
		expect(apiError.context.retryable).toBe(['-8', '-49', '-52', '-55'].includes(code));
	} else {
		expect(code).toBe(`HTTP ${answer.status}`);
		expect(apiError.context.retryable).toBe(false);
	}
}

async function check(answer: Answer, variant: (typeof VARIANTS)[number]) {
	let items: INodeExecutionData[] | undefined;
	let failure: unknown;
	try {
		items = await handle(variant, { body: answer.body, headers: {}, statusCode: answer.status, statusMessage: '' });
	} catch (error) {
		failure = error;
	}
	if (answer.kind === 'success') {
		expect(failure).toBeUndefined();
		expect(items!.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		if (answer.model) expectNothingLost(answer.model, items!, asksForCrops(variant));
		if (variant.label !== 'raw') {
			expect((items![0].json.meta as IDataObject).attempts).toBe(1);
			if (variant.label === 'input fields kept') expect(items![0].json.subject).toBe('Invoice 7');
		}
	} else {
		expect(items).toBeUndefined();
		expectClearError(failure, answer);
	}
}

describe('response handling under random and malformed bodies (fast-check)', () => {
	it(`returns the body's every value or throws a clear NodeApiError, over ${RUNS} answers`, async () => {
		const labels = new Map<string, number>();
		await fc.assert(
			fc.asyncProperty(answers, fc.constantFrom(...VARIANTS), async (answer, variant) => {
				labels.set(answer.label, (labels.get(answer.label) ?? 0) + 1);
				await check(answer, variant);
			}),
			{ numRuns: RUNS },
		);
		// Every family was exercised (the counts include shrinking runs, so only a floor is checked).
		for (const label of ['success', 'service error', 'truncated', 'text', 'bytes', 'html', 'empty', 'JSON not an object', 'no ErrorCode', 'odd ErrorCode', 'deep', 'good body, bad status']) {
			expect(labels.get(label) ?? 0).toBeGreaterThan(50);
		}
	}, 300_000);

	// Found by the property above (HEAD 9e96e02): documents.ts gathers a result's other members into
	// meta.documentDetails with Object.fromEntries, so a list beside the field list keeps only its
	// last value.
	it('keeps every value of a list beside a field list', async () => {
		const body = '{"ErrorCode":"0","Result":[{"type":"行驶证正页","fieldList":[{"key":"PlateNo","value":"渝B8R561"}],"angle":[90,180]}]}';
		const [item] = await handle(VARIANTS[0], { body, headers: {}, statusCode: 200, statusMessage: '' });
		expect(outputLeaves(item.json).values).toEqual(expect.arrayContaining(['渝B8R561', 90, 180]));
	});

	it('keeps numbers a JavaScript number cannot hold as their exact text', async () => {
		const body = '{"ErrorCode":"0","公民身份号码":110101199003071234,"发票号码":24400221011100001234,"big":1e400,"price":12.50,"n":7}';
		const [item] = await handle(VARIANTS[0], { body, headers: {}, statusCode: 200, statusMessage: '' });
		const { values } = outputLeaves(item.json);
		expect(values).toEqual(expect.arrayContaining(['110101199003071234', '24400221011100001234', '1e400', 12.5, 7]));
	});

	// formatOutput.ts used to write `meta` over a body field of that name.
	it('keeps a member named "meta"', async () => {
		const [item] = await handle(VARIANTS[0], { body: '{"ErrorCode":"0","meta":"kept"}', headers: {}, statusCode: 200, statusMessage: '' });
		expect(outputLeaves(item.json).values).toContain('kept');
	});

	// croppedImages.ts used to copy members with `copy[key] = …`, which for '__proto__' set the
	// copy's prototype instead of keeping the member.
	it('keeps a member named "__proto__"', async () => {
		const [item] = await handle(VARIANTS[0], { body: '{"ErrorCode":"0","__proto__":{"x":"kept"}}', headers: {}, statusCode: 200, statusMessage: '' });
		expect(outputLeaves(item.json).values).toContain('kept');
	});
});

// ---------------------------------------------------------------- real-shaped answers

/**
 * Answers of the real shape (etop-api-facts.md, "Real response bodies"): results with a pid, a
 * type and FieldList entries `{key?, chn_key?, value}` with random detail members, wrapped in
 * levels of random depth whose other members are random bookkeeping. Values are tagged, so that
 * where each one comes out can be told: `VALUE:n` (a field's value) must be among the fields,
 * `DETAIL:n` (a member of an entry or result) and `BOOK:n` (a wrapper's bookkeeping) never.
 */
let tags = 0;
const tagged = (kind: 'VALUE' | 'DETAIL' | 'BOOK') => fc.constant(null).map(() => `${kind}:${++tags}`);

const KNOWN = new Set([...NAME_MEMBERS, ...LABEL_MEMBERS, ...VALUE_MEMBERS, ...META_KEYS, ...PID_MEMBERS, ...TYPE_MEMBERS, ...CONTAINER_MEMBERS, ...DOCUMENT_LIST_MEMBERS, ...RESULT_LIST_MEMBERS, 'FieldList', '__proto__']);
const freeName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,9}$/).filter((name) => !KNOWN.has(name));
const detailName = fc.oneof(fc.constantFrom('image_data', 'position', 'quad', 'score', 'confidence', 'head_position'), freeName);
const detailValue = fc.oneof(
	tagged('DETAIL'),
	fc.constant(''),
	fc.integer({ min: 0, max: 99 }),
	fc.constant({ left: 0, top: 0, width: 0, height: 0 }),
	fc.tuple(tagged('DETAIL'), tagged('DETAIL')).map(([a, b]) => ({ left: a, top: b })),
	fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 8, maxLength: 8 }),
	cropImage,
);

const realEntry = fc
	.record({
		key: fc.option(fc.oneof(fc.constantFrom('IDNum', 'Name', 'Birth', 'PlateNo', 'VType', 'FirstIssueDate', ''), freeName), { nil: undefined }),
		chn_key: fc.option(fc.oneof(fc.constantFrom('身份证号码', '姓名', '总质量', '备注', '车身结构'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 })), { nil: undefined }),
		value: fc.oneof({ weight: 5, arbitrary: tagged('VALUE') }, { weight: 1, arbitrary: fc.constant('') }),
		details: fc.dictionary(detailName, detailValue, { maxKeys: 5 }),
	})
	.filter(({ key, chn_key }) => Boolean(key) || Boolean(chn_key?.trim()))
	.map(({ key, chn_key, value, details }) => ({ ...details, ...(key === undefined ? {} : { key }), ...(chn_key === undefined ? {} : { chn_key }), value }));

const realResult = fc
	.record({
		pid: fc.constantFrom(...new Set(PRODUCTS.map((product) => product.pid))),
		type: tagged('DETAIL'),
		details: fc.dictionary(fc.oneof(fc.constantFrom('direct', 'angle', 'ocr_error_code', 'image_data', 'head_image_data', 'position', 'head_position'), freeName), detailValue, { maxKeys: 5 }),
		FieldList: fc.array(realEntry, { minLength: 1, maxLength: 6 }),
	})
	.map(({ pid, type, details, FieldList }) => ({ ...details, pid, type, FieldList }));

const bookkeeping = fc.dictionary(fc.oneof(fc.constantFrom('img_data', 'PageIndex', 'Time', 'SerialId', 'ErrorCode'), freeName), fc.oneof(tagged('BOOK'), fc.integer(), fc.constant('')), { maxKeys: 4 });
const listName = fc.oneof(fc.constantFrom('PageInfo', 'Result', 'ResultList'), freeName);

/** A result list under wrapper levels of random depth (0 to 3), each with its own bookkeeping. */
const wrapped: fc.Arbitrary<{ body: IDataObject; results: number }> = fc
	.tuple(fc.array(realResult, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(bookkeeping, listName), { maxLength: 3 }))
	.map(([results, levels]) => {
		let inner: unknown[] = results;
		for (const [book, name] of levels) inner = [{ ...book, [name]: inner }];
		return { body: { ErrorCode: 0, recogInfo: { requestId: '', time: 3 }, ResultList: inner } as IDataObject, results: results.length };
	})
	.map(({ body, results }) => {
		// The cloud keeps the results under ResultList; a private install wraps them under PageInfo.
		const list = body.ResultList as unknown[];
		return { body: list.length === 1 && !('pid' in (list[0] as IDataObject)) ? { ...(list[0] as IDataObject), ErrorCode: 0 } : body, results };
	});

const REAL_VARIANTS = [VARIANTS[0], { label: 'as returned', parameters: { options: { fieldNames: 'asReturned' } }, input: {} }, VARIANTS[4]];

describe('real-shaped answers (fast-check)', () => {
	it('give every entry value as a field, no detail or bookkeeping among the fields, and every result as a document', async () => {
		await fc.assert(
			fc.asyncProperty(wrapped, fc.constantFrom(...REAL_VARIANTS), async ({ body, results }, variant) => {
				const [item] = await handle(variant, { body: JSON.stringify(body), headers: {}, statusCode: 200, statusMessage: '' });
				const { meta, fieldPositions: _positions, ...fields } = item.json as IDataObject;
				const shown = JSON.stringify(fields);
				expect(shown).not.toMatch(/DETAIL:|BOOK:/);
				for (const key of Object.keys(fields)) expect(key.split('.')[0]).not.toMatch(/^(chn_key|image_data|position|quad|score|pid|type|direct|angle)$/);
				const values = JSON.stringify(body).match(/VALUE:\d+/g) ?? [];
				const out = Object.values(fields).filter((value) => typeof value === 'string' && value.startsWith('VALUE:'));
				// Normalize Values (on by default) keeps an unreadable date as it is and beside it (…Text).
				expect([...new Set(out)].sort()).toEqual([...new Set(values)].sort());
				expect((meta as IDataObject).documentCount).toBe(results);
				expect((meta as IDataObject).detectedPid).toBe((JSON.stringify(body).match(/"pid":(\d+)/) ?? [])[1] === undefined ? undefined : Number(JSON.stringify(body).match(/"pid":(\d+)/)![1]));
				// Bookkeeping is nowhere, not even in meta; crops only when asked.
				expect(JSON.stringify(meta)).not.toMatch(/BOOK:/);
				if (!asksForCrops(variant)) expect(item.binary).toBeUndefined();
			}),
			{ numRuns: 1_000 },
		);
	}, 300_000);
});

afterAll(() => shutdownEngine());
