/**
 * Every product of the ETOP (译图智讯) OCR service, one row per line of the product table in the
 * vendor's API document, in the document's order. The `pid` is what the API is called with.
 *
 * Rows that share a pid (pid 22: train ticket, taxi receipt, itinerary, quota invoice, general
 * receipt) are kept as separate rows so that each name stays searchable; the dropdown merges them
 * into one option because the service cannot be told which of them was meant.
 */

export type DocumentGroup = 'idCivil' | 'vehicle' | 'invoice' | 'property' | 'business' | 'general';

/** The groups of the vendor's table (人证识别, 车辆证件, 发票识别, 房产证识别, 企业证件, 通用识别). */
export const DOCUMENT_GROUPS: Array<{ group: DocumentGroup; name: string }> = [
	{ group: 'idCivil', name: 'ID & Civil Documents' },
	{ group: 'vehicle', name: 'Vehicles' },
	{ group: 'invoice', name: 'Invoices & Receipts' },
	{ group: 'property', name: 'Property' },
	{ group: 'business', name: 'Business' },
	{ group: 'general', name: 'General' },
];

/**
 * Which set of fields a product returns. Products only share a family when their documents carry
 * the same kind of fields (e.g. the temporary ID card and the ID card); everything without a
 * dedicated family is 'other'.
 */
export type FieldFamily =
	| 'idCard'
	| 'passport'
	| 'bankCard'
	| 'drivingLicence'
	| 'vehicleLicence'
	| 'vatInvoice'
	| 'ticket'
	| 'businessLicence'
	| 'propertyDeed'
	| 'householdRegister'
	| 'marriageCertificate'
	| 'plate'
	| 'vin'
	| 'other';

export interface EtopProduct {
	pid: number;
	/** English, the way an n8n user would search for it. */
	name: string;
	/** The vendor's name without the trailing 'OCR识别'. */
	nameZh: string;
	group: DocumentGroup;
	family: FieldFamily;
	/** `imageCheck` is evaluated: the document says it is for the 2nd-generation ID card only. */
	supportsImageCheck?: true;
	/** `showPosition` is documented as "用于通用票据" (for general receipts, pid 22); the node offers Return Field Positions only here. */
	supportsShowPosition?: true;
	/** The paper usually carries a seal whose text is worth reading with `openSeal`; the node offers Read Seals only here. */
	supportsSeal?: true;
	/** The service decides which document it sees (证照自动分类). */
	autoClassify?: true;
	/**
	 * Other names the service may give this document in a result's `type`, where the vendor's
	 * name is not part of them; used to tell the products sharing a pid apart.
	 */
	alsoCalledZh?: readonly string[];
}

/*
 * Decisions taken where the document says nothing:
 *
 * - supportsShowPosition: only the five pid-22 rows. The document names general receipts; the
 *   other four rows share the same pid, so the service treats them alike. No other product is
 *   documented to return positions, so the option is not offered for them.
 * - supportsSeal: papers where a seal names a party a workflow cares about: the invoices and
 *   receipts that are stamped (VAT, motor-vehicle and used-car invoices; quota invoices, taxi
 *   receipts, itineraries and general receipts, which carry the issuer's 发票专用章 or 业务专用章),
 *   bank papers (receipts, statements), business papers (business licence, account opening
 *   permit, organization code certificate), property deeds and insurance policies. Train tickets
 *   carry no seal. Civil and vehicle-registration papers are stamped by a government office whose
 *   name is not worth the slower recognition. The service itself does not reject `openSeal` for
 *   other products; this flag only decides where the node offers it.
 * - family: travel permits (1018, the front of 1013) hold passport-like holder data, so they use
 *   'passport'; the back of the Hong Kong & Macao permit holds endorsements, so it is 'other'.
 *   Motor-vehicle and used-car invoices carry vehicle fields that a VAT invoice does not, so they
 *   are 'other'.
 */
