import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { PRODUCTS as CATALOGUE, productsForPid } from '../../nodes/EtopOcr/data/catalogue';
import { COMMON_LISTS, FIELD_DICTIONARIES, lookupFieldName, type NamedFamily } from '../../nodes/EtopOcr/data/fieldNames';
import { DOCUMENTS, PLATES, TICKETS, TICKET_KINDS, type DocumentData, type TicketKind } from '../sandbox/bodies';
import { productOf } from '../sandbox/catalogue';
import { documentPosition, place } from '../sandbox/render-common';
import { errorOf, imageItem, run, useSandbox } from './context';

// Issue 5 through n8n's engine against the sandbox: English names for every field the sandbox
// returns per family (as Chinese member names, as {key, chn_key} entries, and through
// auto-classification), typed values, unparsed values, the raw body, splitting and pairing,
// positions. Expected values come from the sandbox's own tables (bodies.ts), not from the node.

const { credentials, sandbox } = useSandbox();

type Side = 'front' | 'back';

interface Page {
	pid: number;
	family: NamedFamily;
	side: Side;
	data: DocumentData;
}

/** Every page of every product with a field family, as the sandbox answers it (pid 22 apart). */
const PAGES: Page[] = [...new Set(CATALOGUE.filter((product) => product.family !== 'other').map((product) => product.pid))]
	.filter((pid) => pid !== 22)
	.flatMap((pid) => {
		const family = productsForPid(pid)[0].family as NamedFamily;
		const data = DOCUMENTS[pid];
		return [
			{ pid, family, side: 'front' as const, data: data.front },
			...(data.back ? [{ pid, family, side: 'back' as const, data: data.back }] : []),
		];
	});

const label = (page: Page) => `${page.pid}${page.side === 'back' ? ':back' : ''}`;

/** Names the node read in a sandbox body, by family: the engine's proof that an entry was reached. */
const exercised = new Map<string, Set<string>>();
function reached(scope: string, ...names: string[]): void {
	const set = exercised.get(scope) ?? new Set<string>();
	for (const name of names) set.add(name);
	exercised.set(scope, set);
}

/**
 * The members of a sandbox ResultList entry beside its FieldList, as the node puts them in meta:
 * how it was read, and where the portrait is. Its crops (empty here) are never in it.
 */
function entryDetails(page: Page): IDataObject {
	const head = DOCUMENTS[page.pid]?.headImage && page.side === 'front' ? { head_position: { left: 470, top: 100, width: 150, height: 190 } } : {};
	return { direct: 0, angle: 0, ...head, ocr_error_code: 0 };
}

async function one(parameters: INodeParameters, marker?: string): Promise<INodeExecutionData> {
	const { outputs, error } = await run(credentials(), parameters, [imageItem(marker)]);
	expect(error).toBeUndefined();
	expect(outputs[0]).toHaveLength(1);
	expect(outputs[0][0].error).toBeUndefined();
	return outputs[0][0];
}

function fieldsOf(item: INodeExecutionData): IDataObject {
	const { meta: _meta, fieldPositions: _positions, ...fields } = item.json;
	return fields;
}

/** Normalize Values off: these tests compare the values exactly as the sandbox sent them. */
const RAW = { normalizeValues: false };

const sideMarker = (side: Side) => (side === 'back' ? 'SIDE=back' : '');
const marker = (...directives: string[]) => {
	const used = directives.filter(Boolean);
	return used.length ? `ETOP-SANDBOX:${used.join(';')}` : undefined;
};

/** The English name of each field of a page, and the value the sandbox gives it. */
function expectedFields(page: Page): IDataObject {
	return Object.fromEntries(
		// An entry without a key is named by its label.
		page.data.fields.map(([key, chn, value]) => [lookupFieldName(page.family, key || chn, [])!.name, value]),
	);
}

function lineItemFields(): IDataObject {
	const [list] = FIELD_DICTIONARIES.vatInvoice.lists!;
	const [row] = DOCUMENTS[21].items!.rows;
	return Object.fromEntries(Object.entries(row).map(([chn, value]) => [list.fields.find((field) => field.from.includes(chn))!.name, value]));
}

/** Every field of a page: its FieldList entries, and the VAT invoice's line items. */
const pageFields = (page: Page): IDataObject => ({ ...expectedFields(page), ...(page.pid === 21 && page.side === 'front' ? lineItemFields() : {}) });

