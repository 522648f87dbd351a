import fc from 'fast-check';

import { CROP_MEMBERS, PID_MEMBERS, POSITION_MEMBERS } from '../../nodes/EtopOcr/data/memberNames';
import { shapeDocument, type ShapedDocument } from '../../nodes/EtopOcr/output/documents';
import { documentParts } from '../../nodes/EtopOcr/output/documentParts';
import { flattenFields, type FlatValue } from '../../nodes/EtopOcr/output/flatten';
import { layOut } from '../../nodes/EtopOcr/output/layout';
import { documentMeta } from '../../nodes/EtopOcr/output/meta';
import { readBox, type PositionPart } from '../../nodes/EtopOcr/output/positions';
import type { ShapeSettings } from '../../nodes/EtopOcr/params/parameters';

const ENGLISH: ShapeSettings = { naming: 'english', normalize: false };
const NORMALIZED: ShapeSettings = { naming: 'english', normalize: true };
const AS_RETURNED: ShapeSettings = { naming: 'asReturned', normalize: false };

function shape(body: unknown, pid: number, settings: ShapeSettings): { documents: ShapedDocument[]; laid: ReturnType<typeof layOut> } {
	const documents = documentParts(body).map((part) => shapeDocument(part, pid, settings));
	return { documents, laid: layOut(documents.flatMap((document) => document.fields)) };
}

const parts = (object: Record<string, unknown>): PositionPart[] =>
	Object.entries(object).map(([name, value]) => ({ path: [name], value: value as FlatValue }));
const list = (values: FlatValue[]): PositionPart[] => values.map((value) => ({ path: [], value }));

describe('readBox: every position shape becomes {left, top, width, height}', () => {
	const box = { left: 60, top: 40, width: 66, height: 28 };

	it.each([
		['position {left, top, width, height}', 'position', parts({ left: 60, top: 40, width: 66, height: 28 })],
		['position {left, top, right, bottom}', 'position', parts({ left: 60, top: 40, right: 126, bottom: 68 })],
		['rect {x, y, w, h} as text', 'rect', parts({ x: '60', y: '40', w: '66', h: '28' })],
		['Position {Left, Top, Width, Height}', 'Position', parts({ Left: 60, Top: 40, Width: 66, Height: 28 })],
		['quad of 8 numbers', 'quad', list([60, 40, 126, 40, 126, 68, 60, 68])],
		['quad of 8 numbers, tilted', 'quad', list([62, 40, 126, 42, 124, 68, 60, 66])],
		['points [{x, y} ×4]', 'points', ['x', 'y', 'x', 'y', 'x', 'y', 'x', 'y'].map((name, index) => ({ path: [name], value: [60, 40, 126, 40, 126, 68, 60, 68][index] }))],
		['quad {x1, y1 … x4, y4}', 'quad', parts({ x1: 60, y1: 40, x2: 126, y2: 40, x3: 126, y3: 68, x4: 60, y4: 68 })],
	])('%s', (_label, member, found) => {
		expect(readBox(new Map([[member, found]]))).toEqual(box);
	});

	it('prefers the rectangle over the corners', () => {
		const found = new Map([
			['quad', list([0, 0, 1, 0, 1, 1, 0, 1])],
			['position', parts({ left: 60, top: 40, width: 66, height: 28 })],
		]);
		expect(readBox(found)).toEqual(box);
	});

	it.each([
		['a member twice (two boxes under one name)', 'position', [...parts({ left: 1, top: 2, width: 3, height: 4 }), ...parts({ left: 5 })]],
		['no size', 'position', parts({ left: 1, top: 2 })],
		['a negative size', 'position', parts({ left: 10, top: 2, right: 5, bottom: 4 })],
		['words', 'position', parts({ left: 'left', top: 2, width: 3, height: 4 })],
		['two quads', 'quad', list([0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1])],
		['half a quad', 'quad', list([0, 0, 1, 0])],
		['an unknown member', 'location', parts({ left: 1, top: 2, width: 3, height: 4 })],
	])('reads nothing from %s', (_label, member, found) => {
		expect(readBox(new Map([[member, found as PositionPart[]]]))).toBeUndefined();
	});
});

