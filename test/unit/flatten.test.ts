import fc from 'fast-check';

import { EMPTY_KEY, ENVELOPE_MEMBERS as META_KEYS, NAME_MEMBERS, ROOT_KEY, VALUE_MEMBERS } from '../../nodes/EtopOcr/data/memberNames';
import { documentParts } from '../../nodes/EtopOcr/output/documentParts';
import { flattenFields, flattenRecords, type FlatValue } from '../../nodes/EtopOcr/output/flatten';

/** The sub-bodies of each document when the body holds several, else the body itself. */
function findDocuments(body: unknown): unknown[] {
	const documents = documentParts(body);
	return documents.length > 1 ? documents : [body];
}

// Bodies shaped like the ones public client code saw from the API (see etop-api-facts.md).
const recogInfo = {
	requestId: 'req-1',
	beginTime: '2024-05-01 10:00:00',
	endTime: '2024-05-01 10:00:03',
	time: 3062,
	responseId: 'resp-1',
};

const vinBody = { recogInfo, VIN: 'LFWSRXNH6AAD38754', ErrorCode: '0' };

const onePlateBody = {
	PlateNum: 1,
	recogInfo,
	totalMs: 3062,
	ErrorCode: '0',
	Plate: [{ 车牌颜色: '蓝色', 车牌号: '渝B8R561' }],
};

const twoPlatesBody = {
	PlateNum: 2,
	recogInfo,
	totalMs: 2950,
	ErrorCode: '0',
	Plate: [
		{ 车牌颜色: '蓝色', 车牌号: '渝B8R561' },
		{ 车牌颜色: '黄色', 车牌号: '川A12345' },
	],
};

const vehicleLicenceBody = {
	ErrorCode: '0',
	recogInfo,
	Result: [
		{
			type: '行驶证正页',
			fieldList: [
				{ key: 'PlateNo', value: '渝B8R561', chineseKey: '号牌号码', confidence: 0.98 },
				{ key: 'VIN', value: 'LFWSRXNH6AAD38754', chineseKey: '车辆识别代号', confidence: 0.95 },
				{ key: 'Address', value: '重庆市渝北区', chineseKey: '住址', confidence: 0.9 },
				{ key: 'EngineNo', value: '1234567', chineseKey: '发动机号码', confidence: 0.97 },
			],
		},
	],
};

const onPremisesBody = {
	ErrorCode: '0',
	PageInfo: [
		{
			Result: [
				{
					ResultList: [
						{ key: '姓名', value: '张三' },
						{ key: '性别', value: '男' },
						{ key: '公民身份号码', value: '110101199003071234' },
					],
				},
			],
		},
	],
};

describe('flattenFields on realistic bodies', () => {
	it('keeps the VIN and drops the envelope', () => {
		expect(flattenFields(vinBody)).toEqual({ VIN: 'LFWSRXNH6AAD38754' });
	});

	it('walks through the Plate list and keeps the Chinese keys', () => {
		expect(flattenFields(onePlateBody)).toEqual({ 车牌颜色: '蓝色', 车牌号: '渝B8R561' });
	});

	it('suffixes the fields of a second plate', () => {
		expect(Object.entries(flattenFields(twoPlatesBody))).toEqual([
			['车牌颜色', '蓝色'],
			['车牌号', '渝B8R561'],
			['车牌颜色_2', '黄色'],
			['车牌号_2', '川A12345'],
		]);
	});

	it('turns a field list of {key, value} entries into key → value, extras dotted under the key', () => {
		expect(flattenFields(vehicleLicenceBody)).toEqual({
			type: '行驶证正页',
			PlateNo: '渝B8R561',
			'PlateNo.chineseKey': '号牌号码',
			'PlateNo.confidence': 0.98,
			VIN: 'LFWSRXNH6AAD38754',
			'VIN.chineseKey': '车辆识别代号',
			'VIN.confidence': 0.95,
			Address: '重庆市渝北区',
			'Address.chineseKey': '住址',
			'Address.confidence': 0.9,
			EngineNo: '1234567',
			'EngineNo.chineseKey': '发动机号码',
			'EngineNo.confidence': 0.97,
		});
	});

	it('walks through PageInfo → Result → ResultList', () => {
		expect(flattenFields(onPremisesBody)).toEqual({
			姓名: '张三',
			性别: '男',
			公民身份号码: '110101199003071234',
		});
		expect(flattenFields({ PageInfo: [{ Result: [{ Plate: [{ 车牌号: '渝B8R561' }] }] }] })).toEqual({
			车牌号: '渝B8R561',
		});
	});

	it('suffixes every field of a second result, the type included', () => {
		const body = {
			ErrorCode: '0',
			Result: [
				{ type: '行驶证正页', fieldList: [{ key: 'PlateNo', value: '渝B8R561' }] },
				{
					type: '行驶证副页',
					fieldList: [
						{ key: 'PlateNo', value: '渝B8R561' },
						{ key: 'Weight', value: '1500kg' },
					],
				},
			],
		};
		expect(flattenFields(body)).toEqual({
			type: '行驶证正页',
			PlateNo: '渝B8R561',
			type_2: '行驶证副页',
			PlateNo_2: '渝B8R561',
			Weight: '1500kg',
		});
	});

	it('keeps field positions and base64 crops', () => {
		const body = {
			ErrorCode: '0',
			Result: [
				{
					type: '通用票据',
					fieldList: [
						{
							key: 'Amount',
							value: '35.00',
							position: [
								{ x: 10, y: 20 },
								{ x: 110, y: 40 },
							],
						},
					],
					cropImage: 'iVBORw0KGgo=',
				},
			],
		};
		expect(flattenFields(body)).toEqual({
			type: '通用票据',
			Amount: '35.00',
			'Amount.position.x': 10,
			'Amount.position.y': 20,
			'Amount.position.x_2': 110,
			'Amount.position.y_2': 40,
			cropImage: 'iVBORw0KGgo=',
		});
	});
});