describe('English field names for every family, through the engine and the sandbox', () => {
	it.each(PAGES.map((page) => [label(page), page.family, page] as const))(
		'pid %s (%s): every field the sandbox returns comes out under its English name',
		async (_label, family, page) => {
			const item = await one({ documentType: String(page.pid), options: RAW }, marker(sideMarker(page.side)));
			const shape = productOf(page.pid)!.family;
			const fields = fieldsOf(item);
			const expected = pageFields(page);
			if (shape === 'plate') {
				// The plate body has the names public client code shows, not the table's.
				expect(fields).toEqual({ plateColor: PLATES[0][0], plateNumber: PLATES[0][1] });
				reached(family, '车牌颜色', '车牌号');
				return;
			}
			const entries = shape === 'fieldList';
			expect(fields).toEqual(expected);
			if (entries) expect(item.json.meta).toMatchObject({ documentDetails: entryDetails(page), documentPosition: documentPosition(0) });
			for (const [key, chn] of page.data.fields) {
				// Object bodies name a field by its Chinese label; entries by key, with the label beside.
				if (entries) reached(family, key, chn);
				else if (shape === 'vin') reached(family, key);
				else reached(family, chn);
			}
			if (page.pid === 21) reached('vatInvoice:明细', ...Object.keys(DOCUMENTS[21].items!.rows[0]));
			expect(item.json.meta).toMatchObject({
				pid: page.pid,
				detectedPid: page.pid,
				detectedDocumentType: productsForPid(page.pid)[0].name,
				documentCount: 1,
			});
		},
	);

	it.each(PAGES.map((page) => [label(page), page.family, page] as const))(
		'pid %s (%s) found by auto-classification (666): English keys and Chinese labels give the same names',
		async (_label, family, page) => {
			const item = await one({ documentType: '666', options: RAW }, marker(`DOC=${page.pid}`, sideMarker(page.side)));
			expect(fieldsOf(item)).toEqual(pageFields(page));
			for (const [key, chn] of page.data.fields) reached(family, key, chn);
			expect(item.json.meta).toMatchObject({
				pid: 666,
				documentType: 'Document Auto-Classification with Recognition',
				detectedPid: page.pid,
				detectedDocumentType: productsForPid(page.pid)[0].name,
				detectedTypeText: page.data.type,
				documentCount: 1,
				documentPosition: documentPosition(0),
				documentDetails: entryDetails(page),
			});
		},
	);

	it('pid 22: every kind of receipt, one item each, named with the ticket dictionary', async () => {
		const { outputs } = await run(
			credentials(),
			{ documentType: '22', options: { ...RAW, oneItemPerDocument: true } },
			[imageItem(marker(`TICKET=${TICKET_KINDS.join(',')}`))],
		);
		const items = outputs[0];
		expect(items).toHaveLength(TICKET_KINDS.length);
		const names: Record<TicketKind, string> = {
			train: 'Train Ticket',
			taxi: 'Taxi Receipt',
			itinerary: 'Itinerary',
			quota: 'Quota Invoice',
			general: 'General Receipt',
		};
		TICKET_KINDS.forEach((kind, index) => {
			const page: Page = { pid: 22, family: 'ticket', side: 'front', data: TICKETS[kind] };
			expect(fieldsOf(items[index])).toEqual(expectedFields(page));
			expect(items[index].json.meta).toMatchObject({
				pid: 22,
				detectedPid: 22,
				detectedDocumentType: names[kind],
				detectedTypeText: TICKETS[kind].type,
				documentIndex: index,
				documentCount: TICKET_KINDS.length,
			});
			expect(items[index].pairedItem).toEqual({ item: 0 });
			reached('ticket', ...TICKETS[kind].fields.map(([, chn]) => chn));
		});
		// Auto-classification finds a train ticket with English keys.
		const classified = await one({ documentType: '666', options: RAW }, marker('DOC=22'));
		expect(fieldsOf(classified)).toMatchObject(expectedFields({ pid: 22, family: 'ticket', side: 'front', data: TICKETS.train }));
		reached('ticket', ...TICKETS.train.fields.map(([key]) => key));
	});

	it('names seals and image checks in every family', async () => {
		const invoice = await one({ documentType: '21', options: { readSeals: true } });
		expect(fieldsOf(invoice)).toMatchObject({
			sealText: DOCUMENTS[21].seals![0].value,
			sealColor: DOCUMENTS[21].seals![0].color,
			sealShape: DOCUMENTS[21].seals![0].shape,
		});
		reached('common:SealList', 'value', 'color', 'shape');
		const card = await one({ documentType: '2', options: { checkBlur: true } }, marker('QUALITY=blur'));
		expect(fieldsOf(card)).toMatchObject({ imageCheckType: 'blur', imageCheckName: '模糊判断', imageCheckScore: 31, imageCheckPassed: false, name: '王晓明' });
		reached('common:ImageCheck', 'type', 'name', 'score', 'pass');
	});

	it('keeps the names as returned when asked', async () => {
		// Entries keep their key (else their label); the label is in meta.labels.
		for (const side of ['front', 'back'] as const) {
			const item = await one({ documentType: '5', options: { ...RAW, fieldNames: 'asReturned' } }, marker(sideMarker(side)));
			const rows = DOCUMENTS[5][side]!.fields;
			expect(fieldsOf(item)).toEqual(Object.fromEntries(rows.map(([key, chn, value]) => [key || chn, value])));
			expect((item.json.meta as IDataObject).labels).toEqual(Object.fromEntries(rows.map(([key, chn]) => [key || chn, chn])));
		}
	});

	// Runs last: every name in every dictionary was read from a sandbox body above.
	it('reached every name of every dictionary, except English keys no sandbox body carries', () => {
		const unreachable = new Set(
			(['taxi', 'itinerary', 'quota', 'general'] as const).flatMap((kind) => TICKETS[kind].fields.map(([key]) => key)).filter(
				(key) => !TICKETS.train.fields.some(([train]) => train === key),
			),
		);
		const missing: string[] = [];
		for (const dictionary of Object.values(FIELD_DICTIONARIES)) {
			const names = exercised.get(dictionary.family) ?? new Set();
			for (const field of dictionary.fields) {
				for (const source of field.from) {
					if (!names.has(source) && !(dictionary.family === 'ticket' && unreachable.has(source))) missing.push(`${dictionary.family}:${source}`);
				}
			}
			for (const list of dictionary.lists ?? []) {
				const inList = exercised.get(`${dictionary.family}:${list.from[0]}`) ?? new Set();
				for (const field of list.fields) for (const source of field.from) if (!inList.has(source)) missing.push(`${dictionary.family}:${list.from[0]}:${source}`);
			}
		}
		for (const list of COMMON_LISTS) {
			const inList = exercised.get(`common:${list.from[0]}`) ?? new Set();
			for (const field of list.fields) for (const source of field.from) if (!inList.has(source)) missing.push(`common:${list.from[0]}:${source}`);
		}
		expect(missing).toEqual([]);
		// Every English name was reached, through at least one of its service names.
		for (const dictionary of Object.values(FIELD_DICTIONARIES)) {
			const names = exercised.get(dictionary.family)!;
			for (const field of dictionary.fields) expect([dictionary.family, field.name, field.from.some((source) => names.has(source))]).toEqual([dictionary.family, field.name, true]);
		}
	});
});