describe('shapeDocument and layOut', () => {
	it('unwraps {value, position, quad} fields and puts their box in the positions', () => {
		const body = {
			ErrorCode: '0',
			姓名: { value: '王晓明', position: { left: 60, top: 40, width: 66, height: 28 }, quad: [60, 40, 126, 40, 126, 68, 60, 68] },
			性别: { value: '男', quad: [60, 78, 78, 78, 78, 106, 60, 106] },
		};
		const { laid } = shape(body, 2, ENGLISH);
		expect(laid.fields).toEqual({ name: '王晓明', sex: '男' });
		expect(laid.positions).toEqual({
			name: { left: 60, top: 40, width: 66, height: 28 },
			sex: { left: 60, top: 78, width: 18, height: 28 },
		});
		// The same as returned: only the names differ.
		expect(shape(body, 2, AS_RETURNED).laid).toEqual({
			fields: { 姓名: '王晓明', 性别: '男' },
			positions: { 姓名: laid.positions.name, 性别: laid.positions.sex },
			labels: {},
			scores: {},
			details: {},
			unparsed: [],
		});
	});

	it('keeps a position it cannot read as returned, under the field', () => {
		const { laid } = shape({ 姓名: { value: '王晓明', position: '60,40,66,28' } }, 2, ENGLISH);
		expect(laid.fields).toEqual({ name: '王晓明' });
		expect(laid.details).toEqual({ name: { position: '60,40,66,28' } });
		expect(laid.positions).toEqual({});
		// The all-zero box real answers send for an empty field is no position at all.
		const empty = shape({ ResultList: [{ pid: 2, FieldList: [{ key: 'Name', value: '', position: { left: 0, top: 0, width: 0, height: 0 }, quad: [0, 0, 0, 0, 0, 0, 0, 0] }] }] }, 2, ENGLISH);
		expect(empty.laid).toMatchObject({ fields: { name: '' }, positions: {}, details: {} });
	});

	it('names key/value entries by key, else by their Chinese label; labels, scores and other entry members go to meta', () => {
		const body = {
			ResultList: [
				{
					pid: 5,
					type: '行驶证主页',
					ocr_error_code: 0,
					angle: 90,
					remark: 'kept as a field',
					position: { left: 20, top: 20, width: 640, height: 404 },
					FieldList: [
						{ key: 'PlateNo', chn_key: '号牌号码', value: '浙A12345', confidence: 0.98 },
						{ key: 'Plate_No', chn_key: '号牌号码', value: '浙A12345' },
						{ key: 'Owner', chn_key: '所有人(单位)', value: '王晓明' },
						{ key: 'Colour', chn_key: '车身颜色', value: '白' },
						{ chn_key: '总质量', value: '1830kg' },
						{ key: '', chn_key: '备注', value: '' },
						{ chn_key: '车身结构', value: '承载式' },
					],
				},
			],
		};
		const { documents, laid } = shape(body, 5, ENGLISH);
		expect(laid.fields).toEqual({
			plateNumber: '浙A12345',
			// Named by its label when the dictionary does not know its key.
			plateNumber_2: '浙A12345',
			owner: '王晓明',
			// An English key no dictionary knows (nor its label) comes out in camelCase.
			colour: '白',
			totalMass: '1830kg',
			remarks: '',
			// A Chinese label no dictionary knows stays as returned.
			车身结构: '承载式',
		});
		expect(laid.labels).toEqual({
			plateNumber: '号牌号码',
			plateNumber_2: '号牌号码',
			owner: '所有人(单位)',
			colour: '车身颜色',
			totalMass: '总质量',
			remarks: '备注',
			车身结构: '车身结构',
		});
		expect(laid.scores).toEqual({ plateNumber: 0.98 });
		expect(laid.details).toEqual({});
		// As returned: the key, else the label, names the field.
		expect(Object.keys(shape(body, 5, AS_RETURNED).laid.fields)).toEqual(['PlateNo', 'Plate_No', 'Owner', 'Colour', '总质量', '备注', '车身结构']);
		expect(documents[0].info).toEqual({ pid: 5, documentType: 'Vehicle Licence', typeText: '行驶证主页' });
		expect(documents[0].position).toEqual({ left: 20, top: 20, width: 640, height: 404 });
		// The result's own reading details go with the document, not among its fields.
		expect(documents[0].details).toEqual({ ocr_error_code: 0, angle: 90, remark: 'kept as a field' });
	});

	it('keeps result detail names as fields where the record is no result', () => {
		const { documents, laid } = shape({ ocr_error_code: 0, score: 98.6, 姓名: '王晓明' }, 2, ENGLISH);
		expect(documents[0].details).toBeUndefined();
		expect(laid.fields).toEqual({ ocrErrorCode: 0, score: 98.6, name: '王晓明' });
		// A result that names its product but has no field list (classification only, 667).
		const classified = shape({ ResultList: [{ pid: 2, type: '身份证人像页', direct: 0, score: 98.6, image_data: '', 姓名: '王晓明' }] }, 667, ENGLISH);
		expect(classified.documents[0].details).toEqual({ direct: 0, score: 98.6 });
		expect(classified.laid.fields).toEqual({ name: '王晓明' });
	});

	it('never loses a value when names collide, and gives companions the same _N', () => {
		const body = { 出生: '1990年4月22日', Birth: '1990.04.22', name: 'as returned', 姓名: '王晓明', meta: 'a field called meta' };
		const { laid } = shape(body, 2, NORMALIZED);
		expect(laid.fields).toEqual({
			birthDate: '1990-04-22',
			birthDateText: '1990年4月22日',
			birthDate_2: '1990-04-22',
			birthDateText_2: '1990.04.22',
			name: 'as returned',
			name_2: '王晓明',
			meta_2: 'a field called meta',
		});
	});

	it('flags values that do not read, keeps their text and the same columns', () => {
		const body = { 出生: '1990年4月', 有效期限: '10年', 性别: '未知', 民族: '汉', 地址: '' };
		const { laid } = shape(body, 2, NORMALIZED);
		expect(laid.fields).toEqual({
			birthDate: '1990年4月',
			birthDateText: '1990年4月',
			validPeriod: '10年',
			validPeriodStart: null,
			validPeriodEnd: null,
			sex: '未知',
			sexText: '未知',
			ethnicity: '汉',
			address: '',
		});
		expect(laid.unparsed).toEqual(['birthDate', 'validPeriod', 'sex']);
	});

	it('reads typed fields of unknown-named documents not at all, and a blank typed value as null', () => {
		expect(shape({ 出生日期: '1985年6月1日' }, 11, NORMALIZED).laid).toEqual({ fields: { 出生日期: '1985年6月1日' }, positions: {}, labels: {}, scores: {}, details: {}, unparsed: [] });
		expect(shape({ 出生: ' ' }, 2, NORMALIZED).laid.fields).toEqual({ birthDate: null, birthDateText: ' ' });
	});

	it('uses the dictionary for the kind when names stay as returned', () => {
		const { laid } = shape({ 出生: '1990年4月22日', 性别: '男' }, 2, { naming: 'asReturned', normalize: true });
		expect(laid.fields).toEqual({ 出生: '1990-04-22', 出生Text: '1990年4月22日', 性别: 'male', 性别Text: '男' });
	});

	it('names the line items of a VAT invoice apart from its totals', () => {
		const body = { 金额: '¥1092.48', 税额: '¥142.02', 明细: [{ 金额: '1092.48', 税额: '142.02', 税率: '13%' }] };
		expect(shape(body, 21, NORMALIZED).laid.fields).toEqual({
			netAmount: 1092.48,
			netAmountText: '¥1092.48',
			taxAmount: 142.02,
			taxAmountText: '¥142.02',
			itemAmount: 1092.48,
			itemAmountText: '1092.48',
			itemTaxAmount: 142.02,
			itemTaxAmountText: '142.02',
			itemTaxRate: '13%',
		});
	});

	it('tells auto-classified documents by their pid, or by their type text when the pid is missing', () => {
		const body = {
			ResultList: [
				{ pid: '41', type: '营业执照', FieldList: [{ key: 'Name', value: '杭州某某科技有限公司' }] },
				{ type: '居民身份证人像页', FieldList: [{ key: 'Name', value: '王晓明' }] },
				{ type: '看不懂的证件', FieldList: [{ key: 'Name', value: '?' }] },
			],
		};
		const { documents, laid } = shape(body, 666, ENGLISH);
		expect(documents.map((document) => document.info)).toEqual([
			{ pid: 41, documentType: 'Business Licence', typeText: '营业执照' },
			{ pid: 2, documentType: 'ID Card', typeText: '居民身份证人像页' },
			{ pid: null, documentType: null, typeText: '看不懂的证件' },
		]);
		// Each document is named with its own family: 名称/Name is companyName on a business licence.
		expect(laid.fields).toEqual({ companyName: '杭州某某科技有限公司', name: '王晓明', name_2: '?' });
	});

	it('tells the products sharing pid 22 apart by the receipt type', () => {
		const body = { TicketNum: 3, Ticket: [{ 票据类型: '火车票' }, { 票据类型: '航空运输电子客票行程单' }, { 票据类型: '通用机打发票' }] };
		expect(shape(body, 22, ENGLISH).documents.map((document) => document.info.documentType)).toEqual([
			'Train Ticket',
			'Itinerary',
			'General Receipt',
		]);
		expect(shape({ Ticket: [{ 票据类型: '某种票' }] }, 22, ENGLISH).documents[0].info).toEqual({
			pid: 22,
			documentType: 'Train Ticket / Taxi Receipt / Itinerary / Quota Invoice / General Receipt',
			typeText: '某种票',
		});
	});

	it('says an empty result list holds no document, and has no fields for it', () => {
		const { documents, laid } = shape({ ErrorCode: '0', ResultList: [] }, 666, ENGLISH);
		expect(documents).toEqual([]);
		expect(laid.fields).toEqual({});
		// What is not known is left out, not null.
		expect(documentMeta({ documents, count: 0 })).toEqual({
			documentCount: 0,
		});
	});

	it('leaves out an empty name member beside an entry\'s name, but keeps an empty name inside a list (fast-check found it lost)', () => {
		expect(shape({ value: 'x', chn_key: '姓名', key: '', name: '' }, 2, ENGLISH).laid.details).toEqual({});
		const { laid } = shape({ value: [], key: '', name: [''] }, 2, ENGLISH);
		expect(laid.fields).toEqual({ '(empty)': null });
		expect(laid.details).toEqual({ '(empty)': { name: '' } });
	});

	it('keeps descriptor-like members that are not one as fields', () => {
		const { documents, laid } = shape({ pid: 'abc', type: '', position: { left: 1 } }, 2, ENGLISH);
		expect(documents[0].info).toEqual({ pid: 2, documentType: 'ID Card', typeText: null });
		expect(laid.fields).toEqual({ pid: 'abc', type: '', 'position.left': 1 });
	});
});