export const PRODUCTS: readonly EtopProduct[] = [
	// 人证识别
	{
		pid: 2,
		name: 'ID Card',
		nameZh: '身份证',
		group: 'idCivil',
		family: 'idCard',
		supportsImageCheck: true,
	},
	{ pid: 8, name: 'Passport', nameZh: '护照', group: 'idCivil', family: 'passport' },
	{
		pid: 12,
		name: 'Marriage Certificate',
		nameZh: '结婚证',
		group: 'idCivil',
		family: 'marriageCertificate',
	},
	{ pid: 4, name: 'Bank Card', nameZh: '银行卡', group: 'idCivil', family: 'bankCard' },
	{ pid: 11, name: 'Military Officer ID', nameZh: '军官证', group: 'idCivil', family: 'other' },
	{
		pid: 53,
		name: 'Foreign Permanent Resident ID Card',
		nameZh: '外国人永久居留证',
		group: 'idCivil',
		family: 'other',
	},
	{ pid: 52, name: 'Birth Certificate', nameZh: '出生证明', group: 'idCivil', family: 'other' },
	{ pid: 1020, name: 'Temporary ID Card', nameZh: '临时身份证', group: 'idCivil', family: 'idCard' },
	{
		// The document lists this one without the 'OCR识别' suffix.
		pid: 1018,
		name: 'Mainland Travel Permit for Hong Kong, Macao and Taiwan Residents',
		nameZh: '港澳台居民来往大陆通行证',
		group: 'idCivil',
		family: 'passport',
	},
	{
		pid: 1002,
		name: 'Household Register (Main Page)',
		nameZh: '户口本主页',
		group: 'idCivil',
		family: 'householdRegister',
	},
	{
		pid: 1003,
		name: 'Household Register (Personal Page)',
		nameZh: '户口本个人页',
		group: 'idCivil',
		family: 'householdRegister',
	},
	{ pid: 1039, name: 'Social Security Card', nameZh: '社保卡', group: 'idCivil', family: 'other' },
	{
		pid: 1013,
		name: 'Exit-Entry Permit to Hong Kong and Macao (Front)',
		nameZh: '往来港澳通行证正面',
		group: 'idCivil',
		family: 'passport',
	},
	{
		pid: 1005,
		name: 'Divorce Certificate',
		nameZh: '离婚证',
		group: 'idCivil',
		family: 'marriageCertificate',
	},
	{
		pid: 1014,
		name: 'Exit-Entry Permit to Hong Kong and Macao (Back)',
		nameZh: '往来港澳通行证背面',
		group: 'idCivil',
		family: 'other',
	},

	// 车辆证件
	{ pid: 1, name: 'VIN Code', nameZh: 'VIN码', group: 'vehicle', family: 'vin' },
	{ pid: 5, name: 'Vehicle Licence', nameZh: '行驶证', group: 'vehicle', family: 'vehicleLicence' },
	{ pid: 7, name: 'Driving Licence', nameZh: '驾驶证', group: 'vehicle', family: 'drivingLicence' },
	{
		pid: 61,
		name: 'Motor Vehicle Sales Invoice',
		nameZh: '机动车发票',
		group: 'vehicle',
		family: 'other',
		supportsSeal: true,
	},
	{
		pid: 62,
		name: 'Vehicle Registration Certificate',
		nameZh: '车辆登记证',
		group: 'vehicle',
		family: 'other',
	},
	{
		pid: 68,
		name: 'Vehicle Certificate of Conformity',
		nameZh: '车辆合格证',
		group: 'vehicle',
		family: 'other',
	},
	{ pid: 6, name: 'Licence Plate', nameZh: '车牌', group: 'vehicle', family: 'plate' },
	{
		pid: 60,
		name: 'Used Car Invoice',
		nameZh: '二手车发票',
		group: 'vehicle',
		family: 'other',
		supportsSeal: true,
	},
	{
		// The document misspells it '道理运输许可证'; the permit is 道路运输许可证.
		pid: 1076,
		name: 'Road Transport Permit',
		nameZh: '道路运输许可证',
		group: 'vehicle',
		family: 'other',
	},
	{
		pid: 1038,
		name: 'Electronic Insurance Policy',
		nameZh: '电子保单',
		group: 'vehicle',
		family: 'other',
		supportsSeal: true,
	},

	// 发票识别
	{
		pid: 21,
		name: 'VAT Invoice',
		nameZh: '增值税发票',
		group: 'invoice',
		family: 'vatInvoice',
		supportsSeal: true,
	},
	{
		pid: 22,
		name: 'Train Ticket',
		nameZh: '火车票',
		group: 'invoice',
		family: 'ticket',
		supportsShowPosition: true,
	},
	{
		pid: 22,
		name: 'Taxi Receipt',
		nameZh: '出租车票',
		group: 'invoice',
		family: 'ticket',
		supportsShowPosition: true,
		supportsSeal: true,
	},
	{
		pid: 22,
		name: 'Itinerary',
		nameZh: '行程单',
		group: 'invoice',
		family: 'ticket',
		supportsShowPosition: true,
		supportsSeal: true,
	},
	{
		pid: 22,
		name: 'Quota Invoice',
		nameZh: '定额发票',
		group: 'invoice',
		family: 'ticket',
		supportsShowPosition: true,
		supportsSeal: true,
	},
	{
		pid: 1031,
		name: 'Electronic Bank Acceptance Bill',
		nameZh: '电子承兑汇票',
		group: 'invoice',
		family: 'other',
	},
	{
		pid: 1037,
		name: 'Bank Receipt',
		nameZh: '银行回单',
		group: 'invoice',
		family: 'other',
		supportsSeal: true,
	},

	// 房产证识别
	{
		pid: 501,
		name: 'Real Estate Certificate',
		nameZh: '不动产',
		group: 'property',
		family: 'propertyDeed',
		supportsSeal: true,
	},
	{
		pid: 1007,
		name: 'Real Estate Registration Certificate',
		nameZh: '不动产登记证',
		group: 'property',
		family: 'propertyDeed',
		supportsSeal: true,
	},
	{
		pid: 1033,
		name: 'Property Ownership Certificate',
		nameZh: '房产证',
		group: 'property',
		family: 'propertyDeed',
		supportsSeal: true,
	},
	{
		pid: 1082,
		name: 'Property Ownership Certificate (Unified Fields)',
		nameZh: '房产证（统一字段）',
		group: 'property',
		family: 'propertyDeed',
		supportsSeal: true,
	},

	// 企业证件
	{
		pid: 41,
		name: 'Business Licence',
		nameZh: '营业执照',
		group: 'business',
		family: 'businessLicence',
		supportsSeal: true,
	},
	{
		pid: 1015,
		name: 'Bank Account Opening Permit',
		nameZh: '开户许可证',
		group: 'business',
		family: 'other',
		supportsSeal: true,
	},
	{
		pid: 1026,
		name: 'Organization Code Certificate',
		nameZh: '组织机构代码证',
		group: 'business',
		family: 'other',
		supportsSeal: true,
	},

	// 通用识别
	{
		// The document lists 通用票据 under 通用识别 only; it shares pid 22 with the tickets above.
		pid: 22,
		name: 'General Receipt',
		nameZh: '通用票据',
		// The usual name of the machine-printed receipts this product reads.
		alsoCalledZh: ['通用机打发票', '机打发票'],
		group: 'general',
		family: 'ticket',
		supportsShowPosition: true,
		supportsSeal: true,
	},
	{ pid: 1001, name: 'General Text', nameZh: '通用文字', group: 'general', family: 'other' },
	{ pid: 1036, name: 'General Table', nameZh: '通用表格', group: 'general', family: 'other' },
	{ pid: 1034, name: 'Handwriting', nameZh: '手写体', group: 'general', family: 'other' },
	{
		pid: 1066,
		name: 'Bank Statement',
		nameZh: '银行流水',
		group: 'general',
		family: 'other',
		supportsSeal: true,
	},
	{
		// 666 and 667 carry the same words; the document tells them apart only by the suffix
		// 'OCR识别', which 666 has and 667 lacks. The suffix is kept here so the two stay distinct,
		// and the English names read it as "classify and recognise" against "classify".
		pid: 666,
		name: 'Document Auto-Classification with Recognition',
		nameZh: '证照自动分类OCR识别',
		group: 'general',
		family: 'other',
		autoClassify: true,
	},
	{
		pid: 667,
		name: 'Document Auto-Classification',
		nameZh: '证照自动分类',
		group: 'general',
		family: 'other',
		autoClassify: true,
	},
];

