import { makePng } from '../fixtures/images';
import { PRODUCTS } from './catalogue';
import { DOCUMENTS, TABLES, TEXT_LINES, TICKETS } from './bodies';
import { b64, CREDS, fieldValues, postForm, useSandbox } from './helpers';

const sandbox = useSandbox();

async function recognise(pid: number, marker?: string, extra: Record<string, string> = {}): Promise<Record<string, any>> {
	const file = b64(makePng(marker ? { marker } : {}));
	const a = await postForm(sandbox().endpoint, { ...CREDS, pid: String(pid), file, requestId: `req-${pid}`, ...extra });
	expect(a.json).toBeDefined();
	return a.json!;
}

const TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

describe('every product of the catalogue', () => {
	it.each(PRODUCTS.map((p) => [p.pid, p.name, p.family] as const))('pid %i (%s, %s) answers a plausible success', async (pid, _name, family) => {
		const body = await recognise(pid);
		// result-list answers write ErrorCode as a number, the others (VIN, plate, ...) as a string
		expect(body.ErrorCode).toBe(family === 'fieldList' || family === 'classify' ? 0 : '0');
		expect(body.ErrorMessage).toBeUndefined();
		expect(body.recogInfo).toEqual({
			requestId: `req-${pid}`,
			beginTime: expect.stringMatching(TIME),
			endTime: expect.stringMatching(TIME),
			time: expect.any(Number),
			responseId: expect.stringMatching(/^\d+$/),
		});
		// totalMs where public samples show it (plate) and in the invented bodies; not in VIN or result lists
		expect([pid, typeof body.totalMs]).toEqual([pid, ['vin', 'fieldList', 'classify'].includes(family) ? 'undefined' : 'number']);
		// something was read: at least one non-empty text value somewhere in the body
		const texts = JSON.stringify(body).match(/"[^"]*[\u4e00-\u9fa5A-Z0-9][^"]*"/g) ?? [];
		expect(texts.length).toBeGreaterThan(8);
	});

	it('keeps every product with a field table consistent (unique keys, no empty names)', () => {
		for (const [pid, data] of Object.entries(DOCUMENTS)) {
			for (const page of [data.front, data.back].filter(Boolean)) {
				const keys = page!.fields.map((f) => f[0]).filter(Boolean);
				const names = page!.fields.map((f) => f[1]);
				expect([pid, new Set(keys).size]).toEqual([pid, keys.length]);
				expect([pid, new Set(names).size]).toEqual([pid, names.length]);
				expect(names.every((n) => n.length > 0)).toBe(true);
			}
		}
		for (const p of PRODUCTS) expect([p.pid, DOCUMENTS[p.pid] !== undefined]).toEqual([p.pid, p.family !== 'classify']);
	});

	it('labels which pages carry the real keys (the README table says the same); every other page is invented', () => {
		const labelled = Object.entries(DOCUMENTS).flatMap(([pid, data]) =>
			[data.front, data.back].filter((page) => page && page.keys !== 'invented').map((page) => [Number(pid), page!.type, page!.keys]),
		);
		expect(labelled).toEqual([
			[1, 'VIN码', 'real'],
			[2, '身份证人像页', 'real'],
			[5, '行驶证正页', 'real'],
			[5, '行驶证副页', 'partly real'],
			[6, '车牌', 'real'],
			[1020, '临时居民身份证', 'partly real'],
		]);
		// only the counterpart page sends entries without key
		const keyless = Object.values(DOCUMENTS).flatMap((data) => [data.front, data.back]).filter((page) => page?.fields.some(([key]) => key === ''));
		expect(keyless.map((page) => page!.type)).toEqual(['行驶证副页']);
	});
});

