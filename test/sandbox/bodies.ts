// SANDBOX DATA — invented people, companies and numbers; NOT the vendor's data.
// Which parts are REAL-SHAPED (seen in answers kept in public client code, see
// ../shared/notes/etop-api-facts.md "Real response bodies") and which are INVENTED is said per document
// (`keys`) and in README.md. In short:
//   real    the ID card's front page (keys IDNum, Name, Sex, Nation, Birth, Address; Birth as 19900422), the
//           vehicle licence's front page (PlateNo, VType, ...) and its counterpart page's entries without `key`
//           (总质量, 整备质量, 核定载质量, 外廓尺寸, 备注), VIN, plate (车牌颜色, 车牌号)
//   invented every other product's keys and labels, the receipts of pid 22, text lines and tables.
// Values are written the way Chinese documents print them: 1990年4月22日, 2019-03-04, 20190304, ¥1234.50, 1,234.50.

/**
 * [English key (`key`), printed label (`chn_key`), value]. An empty key is an entry the service sends
 * with only `chn_key` + `value` (no `key` member), as on the vehicle licence's counterpart page.
 */
export type FieldRow = readonly [key: string, chn: string, value: string];

/** Where a page's keys and labels come from: answers seen in public client code, or the sandbox. */
export type Provenance = 'real' | 'partly real' | 'invented';

export interface DocumentData {
	/** what the service calls the document (`type` in ResultList entries) */
	type: string;
	fields: readonly FieldRow[];
	keys: Provenance;
}

export interface SealData {
	value: string;
	/** 1 black, 2 red, 3 blue */
	color: number;
	/** 1 circle, 2 ellipse, 3 rectangle */
	shape: number;
}

export interface ProductData {
	front: DocumentData;
	/** chosen by the marker SIDE=back */
	back?: DocumentData;
	/** ID-card-like products also carry the portrait: `head_image_data` and `head_position` */
	headImage?: boolean;
	/** read when openSeal=1 (invented member SealList) */
	seals?: readonly SealData[];
	/** line items of invoices: a list of objects under this Chinese key (invented) */
	items?: { chn: string; rows: ReadonlyArray<Readonly<Record<string, string>>> };
}

const OWNER = '王晓明';
const OWNER_ID = '330106199004221234';
const OWNER_ADDRESS = '浙江省杭州市西湖区文三路123号';
const COMPANY = '杭州某某科技有限公司';
const COMPANY_CODE = '91330106MA2XXXXX0B';
const SELLER = '上海某某贸易有限公司';
const SELLER_CODE = '91310115MA1HXXXX2C';
const VIN = 'LFWSRXNH6AAD38754';
const PLATE = '浙A12345';

/** The ID card's front page as real answers name it (keys, labels, Birth as yyyymmdd). */
const ID_CARD_FRONT: readonly FieldRow[] = [
	['IDNum', '身份证号码', OWNER_ID],
	['Name', '姓名', OWNER],
	['Sex', '性别', '男'],
	['Nation', '民族', '汉'],
	['Birth', '出生', '19900422'],
	['Address', '地址', OWNER_ADDRESS],
];

const doc = (type: string, fields: FieldRow[], keys: Provenance = 'invented'): DocumentData => ({ type, fields, keys });

/** pid 22 covers several kinds of receipt; the marker TICKET=train,taxi,... chooses them. */
export type TicketKind = 'train' | 'taxi' | 'itinerary' | 'quota' | 'general';

