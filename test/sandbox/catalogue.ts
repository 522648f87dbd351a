// The products of the vendor's document (pid and name) and the body family the sandbox answers with.
// Real-shaped families (answers kept in public client code): vin, plate, fieldList (certificates, licences,
// invoices: "cloud answers are mostly one shape"), classify (the same ResultList). Invented: receipts, page, table.

export type Family =
	| 'vin' // {recogInfo, VIN, ErrorCode:"0"}
	| 'plate' // {PlateNum, recogInfo, totalMs, ErrorCode:"0", Plate:[{车牌颜色, 车牌号}]}
	| 'fieldList' // {ErrorCode:0, recogInfo, ResultList:[{pid, type, position, ..., FieldList:[{key, chn_key, value, ...}]}]}
	| 'receipts' // invented: TicketNum + Ticket:[{票据类型, ...Chinese keys}]
	| 'page' // invented: PageInfo:[{Result:[{ResultList:[text lines]}]}]
	| 'table' // invented: PageInfo:[{Result:[{ResultList:[{type:'table', CellList}]}]}]
	| 'classify'; // ResultList entries naming the document found (pid, type)

export interface Product {
	pid: number;
	name: string;
	family: Family;
}

const P = (pid: number, name: string, family: Family): Product => ({ pid, name, family });

export const PRODUCTS: readonly Product[] = [
	// 人证识别
	P(2, '身份证OCR识别', 'fieldList'),
	P(8, '护照OCR识别', 'fieldList'),
	P(12, '结婚证OCR识别', 'fieldList'),
	P(4, '银行卡OCR识别', 'fieldList'),
	P(11, '军官证OCR识别', 'fieldList'),
	P(53, '外国人永久居留证OCR识别', 'fieldList'),
	P(52, '出生证明OCR识别', 'fieldList'),
	P(1020, '临时身份证OCR识别', 'fieldList'),
	P(1018, '港澳台居民来往大陆通行证', 'fieldList'),
	P(1002, '户口本主页OCR识别', 'fieldList'),
	P(1003, '户口本个人页OCR识别', 'fieldList'),
	P(1039, '社保卡OCR识别', 'fieldList'),
	P(1013, '往来港澳通行证正面OCR识别', 'fieldList'),
	P(1005, '离婚证OCR识别', 'fieldList'),
	P(1014, '往来港澳通行证背面OCR识别', 'fieldList'),
	// 车辆证件
	P(1, 'VIN码OCR识别', 'vin'),
	P(5, '行驶证OCR识别', 'fieldList'),
	P(7, '驾驶证OCR识别', 'fieldList'),
	P(61, '机动车发票OCR识别', 'fieldList'),
	P(62, '车辆登记证OCR识别', 'fieldList'),
	P(68, '车辆合格证OCR识别', 'fieldList'),
	P(6, '车牌OCR识别', 'plate'),
	P(60, '二手车发票OCR识别', 'fieldList'),
	P(1076, '道理运输许可证OCR识别', 'fieldList'), // sic (道路), as the document spells it
	P(1038, '电子保单OCR识别', 'fieldList'),
	// 发票识别; pid 22 also stands for 火车票/出租车票/行程单/定额发票/通用票据 in the document
	P(21, '增值税发票OCR识别', 'fieldList'),
	P(22, '通用票据OCR识别', 'receipts'),
	P(1031, '电子承兑汇票OCR识别', 'fieldList'),
	P(1037, '银行回单OCR识别', 'fieldList'),
	// 房产证识别
	P(501, '不动产OCR识别', 'fieldList'),
	P(1007, '不动产登记证OCR识别', 'fieldList'),
	P(1033, '房产证OCR识别', 'fieldList'),
	P(1082, '房产证（统一字段）OCR识别', 'fieldList'),
	// 企业证件
	P(41, '营业执照OCR识别', 'fieldList'),
	P(1015, '开户许可证OCR识别', 'fieldList'),
	P(1026, '组织机构代码证OCR识别', 'fieldList'),
	// 通用识别
	P(1001, '通用文字OCR识别', 'page'),
	P(1036, '通用表格OCR识别', 'table'),
	P(1034, '手写体OCR识别', 'page'),
	P(1066, '银行流水OCR识别', 'table'),
	P(666, '证照自动分类OCR识别', 'classify'),
	P(667, '证照自动分类', 'classify'),
];

const BY_PID = new Map(PRODUCTS.map((p) => [p.pid, p]));

export function productOf(pid: number): Product | undefined {
	return BY_PID.get(pid);
}

/** Families that read any page, so a document marker of another kind never makes them answer 3. */
export const READS_ANY_DOCUMENT: ReadonlySet<Family> = new Set<Family>(['page', 'table', 'classify']);