/** The Document Type a new node starts with: the ID card (pid 2), the product every account has. */
export const DEFAULT_DOCUMENT_TYPE = '2';

/** The value of the dropdown entry that lets the user type a pid that is not in this table. */
export const CUSTOM_PID_VALUE = 'custom';

export interface DocumentTypeOption {
	name: string;
	value: string;
	description: string;
}

const GROUP_NAMES = new Map(DOCUMENT_GROUPS.map(({ group, name }) => [group, name]));

/** A product's name without a trailing "(Front)", "(Back)", "(Main Page)"…: the paper it is a part of. */
function paperName(product: EtopProduct): string {
	return product.name.replace(/\s*\([^)]*\)$/, '');
}

/**
 * Distinct pids in dropdown order: by group, then by first appearance in the document, with the
 * parts of one paper (the permit's front and back) kept together.
 */
function orderedPids(): number[] {
	const pids: number[] = [];
	const add = (pid: number) => {
		if (!pids.includes(pid)) pids.push(pid);
	};
	for (const { group } of DOCUMENT_GROUPS) {
		const inGroup = PRODUCTS.filter((product) => product.group === group);
		for (const product of inGroup) {
			add(product.pid);
			for (const part of inGroup) if (paperName(part) === paperName(product)) add(part.pid);
		}
	}
	return pids;
}