export const TICKETS: Readonly<Record<TicketKind, DocumentData>> = {
	train: doc('火车票', [
		['TicketNo', '车票号', 'Z74E012345'],
		['TrainNo', '车次', 'G7512'],
		['From', '出发站', '上海虹桥'],
		['To', '到达站', '杭州东'],
		['Date', '乘车日期', '2019年03月04日08:15开'],
		['Seat', '座位号', '05车12F号'],
		['SeatClass', '座位类别', '二等座'],
		['Price', '票价', '¥73.00'],
		['Name', '姓名', OWNER],
		['IdNo', '身份证号', '3301061990****1234'],
	]),
	taxi: doc('出租车票', [
		['InvoiceCode', '发票代码', '133011970000'],
		['InvoiceNo', '发票号码', '12345678'],
		['CarNo', '车号', '浙A·T1234'],
		['Date', '日期', '2019-03-04'],
		['GetOn', '上车时间', '08:15'],
		['GetOff', '下车时间', '08:42'],
		['Mileage', '里程', '12.3km'],
		['UnitPrice', '单价', '2.50'],
		['Amount', '金额', '¥38.00'],
	]),
	itinerary: doc('航空运输电子客票行程单', [
		['Passenger', '旅客姓名', OWNER],
		['IdNo', '有效身份证件号码', OWNER_ID],
		['TicketNo', '电子客票号码', '7812345678901'],
		['Carrier', '承运人', '东航'],
		['FlightNo', '航班号', 'MU5461'],
		['From', '出发', '杭州'],
		['To', '到达', '北京'],
		['Date', '日期', '2019-03-04'],
		['Time', '时间', '08:15'],
		['SeatClass', '座位等级', 'Y'],
		['Fare', '票价', '1,230.00'],
		['CAAC', '民航发展基金', '50.00'],
		['Fuel', '燃油附加费', '0.00'],
		['Total', '合计', '¥1,280.00'],
	]),
	quota: doc('定额发票', [
		['InvoiceCode', '发票代码', '133011980000'],
		['InvoiceNo', '发票号码', '00123456'],
		['AmountInWords', '金额(大写)', '贰拾元整'],
		['Amount', '金额', '¥20.00'],
		['Region', '地区', '浙江'],
	]),
	general: doc('通用机打发票', [
		['InvoiceCode', '发票代码', '133011990000'],
		['InvoiceNo', '发票号码', '00654321'],
		['InvoiceDate', '开票日期', '20190304'],
		['Payer', '付款方', OWNER],
		['Payee', '收款方', '杭州某某餐饮有限公司'],
		['TotalInWords', '合计金额(大写)', '壹佰贰拾叁元肆角伍分'],
		['Total', '合计金额(小写)', '123.45'],
	]),
};

export const TICKET_KINDS = Object.keys(TICKETS) as TicketKind[];

