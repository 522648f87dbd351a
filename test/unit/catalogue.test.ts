import {
	CUSTOM_PID_VALUE,
	DEFAULT_DOCUMENT_TYPE,
	DOCUMENT_GROUPS,
	PRODUCTS,
	documentNameForPid,
	documentTypeOptions,
	pidForDocumentType,
	pidValuesWith,
	productsForPid,
} from '../../nodes/EtopOcr/data/catalogue';

// The product table of the vendor's API document, row by row, exactly as written there
// (including the '道理' typo and the rows without the 'OCR识别' suffix).
const VENDOR_ROWS: Array<[string, number]> = [
	['身份证OCR识别', 2],
	['护照OCR识别', 8],
	['结婚证OCR识别', 12],
	['银行卡OCR识别', 4],
	['军官证OCR识别', 11],
	['外国人永久居留证OCR识别', 53],
	['出生证明OCR识别', 52],
	['临时身份证OCR识别', 1020],
	['港澳台居民来往大陆通行证', 1018],
	['户口本主页OCR识别', 1002],
	['户口本个人页OCR识别', 1003],
	['社保卡OCR识别', 1039],
	['往来港澳通行证正面OCR识别', 1013],
	['离婚证OCR识别', 1005],
	['往来港澳通行证背面OCR识别', 1014],
	['VIN码OCR识别', 1],
	['行驶证OCR识别', 5],
	['驾驶证OCR识别', 7],
	['机动车发票OCR识别', 61],
	['车辆登记证OCR识别', 62],
	['车辆合格证OCR识别', 68],
	['车牌OCR识别', 6],
	['二手车发票OCR识别', 60],
	['道理运输许可证OCR识别', 1076],
	['电子保单OCR识别', 1038],
	['增值税发票OCR识别', 21],
	['火车票OCR识别', 22],
	['出租车票OCR识别', 22],
	['行程单OCR识别', 22],
	['定额发票OCR识别', 22],
	['电子承兑汇票OCR识别', 1031],
	['银行回单OCR识别', 1037],
	['不动产OCR识别', 501],
	['不动产登记证OCR识别', 1007],
	['房产证OCR识别', 1033],
	['房产证（统一字段）OCR识别', 1082],
	['营业执照OCR识别', 41],
	['开户许可证OCR识别', 1015],
	['组织机构代码证OCR识别', 1026],
	['通用票据OCR识别', 22],
	['通用文字OCR识别', 1001],
	['通用表格OCR识别', 1036],
	['手写体OCR识别', 1034],
	['银行流水OCR识别', 1066],
	['证照自动分类OCR识别', 666],
	['证照自动分类', 667],
];

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** The catalogue's rule: drop the suffix, fix the typo; 666 keeps the suffix that sets it apart from 667. */
function expectedNameZh([vendorName, pid]: [string, number]): string {
	const fixed = vendorName.replace('道理', '道路');
	return pid === 666 ? fixed : fixed.replace(/OCR识别$/, '');
}