describe('flattenFields rules', () => {
	it('accepts every documented key/value spelling', () => {
		expect(
			flattenFields({
				list: [
					{ key: 'a', value: 1 },
					{ Key: 'b', Value: 2 },
					{ KEY: 'c', VALUE: 3 },
					{ name: 'd', value: 4 },
					{ Name: 'e', Value: 5 },
					{ NAME: 'f', VAL: 6 },
					{ key: 'g', val: 7 },
					{ Key: 'h', Val: 8 },
				],
			}),
		).toEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 });
		expect(NAME_MEMBERS).toEqual(['key', 'Key', 'KEY', 'name', 'Name', 'NAME']);
		expect(VALUE_MEMBERS).toEqual(['value', 'Value', 'VALUE', 'val', 'Val', 'VAL']);
	});

	it('prefers `key` over `name` and keeps the other name as an extra', () => {
		expect(flattenFields([{ name: '号牌号码', key: 'PlateNo', value: '渝B8R561' }])).toEqual({
			PlateNo: '渝B8R561',
			'PlateNo.name': '号牌号码',
		});
	});

	it('uses numeric names as keys, and treats objects without a usable name or value as plain', () => {
		expect(flattenFields([{ key: 7, value: 'seven' }])).toEqual({ '7': 'seven' });
		expect(flattenFields({ passenger: { name: '张三', seat: '05车12A' } })).toEqual({
			'passenger.name': '张三',
			'passenger.seat': '05车12A',
		});
		expect(flattenFields([{ key: null, value: 'x' }])).toEqual({ key: null, value: 'x' });
		expect(flattenFields([{ key: { a: 1 }, value: 'x' }])).toEqual({ 'key.a': 1, value: 'x' });
	});

	it('keeps structured entry values under the entry key', () => {
		expect(
			flattenFields([
				{ key: '座位', value: { 车厢: '05', 座号: '12A' } },
				{ key: '金额', value: ['35.00', '10.00'] },
				{ key: '明细', value: [{ 名称: '餐费' }, { 名称: '住宿' }] },
				{ key: '备注', value: [] },
				{ key: '其他', value: {} },
			]),
		).toEqual({
			'座位.车厢': '05',
			'座位.座号': '12A',
			金额: '35.00',
			金额_2: '10.00',
			'明细.名称': '餐费',
			'明细.名称_2': '住宿',
			备注: null,
			其他: null,
		});
	});

	it('gives nested plain objects dotted paths, but walks through containers', () => {
		expect(
			flattenFields({
				名称: '重庆某某有限公司',
				签发机关: { 名称: '重庆市市场监督管理局', 日期: '2020-01-01' },
				Result: { 类型: '有限责任公司' },
				data: { 法定代表人: '李四' },
			}),
		).toEqual({
			名称: '重庆某某有限公司',
			'签发机关.名称': '重庆市市场监督管理局',
			'签发机关.日期': '2020-01-01',
			类型: '有限责任公司',
			法定代表人: '李四',
		});
	});

	it('keeps every name below a dotted path, containers and arrays included', () => {
		const body = { seal: { Result: { text: '发票专用章' }, lines: [{ t: 'a' }, { t: 'b' }] } };
		expect(flattenFields(body)).toEqual({
			'seal.Result.text': '发票专用章',
			'seal.lines.t': 'a',
			'seal.lines.t_2': 'b',
		});
	});

	it('names scalar arrays by their key and suffixes the items', () => {
		expect(flattenFields({ 乘车人: ['张三', '李四', '王五'], 坐标: [[1, 2], [3]] })).toEqual({
			乘车人: '张三',
			乘车人_2: '李四',
			乘车人_3: '王五',
			坐标: 1,
			坐标_2: 2,
			坐标_3: 3,
		});
	});

	it('walks through a generic array of objects at field level', () => {
		const body = {
			明细: [
				{ 名称: '餐费', 金额: 30 },
				{ 名称: '住宿', 金额: 200 },
			],
		};
		expect(flattenFields(body)).toEqual({
			名称: '餐费',
			金额: 30,
			名称_2: '住宿',
			金额_2: 200,
		});
	});

	it('never overwrites: a suffix skips keys the body already uses', () => {
		const flat = flattenFields({ a: [{ x: 1 }, { x: 2 }, { x_2: 'literal' }, { x: 3 }] });
		expect(flat).toEqual({ x: 1, x_2: 2, x_2_2: 'literal', x_3: 3 });
		expect(flattenFields([{ x: 1 }, { x_2: 'literal' }, { x: 2 }])).toEqual({
			x: 1,
			x_2: 'literal',
			x_3: 2,
		});
	});

	it('gives empty names a stable placeholder', () => {
		expect(EMPTY_KEY).toBe('(empty)');
		expect(flattenFields({ '': 'a', list: [{ key: '', value: 'b' }] })).toEqual({
			[EMPTY_KEY]: 'a',
			[`${EMPTY_KEY}_2`]: 'b',
		});
	});

	it('marks empty objects and arrays under a name with null', () => {
		expect(flattenFields({ Plate: [], info: {}, list: [{}, []] })).toEqual({
			Plate: null,
			info: null,
			list: null,
			list_2: null,
		});
		expect(flattenFields({})).toEqual({});
		expect(flattenFields([])).toEqual({});
	});

	it('skips envelope members at every depth, with their content', () => {
		expect(META_KEYS).toEqual([
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
		]);
		expect(
			flattenFields({
				ErrorCode: '0',
				ErrorMessage: '',
				PageInfo: [{ ErrorCode: '0', recogInfo, Result: [{ 姓名: '张三', totalMs: 5 }] }],
			}),
		).toEqual({ 姓名: '张三' });
		// Envelope names are only skipped as member names; an entry may use them as a field name.
		expect(flattenFields([{ key: 'ErrorCode', value: 'E1' }])).toEqual({ ErrorCode: 'E1' });
		// Member names are case-sensitive.
		expect(flattenFields({ errorCode: '0' })).toEqual({ errorCode: '0' });
	});

	it('puts nameless values under ROOT_KEY', () => {
		expect(ROOT_KEY).toBe('value');
		expect(flattenFields('识别失败')).toEqual({ value: '识别失败' });
		expect(flattenFields(0)).toEqual({ value: 0 });
		expect(flattenFields(null)).toEqual({ value: null });
		expect(flattenFields(['a', 'b'])).toEqual({ value: 'a', value_2: 'b' });
	});

	it('ignores what JSON cannot carry', () => {
		expect(flattenFields(undefined)).toEqual({});
		const body = {
			a: Number.NaN,
			b: Number.POSITIVE_INFINITY,
			c: undefined,
			d: () => 1,
			e: 'kept',
			f: [Number.NaN],
		};
		expect(flattenFields(body)).toEqual({ e: 'kept' });
		expect(flattenFields([{ key: 'k', value: Number.NaN, confidence: 1 }])).toEqual({ 'k.confidence': 1 });
	});

	it('survives a cyclic object', () => {
		const body: Record<string, unknown> = { a: 1 };
		body.self = body;
		body.list = [body, { b: 2 }];
		expect(flattenFields(body)).toEqual({ a: 1, b: 2 });
	});

	it('keeps a "__proto__" member as a plain field', () => {
		const flat = flattenFields(JSON.parse('{"__proto__": "x", "a": 1}'));
		expect(Object.keys(flat)).toEqual(['__proto__', 'a']);
		expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
		expect(flat.a).toBe(1);
	});

	it('is deterministic and does not change its input', () => {
		const body = JSON.parse(JSON.stringify(vehicleLicenceBody));
		const first = flattenFields(body);
		expect(Object.entries(flattenFields(body))).toEqual(Object.entries(first));
		expect(body).toEqual(vehicleLicenceBody);
	});
});

