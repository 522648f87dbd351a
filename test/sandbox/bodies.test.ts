import { makePng } from '../fixtures/images';
import { PRODUCTS } from './catalogue';
import { DOCUMENTS, TABLES, TEXT_LINES, TICKETS } from './bodies';
import { b64, CREDS, postForm, useSandbox } from './helpers';

const sandbox = useSandbox();

async function recognise(pid: number, marker?: string, extra: Record<string, string> = {}): Promise<Record<string, any>> {
	const file = b64(makePng(marker ? { marker } : {}));
	const a = await postForm(sandbox().endpoint, { ...CREDS, pid: String(pid), file, requestId: `req-${pid}`, ...extra });
	expect(a.json).toBeDefined();
	return a.json!;
}

const TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

describe('every product of the catalogue', () => {
	it.each(PRODUCTS.map((p) => [p.pid, p.name, p.family] as const))('pid %i (%s, %s) answers a plausible success', async (pid) => {
		const body = await recognise(pid);
		expect(body.ErrorCode).toBe('0');
		expect(body.ErrorMessage).toBeUndefined();
		expect(body.recogInfo).toEqual({
			requestId: `req-${pid}`,
			beginTime: expect.stringMatching(TIME),
			endTime: expect.stringMatching(TIME),
			time: expect.any(Number),
			responseId: expect.stringMatching(/^\d+$/),
		});
		expect(typeof body.totalMs).toBe('number');
		// something was read: at least one non-empty text value somewhere in the body
		const texts = JSON.stringify(body).match(/"[^"]*[\u4e00-\u9fa5A-Z0-9][^"]*"/g) ?? [];
		expect(texts.length).toBeGreaterThan(8);
	});

	it('keeps every product with a field table consistent (unique keys, no empty names)', () => {
		for (const [pid, data] of Object.entries(DOCUMENTS)) {
			for (const page of [data.front, data.back].filter(Boolean)) {
				const keys = page!.fields.map((f) => f[0]);
				const names = page!.fields.map((f) => f[1]);
				expect([pid, new Set(keys).size]).toEqual([pid, keys.length]);
				expect([pid, new Set(names).size]).toEqual([pid, names.length]);
				expect(names.every((n) => n.length > 0)).toBe(true);
			}
		}
		for (const p of PRODUCTS) expect([p.pid, DOCUMENTS[p.pid] !== undefined]).toEqual([p.pid, p.family !== 'classify']);
	});
});

describe('family shapes', () => {
	it('VIN: {recogInfo, VIN, totalMs, ErrorCode}', async () => {
		expect(Object.keys(await recognise(1))).toEqual(['recogInfo', 'VIN', 'totalMs', 'ErrorCode']);
	});

	it('plate: PlateNum and Plate [{车牌颜色, 车牌号}], COUNT plates', async () => {
		expect(await recognise(6)).toMatchObject({ PlateNum: 1, Plate: [{ 车牌颜色: '蓝色', 车牌号: '浙A12345' }] });
		const three = await recognise(6, 'ETOP-SANDBOX:COUNT=3');
		expect(three.PlateNum).toBe(3);
		expect(three.Plate.map((p: any) => p.车牌颜色)).toEqual(['蓝色', '绿色', '黄色']);
	});

	it('ID card: Chinese keys at the top level, front and back pages', async () => {
		const front = await recognise(2);
		expect(front).toMatchObject({ 姓名: '王晓明', 性别: '男', 民族: '汉', 出生: '1990年4月22日', 住址: expect.any(String), 公民身份号码: '330106199004221234' });
		const back = await recognise(2, 'ETOP-SANDBOX:SIDE=back');
		expect(back).toMatchObject({ 签发机关: expect.any(String), 有效期限: '2016.05.10-2036.05.10' });
		expect(back.姓名).toBeUndefined();
	});

	it('business licence, VAT invoice (with line items), train ticket: the documented Chinese keys', async () => {
		const licence = await recognise(41);
		for (const k of ['统一社会信用代码', '名称', '类型', '法定代表人', '注册资本', '成立日期', '营业期限', '住所', '经营范围']) expect(licence).toHaveProperty(k);
		const invoice = await recognise(21);
		for (const k of ['发票代码', '发票号码', '开票日期', '校验码', '购买方名称', '购买方纳税人识别号', '金额', '税额', '价税合计(大写)', '价税合计(小写)', '销售方名称']) {
			expect(invoice).toHaveProperty([k]);
		}
		expect(invoice['价税合计(小写)']).toBe('¥1234.50');
		expect(invoice.明细[0]).toMatchObject({ 金额: '1092.48', 税率: '13%' });
		expect(await recognise(4)).toMatchObject({ 卡号: expect.any(String), 银行名称: '中国工商银行', 卡类型: '借记卡', 有效期: '09/28' });
	});

	it('vehicle and driving licences: ResultList entries with type and FieldList {key, chn_key, value}', async () => {
		const vehicle = await recognise(5);
		expect(vehicle.ResultList).toHaveLength(1);
		expect(vehicle.ResultList[0]).toMatchObject({ pid: 5, type: '行驶证主页', ocr_error_code: 0, image_data: '' });
		const fields = Object.fromEntries(vehicle.ResultList[0].FieldList.map((f: any) => [f.key, f.value]));
		expect(fields).toMatchObject({ PlateNo: '浙A12345', VIN: 'LFWSRXNH6AAD38754', Address: expect.any(String), EngineNo: 'DLF123456', Owner: '王晓明', RegisterDate: '2019-03-04' });
		expect(vehicle.ResultList[0].FieldList[0]).toEqual({ key: 'PlateNo', chn_key: '号牌号码', value: '浙A12345' });
		const both = await recognise(5, 'ETOP-SANDBOX:COUNT=2');
		expect(both.ResultList.map((e: any) => e.type)).toEqual(['行驶证主页', '行驶证副页']);
		const driving = await recognise(7);
		const keys = driving.ResultList[0].FieldList.map((f: any) => f.key);
		expect(keys).toEqual(['CardNo', 'Name', 'Sex', 'Nationality', 'Address', 'Birthday', 'IssueDate', 'Class', 'ValidFrom', 'ValidFor']);
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
		expect(one.ResultList[0]).toMatchObject({ pid: 41, type: '营业执照' });
		expect(one.ResultList[0].FieldList.find((f: any) => f.key === 'CreditCode').chn_key).toBe('统一社会信用代码');
		const three = await recognise(666, 'ETOP-SANDBOX:COUNT=3');
		expect(three.ResultList.map((e: any) => e.pid)).toEqual([2, 41, 21]);
		const mixed = await recognise(666, 'ETOP-SANDBOX:DOC=5,22');
		expect(mixed.ResultList.map((e: any) => [e.pid, e.type])).toEqual([
			[5, '行驶证主页'],
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
