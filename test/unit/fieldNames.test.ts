import { readFileSync } from 'node:fs';

import { PRODUCTS, type FieldFamily } from '../../nodes/EtopOcr/data/catalogue';
import {
	COMMON_LISTS,
	FIELD_DICTIONARIES,
	UNIT_SPELLINGS,
	lookupFieldName,
	type FieldDictionary,
	type FieldName,
	type NamedFamily,
} from '../../nodes/EtopOcr/data/fieldNames';
import { FIELDS_DOC, fieldTables, withFieldTables } from '../docs/fieldTable';
import { DOCUMENTS, PLATES, TICKETS, type DocumentData } from '../sandbox/bodies';

const dictionaries = Object.values(FIELD_DICTIONARIES);
const namedFamilies = [...new Set(PRODUCTS.map((product) => product.family))].filter((family) => family !== 'other');

/** The pages the sandbox answers for a family: every side of every product of that family. */
function sandboxPages(family: NamedFamily): DocumentData[] {
	const pids = [...new Set(PRODUCTS.filter((product) => product.family === family).map((product) => product.pid))];
	return pids.flatMap((pid) => {
		if (pid === 22) return Object.values(TICKETS);
		const data = DOCUMENTS[pid];
		return data ? [data.front, ...(data.back ? [data.back] : [])] : [];
	});
}

/** Every name the sandbox gives a field of this family: Chinese labels and English keys. */
function sandboxNames(family: NamedFamily): Set<string> {
	const names = new Set(sandboxPages(family).flatMap((page) => page.fields.flatMap(([key, chn]) => (key ? [key, chn] : [chn]))));
	// Plate bodies use the Chinese names public client code shows.
	if (family === 'plate') for (const name of ['车牌颜色', '车牌号']) names.add(name);
	return names;
}

function scopes(dictionary: FieldDictionary): Array<{ scope: string; fields: readonly FieldName[] }> {
	return [
		{ scope: 'fields', fields: dictionary.fields },
		...(dictionary.lists ?? []).map((list) => ({ scope: list.from.join('/'), fields: list.fields })),
	];
}