describe('family shapes', () => {
	it('VIN: {recogInfo, VIN, ErrorCode: "0"}, exactly the public sample', async () => {
		const body = await recognise(1);
		expect(Object.keys(body)).toEqual(['recogInfo', 'VIN', 'ErrorCode']);
		expect(body).toMatchObject({ VIN: 'LFWSRXNH6AAD38754', ErrorCode: '0' });
	});

	it('plate: PlateNum, recogInfo, totalMs, ErrorCode "0", Plate [{车牌颜色, 车牌号}], COUNT plates', async () => {
		const one = await recognise(6);
		expect(Object.keys(one)).toEqual(['PlateNum', 'recogInfo', 'totalMs', 'ErrorCode', 'Plate']);
		expect(one).toMatchObject({ PlateNum: 1, ErrorCode: '0', Plate: [{ 车牌颜色: '蓝色', 车牌号: '浙A12345' }] });
		const three = await recognise(6, 'ETOP-SANDBOX:COUNT=3');
		expect(three.PlateNum).toBe(3);
		expect(three.Plate.map((p: any) => p.车牌颜色)).toEqual(['蓝色', '绿色', '黄色']);
	});

	const POSITION = { left: expect.any(Number), top: expect.any(Number), width: expect.any(Number), height: expect.any(Number) };

	it('ID card: {ErrorCode: 0, recogInfo, ResultList} with the real result and FieldList members', async () => {
		const body = await recognise(2);
		expect(Object.keys(body)).toEqual(['ErrorCode', 'recogInfo', 'ResultList']);
		expect(body.ErrorCode).toBe(0);
		const [result] = body.ResultList;
		expect(Object.keys(result)).toEqual(['pid', 'type', 'position', 'direct', 'angle', 'image_data', 'head_image_data', 'head_position', 'ocr_error_code', 'FieldList']);
		expect(result).toMatchObject({ pid: 2, direct: 0, angle: 0, image_data: '', head_image_data: '', ocr_error_code: 0, position: POSITION, head_position: POSITION });
		expect(result.FieldList.map((f: any) => [f.key, f.chn_key])).toEqual([
			['IDNum', '身份证号码'],
			['Name', '姓名'],
			['Sex', '性别'],
			['Nation', '民族'],
			['Birth', '出生'],
			['Address', '地址'],
		]);
		expect(result.FieldList[0]).toEqual({ key: 'IDNum', chn_key: '身份证号码', value: '330106199004221234', image_data: '', position: POSITION, quad: expect.any(Array) });
		expect(result.FieldList.every((f: any) => f.quad.length === 8 && f.score === undefined)).toBe(true);
		expect(fieldValues(result)).toMatchObject({ Name: '王晓明', Sex: '男', Nation: '汉', Birth: '19900422' });
		const back = (await recognise(2, 'ETOP-SANDBOX:SIDE=back')).ResultList[0];
		expect(fieldValues(back)).toEqual({ IssueAuthority: expect.any(String), ValidPeriod: '2016.05.10-2036.05.10' });
		expect(back.head_image_data).toBeUndefined();
	});

	it('vehicle licence: the real front keys; the counterpart page (COUNT=2) in the same list, its entries without key', async () => {
		const vehicle = await recognise(5);
		expect(vehicle.ResultList).toHaveLength(1);
		expect(vehicle.ResultList[0]).toMatchObject({ pid: 5, type: '行驶证正页', ocr_error_code: 0, image_data: '' });
		expect(vehicle.ResultList[0].FieldList.map((f: any) => [f.key, f.chn_key])).toEqual([
			['PlateNo', '号牌号码'],
			['VType', '车辆类型'],
			['Owner', '所有人'],
			['Address', '地址'],
			['UseCharacter', '使用性质'],
			['Model', '品牌型号'],
			['VIN', '车辆识别代码'],
			['EngineNo', '发动机号'],
			['RegisterDate', '注册日期'],
			['IssueDate', '发证日期'],
		]);
		expect(fieldValues(vehicle.ResultList[0])).toMatchObject({ PlateNo: '浙A12345', VIN: 'LFWSRXNH6AAD38754', EngineNo: 'DLF123456', RegisterDate: '2019-03-04' });
		const both = await recognise(5, 'ETOP-SANDBOX:COUNT=2');
		expect(both.ResultList.map((e: any) => e.type)).toEqual(['行驶证正页', '行驶证副页']);
		const counterpart = both.ResultList[1];
		expect(counterpart.FieldList.every((f: any) => !('key' in f) && typeof f.chn_key === 'string' && 'value' in f)).toBe(true);
		expect(fieldValues(counterpart)).toMatchObject({ 总质量: '1830kg', 整备质量: '1395kg', 核定载质量: '', 外廓尺寸: '4753×1800×1462mm', 备注: '' });
		expect(counterpart.position.left).not.toBe(both.ResultList[0].position.left);
	});

	it('zero-size positions: an entry with nothing read is located at 0,0,0,0', async () => {
		const counterpart = (await recognise(5, 'ETOP-SANDBOX:SIDE=back')).ResultList[0];
		const remark = counterpart.FieldList.find((f: any) => f.chn_key === '备注');
		expect(remark).toEqual({ chn_key: '备注', value: '', image_data: '', position: { left: 0, top: 0, width: 0, height: 0 }, quad: [0, 0, 0, 0, 0, 0, 0, 0] });
		expect(counterpart.FieldList.find((f: any) => f.chn_key === '总质量').position.width).toBeGreaterThan(0);
	});

	it('driving licence, business licence, VAT invoice: the same result shape (keys invented), line items beside FieldList', async () => {
		const driving = (await recognise(7)).ResultList[0];
		expect(driving.FieldList.map((f: any) => f.key)).toEqual(['CardNo', 'Name', 'Sex', 'Nationality', 'Address', 'Birthday', 'IssueDate', 'Class', 'ValidFrom', 'ValidFor']);
		const licence = fieldValues((await recognise(41)).ResultList[0]);
		expect(licence).toMatchObject({ CreditCode: expect.any(String), Name: '杭州某某科技有限公司', RegisteredCapital: '壹佰万元整' });
		const invoice = (await recognise(21)).ResultList[0];
		expect(fieldValues(invoice)).toMatchObject({ Total: '¥1234.50', InvoiceCode: expect.any(String) });
		expect(invoice.明细[0]).toMatchObject({ 金额: '1092.48', 税率: '13%' });
		expect(fieldValues((await recognise(4)).ResultList[0])).toMatchObject({ BankName: '中国工商银行', CardType: '借记卡', ValidDate: '09/28' });
	});

	it('receipts (22): TicketNum + Ticket list with 票据类型; COUNT and TICKET choose them', async () => {
		const one = await recognise(22);
		expect(one).toMatchObject({ TicketNum: 1, Ticket: [{ 票据类型: '火车票', 车次: 'G7512', 出发站: '上海虹桥', 到达站: '杭州东', 票价: '¥73.00' }] });
		const mixed = await recognise(22, 'ETOP-SANDBOX:TICKET=taxi,itinerary;COUNT=3');
		expect(mixed.TicketNum).toBe(3);
		expect(mixed.Ticket.map((t: any) => t.票据类型)).toEqual([TICKETS.taxi.type, TICKETS.itinerary.type, TICKETS.taxi.type]);
		expect(mixed.Ticket[1].合计).toBe('¥1,280.00');
	});

	it('general text (1001) and handwriting (1034): PageInfo/Result/ResultList text lines', async () => {
		const text = await recognise(1001);
		expect(text.PageInfo[0]).toMatchObject({ PageIndex: 1 });
		const lines = text.PageInfo[0].Result[0].ResultList;
		expect(lines.map((l: any) => l.value)).toEqual(TEXT_LINES[1001]);
		expect(lines.every((l: any) => l.type === 'text' && typeof l.score === 'number')).toBe(true);
		expect((await recognise(1034)).PageInfo[0].Result[0].ResultList).toHaveLength(TEXT_LINES[1034].length);
	});

	it.each([1036, 1066])('tables (%i): a table entry with RowCount, ColCount and every cell', async (pid) => {
		const table = (await recognise(pid)).PageInfo[0].Result[0].ResultList.find((e: any) => e.type === 'table');
		const data = TABLES[pid];
		expect(table.RowCount).toBe(data.rows.length + 1);
		expect(table.ColCount).toBe(data.header.length);
		expect(table.CellList).toHaveLength(table.RowCount * table.ColCount);
		expect(table.CellList[0]).toEqual({ row: 0, col: 0, rowSpan: 1, colSpan: 1, value: data.header[0] });
	});

	it('auto-classification (666): ResultList entries naming pid and type, with FieldList', async () => {
		const one = await recognise(666, 'ETOP-SANDBOX:DOC=41');
		expect(one.ResultList).toHaveLength(1);
		expect(one.ErrorCode).toBe(0);
		expect(one.ResultList[0]).toMatchObject({ pid: 41, type: '营业执照' });
		expect(one.ResultList[0].FieldList.find((f: any) => f.key === 'CreditCode').chn_key).toBe('统一社会信用代码');
		const three = await recognise(666, 'ETOP-SANDBOX:COUNT=3');
		expect(three.ResultList.map((e: any) => e.pid)).toEqual([2, 41, 21]);
		const mixed = await recognise(666, 'ETOP-SANDBOX:DOC=5,22');
		expect(mixed.ResultList.map((e: any) => [e.pid, e.type])).toEqual([
			[5, '行驶证正页'],
			[22, '火车票'],
		]);
	});

	it('classification only (667): entries without FieldList, with a score', async () => {
		const body = await recognise(667, 'ETOP-SANDBOX:DOC=2,41');
		expect(body.ResultList.map((e: any) => e.pid)).toEqual([2, 41]);
		expect(body.ResultList.every((e: any) => e.FieldList === undefined && typeof e.score === 'number')).toBe(true);
	});

	it('classification that finds nothing answers 19 (图像分类失败)', async () => {
		const body = await recognise(666, 'ETOP-SANDBOX:DOC=none');
		expect(body.ErrorCode).toBe('19');
		expect(body.ErrorMessage).toContain('图像分类失败');
	});
});