// JSON bodies whose member names often hit the dictionaries, entries, labels and containers.
const memberName = fc.oneof(
	fc.constantFrom('姓名', '出生', 'Birth', '性别', '有效期限', 'IDNum', '地址', 'value', 'key', 'chn_key', 'name', 'score', 'Result', 'FieldList', 'SealList', '明细', '金额', 'meta', 'x_2'),
	fc.string({ maxLength: 4 }).filter((name) => !POSITION_MEMBERS.includes(name) && !(name in CROP_MEMBERS) && !PID_MEMBERS.includes(name)),
);
const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('1990年4月22日', '男', '¥1,234.50', '2016.05.10-长期'), fc.integer(), fc.boolean(), fc.constant(null));
const { json } = fc.letrec((tie) => ({
	json: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('json'), { maxLength: 4 }), fc.dictionary(memberName, tie('json'), { maxKeys: 5 })),
}));
const body = fc.dictionary(memberName, json, { maxKeys: 6 });

function tally(values: unknown[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(`${typeof value}:${String(value)}`, (counts.get(`${typeof value}:${String(value)}`) ?? 0) + 1);
	return counts;
}

/** The values of flattenFields, document by document (an empty document list has none). */
const flatValues = (generated: unknown) => documentParts(generated).flatMap((part) => Object.values(flattenFields(part)));

/** Every scalar of a descriptor or meta block, deep. */
function leaves(value: unknown): unknown[] {
	if (value === null || typeof value !== 'object') return value === undefined ? [] : [value];
	return Object.values(value).flatMap(leaves);
}

describe('shaping loses nothing (fast-check)', () => {
	// Positions and crops are not values: a box is rewritten (right → width) and a crop is binary.
	it.each([
		['as returned', AS_RETURNED],
		['with English names', ENGLISH],
	])('%s, every value is a field or in what meta says about a field or document, and no field is invented', (_label, settings) => {
		fc.assert(
			fc.property(body, (generated) => {
				const { documents, laid } = shape(generated, 2, settings);
				const flat = tally(flatValues(generated));
				const fields = tally(Object.values(laid.fields));
				for (const [value, count] of fields) expect([value, count <= (flat.get(value) ?? 0)]).toEqual([value, true]);
				const described = tally([
					...Object.values(laid.fields),
					...leaves([laid.labels, laid.scores, laid.details]),
					...documents.flatMap((document) => leaves([document.info.pid, document.info.typeText, document.details])),
				]);
				for (const [value, count] of flat) expect([value, (described.get(value) ?? 0) >= count]).toEqual([value, true]);
			}),
			{ numRuns: 500 },
		);
	});

	it('when normalizing, keeps every original text, as the value or beside it', () => {
		fc.assert(
			fc.property(body, (generated) => {
				const english = tally(Object.values(shape(generated, 2, ENGLISH).laid.fields));
				const normalized = tally(Object.values(shape(generated, 2, NORMALIZED).laid.fields));
				for (const [value, count] of english) expect(normalized.get(value) ?? 0).toBeGreaterThanOrEqual(count);
			}),
			{ numRuns: 500 },
		);
	});
});

// The answers of the facts file's "Real response bodies" (../shared/notes/etop-api-facts.md).
describe('real answers: cloud and on-premises give the same documents', () => {
	const box = { left: 60, top: 40, width: 336, height: 28 };
	const quad = [60, 40, 396, 40, 396, 68, 60, 68];
	const entry = (key: string | undefined, chn: string, value: string, extra: Record<string, unknown> = {}) => ({
		...(key === undefined ? {} : { key }),
		chn_key: chn,
		value,
		image_data: '',
		position: box,
		quad,
		...extra,
	});
	const idCard = (score?: number) => ({
		pid: 2,
		type: '身份证人像页',
		position: { left: 20, top: 20, width: 640, height: 404 },
		direct: 0,
		angle: 0,
		image_data: '',
		head_image_data: '',
		head_position: { left: 470, top: 100, width: 150, height: 190 },
		ocr_error_code: 0,
		FieldList: [
			['IDNum', '身份证号码', '330106198412031234'],
			['Name', '姓名', '王晓明'],
			['Sex', '性别', '男'],
			['Nation', '民族', '汉'],
			['Birth', '出生', '19841203'],
			['Address', '地址', '浙江省杭州市西湖区文三路123号'],
		].map(([key, chn, value]) => entry(key, chn, value, score === undefined ? {} : { score })),
	});
	const cloud = { ErrorCode: 0, recogInfo: { requestId: '', time: 5 }, ResultList: [idCard()] };
	const onPremises = {
		PageInfo: [{ img_data: '', PageIndex: 1, ErrorCode: 0, Result: [{ Time: 5, ErrorCode: 0, SerialId: 1796298768466000002, ResultList: [idCard(93)] }] }],
		ErrorCode: 0,
	};
	const fields = {
		idNumber: '330106198412031234',
		name: '王晓明',
		sex: '男',
		ethnicity: '汉',
		birthDate: '19841203',
		address: '浙江省杭州市西湖区文三路123号',
	};

	it.each([
		['cloud', cloud],
		['on-premises', onPremises],
	])('%s ID card: one document, English fields only, its details in meta', (_label, body) => {
		const { documents, laid } = shape(body, 2, ENGLISH);
		expect(documents).toHaveLength(1);
		expect(laid.fields).toEqual(fields);
		expect(documents[0].info).toEqual({ pid: 2, documentType: 'ID Card', typeText: '身份证人像页' });
		expect(documents[0].position).toEqual({ left: 20, top: 20, width: 640, height: 404 });
		expect(documents[0].details).toEqual({ direct: 0, angle: 0, head_position: { left: 470, top: 100, width: 150, height: 190 }, ocr_error_code: 0 });
		expect(laid.labels).toEqual({ idNumber: '身份证号码', name: '姓名', sex: '性别', ethnicity: '民族', birthDate: '出生', address: '地址' });
		expect(Object.values(laid.positions)).toEqual(Object.keys(fields).map(() => box));
		expect(laid.details).toEqual({});
		expect(laid.scores).toEqual(body === onPremises ? Object.fromEntries(Object.keys(fields).map((name) => [name, 93])) : {});
	});

	it('finds results under wrappers of any names and depth by their structure, leaving their bookkeeping behind', () => {
		const body = { ErrorCode: 0, Pages: [{ page_no: 1, Blocks: [{ elapsed: 3, uuid: 'x', Items: [idCard(), idCard()] }] }] };
		const parts = documentParts(body);
		expect(parts).toHaveLength(2);
		const { laid } = shape(body, 2, ENGLISH);
		expect(Object.keys(laid.fields)).toEqual([...Object.keys(fields), ...Object.keys(fields).map((name) => `${name}_2`)]);
		// A level with anything but scalars beside its list is a document, not a wrapper.
		expect(documentParts({ note: { a: 1 }, Items: [idCard()] })).toHaveLength(1);
		expect(documentParts({ note: { a: 1 }, Items: [idCard()] })[0]).toHaveProperty('note');
	});

	it('vehicle licence counterpart: entries with only chn_key and value, zero-size positions dropped', () => {
		const body = {
			ErrorCode: 0,
			ResultList: [
				{
					pid: 5,
					type: '行驶证副页',
					FieldList: [
						entry(undefined, '总质量', '1830kg'),
						entry(undefined, '整备质量', '1395kg'),
						entry(undefined, '核定载质量', '', { position: { left: 0, top: 0, width: 0, height: 0 }, quad: [0, 0, 0, 0, 0, 0, 0, 0] }),
						entry(undefined, '外廓尺寸', '4753×1800×1462mm'),
						entry(undefined, '备注', '', { position: { left: 0, top: 0, width: 0, height: 0 }, quad: [0, 0, 0, 0, 0, 0, 0, 0] }),
					],
				},
			],
		};
		const { laid } = shape(body, 5, NORMALIZED);
		expect(laid.fields).toEqual({
			totalMass: 1830,
			totalMassText: '1830kg',
			curbWeight: 1395,
			curbWeightText: '1395kg',
			approvedLoad: null,
			approvedLoadText: '',
			dimensions: '4753×1800×1462mm',
			remarks: '',
		});
		expect(Object.keys(laid.positions)).toEqual(['totalMass', 'curbWeight', 'dimensions']);
		expect(laid.labels).toMatchObject({ totalMass: '总质量', approvedLoad: '核定载质量', remarks: '备注' });
	});
});