/**
 * What Normalize Values makes of the sandbox's values, per page: the typed value and, where
 * it changed, the text beside it. Together they reach every typed entry of every dictionary.
 */
const NORMALIZED: Record<string, { fields: IDataObject; unparsed?: string[] }> = {
	'2': { fields: { sex: 'male', sexText: '男', birthDate: '1990-04-22', birthDateText: '19900422', ethnicity: '汉' } },
	'2:back': { fields: { validPeriod: '2016.05.10-2036.05.10', validPeriodStart: '2016-05-10', validPeriodEnd: '2036-05-10' } },
	'1020': { fields: { sex: 'male', birthDate: '1990-04-22', validPeriodStart: '2023-01-01', validPeriodEnd: '2023-04-01' } },
	'8': { fields: { sex: 'male', birthDate: '1990-04-22', birthDateText: '1990-04-22', issueDate: '2019-03-04', expiryDate: '2029-03-03' } },
	'1018': { fields: { sex: 'male', birthDate: '1988-08-08', validPeriodStart: '2019-01-01', validPeriodEnd: '2029-01-01', renewalCount: 2, renewalCountText: '02' } },
	'1013': { fields: { sex: 'male', birthDate: '1990-04-22', birthDateText: '1990.04.22', validPeriodStart: '2019-03-04', validPeriodEnd: '2029-03-03' } },
	'1002': { fields: { issueDate: '2010-03-15', issueDateText: '2010年3月15日' } },
	'1003': { fields: { sex: 'male', birthDate: '1990-04-22', formerName: '' } },
	'12': { fields: { registrationDate: '2018-10-01' } },
	'1005': { fields: { registrationDate: '2021-06-01' } },
	'7': { fields: { sex: 'male', birthDate: '1990-04-22', firstIssueDate: '2012-07-16', validFrom: '2018-07-16', validFor: '10年' } },
	'5': { fields: { registrationDate: '2019-03-04', issueDate: '2019-03-04' } },
	'5:back': {
		fields: { approvedPassengers: 5, approvedPassengersText: '5人', totalMass: 1830, totalMassText: '1830kg', curbWeight: 1395, approvedLoad: null, approvedLoadText: '', dimensions: '4753×1800×1462mm' },
	},
	'21': {
		fields: {
			issueDate: '2019-03-04',
			issueDateText: '2019年03月04日',
			netAmount: 1092.48,
			taxAmount: 142.02,
			totalAmount: 1234.5,
			totalAmountText: '¥1234.50',
			totalAmountInWords: '壹仟贰佰叁拾肆圆伍角',
			invoiceCode: '3300191130',
			itemQuantity: 1,
			itemUnitPrice: 1092.48,
			itemAmount: 1092.48,
			itemTaxAmount: 142.02,
			itemTaxRate: '13%',
		},
	},
	'41': {
		fields: { establishmentDate: '2016-05-10', businessTermStart: '2016-05-10', businessTermEnd: null, approvalDate: '2019-03-04', registeredCapital: '壹佰万元整' },
	},
	'501': {
		fields: { area: '共有宗地面积45.6m²/房屋建筑面积89.12m²', areaText: '共有宗地面积45.6m²/房屋建筑面积89.12m²', useTermStart: '2006-05-10', useTermEnd: '2076-05-09' },
		unparsed: ['area'],
	},
	'1033': { fields: { registrationDate: '2008-06-18', floorCount: 18, area: 89.12, areaText: '89.12' } },
	'1082': { fields: { area: 89.12, areaText: '89.12平方米', registrationDate: '2019-03-04' } },
};

