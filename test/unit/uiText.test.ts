import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EtopOcrApi } from '../../credentials/EtopOcrApi.credentials';
import { PRODUCTS } from '../../nodes/EtopOcr/data/catalogue';

// The codex file EtopOcr.node.json sits beside the node and would win Node's extension lookup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EtopOcr } = require('../../nodes/EtopOcr/EtopOcr.node.ts') as typeof import('../../nodes/EtopOcr/EtopOcr.node');

/** Han characters and CJK / full-width punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;

/** Every string in a description, with where it is: names, descriptions, hints, placeholders, defaults. */
function strings(value: unknown, path: string): Array<[string, string]> {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((entry, index) => strings(entry, `${path}[${index}]`));
	if (value !== null && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, entry]) => strings(entry, `${path}.${key}`));
	}
	return [];
}

const codex = JSON.parse(readFileSync(join(__dirname, '../../nodes/EtopOcr/EtopOcr.node.json'), 'utf8')) as {
	alias: string[];
};

describe("the editor's text is English (n8n's verification guidelines), the Chinese names are search keys", () => {
	it.each([
		['the node', new EtopOcr().description],
		['the credential', new EtopOcrApi()],
	])('%s shows no Chinese text', (_, description) => {
		const all = strings(description, '');
		expect(all.length).toBeGreaterThan(20);
		expect(all.filter(([, text]) => CJK.test(text))).toEqual([]);
	});

	it("every product's Chinese name is a codex alias, which the nodes panel searches", () => {
		const missing = PRODUCTS.map((product) => product.nameZh).filter((name) => !codex.alias.includes(name));
		expect(missing).toEqual([]);
		expect(codex.alias).toEqual(expect.arrayContaining(['ETOP', '译图智讯', 'OCR']));
	});
});