function distinct<T>(values: T[]): T[] {
	return [...new Set(values)];
}

/**
 * The name of the option for pids several products share (pid 22): a short lead that stays
 * readable in the closed dropdown, then every English name so that typing any of them finds it.
 */
const SHARED_PID_LEADS: Readonly<Record<number, string>> = { 22: 'Ticket or Receipt' };

/**
 * An option's name: English only, as n8n's verification guidelines ask of the node's interface.
 * The editor filters the dropdown on this name alone (not on the description or the value), so
 * the Chinese names are searched elsewhere: the codex aliases (nodes panel) and an expression.
 */
function optionName(products: EtopProduct[]): string {
	if (products.length === 1) return products[0].name;
	const lead = SHARED_PID_LEADS[products[0].pid] ?? products[0].name;
	return `${lead}: ${products.map((product) => product.name).join(', ')}`;
}

/**
 * The option names of versions up to 0.1.0, "English (中文)": an expression may have copied one
 * from the dropdown, so the resolver still knows them.
 */
function formerOptionName(products: EtopProduct[]): string {
	return `${optionName(products)} (${products.map((product) => product.nameZh).join(' / ')})`;
}

/**
 * The node's Document Type dropdown, without the custom-pid entry (the node appends that).
 * Products sharing a pid become one option whose name lists every English name. The value is the
 * pid, which is what saved workflows store: names may change, values must not.
 */
export function documentTypeOptions(): DocumentTypeOption[] {
	return orderedPids().map((pid) => {
		const products = productsForPid(pid);
		const groups = distinct(
			products.map((product) => GROUP_NAMES.get(product.group) ?? product.group),
		).join(' / ');
		return { name: optionName(products), value: String(pid), description: `${groups} · pid ${pid}` };
	});
}

/** The rows for one pid, in document order; empty for a pid that is not in the table. */
export function productsForPid(pid: number): EtopProduct[] {
	return PRODUCTS.filter((product) => product.pid === pid);
}