const NORMALIZED_TICKETS: Record<TicketKind, IDataObject> = {
	train: { travelDate: '2019-03-04T08:15', travelDateText: '2019年03月04日08:15开', fare: 73, fareText: '¥73.00', passengerIdNumber: '3301061990****1234' },
	taxi: { travelDate: '2019-03-04', mileage: 12.3, mileageText: '12.3km', unitPrice: 2.5, totalAmount: 38, boardingTime: '08:15' },
	itinerary: { fare: 1230, caacDevelopmentFund: 50, fuelSurcharge: 0, totalAmount: 1280, totalAmountText: '¥1,280.00' },
	quota: { totalAmount: 20, totalAmountInWords: '贰拾元整' },
	general: { issueDate: '2019-03-04', issueDateText: '20190304', totalAmount: 123.45, totalAmountText: '123.45' },
};

describe('Normalize Values, through the engine and the sandbox', () => {
	it.each(PAGES.map((page) => [label(page), page] as const))('pid %s: typed values, the text beside them, unparsed flagged', async (key, page) => {
		const item = await one({ documentType: String(page.pid), options: { normalizeValues: true } }, marker(sideMarker(page.side)));
		const expected = NORMALIZED[key] ?? { fields: {} };
		expect(fieldsOf(item)).toMatchObject(expected.fields);
		expect((item.json.meta as IDataObject).unparsed).toEqual(expected.unparsed ?? []);
		// Text fields are never touched: everything not typed is exactly as the sandbox sent it.
		const typed = new Set(FIELD_DICTIONARIES[page.family].fields.filter((field) => field.kind && field.kind !== 'text').map((field) => field.name));
		for (const [name, value] of Object.entries(expectedFields(page))) if (!typed.has(name)) expect(fieldsOf(item)[name]).toBe(value);
	});

	it('reads every kind of receipt', async () => {
		const { outputs } = await run(
			credentials(),
			{ documentType: '22', options: { oneItemPerDocument: true, normalizeValues: true } },
			[imageItem(marker(`TICKET=${TICKET_KINDS.join(',')}`))],
		);
		TICKET_KINDS.forEach((kind, index) => {
			expect(fieldsOf(outputs[0][index])).toMatchObject(NORMALIZED_TICKETS[kind]);
			expect((outputs[0][index].json.meta as IDataObject).unparsed).toEqual([]);
		});
	});

	it('covers every typed entry of every dictionary', () => {
		const asserted = new Set(
			[...Object.values(NORMALIZED).map((entry) => entry.fields), ...Object.values(NORMALIZED_TICKETS)].flatMap((fields) => Object.keys(fields)),
		);
		for (const dictionary of Object.values(FIELD_DICTIONARIES)) {
			for (const field of [...dictionary.fields, ...(dictionary.lists ?? []).flatMap((list) => list.fields)]) {
				if (!field.kind || field.kind === 'text') continue;
				const key = field.kind === 'dateRange' ? `${field.name}Start` : field.name;
				expect([dictionary.family, key, asserted.has(key)]).toEqual([dictionary.family, key, true]);
			}
		}
	});

	it('is on by default', async () => {
		const item = await one({ documentType: '2' });
		expect(fieldsOf(item)).toMatchObject(NORMALIZED['2'].fields);
		expect((item.json.meta as IDataObject).unparsed).toEqual([]);
	});

	it('leaves values as returned when turned off', async () => {
		const item = await one({ documentType: '2', options: RAW });
		expect(fieldsOf(item)).toMatchObject({ birthDate: '19900422', sex: '男' });
		expect(fieldsOf(item)).not.toHaveProperty('birthDateText');
		expect(item.json.meta).not.toHaveProperty('unparsed');
	});
});