/**
 * Independent count of what flattenFields must keep: every scalar leaf outside META_KEYS except
 * the names of key/value entries, plus one null per empty object or array that is not the body.
 */
function expectedValues(body: unknown): { leaves: FlatValue[]; empties: number } {
	const leaves: FlatValue[] = [];
	let empties = 0;
	const nameMemberOf = (object: Record<string, unknown>): string | undefined => {
		const nameMember = NAME_MEMBERS.find(
			(m) => m in object && (typeof object[m] === 'string' || typeof object[m] === 'number'),
		);
		return nameMember !== undefined && VALUE_MEMBERS.some((m) => m in object) ? nameMember : undefined;
	};
	const visit = (node: unknown, isBody: boolean): void => {
		if (node === null || typeof node !== 'object') {
			leaves.push(node as FlatValue);
		} else if (Array.isArray(node)) {
			if (node.length === 0 && !isBody) empties++;
			for (const item of node) visit(item, false);
		} else {
			const object = node as Record<string, unknown>;
			const members = Object.keys(object);
			if (members.length === 0 && !isBody) empties++;
			const nameMember = nameMemberOf(object);
			for (const member of members) {
				if (member === nameMember || META_KEYS.includes(member)) continue;
				const before = leaves.length + empties;
				visit(object[member], false);
				// An entry's value that shows nothing still keeps the entry's name, with null.
				const value = object[member];
				const isEntryValue = nameMember !== undefined && member === VALUE_MEMBERS.find((m) => m in object);
				if (isEntryValue && value !== null && typeof value === 'object' && leaves.length + empties === before) empties++;
			}
		}
	};
	visit(body, true);
	return { leaves, empties };
}