export const DOCUMENTS: Readonly<Record<number, ProductData>> = {
	1: { front: doc('VIN码', [['VIN', 'VIN码', VIN]], 'real') },
	2: {
		front: doc('身份证人像页', [...ID_CARD_FRONT], 'real'),
		back: doc('身份证国徽页', [
			['IssueAuthority', '签发机关', '杭州市公安局西湖分局'],
			['ValidPeriod', '有效期限', '2016.05.10-2036.05.10'],
		]),
		headImage: true,
	},
	4: {
		front: doc('银行卡', [
			['CardNo', '卡号', '6222 0212 3456 7890 128'],
			['BankName', '银行名称', '中国工商银行'],
			['CardName', '卡名称', '牡丹灵通卡'],
			['CardType', '卡类型', '借记卡'],
			['ValidDate', '有效期', '09/28'],
		]),
	},
	5: {
		front: doc(
			'行驶证正页',
			[
				['PlateNo', '号牌号码', PLATE],
				['VType', '车辆类型', '小型轿车'],
				['Owner', '所有人', OWNER],
				['Address', '地址', OWNER_ADDRESS],
				['UseCharacter', '使用性质', '非营运'],
				['Model', '品牌型号', '大众汽车牌SVW71612BM'],
				['VIN', '车辆识别代码', VIN],
				['EngineNo', '发动机号', 'DLF123456'],
				['RegisterDate', '注册日期', '2019-03-04'],
				['IssueDate', '发证日期', '2019-03-04'],
			],
			'real',
		),
		// Entries without key, as public client code reads this page. Real labels: 总质量, 整备质量, 核定载质量,
		// 外廓尺寸, 备注; the others are the sandbox's (printed on the page, not seen in client code).
		back: doc(
			'行驶证副页',
			[
				['', '号牌号码', PLATE],
				['', '档案编号', '330100123456'],
				['', '核定载人数', '5人'],
				['', '总质量', '1830kg'],
				['', '整备质量', '1395kg'],
				['', '核定载质量', ''],
				['', '外廓尺寸', '4753×1800×1462mm'],
				['', '备注', ''],
				['', '检验记录', '检验有效期至2025年03月浙A'],
			],
			'partly real',
		),
	},
	6: {
		front: doc(
			'车牌',
			[
				['PlateNo', '车牌号', PLATE],
				['PlateColor', '车牌颜色', '蓝色'],
			],
			'real',
		),
	},
	7: {
		front: doc('驾驶证主页', [
			['CardNo', '证号', OWNER_ID],
			['Name', '姓名', OWNER],
			['Sex', '性别', '男'],
			['Nationality', '国籍', '中国'],
			['Address', '住址', OWNER_ADDRESS],
			['Birthday', '出生日期', '1990-04-22'],
			['IssueDate', '初次领证日期', '2012-07-16'],
			['Class', '准驾车型', 'C1'],
			['ValidFrom', '有效起始日期', '2018-07-16'],
			['ValidFor', '有效期限', '10年'],
		]),
		back: doc('驾驶证副页', [
			['CardNo', '证号', OWNER_ID],
			['Name', '姓名', OWNER],
			['FileNo', '档案编号', '330100654321'],
			['Record', '记录', '请于2028年07月16日前申请换证'],
		]),
	},
	8: {
		front: doc('护照', [
			['PassportType', '护照类型', 'P'],
			['CountryCode', '国家码', 'CHN'],
			['PassportNo', '护照号码', 'E12345678'],
			['Name', '姓名', OWNER],
			['NameEn', '姓名拼音', 'WANG, XIAOMING'],
			['Sex', '性别', '男'],
			['BirthPlace', '出生地点', '浙江'],
			['Birthday', '出生日期', '1990-04-22'],
			['IssuePlace', '签发地点', '浙江'],
			['IssueDate', '签发日期', '2019-03-04'],
			['ExpiryDate', '有效期至', '2029-03-03'],
			['MRZ1', 'MRZ1', 'P<CHNWANG<<XIAOMING<<<<<<<<<<<<<<<<<<<<<<<<<'],
			['MRZ2', 'MRZ2', 'E123456784CHN9004224M2903038NGKELMPONBPKA906'],
		]),
	},
	11: {
		front: doc('军官证', [
			['Name', '姓名', '赵建军'],
			['Sex', '性别', '男'],
			['Birthday', '出生日期', '1985年6月1日'],
			['Unit', '部别', '某部'],
			['Post', '职务', '参谋'],
			['CardNo', '军官证号', '军字第0123456号'],
			['IssueDate', '签发日期', '2015年8月1日'],
		]),
		headImage: true,
	},
	12: {
		front: doc('结婚证', [
			['Holder', '持证人', OWNER],
			['RegisterDate', '登记日期', '2018年10月1日'],
			['CertNo', '结婚证字号', 'J330106-2018-004321'],
			['HusbandName', '男方姓名', OWNER],
			['HusbandIdNo', '男方身份证件号', OWNER_ID],
			['WifeName', '女方姓名', '李丽'],
			['WifeIdNo', '女方身份证件号', '330102199208153322'],
			['Remark', '备注', '无'],
		]),
	},
	21: {
		front: doc('增值税专用发票', [
			['InvoiceType', '发票类型', '增值税专用发票'],
			['InvoiceCode', '发票代码', '3300191130'],
			['InvoiceNo', '发票号码', '04567890'],
			['InvoiceDate', '开票日期', '2019年03月04日'],
			['CheckCode', '校验码', '65432109876543210987'],
			['MachineNo', '机器编号', '661234567890'],
			['BuyerName', '购买方名称', COMPANY],
			['BuyerTaxNo', '购买方纳税人识别号', COMPANY_CODE],
			['BuyerAddressPhone', '购买方地址、电话', `${OWNER_ADDRESS} 0571-88886666`],
			['BuyerBankAccount', '购买方开户行及账号', '中国工商银行杭州文三路支行 1202021209900123456'],
			['Amount', '金额', '¥1092.48'],
			['Tax', '税额', '¥142.02'],
			['TotalInWords', '价税合计(大写)', '壹仟贰佰叁拾肆圆伍角'],
			['Total', '价税合计(小写)', '¥1234.50'],
			['SellerName', '销售方名称', SELLER],
			['SellerTaxNo', '销售方纳税人识别号', SELLER_CODE],
			['SellerAddressPhone', '销售方地址、电话', '上海市浦东新区张江路88号 021-66668888'],
			['SellerBankAccount', '销售方开户行及账号', '招商银行上海张江支行 121912345610001'],
			['Remark', '备注', ''],
			['Payee', '收款人', '赵敏'],
			['Reviewer', '复核', '钱进'],
			['Drawer', '开票人', '孙丽'],
		]),
		seals: [{ value: `${SELLER} 发票专用章 ${SELLER_CODE}`, color: 2, shape: 2 }],
		items: {
			chn: '明细',
			rows: [
				{ 货物或应税劳务名称: '*信息技术服务*软件维护费', 规格型号: '', 单位: '项', 数量: '1', 单价: '1092.48', 金额: '1092.48', 税率: '13%', 税额: '142.02' },
			],
		},
	},
	22: { front: TICKETS.train },
	41: {
		front: doc('营业执照', [
			['CreditCode', '统一社会信用代码', COMPANY_CODE],
			['Name', '名称', COMPANY],
			['Type', '类型', '有限责任公司(自然人投资或控股)'],
			['LegalPerson', '法定代表人', OWNER],
			['RegisteredCapital', '注册资本', '壹佰万元整'],
			['FoundDate', '成立日期', '2016年05月10日'],
			['BusinessTerm', '营业期限', '2016年05月10日至长期'],
			['Address', '住所', '浙江省杭州市西湖区文三路123号5层501室'],
			['BusinessScope', '经营范围', '技术开发、技术服务、技术咨询：计算机软件；批发、零售：电子产品。'],
			['RegisterAuthority', '登记机关', '杭州市西湖区市场监督管理局'],
			['ApprovalDate', '核准日期', '2019年03月04日'],
		]),
		seals: [{ value: '杭州市西湖区市场监督管理局 登记专用章', color: 2, shape: 1 }],
	},
	52: {
		front: doc('出生医学证明', [
			['BabyName', '新生儿姓名', '王小宝'],
			['Sex', '性别', '女'],
			['BirthTime', '出生时间', '2020年5月20日13时14分'],
			['BirthPlace', '出生地点', '浙江省杭州市'],
			['MotherName', '母亲姓名', '李丽'],
			['FatherName', '父亲姓名', OWNER],
			['CertNo', '出生证编号', 'R330123456'],
		]),
	},
	53: {
		front: doc('外国人永久居留身份证', [
			['NameCn', '中文姓名', '约翰'],
			['NameEn', '英文姓名', 'SMITH, JOHN'],
			['Sex', '性别', '男/M'],
			['Birthday', '出生日期', '1980.01.15'],
			['Nationality', '国籍', '美国/USA'],
			['ValidPeriod', '有效期限', '2018.06.01-2028.06.01'],
			['CardNo', '证件号码', 'USA330080011501'],
		]),
		headImage: true,
	},
	60: {
		front: doc('二手车销售统一发票', [
			['InvoiceCode', '发票代码', '133011930012'],
			['InvoiceNo', '发票号码', '00345678'],
			['InvoiceDate', '开票日期', '2020-08-15'],
			['Buyer', '买方单位/个人', '李丽'],
			['Seller', '卖方单位/个人', OWNER],
			['PlateNo', '车牌照号', PLATE],
			['RegisterNo', '登记证号', '330001234567'],
			['VehicleType', '车辆类型', '小型轿车'],
			['VIN', '车架号/车辆识别代码', VIN],
			['Model', '厂牌型号', '大众汽车牌SVW71612BM'],
			['TransferOffice', '转入地车辆管理所名称', '杭州市公安局交通警察支队车辆管理所'],
			['TotalInWords', '车价合计(大写)', '捌万元整'],
			['Total', '车价合计(小写)', '¥80000.00'],
			['Market', '二手车市场', '杭州二手车交易市场有限公司'],
		]),
		seals: [{ value: '杭州二手车交易市场有限公司 发票专用章', color: 2, shape: 2 }],
	},
	61: {
		front: doc('机动车销售统一发票', [
			['InvoiceCode', '发票代码', '133012012345'],
			['InvoiceNo', '发票号码', '00234567'],
			['InvoiceDate', '开票日期', '2019-03-01'],
			['MachineNo', '机器编号', '499098765432'],
			['BuyerName', '购买方名称', OWNER],
			['BuyerIdNo', '购买方身份证号码/组织机构代码', OWNER_ID],
			['VehicleType', '车辆类型', '轿车'],
			['Model', '厂牌型号', '大众汽车牌SVW71612BM'],
			['Origin', '产地', '上海'],
			['CertNo', '合格证号', 'WAC123456789012'],
			['EngineNo', '发动机号码', 'DLF123456'],
			['VIN', '车辆识别代号/车架号码', VIN],
			['TotalInWords', '价税合计(大写)', '壹拾伍万捌仟圆整'],
			['Total', '价税合计(小写)', '¥158000.00'],
			['SellerName', '销货单位名称', '杭州某某汽车销售服务有限公司'],
			['SellerTaxNo', '纳税人识别号', '91330106MA27XXXX1A'],
			['TaxRate', '增值税税率或征收率', '13%'],
			['Tax', '增值税税额', '¥18176.99'],
			['AmountWithoutTax', '不含税价', '¥139823.01'],
		]),
		seals: [{ value: '杭州某某汽车销售服务有限公司 发票专用章', color: 2, shape: 2 }],
	},
	62: {
		front: doc('机动车登记证书', [
			['RegisterNo', '机动车登记编号', '330001234567'],
			['Owner', '机动车所有人/身份证明名称/号码', `${OWNER}/居民身份证/${OWNER_ID}`],
			['RegisterAuthority', '登记机关', '杭州市公安局交通警察支队车辆管理所'],
			['RegisterDate', '登记日期', '2019-03-04'],
			['VehicleType', '车辆类型', '小型轿车'],
			['Brand', '车辆品牌', '大众汽车'],
			['Model', '车辆型号', 'SVW71612BM'],
			['Color', '车身颜色', '白'],
			['VIN', '车辆识别代号/车架号', VIN],
			['EngineNo', '发动机号', 'DLF123456'],
			['UseCharacter', '使用性质', '非营运'],
			['AcquireMethod', '获得方式', '购买'],
		]),
	},
	68: {
		front: doc('机动车整车出厂合格证', [
			['CertNo', '合格证编号', 'WAC123456789012'],
			['IssueDate', '发证日期', '2019年02月20日'],
			['Manufacturer', '车辆制造企业名称', '上汽大众汽车有限公司'],
			['Brand', '车辆品牌', '大众汽车'],
			['Model', '车辆型号', 'SVW71612BM'],
			['VIN', '车辆识别代号', VIN],
			['Color', '车身颜色', '白'],
			['EngineModel', '发动机型号', 'DLF'],
			['EngineNo', '发动机号', 'DLF123456'],
			['FuelType', '燃料种类', '汽油'],
			['Displacement', '排量和功率(ml/kw)', '1395/110'],
			['TotalMass', '总质量(kg)', '1830'],
			['Passengers', '额定载客(人)', '5'],
			['ManufactureDate', '车辆制造日期', '2019年02月18日'],
		]),
	},
	501: {
		front: doc('不动产权证书', [
			['CertNo', '不动产权证号', '浙(2019)杭州市不动产权第0123456号'],
			['Owner', '权利人', OWNER],
			['CoOwnership', '共有情况', '单独所有'],
			['Location', '坐落', '杭州市西湖区文三路123号1幢2单元301室'],
			['UnitNo', '不动产单元号', '330106001001GB00123F00010001'],
			['RightType', '权利类型', '国有建设用地使用权/房屋所有权'],
			['RightNature', '权利性质', '出让/商品房'],
			['Usage', '用途', '城镇住宅用地/住宅'],
			['Area', '面积', '共有宗地面积45.6m²/房屋建筑面积89.12m²'],
			['Term', '使用期限', '2006年05月10日起2076年05月09日止'],
		]),
	},
	1001: { front: doc('通用文字', []) },
	1002: {
		front: doc('户口本主页', [
			['HouseholdType', '户别', '家庭户'],
			['HeadName', '户主姓名', '王建国'],
			['HouseholdNo', '户号', '003456'],
			['Address', '住址', OWNER_ADDRESS],
			['Issuer', '承办人签章', '张'],
			['IssueDate', '签发日期', '2010年3月15日'],
		]),
	},
	1003: {
		front: doc('户口本个人页', [
			['Name', '姓名', OWNER],
			['Relation', '户主或与户主关系', '子'],
			['FormerName', '曾用名', ''],
			['Sex', '性别', '男'],
			['BirthPlace', '出生地', '浙江省杭州市'],
			['Nation', '民族', '汉'],
			['NativePlace', '籍贯', '浙江杭州'],
			['Birthday', '出生日期', '1990年4月22日'],
			['IDNum', '公民身份证件编号', OWNER_ID],
			['Education', '文化程度', '大学本科'],
			['Marriage', '婚姻状况', '已婚'],
			['Employer', '服务处所', COMPANY],
			['Occupation', '职业', '工程师'],
		]),
	},
	1005: {
		front: doc('离婚证', [
			['Holder', '持证人', OWNER],
			['RegisterDate', '登记日期', '2021年6月1日'],
			['CertNo', '离婚证字号', 'L330106-2021-000123'],
			['HusbandName', '男方姓名', OWNER],
			['WifeName', '女方姓名', '李丽'],
		]),
	},
	1007: {
		front: doc('不动产登记证明', [
			['CertNo', '不动产登记证明号', '浙(2019)杭州市不动产证明第0234567号'],
			['Matter', '证明权利或事项', '抵押权'],
			['Obligee', '权利人(申请人)', '中国工商银行股份有限公司杭州分行'],
			['Obligor', '义务人', OWNER],
			['Location', '坐落', '杭州市西湖区文三路123号1幢2单元301室'],
			['UnitNo', '不动产单元号', '330106001001GB00123F00010001'],
			['Other', '其他', '担保债权数额¥1,200,000.00'],
		]),
	},
	1013: {
		front: doc('往来港澳通行证正面', [
			['NameCn', '中文姓名', OWNER],
			['NameEn', '英文姓名', 'WANG, XIAOMING'],
			['Birthday', '出生日期', '1990.04.22'],
			['Sex', '性别', '男'],
			['ValidPeriod', '有效期限', '2019.03.04-2029.03.03'],
			['IssuePlace', '签发地点', '浙江'],
			['CardNo', '证件号码', 'C12345678'],
		]),
		headImage: true,
	},
	1014: {
		front: doc('往来港澳通行证背面', [
			['EndorsementType', '签注类型', '香港 个人旅游'],
			['EndorsementValid', '签注有效期', '2023.05.01-2024.04.30'],
			['Times', '签注次数', '二次'],
			['Stay', '逗留', '每次不超过7天'],
		]),
	},
	1015: {
		front: doc('开户许可证', [
			['ApprovalNo', '核准号', 'J3310012345601'],
			['SerialNo', '编号', '3310-01234567'],
			['Depositor', '存款人名称', COMPANY],
			['LegalPerson', '法定代表人(单位负责人)', OWNER],
			['Bank', '开户银行', '中国工商银行股份有限公司杭州文三路支行'],
			['Account', '账号', '1202 0212 0990 0123 456'],
		]),
		seals: [{ value: '中国人民银行杭州中心支行 开户许可证核准专用章', color: 2, shape: 1 }],
	},
	1018: {
		front: doc('港澳台居民来往内地通行证', [
			['NameCn', '姓名', '陈大文'],
			['NameEn', '英文姓名', 'CHAN, TAI MAN'],
			['Sex', '性别', '男'],
			['Birthday', '出生日期', '1988.08.08'],
			['ValidPeriod', '有效期限', '2019.01.01-2029.01.01'],
			['IssueAuthority', '签发机关', '公安部出入境管理局'],
			['CardNo', '证件号码', 'H01234567'],
			['Renewals', '换证次数', '02'],
		]),
		headImage: true,
	},
	1020: {
		// the ID card's real keys and labels, the validity rows invented
		front: doc(
			'临时居民身份证',
			[
				...ID_CARD_FRONT,
				['IssueAuthority', '签发机关', '杭州市公安局西湖分局'],
				['ValidPeriod', '有效期限', '2023.01.01-2023.04.01'],
			],
			'partly real',
		),
		headImage: true,
	},
	1026: {
		front: doc('组织机构代码证', [
			['Code', '代码', 'MA2XXXXX-0'],
			['Name', '机构名称', COMPANY],
			['OrgType', '机构类型', '企业法人'],
			['Address', '地址', '浙江省杭州市西湖区文三路123号5层501室'],
			['ValidPeriod', '有效期', '自2016年05月10日至2020年05月09日'],
			['Issuer', '颁发单位', '杭州市质量技术监督局'],
			['RegisterNo', '登记号', '组代管330106-012345'],
		]),
		seals: [{ value: '杭州市质量技术监督局 组织机构代码管理专用章', color: 2, shape: 1 }],
	},
	1031: {
		front: doc('电子商业承兑汇票', [
			['IssueDate', '出票日期', '2019-03-04'],
			['DueDate', '汇票到期日', '2019-09-04'],
			['BillNo', '票据号码', '230133000012320190304123456789'],
			['DrawerName', '出票人全称', COMPANY],
			['DrawerAccount', '出票人账号', '1202021209900123456'],
			['DrawerBank', '出票人开户银行', '中国工商银行杭州文三路支行'],
			['PayeeName', '收款人全称', SELLER],
			['PayeeAccount', '收款人账号', '121912345610001'],
			['PayeeBank', '收款人开户银行', '招商银行上海张江支行'],
			['AmountInWords', '出票金额(大写)', '壹拾万元整'],
			['Amount', '出票金额(小写)', '¥100,000.00'],
			['Acceptor', '承兑人全称', COMPANY],
			['AcceptDate', '承兑日期', '2019-03-04'],
		]),
		seals: [{ value: `${COMPANY} 财务专用章`, color: 2, shape: 3 }],
	},
	1033: {
		front: doc('房屋所有权证', [
			['CertNo', '房产证号', '杭房权证西字第08012345号'],
			['Owner', '房屋所有权人', OWNER],
			['CoOwnership', '共有情况', '单独所有'],
			['Location', '房屋坐落', '杭州市西湖区文三路123号1幢2单元301室'],
			['RegisterDate', '登记时间', '2008-06-18'],
			['Nature', '房屋性质', '商品房'],
			['Usage', '规划用途', '住宅'],
			['Floors', '总层数', '18'],
			['Area', '建筑面积', '89.12'],
		]),
	},
	1034: { front: doc('手写体', []) },
	1036: { front: doc('表格', []) },
	1037: {
		front: doc('银行电子回单', [
			['TradeDate', '交易日期', '2019-03-04'],
			['PayerName', '付款人户名', COMPANY],
			['PayerAccount', '付款人账号', '1202021209900123456'],
			['PayerBank', '付款人开户行', '中国工商银行杭州文三路支行'],
			['PayeeName', '收款人户名', SELLER],
			['PayeeAccount', '收款人账号', '121912345610001'],
			['PayeeBank', '收款人开户行', '招商银行上海张江支行'],
			['AmountInWords', '金额(大写)', '壹仟贰佰叁拾肆元伍角'],
			['Amount', '金额(小写)', '¥1,234.50'],
			['Purpose', '用途', '货款'],
			['SerialNo', '交易流水号', '20190304123456789012'],
		]),
		seals: [{ value: '中国工商银行杭州文三路支行 电子回单专用章', color: 2, shape: 1 }],
	},
	1038: {
		front: doc('机动车交通事故责任强制保险单', [
			['PolicyNo', '保险单号', 'PDZA20193301000012345'],
			['Insured', '被保险人', OWNER],
			['PlateNo', '号牌号码', PLATE],
			['VIN', '识别代码(车架号)', VIN],
			['EngineNo', '发动机号', 'DLF123456'],
			['Period', '保险期间', '自2019年03月05日0时起至2020年03月04日24时止'],
			['Premium', '保险费合计', '¥950.00'],
			['Insurer', '保险公司', '中国人民财产保险股份有限公司杭州市分公司'],
		]),
	},
	1039: {
		front: doc('社会保障卡', [
			['Name', '姓名', OWNER],
			['SocialSecurityNo', '社会保障号码', OWNER_ID],
			['CardNo', '卡号', 'A12345678'],
			['BankCardNo', '银行卡号', '6214 8312 3456 7890'],
			['IssueDate', '发卡日期', '2018年11月'],
			['ValidDate', '有效期', '2028年11月'],
		]),
		headImage: true,
	},
	1066: { front: doc('银行流水', []) },
	1076: {
		front: doc('道路运输经营许可证', [
			['LicenseNo', '许可证号', '浙交运管许可杭字330100012345号'],
			['Owner', '业户名称', '杭州某某物流有限公司'],
			['Address', '地址', '杭州市余杭区仓前街道文一西路1号'],
			['EconomicType', '经济类型', '有限责任公司'],
			['BusinessScope', '经营范围', '道路普通货物运输'],
			['ValidPeriod', '有效期', '2020年01月01日至2024年12月31日'],
			['IssueDate', '发证日期', '2020年01月01日'],
		]),
	},
	1082: {
		front: doc('房产证', [
			['CertNo', '证号', '浙(2019)杭州市不动产权第0123456号'],
			['Owner', '权利人', OWNER],
			['Location', '坐落', '杭州市西湖区文三路123号1幢2单元301室'],
			['Area', '面积', '89.12平方米'],
			['Usage', '用途', '住宅'],
			['RightType', '权利类型', '房屋所有权'],
			['RegisterDate', '登记日期', '2019-03-04'],
		]),
	},
};