describe('the raw body with Simplify off', () => {
	it('is the body as the service sent it, whatever the output options say', async () => {
		const plain = await one({ documentType: '21', simplify: false });
		const optioned = await one({
			documentType: '21',
			simplify: false,
			options: { fieldNames: 'english', normalizeValues: true, oneItemPerDocument: true },
		});
		const withoutTiming = ({ recogInfo: _info, totalMs: _ms, meta: _meta, ...rest }: IDataObject) => rest;
		expect(withoutTiming(optioned.json)).toEqual(withoutTiming(plain.json));
		const [result] = plain.json.ResultList as IDataObject[];
		expect((result.FieldList as IDataObject[]).map(({ key, chn_key, value }) => [key, chn_key, value])).toEqual(DOCUMENTS[21].front.fields);
		expect(result.明细).toEqual(DOCUMENTS[21].items!.rows);
		expect(plain.json.ErrorCode).toBe(0);
		// Beside the body's own members only where the image came from (and, on the run's last item, its cost).
		expect(plain.json.meta).toEqual({
			binaryName: 'data',
			fileName: expect.any(String),
			mimeType: expect.any(String),
			fileSize: expect.any(Number),
			runSummary: expect.objectContaining({ callsSent: 1 }),
		});
	});

	it('is one item for several documents too', async () => {
		const { outputs } = await run(credentials(), { documentType: '666', simplify: false, options: { oneItemPerDocument: true } }, [imageItem(marker('DOC=2,41,21'))]);
		expect(outputs[0]).toHaveLength(1);
		expect((outputs[0][0].json.ResultList as IDataObject[]).map((entry) => entry.pid)).toEqual([2, 41, 21]);
	});
});

describe('One Item per Document: splitting and pairing', () => {
	it('gives each auto-classified document its own item with its type, all paired to their input item', async () => {
		const { outputs } = await run(
			credentials(),
			{ documentType: '666', options: { ...RAW, oneItemPerDocument: true, includeInputFields: true } },
			[imageItem(marker('DOC=2,41,21'), { subject: 'three papers' }), imageItem(marker('DOC=6'), { subject: 'a plate' })],
		);
		const items = outputs[0];
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }]);
		expect(items.map((item) => item.json.subject)).toEqual(['three papers', 'three papers', 'three papers', 'a plate']);
		expect(items.map((item) => (item.json.meta as IDataObject).detectedPid)).toEqual([2, 41, 21, 6]);
		expect(items.map((item) => (item.json.meta as IDataObject).detectedDocumentType)).toEqual(['ID Card', 'Business Licence', 'VAT Invoice', 'Licence Plate']);
		expect(items.map((item) => [(item.json.meta as IDataObject).documentIndex, (item.json.meta as IDataObject).documentCount])).toEqual([
			[0, 3],
			[1, 3],
			[2, 3],
			[0, 1],
		]);
		expect(items[0].json).toMatchObject({ name: '王晓明', idNumber: '330106199004221234' });
		expect(items[1].json).toMatchObject({ companyName: '杭州某某科技有限公司', creditCode: '91330106MA2XXXXX0B' });
		expect(items[2].json).toMatchObject({ invoiceNumber: '04567890', totalAmount: '¥1234.50' });
		expect(items[3].json).toMatchObject({ plateNumber: '浙A12345', plateColor: '蓝色' });
		// Each item holds its own document only.
		expect(items[0].json).not.toHaveProperty('companyName');
		expect(items[1].json).not.toHaveProperty('name_2');
		for (const item of items) expect((item.json.meta as IDataObject).attempts).toBe(1);
	});

	it('in one item, lists every document found in meta and keeps every field', async () => {
		const item = await one({ documentType: '666', options: RAW }, marker('DOC=2,41'));
		const page = (pid: number): Page => ({ pid, family: productsForPid(pid)[0].family as NamedFamily, side: 'front', data: DOCUMENTS[pid].front });
		expect(item.json.meta).toMatchObject({
			detectedPid: 2,
			detectedDocumentType: 'ID Card',
			documentCount: 2,
			documents: [
				{ pid: 2, documentType: 'ID Card', typeText: '身份证人像页', position: documentPosition(0), details: entryDetails(page(2)) },
				{ pid: 41, documentType: 'Business Licence', typeText: '营业执照', position: documentPosition(1), details: entryDetails(page(41)) },
			],
		});
		// Both documents have an address: the second one's is address_2, nothing is lost.
		const { address, ...licence } = expectedFields(page(41));
		expect(fieldsOf(item)).toEqual({ ...expectedFields(page(2)), ...licence, address_2: address });
	});

	it('says which document classification alone (667) found', async () => {
		const { outputs } = await run(credentials(), { documentType: '667', options: { oneItemPerDocument: true } }, [imageItem(marker('DOC=1003,501'))]);
		expect(outputs[0].map((item) => item.json.meta)).toEqual([
			expect.objectContaining({ pid: 667, detectedPid: 1003, detectedDocumentType: 'Household Register (Personal Page)', detectedTypeText: '户口本个人页' }),
			expect.objectContaining({ pid: 667, detectedPid: 501, detectedDocumentType: 'Real Estate Certificate', detectedTypeText: '不动产权证书' }),
		]);
		// Classification only: no fields, the result's score with its other reading details in meta.
		expect(fieldsOf(outputs[0][0])).toEqual({});
		expect(outputs[0][0].json.meta).toMatchObject({ documentDetails: { score: 98.6 } });
	});

	it('splits plates and receipts, each with its own crops', async () => {
		const { outputs } = await run(
			credentials(),
			{ documentType: '6', options: { oneItemPerDocument: true, returnCroppedImages: true } },
			[imageItem(marker('COUNT=3'))],
		);
		expect(outputs[0].map((item) => item.json.plateNumber)).toEqual(PLATES.map(([, number]) => number));
		for (const item of outputs[0]) expect(Object.keys(item.binary ?? {})).toEqual(['document']);
		const classified = await run(
			credentials(),
			{ documentType: '666', options: { oneItemPerDocument: true, returnCroppedImages: true } },
			[imageItem(marker('DOC=2,41'))],
		);
		// The sandbox crops the first field of each document too: a binary named after that field.
		expect(classified.outputs[0].map((item) => Object.keys(item.binary ?? {}))).toEqual([['document', 'portrait', 'idNumberImage'], ['document', 'creditCodeImage']]);
	});

	it('leaves a single document alone, with its index', async () => {
		const item = await one({ documentType: '2', options: { oneItemPerDocument: true } });
		expect(item.json.meta).toMatchObject({ documentIndex: 0, documentCount: 1, detectedPid: 2 });
	});
});