function tally(values: FlatValue[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) {
		const key = `${typeof value}:${JSON.stringify(value)}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

// JSON values whose keys often hit the special names, so entries, envelopes and containers occur.
const memberName = fc.oneof(
	fc.constantFrom(...NAME_MEMBERS, ...VALUE_MEMBERS, ...META_KEYS),
	fc.constantFrom('Result', 'PageInfo', 'Plate', 'x', 'x_2', ''),
	fc.string({ maxLength: 4 }),
);
const scalar = fc.oneof(
	fc.string({ maxLength: 6 }),
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.boolean(),
	fc.constant(null),
);
const { json } = fc.letrec((tie) => ({
	json: fc.oneof(
		{ depthSize: 'small' },
		scalar,
		fc.array(tie('json'), { maxLength: 4 }),
		fc.dictionary(memberName, tie('json'), { maxKeys: 5 }),
	),
}));

describe('flattenFields properties', () => {
	it('loses no scalar value and invents nothing but nulls for empty containers', () => {
		fc.assert(
			fc.property(fc.oneof(json, fc.jsonValue()), (body) => {
				const { leaves, empties } = expectedValues(body);
				const actual = Object.values(flattenFields(body));
				const expected = tally([...leaves, ...Array<FlatValue>(empties).fill(null)]);
				expect(tally(actual)).toEqual(expected);
			}),
			{ numRuns: 500 },
		);
	});

	it('gives the same fields in the same order for an equal body', () => {
		fc.assert(
			fc.property(json, (body) => {
				const copy = structuredClone(body);
				expect(Object.entries(flattenFields(copy))).toEqual(Object.entries(flattenFields(body)));
			}),
			{ numRuns: 200 },
		);
	});

	it('never throws, whatever it is given', () => {
		const anything = fc.anything({
			withNullPrototype: true,
			withMap: true,
			withSet: true,
			withBigInt: true,
		});
		fc.assert(
			fc.property(anything, (body) => {
				for (const value of Object.values(flattenFields(body))) {
					expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
				}
				expect(() => findDocuments(body)).not.toThrow();
			}),
			{ numRuns: 300 },
		);
	});
});

describe('findDocuments', () => {
	it('returns [body] itself for a single document', () => {
		for (const body of [vinBody, onePlateBody, vehicleLicenceBody, onPremisesBody]) {
			const documents = findDocuments(body);
			expect(documents).toHaveLength(1);
			expect(documents[0]).toBe(body);
		}
	});

	it('splits several plates', () => {
		expect(findDocuments(twoPlatesBody)).toEqual(twoPlatesBody.Plate);
		expect(findDocuments(twoPlatesBody)[1]).toBe(twoPlatesBody.Plate[1]);
	});

	it('splits a result list with several tickets or auto-classification results', () => {
		const tickets = [
			{ type: '火车票', fieldList: [{ key: 'TrainNo', value: 'G1234' }] },
			{ type: '出租车票', fieldList: [{ key: 'Amount', value: '35.00' }] },
			{ type: '定额发票', fieldList: [{ key: 'Amount', value: '10' }] },
		];
		expect(findDocuments({ ErrorCode: '0', recogInfo, Result: tickets })).toEqual(tickets);
		const classified = [
			{ type: '身份证', 姓名: '张三' },
			{ type: '银行卡', 卡号: '6222020000000000000' },
		];
		expect(findDocuments({ ErrorCode: '0', Result: classified })).toEqual(classified);
	});

	it('splits pages, and descends through wrappers inside them', () => {
		const pages = {
			PageInfo: [
				{ Result: [{ ResultList: [{ key: '姓名', value: '张三' }] }] },
				{ Result: [{ ResultList: [{ key: '姓名', value: '李四' }] }] },
			],
		};
		expect(findDocuments(pages)).toEqual([
			{ ResultList: [{ key: '姓名', value: '张三' }] },
			{ ResultList: [{ key: '姓名', value: '李四' }] },
		]);
		const platesInPage = { PageInfo: [{ Result: [{ Plate: [{ 车牌号: '渝B8R561' }, { 车牌号: '川A12345' }] }] }] };
		expect(findDocuments(platesInPage)).toEqual([{ 车牌号: '渝B8R561' }, { 车牌号: '川A12345' }]);
	});

	it('splits a body that is itself a list of documents', () => {
		const body = [{ VIN: 'A' }, { VIN: 'B' }];
		expect(findDocuments(body)).toEqual(body);
	});

	it('does not split a document that has members beside its list', () => {
		const invoice = {
			ErrorCode: '0',
			发票号码: '01234567',
			Result: [
				{ 名称: '餐费', 金额: 30 },
				{ 名称: '住宿', 金额: 200 },
			],
		};
		expect(findDocuments(invoice)).toEqual([invoice]);
		const result = {
			Result: [{ type: '行驶证', fieldList: [{ key: 'A', value: 1 }, { key: 'B', value: 2 }] }],
		};
		expect(findDocuments(result)).toEqual([result]);
	});

	it('does not split field lists, lists under other names, or ResultList', () => {
		const entries = { Result: [{ key: 'A', value: 1 }, { key: 'B', value: 2 }] };
		expect(findDocuments(entries)).toEqual([entries]);
		const items = { 明细: [{ 名称: '餐费' }, { 名称: '住宿' }] };
		expect(findDocuments(items)).toEqual([items]);
		const resultList = { Result: [{ ResultList: [{ 姓名: '张三' }, { 性别: '男' }] }] };
		expect(findDocuments(resultList)).toEqual([resultList]);
		const mixed = { Result: [{ a: 1 }, 'text'] };
		expect(findDocuments(mixed)).toEqual([mixed]);
	});

	it('returns [body] for scalars and empty bodies', () => {
		expect(findDocuments('识别失败')).toEqual(['识别失败']);
		expect(findDocuments(null)).toEqual([null]);
		expect(findDocuments({ ErrorCode: '3' })).toEqual([{ ErrorCode: '3' }]);
		expect(findDocuments({ Plate: [] })).toEqual([{ Plate: [] }]);
	});

	it('gives per-document flat fields without suffixes', () => {
		expect(findDocuments(twoPlatesBody).map(flattenFields)).toEqual([
			{ 车牌颜色: '蓝色', 车牌号: '渝B8R561' },
			{ 车牌颜色: '黄色', 车牌号: '川A12345' },
		]);
	});
});

describe('flattenRecords', () => {
	it('tells each value\'s field occurrence, its names as returned and the lists it sat in', () => {
		const body = {
			ErrorCode: '0',
			ResultList: [
				{
					type: '行驶证主页',
					FieldList: [
						{ key: 'PlateNo', value: '浙A12345', position: { left: 1 } },
						{ key: 'PlateNo', value: '浙A54321', chn_key: '号牌号码' },
						{ chn_key: '总质量', value: '1830kg' },
					],
				},
			],
		};
		expect(flattenRecords(body)).toEqual([
			{ key: 'type', path: ['type'], field: 'type', within: ['ResultList'], detail: false, value: '行驶证主页' },
			{ key: 'PlateNo', path: ['PlateNo'], field: 'PlateNo', within: ['ResultList', 'FieldList'], detail: false, value: '浙A12345' },
			{
				key: 'PlateNo.position.left',
				path: ['PlateNo', 'position', 'left'],
				field: 'PlateNo',
				within: ['ResultList', 'FieldList'],
				detail: true,
				value: 1,
			},
			{ key: 'PlateNo_2', path: ['PlateNo'], field: 'PlateNo_2', within: ['ResultList', 'FieldList'], detail: false, value: '浙A54321' },
			{
				key: 'PlateNo_2.chn_key',
				path: ['PlateNo', 'chn_key'],
				field: 'PlateNo_2',
				within: ['ResultList', 'FieldList'],
				detail: true,
				value: '号牌号码',
			},
			// An entry without a key is named by its label.
			{ key: '总质量', path: ['总质量'], field: '总质量', within: ['ResultList', 'FieldList'], detail: false, label: '总质量', value: '1830kg' },
		]);
	});

	it('keeps a nested object\'s repeated leaves in one field, suffixed at the leaf', () => {
		const records = flattenRecords({ Plate: [{ position: { left: 1 } }, { position: { left: 2 } }] });
		expect(records.map(({ key, field, path }) => [key, field, path])).toEqual([
			['position.left', 'position', ['position', 'left']],
			['position.left_2', 'position', ['position', 'left']],
		]);
	});

	it('gives exactly the keys and values of flattenFields', () => {
		fc.assert(
			fc.property(json, (body) => {
				const records = flattenRecords(body);
				expect(Object.fromEntries(records.map((record) => [record.key, record.value]))).toEqual(flattenFields(body));
				for (const record of records) {
					expect(record.key.startsWith(record.field)).toBe(true);
					expect(record.path.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 300 },
		);
	});
});

describe('documentParts and documents in a ResultList', () => {
	const entry = (pid: number, type: string) => ({ pid, type, FieldList: [{ key: 'Name', value: type }] });

	it('splits a ResultList whose items name their product or carry their own field list', () => {
		const results = [entry(2, '身份证'), entry(41, '营业执照')];
		expect(findDocuments({ ErrorCode: '0', recogInfo, ResultList: results })).toEqual(results);
		const classifiedOnly = [
			{ pid: 2, type: '身份证', score: 98.6 },
			{ pid: '21', type: '增值税发票', score: 97 },
		];
		expect(findDocuments({ ResultList: classifiedOnly })).toEqual(classifiedOnly);
		const fieldsOnly = [{ FieldList: [{ key: 'A', value: 1 }] }, { FieldList: [{ key: 'B', value: 2 }] }];
		expect(findDocuments({ ResultList: fieldsOnly })).toEqual(fieldsOnly);
	});

	it('does not split text lines, table cells or plain field objects in a ResultList', () => {
		const lines = { ResultList: [{ type: 'text', value: '一' }, { type: 'text', value: '二' }] };
		expect(findDocuments(lines)).toEqual([lines]);
		const mixed = { ResultList: [entry(2, '身份证'), { type: 'text', value: '二' }] };
		expect(findDocuments(mixed)).toEqual([mixed]);
	});

	it('splits a Ticket list beside its TicketNum', () => {
		const tickets = [{ 票据类型: '火车票', 车次: 'G7512' }, { 票据类型: '出租车票', 金额: '¥38.00' }];
		expect(findDocuments({ TicketNum: 2, Ticket: tickets })).toEqual(tickets);
		expect(flattenFields({ TicketNum: 2, Ticket: tickets })).toEqual({
			票据类型: '火车票',
			车次: 'G7512',
			票据类型_2: '出租车票',
			金额: '¥38.00',
		});
	});

	it('gives the innermost document even when there is only one, and none for an empty list', () => {
		const one = entry(5, '行驶证主页');
		expect(documentParts({ ErrorCode: '0', ResultList: [one] })).toEqual([one]);
		expect(documentParts({ ErrorCode: '0', ResultList: [] })).toEqual([]);
		expect(documentParts({ PlateNum: 0, Plate: [] })).toEqual([]);
		expect(documentParts(vinBody)).toEqual([vinBody]);
		// An empty list under any other name is a field, not an empty document list.
		expect(documentParts({ 明细: [] })).toEqual([{ 明细: [] }]);
	});
});