/** pid 6 (real member names): [车牌颜色, 车牌号], cycled when COUNT asks for several plates */
export const PLATES: ReadonlyArray<readonly [string, string]> = [
	['蓝色', PLATE],
	['绿色', '浙AD12345'],
	['黄色', '渝B8R561'],
];

/** text lines of the 'page' products (invented shape) */
export const TEXT_LINES: Readonly<Record<number, readonly string[]>> = {
	1001: [
		'译图智讯 ETOP OCR 沙箱示例文本',
		'本页由沙箱生成，内容为虚构。',
		'联系电话：0571-88886666',
		'日期：2019年03月04日 金额：¥1,234.50',
	],
	1034: ['今天天气很好，我们去西湖散步。', '金额：壹仟贰佰叁拾肆元伍角', '王晓明 2019.3.4'],
};

export interface TableData {
	title: string;
	header: readonly string[];
	rows: ReadonlyArray<readonly string[]>;
}

export const TABLES: Readonly<Record<number, TableData>> = {
	1036: {
		title: '办公用品采购清单',
		header: ['序号', '品名', '数量', '单价', '金额'],
		rows: [
			['1', 'A4打印纸', '10', '25.00', '250.00'],
			['2', '签字笔', '20', '2.50', '50.00'],
			['3', '文件夹', '5', '8.00', '40.00'],
		],
	},
	1066: {
		title: '中国工商银行 个人账户交易明细',
		header: ['交易日期', '摘要', '收入', '支出', '余额', '对方户名'],
		rows: [
			['20190301', '工资', '8,500.00', '', '12,345.67', COMPANY],
			['20190302', '消费', '', '123.45', '12,222.22', '杭州某某餐饮有限公司'],
			['20190304', '转账', '', '1,000.00', '11,222.22', '李丽'],
		],
	},
};

/** documents auto-classification (666/667) finds when no DOC marker says otherwise, cycled for COUNT */
export const DEFAULT_CLASSIFIED: readonly number[] = [2, 41, 21];