/** The box the sandbox placed a field in (render-common.ts `place`). */
const box = (index: number, text: string) => place(index, text).position;

// The node offers Return Field Positions for pid 22 (and a custom pid); with Document Type set by
// an expression it is offered, and sent, for whatever product the expression gives.
describe('Return Field Positions: one shape, next to the values', () => {
	it('gives {left, top, width, height} per English field name for Chinese-keyed bodies', async () => {
		const item = await one({ documentType: '={{ 2 }}', options: { ...RAW, returnPositions: true } });
		const page: Page = { pid: 2, family: 'idCard', side: 'front', data: DOCUMENTS[2].front };
		expect(fieldsOf(item)).toEqual(expectedFields(page));
		expect(item.json.fieldPositions).toEqual(
			Object.fromEntries(page.data.fields.map(([key, , value], index) => [lookupFieldName('idCard', key, [])!.name, box(index, value)])),
		);
	});

	it('the same for {key, value} entries, with the document\'s own position in meta', async () => {
		const item = await one({ documentType: '={{ 5 }}', options: { returnPositions: true } });
		const page: Page = { pid: 5, family: 'vehicleLicence', side: 'front', data: DOCUMENTS[5].front };
		expect(item.json.fieldPositions).toEqual(
			Object.fromEntries(page.data.fields.map(([key, , value], index) => [lookupFieldName('vehicleLicence', key, [])!.name, box(index, value)])),
		);
		expect(item.json.meta).toMatchObject({ documentPosition: documentPosition(0) });
		for (const key of Object.keys(fieldsOf(item))) expect(key).not.toMatch(/position|quad/);
	});

	it('per receipt when split, and with the names as returned too', async () => {
		const { outputs } = await run(
			credentials(),
			{ documentType: '22', options: { ...RAW, returnPositions: true, oneItemPerDocument: true, fieldNames: 'asReturned' } },
			[imageItem(marker('TICKET=train,taxi'))],
		);
		(['train', 'taxi'] as const).forEach((kind, index) => {
			expect(outputs[0][index].json.fieldPositions).toEqual(Object.fromEntries(TICKETS[kind].fields.map(([, chn, value], at) => [chn, box(at, value)])));
			expect(fieldsOf(outputs[0][index])).toEqual(Object.fromEntries(TICKETS[kind].fields.map(([, chn, value]) => [chn, value])));
		});
	});

	it('puts the position of a whole plate or VIN in meta, and keeps fieldPositions when asked', async () => {
		const { outputs } = await run(credentials(), { documentType: '={{ 6 }}', options: { returnPositions: true, oneItemPerDocument: true } }, [imageItem(marker('COUNT=2'))]);
		outputs[0].forEach((item, index) => {
			expect(item.json.meta).toMatchObject({ documentPosition: box(index, PLATES[index][1]) });
			expect(item.json.fieldPositions).toEqual({});
		});
		const vin = await one({ documentType: '={{ 1 }}', options: { returnPositions: true } });
		expect(vin.json).toMatchObject({ vin: DOCUMENTS[1].front.fields[0][2], fieldPositions: {} });
		expect(vin.json.meta).toMatchObject({ documentPosition: box(0, DOCUMENTS[1].front.fields[0][2]) });
	});

	it('has no fieldPositions when not asked and none came', async () => {
		const item = await one({ documentType: '2' });
		expect(item.json).not.toHaveProperty('fieldPositions');
	});
});