describe('PRODUCTS', () => {
	it('has every row of the vendor table, in document order', () => {
		expect(PRODUCTS.map((product) => [product.nameZh, product.pid])).toEqual(
			VENDOR_ROWS.map((row) => [expectedNameZh(row), row[1]]),
		);
	});

	it('puts every row in the group the document gives it', () => {
		const counts = Object.fromEntries(
			DOCUMENT_GROUPS.map(({ group }) => [group, PRODUCTS.filter((p) => p.group === group).length]),
		);
		expect(counts).toEqual({
			idCivil: 15,
			vehicle: 10,
			invoice: 7,
			property: 4,
			business: 3,
			general: 7,
		});
		expect(PRODUCTS.find((p) => p.nameZh === '通用票据')?.group).toBe('general');
		expect(PRODUCTS.find((p) => p.nameZh === '火车票')?.group).toBe('invoice');
		expect(PRODUCTS.find((p) => p.pid === 1018)?.group).toBe('idCivil');
		expect(PRODUCTS.find((p) => p.pid === 1038)?.group).toBe('vehicle');
		expect(PRODUCTS.find((p) => p.pid === 1066)?.group).toBe('general');
	});

	it('lists the groups in document order', () => {
		expect(DOCUMENT_GROUPS).toEqual([
			{ group: 'idCivil', name: 'ID & Civil Documents' },
			{ group: 'vehicle', name: 'Vehicles' },
			{ group: 'invoice', name: 'Invoices & Receipts' },
			{ group: 'property', name: 'Property' },
			{ group: 'business', name: 'Business' },
			{ group: 'general', name: 'General' },
		]);
		const ranks = PRODUCTS.map((p) => DOCUMENT_GROUPS.findIndex(({ group }) => group === p.group));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
	});

	it('has distinct, English, non-empty names and distinct Chinese names', () => {
		const names = PRODUCTS.map((p) => p.name);
		const namesZh = PRODUCTS.map((p) => p.nameZh);
		expect(new Set(names).size).toBe(PRODUCTS.length);
		expect(new Set(namesZh).size).toBe(PRODUCTS.length);
		for (const product of PRODUCTS) {
			expect(product.name.trim()).not.toBe('');
			expect(product.name).not.toMatch(CJK);
			expect(product.nameZh).toMatch(CJK);
		}
	});

	it('uses the English names a user would search for', () => {
		const byZh = (zh: string) => PRODUCTS.find((p) => p.nameZh === zh)?.name;
		expect(byZh('身份证')).toBe('ID Card');
		expect(byZh('护照')).toBe('Passport');
		expect(byZh('增值税发票')).toBe('VAT Invoice');
		expect(byZh('火车票')).toBe('Train Ticket');
		expect(byZh('车辆登记证')).toBe('Vehicle Registration Certificate');
		expect(byZh('营业执照')).toBe('Business Licence');
		expect(byZh('道路运输许可证')).toBe('Road Transport Permit');
	});

	it('fixes the vendor typo 道理运输许可证', () => {
		expect(productsForPid(1076).map((p) => p.nameZh)).toEqual(['道路运输许可证']);
		expect(PRODUCTS.some((p) => p.nameZh.includes('道理'))).toBe(false);
	});

	it('tells 666 and 667 apart as the document does', () => {
		const [p666] = productsForPid(666);
		const [p667] = productsForPid(667);
		expect(p666.nameZh).toBe('证照自动分类OCR识别');
		expect(p667.nameZh).toBe('证照自动分类');
		expect(p666.name).not.toBe(p667.name);
		expect(PRODUCTS.filter((p) => p.autoClassify).map((p) => p.pid)).toEqual([666, 667]);
	});

	it('offers the ID card image check on pid 2 only', () => {
		expect(PRODUCTS.filter((p) => p.supportsImageCheck).map((p) => p.pid)).toEqual([2]);
		expect(pidValuesWith('supportsImageCheck')).toEqual(['2']);
	});

	it('offers field positions on every pid-22 product and nowhere else', () => {
		expect(PRODUCTS.filter((p) => p.supportsShowPosition).map((p) => p.nameZh)).toEqual([
			'火车票',
			'出租车票',
			'行程单',
			'定额发票',
			'通用票据',
		]);
		expect(pidValuesWith('supportsShowPosition')).toEqual(['22']);
	});

	it('offers seal reading on the chosen stamped papers', () => {
		expect(pidValuesWith('supportsSeal')).toEqual([
			'61',
			'60',
			'1038',
			'21',
			'22',
			'1037',
			'501',
			'1007',
			'1033',
			'1082',
			'41',
			'1015',
			'1026',
			'1066',
		]);
		// Within pid 22 the train ticket is the one without a seal.
		const unsealed = productsForPid(22).filter((p) => !p.supportsSeal);
		expect(unsealed.map((p) => p.name)).toEqual(['Train Ticket']);
		expect(PRODUCTS.filter((p) => p.group === 'property').every((p) => p.supportsSeal)).toBe(true);
		expect(PRODUCTS.filter((p) => p.group === 'business').every((p) => p.supportsSeal)).toBe(true);
		expect(productsForPid(2)[0].supportsSeal).toBeUndefined();
	});

	it('assigns the dedicated field families', () => {
		const family = (pid: number) => productsForPid(pid).map((p) => p.family);
		expect(family(2)).toEqual(['idCard']);
		expect(family(1020)).toEqual(['idCard']);
		expect(family(8)).toEqual(['passport']);
		expect(family(4)).toEqual(['bankCard']);
		expect(family(7)).toEqual(['drivingLicence']);
		expect(family(5)).toEqual(['vehicleLicence']);
		expect(family(21)).toEqual(['vatInvoice']);
		expect(family(22)).toEqual(['ticket', 'ticket', 'ticket', 'ticket', 'ticket']);
		expect(family(41)).toEqual(['businessLicence']);
		expect(family(1002)).toEqual(['householdRegister']);
		expect(family(1003)).toEqual(['householdRegister']);
		expect(family(12)).toEqual(['marriageCertificate']);
		expect(family(6)).toEqual(['plate']);
		expect(family(1)).toEqual(['vin']);
		expect(PRODUCTS.filter((p) => p.group === 'property').map((p) => p.family)).toEqual([
			'propertyDeed',
			'propertyDeed',
			'propertyDeed',
			'propertyDeed',
		]);
	});
});

