/**
 * The field name tables of README.md, generated from the dictionaries so that they
 * cannot drift: `npx tsx test/docs/fieldTable.ts --write` rewrites the marked section;
 * test/unit/fieldNames.test.ts compares.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PRODUCTS } from '../../nodes/EtopOcr/data/catalogue';
import { COMMON_LISTS, FIELD_DICTIONARIES, type FieldName } from '../../nodes/EtopOcr/data/fieldNames';

export const FIELDS_DOC = join(__dirname, '../../README.md');

const KINDS: Record<NonNullable<FieldName['kind']>, string> = {
	text: 'text',
	date: 'date → ISO 8601, + `Text`',
	dateRange: 'date range → + `Start`, `End`',
	amount: 'amount → number, + `Text`',
	number: 'number, + `Text`',
	sex: '`male` / `female`, + `Text`',
};

function kind(field: FieldName): string {
	const text = KINDS[field.kind ?? 'text'];
	return field.unit ? `${text} (${field.unit === 'people' ? 'persons' : field.unit})` : text;
}

function rows(fields: readonly FieldName[]): string[] {
	return fields.map((field) => `| \`${field.name}\` | ${kind(field)} | ${field.from.join(', ')} |`);
}

const HEADER = ['| Field | Normalize Values | Names the service uses |', '| --- | --- | --- |'];

function products(family: string): string {
	const pids = PRODUCTS.filter((product) => product.family === family);
	return pids.map((product) => `${product.name} (${product.pid})`).join(', ');
}

export function fieldTables(): string {
	const sections = Object.values(FIELD_DICTIONARIES).map((dictionary) => {
		const lists = (dictionary.lists ?? []).flatMap((list) => [
			'',
			`Items of the list ${list.from.map((name) => `\`${name}\``).join(', ')} (one set per item, \`_2\`, \`_3\` … for the next):`,
			'',
			...HEADER,
			...rows(list.fields),
		]);
		return [`#### ${dictionary.title}`, '', `Family \`${dictionary.family}\`: ${products(dictionary.family)}.`, '', ...HEADER, ...rows(dictionary.fields), ...lists].join('\n');
	});
	const common = [
		'#### In every document',
		'',
		'Seals (Read Seals) and the ID-card image checks, whatever the document:',
		'',
		...HEADER,
		...COMMON_LISTS.flatMap((list) => rows(list.fields).map((row) => row.replace(/ \|$/, ` (in \`${list.from[0]}\`) |`))),
	].join('\n');
	const other = PRODUCTS.filter((product) => product.family === 'other' && !product.autoClassify).map((product) => `${product.name} (${product.pid})`);
	const classified = PRODUCTS.filter((product) => product.autoClassify).map((product) => `${product.name} (${product.pid})`);
	const unnamed = `#### Documents without a dictionary\n\nTheir fields keep the names the service returns: ${other.join(', ')}.\n\n${classified.join(' and ')} name each document they find with the dictionary of that document's type.`;
	return [...sections, common, unnamed].join('\n\n');
}

export function withFieldTables(text: string): string {
	return text.replace(/<!-- fields:start -->[\s\S]*?<!-- fields:end -->/, () => `<!-- fields:start -->\n${fieldTables()}\n<!-- fields:end -->`);
}

if (require.main === module && process.argv.includes('--write')) {
	writeFileSync(FIELDS_DOC, withFieldTables(readFileSync(FIELDS_DOC, 'utf8')));
}