// Issue 9 through n8n's engine: every family as the cloud and as a private install (PageInfo
// wrapper with its bookkeeping, field scores) answer it, with the default options and with each
// output option. What must hold for every one of them is checked by `expectMappable`.

type Dialect = 'cloud' | 'onPremises';

/** Member names of entries, results and wrappers, as returned and as camelCase would make them. */
const NOT_FIELDS = ['chn_key', 'image_data', 'head_image_data', 'head_position', 'position', 'quad', 'score', 'key', 'img_data', 'PageIndex', 'Time', 'SerialId', 'ErrorCode', 'pid', 'type', 'direct', 'angle', 'ocr_error_code'];
const NOT_FIELD_NAMES = new Set([...NOT_FIELDS, 'chnKey', 'imageData', 'headImageData', 'headPosition', 'imgData', 'pageIndex', 'time', 'serialId', 'errorCode', 'ocrErrorCode']);

/** Every English name a family's fields may take: its dictionary, its lists, the common lists. */
function englishNames(family: NamedFamily): Set<string> {
	const dictionary = FIELD_DICTIONARIES[family];
	return new Set([...dictionary.fields, ...(dictionary.lists ?? []).flatMap((list) => list.fields), ...COMMON_LISTS.flatMap((list) => list.fields)].map((field) => field.name));
}

/** A field key without its collision suffix and companion (`birthDateText_2` → birthDate). */
const baseName = (key: string) => key.replace(/_\d+$/, '').replace(/(Text|Start|End)$/, '');

interface Variant {
	label: string;
	/** Document Type as an expression (`={{ 2 }}`), which shows every option. */
	expression?: boolean;
	options: Record<string, boolean | string>;
	/** Sandbox directives beside the page's side. */
	directives: string[];
}

const VARIANTS: Variant[] = [
	{ label: 'default options', options: {}, directives: [] },
	{ label: 'crops sent unasked, not asked for', options: {}, directives: ['CROPS=always'] },
	{ label: 'Normalize Values off', options: { normalizeValues: false }, directives: [] },
	// Offered for general receipts only (the vendor documents it for pid 22), or with Document Type as an expression.
	{ label: 'Return Field Positions', options: { returnPositions: true }, directives: [], expression: true },
	{ label: 'Return Cropped Images', options: { returnCroppedImages: true }, directives: ['CROPS=always'] },
	{ label: 'One Item per Document', options: { oneItemPerDocument: true }, directives: [] },
	{ label: 'Field Names: As Returned', options: { fieldNames: 'asReturned' }, directives: [] },
];

const CASES = PAGES.flatMap((page) =>
	(['cloud', 'onPremises'] as const).flatMap((dialect) => VARIANTS.map((variant) => [label(page), dialect, variant.label, page, variant] as const)),
);

function pageExpected(page: Page): IDataObject {
	// The plate body has the names public client code shows.
	return productOf(page.pid)!.family === 'plate' ? { plateColor: PLATES[0][0], plateNumber: PLATES[0][1] } : pageFields(page);
}