describe('documentTypeOptions', () => {
	const options = documentTypeOptions();

	it('has one option per distinct pid, valued String(pid)', () => {
		const pids = [...new Set(PRODUCTS.map((p) => p.pid))];
		expect(options).toHaveLength(42);
		expect(options.map((o) => Number(o.value)).sort((a, b) => a - b)).toEqual(
			pids.sort((a, b) => a - b),
		);
		for (const option of options) expect(option.value).toBe(String(Number(option.value)));
	});

	it('contains the default Document Type, the ID card', () => {
		expect(options.find((o) => o.value === DEFAULT_DOCUMENT_TYPE)?.name).toMatch(/^ID Card/);
	});

	it('merges the five pid-22 products into one findable option that reads short when selected', () => {
		const merged = options.filter((o) => o.value === '22');
		expect(merged).toEqual([
			{
				name: 'Ticket or Receipt: Train Ticket, Taxi Receipt, Itinerary, Quota Invoice, General Receipt',
				value: '22',
				description: 'Invoices & Receipts / General · pid 22',
			},
		]);
	});

	it('names single products in English and describes them by group and pid', () => {
		expect(options[0]).toEqual({
			name: 'ID Card',
			value: '2',
			description: 'ID & Civil Documents · pid 2',
		});
		expect(options.find((o) => o.value === '1082')).toEqual({
			name: 'Property Ownership Certificate (Unified Fields)',
			value: '1082',
			description: 'Property · pid 1082',
		});
		expect(options.find((o) => o.value === '667')?.name).toBe('Document Auto-Classification');
	});

	it('lists options in group order, then document order, with the parts of one paper together', () => {
		expect(options.map((o) => o.value)).toEqual([
			'2', '8', '12', '4', '11', '53', '52', '1020', '1018', '1002', '1003', '1039', '1013', '1014', '1005',
			'1', '5', '7', '61', '62', '68', '6', '60', '1076', '1038',
			'21', '22', '1031', '1037',
			'501', '1007', '1033', '1082',
			'41', '1015', '1026',
			'1001', '1036', '1034', '1066', '666', '667',
		]);
	});

	it('contains every English name in its option name (the text the editor filters on)', () => {
		for (const product of PRODUCTS) {
			const option = options.find((o) => o.value === String(product.pid));
			expect(option?.name).toContain(product.name);
		}
	});

	it('does not include the custom entry, whose value cannot clash with a pid', () => {
		expect(options.map((o) => o.value)).not.toContain(CUSTOM_PID_VALUE);
		expect(CUSTOM_PID_VALUE).toBe('custom');
		expect(Number.isNaN(Number(CUSTOM_PID_VALUE))).toBe(true);
	});

	it('returns fresh objects, so callers cannot change the next dropdown', () => {
		const first = documentTypeOptions();
		first[0].name = 'changed';
		expect(documentTypeOptions()[0].name).toBe('ID Card');
	});
});

describe('productsForPid / documentNameForPid', () => {
	it('returns every row of a shared pid in document order', () => {
		expect(productsForPid(22).map((p) => p.name)).toEqual([
			'Train Ticket',
			'Taxi Receipt',
			'Itinerary',
			'Quota Invoice',
			'General Receipt',
		]);
		expect(productsForPid(41).map((p) => p.nameZh)).toEqual(['营业执照']);
		expect(productsForPid(999)).toEqual([]);
	});

	it('names a pid in English, joining shared pids with " / "', () => {
		expect(documentNameForPid(2)).toBe('ID Card');
		expect(documentNameForPid(22)).toBe('Train Ticket / Taxi Receipt / Itinerary / Quota Invoice / General Receipt');
		expect(documentNameForPid(1018)).toBe('Mainland Travel Permit for Hong Kong, Macao and Taiwan Residents');
		expect(documentNameForPid(0)).toBeUndefined();
		expect(documentNameForPid(999)).toBeUndefined();
	});
});

describe('pidForDocumentType (Document Type from an expression)', () => {
	it.each([
		['21', 21],
		[21, 21],
		['VAT Invoice', 21],
		[' vat invoice ', 21],
		['增值税发票', 21],
		['增值税发票OCR识别', 21],
		// the option names up to 0.1.0, which an expression may have copied from the dropdown
		['ID Card (身份证)', 2],
		['Ticket or Receipt: Train Ticket, Taxi Receipt, Itinerary, Quota Invoice, General Receipt (火车票 / 出租车票 / 行程单 / 定额发票 / 通用票据)', 22],
		['Property Ownership Certificate (Unified Fields) (房产证（统一字段）)', 1082],
		['Taxi Receipt', 22],
		['出租车票', 22],
		['航空运输电子客票行程单', 22],
		['Exit-Entry Permit to Hong Kong and Macao (Back)', 1014],
		['证照自动分类OCR识别', 666],
		['证照自动分类', 667],
		['Document Auto-Classification', 667],
	])('resolves %j to pid %i', (value, pid) => {
		expect(pidForDocumentType(value)).toBe(pid);
	});

	it.each([['Invoice of some kind'], ['9999'], [9999], [''], ['  '], [null], [undefined], [{}], ['2.5']])(
		'does not resolve %j',
		(value) => {
			expect(pidForDocumentType(value)).toBeUndefined();
		},
	);

	it('resolves every product by its English and Chinese name, and every option by its name', () => {
		for (const product of PRODUCTS) {
			expect(pidForDocumentType(product.name)).toBe(product.pid);
			expect(pidForDocumentType(product.nameZh)).toBe(product.pid);
		}
		for (const option of documentTypeOptions()) expect(pidForDocumentType(option.name)).toBe(Number(option.value));
	});
});