/** The English name(s) for a pid, joined by ' / ' when several products share it. */
export function documentNameForPid(pid: number): string | undefined {
	const products = productsForPid(pid);
	return products.length === 0 ? undefined : products.map((product) => product.name).join(' / ');
}

export type ProductFlag =
	| 'supportsImageCheck'
	| 'supportsShowPosition'
	| 'supportsSeal'
	| 'autoClassify';

/**
 * The dropdown values (String(pid)) of the pids where at least one product has the flag, in
 * dropdown order, for `displayOptions.show.documentType`.
 */
export function pidValuesWith(flag: ProductFlag): string[] {
	return orderedPids()
		.filter((pid) => productsForPid(pid).some((product) => product[flag] === true))
		.map(String);
}

/**
 * The product a result's document is, by its pid and, for products sharing a pid, by the name
 * the service gave it (`type`): the vendor's name or another name of it, exactly or inside a
 * longer one (航空运输电子客票行程单 is an 行程单). Undefined when that does not settle it.
 */
export function productForDocument(pid: number, typeText?: string | null): EtopProduct | undefined {
	const products = productsForPid(pid);
	if (products.length <= 1) return products[0];
	if (!typeText) return undefined;
	const names = (product: EtopProduct) => [product.nameZh, ...(product.alsoCalledZh ?? [])];
	const exact = products.find((product) => names(product).includes(typeText));
	if (exact) return exact;
	const within = products
		.flatMap((product) => names(product).filter((name) => typeText.includes(name)).map((name) => ({ product, name })))
		.sort((a, b) => b.name.length - a.name.length);
	return within[0]?.product;
}

/** The family of a pid's fields, when every product of that pid shares one. */
export function familyForPid(pid: number): FieldFamily {
	const families = new Set(productsForPid(pid).map((product) => product.family));
	const [only] = [...families];
	return families.size === 1 ? only : 'other';
}

/**
 * The product whose name (or other name) a document type text is or contains, the longest
 * match first; for auto-classification results that name their document but not its pid.
 */
export function productForTypeText(typeText: string): EtopProduct | undefined {
	return PRODUCTS.filter((product) => !product.autoClassify)
		.flatMap((product) => [product.nameZh, ...(product.alsoCalledZh ?? [])].map((name) => ({ product, name })))
		.filter(({ name }) => typeText.includes(name))
		.sort((a, b) => b.name.length - a.name.length)[0]?.product;
}

/** A name for matching: lower case, without spaces and punctuation. */
function nameKey(text: string): string {
	return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

const PIDS_BY_NAME: ReadonlyMap<string, number> = new Map(
	[
		...PRODUCTS.flatMap((product) =>
			[product.name, product.nameZh, ...(product.alsoCalledZh ?? [])].map((name) => [nameKey(name), product.pid] as const),
		),
		...orderedPids().flatMap((pid) => {
			const products = productsForPid(pid);
			return [optionName(products), formerOptionName(products)].map((name) => [nameKey(name), pid] as const);
		}),
	].filter(([key]) => key !== ''),
);

const KNOWN_PIDS: ReadonlySet<number> = new Set(PRODUCTS.map((product) => product.pid));

/**
 * The pid a Document Type value stands for: a dropdown value ("21"), a pid (21), or a document
 * name as the list shows it, in English or Chinese ("VAT Invoice", "增值税发票", "vat invoice"),
 * also the longer names the service gives in a result's type (航空运输电子客票行程单).
 * Undefined for anything else, including pids this node does not list.
 */
export function pidForDocumentType(value: unknown): number | undefined {
	if (typeof value === 'number') return KNOWN_PIDS.has(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return KNOWN_PIDS.has(Number(text)) ? Number(text) : undefined;
	const key = nameKey(text);
	if (key === '') return undefined;
	// 增值税发票OCR识别, as the vendor's table writes most names.
	return PIDS_BY_NAME.get(key) ?? PIDS_BY_NAME.get(key.replace(/ocr识别$/, '')) ?? productForTypeText(text)?.pid;
}