/** What every item must be, whatever the dialect and the options. */
function expectMappable(item: INodeExecutionData, page: Page, dialect: Dialect, variant: Variant): void {
	const fields = fieldsOf(item);
	const meta = item.json.meta as IDataObject;
	const english = variant.options.fieldNames !== 'asReturned';
	const expected = pageExpected(page);
	// Documents detected, the same way in both dialects.
	expect(meta).toMatchObject({ pid: page.pid, detectedPid: page.pid, detectedDocumentType: productsForPid(page.pid)[0].name, documentCount: 1 });
	if (variant.options.oneItemPerDocument) expect(meta.documentIndex).toBe(0);
	for (const absent of ['requestId', 'detectedTypeText']) if (absent in meta) expect(meta[absent]).not.toBeNull();
	// No detail or envelope member among the fields, no crop as text.
	for (const [key, value] of Object.entries(fields)) {
		for (const part of key.split('.')) expect([key, NOT_FIELD_NAMES.has(part.replace(/_\d+$/, ''))]).toEqual([key, false]);
		if (typeof value === 'string') expect([key, value.length > 200 && /^[A-Za-z0-9+/=]+$/.test(value)]).toEqual([key, false]);
	}
	// English names, from the family's dictionary; as returned, the key (else the label).
	if (english) for (const key of Object.keys(fields)) expect([key, englishNames(page.family).has(baseName(key))]).toEqual([key, true]);
	// No value lost: every field under its name; without Normalize Values exactly as the sandbox sent it.
	const names = english ? Object.keys(expected) : page.data.fields.map(([key, chn]) => key || chn);
	if (productOf(page.pid)!.family === 'fieldList') expect(Object.keys(fields).filter((key) => !/(Text|Start|End)(_\d+)?$/.test(key) || names.includes(key))).toEqual(expect.arrayContaining(names));
	if (variant.options.normalizeValues === false) expect(fields).toEqual(expected);
	else for (const [name, value] of Object.entries(expected)) if (!(`${name}Text` in fields) && !(`${name}Start` in fields) && english) expect([name, fields[name]]).toEqual([name, value]);
	// Positions only when asked; scores only from the private install, which sends them.
	expect('fieldPositions' in item.json).toBe(variant.options.returnPositions === true);
	if (variant.options.returnPositions && productOf(page.pid)!.family === 'fieldList') {
		const placed = page.data.fields.filter(([, , value]) => value !== '').map(([key, chn]) => (english ? lookupFieldName(page.family, key || chn, [])!.name : key || chn));
		expect(Object.keys(item.json.fieldPositions as IDataObject).sort()).toEqual(placed.sort());
	}
	const entries = productOf(page.pid)!.family === 'fieldList';
	expect(meta.scores === undefined).toBe(!(entries && dialect === 'onPremises'));
	if (entries) expect(meta.labels).toEqual(Object.fromEntries(page.data.fields.map(([key, chn]) => [english ? lookupFieldName(page.family, key || chn, [])!.name : key || chn, chn])));
	// Crops only when asked, as binary properties with English names.
	const binaries = Object.keys(item.binary ?? {});
	if (!variant.options.returnCroppedImages) expect(binaries).toEqual([]);
	else if (entries) expect(binaries).toEqual(expect.arrayContaining(['document', ...(DOCUMENTS[page.pid].headImage && page.side === 'front' ? ['portrait'] : [])]));
	for (const name of binaries) expect(name).toMatch(/^[a-z][A-Za-z0-9]*(_\d+)?$/);
}

describe('real answers, cloud and on-premises, every family and every output option', () => {
	it.each(CASES)('pid %s, %s, %s', async (_label, dialect, _variant, page, variant) => {
		const endpoint = dialect === 'cloud' ? sandbox().endpoint : sandbox().onPremisesEndpoint;
		const documentType = variant.expression ? `={{ ${page.pid} }}` : String(page.pid);
		const { outputs, error } = await run({ ...credentials(), endpoint }, { documentType, options: variant.options }, [
			imageItem(marker(sideMarker(page.side), ...variant.directives)),
		]);
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].error).toBeUndefined();
		expectMappable(outputs[0][0], page, dialect, variant);
	});

	it('gives the same fields and documents for the cloud and the private install', async () => {
		const one = async (endpoint: string) => (await run({ ...credentials(), endpoint }, { documentType: '666', options: { oneItemPerDocument: true } }, [imageItem(marker('DOC=2,5'))])).outputs[0];
		const [cloud, onPremises] = [await one(sandbox().endpoint), await one(sandbox().onPremisesEndpoint)];
		expect(onPremises.map(fieldsOf)).toEqual(cloud.map(fieldsOf));
		const described = (items: INodeExecutionData[]) => items.map((item) => {
			const { responseId: _id, serviceTimeMs: _ms, scores: _scores, ...meta } = item.json.meta as IDataObject;
			return meta;
		});
		expect(described(onPremises)).toEqual(described(cloud));
		expect(cloud.map((item) => (item.json.meta as IDataObject).detectedPid)).toEqual([2, 5]);
	});
});

describe('private installs that take the image as filedata', () => {
	it('sends the image under the field the credential names', async () => {
		const filedata = { ...credentials(), endpoint: sandbox().filedataEndpoint, uploadField: 'filedata' as const };
		const item = (await run(filedata, { documentType: '2' }, [imageItem()])).outputs[0][0];
		expect(item.error).toBeUndefined();
		expect(fieldsOf(item)).toMatchObject({ name: '王晓明', idNumber: '330106199004221234' });
		const call = sandbox().calls.at(-1)!;
		expect(Object.keys(call.fields)).toContain('filedata');
		expect(Object.keys(call.fields)).not.toContain('file');
	});

	it('answers -6 when the credential keeps file for such a servlet', async () => {
		const { outputs } = await run({ ...credentials(), endpoint: sandbox().filedataEndpoint }, { documentType: '2' }, [imageItem()], 'continueRegularOutput');
		expect(errorOf(outputs[0][0])?.code).toBe('-6');
	});
});

describe('error codes outside the vendor table', () => {
	it('names the code and says it is not in the table (20 for a VIN)', async () => {
		const { outputs } = await run(credentials(), { documentType: '1' }, [imageItem(marker('RESULT=20'))], 'continueRegularOutput');
		const shown = JSON.stringify(outputs[0][0]);
		expect(shown).toContain('error code 20');
		expect(shown).toContain("not in ETOP's published error table");
		expect(shown).toContain('vehicle model not found');
	});
});