describe('field name dictionaries', () => {
	it('has one dictionary for every family of the catalogue, under its own family', () => {
		expect(Object.keys(FIELD_DICTIONARIES).sort()).toEqual([...namedFamilies].sort());
		for (const [family, dictionary] of Object.entries(FIELD_DICTIONARIES)) expect(dictionary.family).toBe(family);
	});

	it.each(dictionaries.map((dictionary) => [dictionary.family, dictionary] as const))(
		'%s: camelCase names, each once, and no service name mapped twice',
		(_family, dictionary) => {
			for (const { fields } of scopes(dictionary)) {
				const names = fields.map((field) => field.name);
				for (const name of names) expect(name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
				expect(new Set(names).size).toBe(names.length);
				const sources = fields.flatMap((field) => field.from);
				expect(new Set(sources).size).toBe(sources.length);
				for (const field of fields) {
					expect(field.from.length).toBeGreaterThan(0);
					// A unit only means something for a number.
					if (field.unit !== undefined) expect(field.kind).toBe('number');
				}
			}
		},
	);

	it.each(dictionaries.map((dictionary) => [dictionary.family, dictionary] as const))(
		'%s: every service name finds its English name, in its own scope only',
		(family, dictionary) => {
			for (const field of dictionary.fields) {
				for (const source of field.from) {
					expect(lookupFieldName(family, source, [])).toBe(field);
					// Lists the node walks through on the way to fields do not change the scope.
					expect(lookupFieldName(family, source, ['ResultList', 'FieldList'])).toBe(field);
				}
			}
			for (const list of dictionary.lists ?? []) {
				for (const field of list.fields) {
					for (const source of field.from) expect(lookupFieldName(family, source, list.from)).toBe(field);
				}
				// Inside a list, the document's own names do not apply (a line item's 金额 is not the invoice's).
				for (const field of dictionary.fields) {
					for (const source of field.from) {
						const inList = list.fields.find((item) => item.from.includes(source));
						expect(lookupFieldName(family, source, list.from)).toBe(inList);
					}
				}
			}
		},
	);

	it('knows no name of another family, and nothing for documents without a family', () => {
		expect(lookupFieldName('plate', '公民身份号码', [])).toBeUndefined();
		expect(lookupFieldName('idCard', '车牌号', [])).toBeUndefined();
		expect(lookupFieldName('other', '姓名', [])).toBeUndefined();
		expect(lookupFieldName('idCard', 'toString', [])).toBeUndefined();
		expect(lookupFieldName('idCard', '__proto__', [])).toBeUndefined();
	});

	it('names seals and quality checks in every family, the ones without a dictionary too', () => {
		const families: FieldFamily[] = [...namedFamilies, 'other'];
		for (const family of families) {
			for (const list of COMMON_LISTS) {
				for (const field of list.fields) {
					for (const source of field.from) expect(lookupFieldName(family, source, ['ResultList', ...list.from])).toBe(field);
				}
			}
		}
		expect(lookupFieldName('other', 'value', ['SealList'])?.name).toBe('sealText');
		expect(lookupFieldName('idCard', 'name', ['ImageCheck'])?.name).toBe('imageCheckName');
	});

	it('spells every unit a number field uses', () => {
		for (const dictionary of dictionaries) {
			for (const { fields } of scopes(dictionary)) {
				for (const field of fields) if (field.unit) expect(UNIT_SPELLINGS[field.unit].length).toBeGreaterThan(0);
			}
		}
	});
});

// Every key and label the project notes' "Real response bodies" list (etop-api-facts.md).
const REAL_NAMES: ReadonlyArray<[FieldFamily, string[]]> = [
	['idCard', ['IDNum', 'Name', 'Sex', 'Nation', 'Birth', 'Address', '身份证号码', '姓名', '性别', '民族', '出生', '地址']],
	[
		'vehicleLicence',
		['PlateNo', 'VType', 'Owner', 'Address', 'UseCharacter', 'Model', 'VIN', 'EngineNo', 'RegisterDate', 'IssueDate', '号牌号码', '车辆类型', '所有人', '地址', '使用性质', '品牌型号', '车辆识别代码', '发动机号', '注册日期', '发证日期', '总质量', '整备质量', '核定载质量', '外廓尺寸', '备注'],
	],
	['plate', ['车牌颜色', '车牌号']],
	['vin', ['VIN']],
];

describe('the dictionaries and the real answers', () => {
	it.each(REAL_NAMES)('%s: knows every key and label real answers carry', (family, names) => {
		expect(names.filter((name) => lookupFieldName(family, name, ['ResultList', 'FieldList']) === undefined)).toEqual([]);
	});

	it('gives a key and its label the same name', () => {
		expect(lookupFieldName('idCard', 'IDNum', [])).toBe(lookupFieldName('idCard', '身份证号码', []));
		expect(lookupFieldName('vehicleLicence', 'VType', [])).toBe(lookupFieldName('vehicleLicence', '车辆类型', []));
		expect(lookupFieldName('vehicleLicence', 'EngineNo', [])).toBe(lookupFieldName('vehicleLicence', '发动机号', []));
	});
});

describe('the dictionaries and the sandbox bodies', () => {
	it.each(namedFamilies)('%s: every name the sandbox returns is known, key and label alike', (family) => {
		for (const page of sandboxPages(family)) {
			for (const [key, chn] of page.fields) {
				// An entry without a key is named by its label.
				const byKey = lookupFieldName(family, key || chn, []);
				expect({ page: page.type, name: key, known: byKey !== undefined }).toEqual({ page: page.type, name: key, known: true });
				// The English key and the Chinese label of one field give the same English name.
				expect({ page: page.type, name: chn, english: lookupFieldName(family, chn, [])?.name }).toEqual({
					page: page.type,
					name: chn,
					english: byKey?.name,
				});
			}
		}
	});

	it.each(namedFamilies)('%s: every dictionary name occurs in a sandbox body (so the engine tests reach it)', (family) => {
		const names = sandboxNames(family);
		const unused = FIELD_DICTIONARIES[family].fields.flatMap((field) => field.from).filter((name) => !names.has(name));
		expect(unused).toEqual([]);
	});

	it.each(namedFamilies)('%s: no page of the sandbox has two fields with one English name', (family) => {
		for (const page of sandboxPages(family)) {
			const names = page.fields.map(([key, chn]) => lookupFieldName(family, key || chn, [])?.name);
			expect(new Set(names).size).toBe(names.length);
		}
	});

	it('knows every column of the VAT invoice line items, and the sandbox uses every one', () => {
		const [list] = FIELD_DICTIONARIES.vatInvoice.lists ?? [];
		const items = DOCUMENTS[21].items!;
		expect(list.from).toContain(items.chn);
		const columns = new Set(items.rows.flatMap((row) => Object.keys(row)));
		expect([...columns].sort()).toEqual(list.fields.flatMap((field) => field.from).sort());
	});

	it('knows the plate names public client code shows, and the sandbox plates use them', () => {
		expect(lookupFieldName('plate', '车牌号', [])?.name).toBe('plateNumber');
		expect(lookupFieldName('plate', '车牌颜色', [])?.name).toBe('plateColor');
		expect(PLATES.length).toBeGreaterThan(1);
	});
});

describe('README.md field names', () => {
	it('has the field tables as generated from the dictionaries', () => {
		const text = readFileSync(FIELDS_DOC, 'utf8');
		// Run `npx tsx test/docs/fieldTable.ts --write` after changing a dictionary.
		expect(text).toContain(`<!-- fields:start -->\n${fieldTables()}\n<!-- fields:end -->`);
		expect(withFieldTables(text)).toBe(text);
		for (const dictionary of dictionaries) {
			for (const field of dictionary.fields) expect(text).toContain(`| \`${field.name}\` |`);
		}
	});
});
