/**
 * Markdown tables for the README, generated from the node's own data so they cannot drift:
 * `npx tsx test/docs/tables.ts --write` rewrites the marked sections; the docs test compares.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DOCUMENT_GROUPS, PRODUCTS } from '../../nodes/EtopOcr/data/catalogue';
import { ETOP_ERRORS } from '../../nodes/EtopOcr/data/errorCodes';
import { optionsCollection } from '../../nodes/EtopOcr/descriptions/OptionsDescription';

export const README = join(__dirname, '../../README.md');

export function catalogueTable(): string {
	const rows = PRODUCTS.map((product) => {
		const group = DOCUMENT_GROUPS.find((entry) => entry.group === product.group)?.name ?? product.group;
		const extras = [
			product.supportsImageCheck && 'image checks',
			product.supportsShowPosition && 'positions',
			product.supportsSeal && 'seals',
			product.autoClassify && 'auto-classification',
		].filter(Boolean);
		return `| ${product.pid} | ${product.name} | ${product.nameZh} | ${group} | ${extras.join(', ')} |`;
	});
	return ['| pid | Document | Chinese name | Group | Options that apply |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function errorTable(): string {
	const rows = Object.values(ETOP_ERRORS).map(
		(info) => `| ${info.code} | ${info.message} | ${info.messageZh} | ${info.hint} | ${info.transient ? 'yes' : 'no'} |`,
	);
	return ["| ErrorCode | Message | Vendor's text | What to do | Retried |", '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** For which document types an option is offered, from its displayOptions. */
function offeredFor(option: (typeof optionsCollection)[number]): string {
	const show = option.displayOptions?.show ?? {};
	if (show['/inputType']) return `${show['/inputType'].join(', ')} input`;
	const types = show['/documentType'];
	if (!types) return 'all';
	const named = types.map((value) => (value === 'custom' ? 'a custom pid' : `pid ${String(value)}`));
	return named.length > 3 ? `${named.length - 1} document types and a custom pid ([list](#document-types))` : named.join(', ');
}

/** The first sentence of a description, for a table cell. */
function firstSentence(text: string | undefined): string {
	const sentence = (text ?? '').split(/(?<=[.!?])\s(?=[A-Z])/)[0].replace(/\|/g, '\\|');
	return sentence.replace(/^Whether (to )?/, '').replace(/^./, (c) => c.toUpperCase());
}

export function optionsTable(): string {
	const rows = optionsCollection.map(
		(option) => `| ${option.displayName} | \`${option.name}\` | ${JSON.stringify(option.default)} | ${offeredFor(option)} | ${firstSentence(option.description)} |`,
	);
	return ['| Option | Name | Default | Offered for | What it does |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export const SECTIONS: Record<string, () => string> = { catalogue: catalogueTable, errors: errorTable, options: optionsTable };

export function withSections(text: string): string {
	let result = text;
	for (const [name, render] of Object.entries(SECTIONS)) {
		const pattern = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
		result = result.replace(pattern, () => `<!-- ${name}:start -->\n${render()}\n<!-- ${name}:end -->`);
	}
	return result;
}

if (require.main === module && process.argv.includes('--write')) {
	writeFileSync(README, withSections(readFileSync(README, 'utf8')));
}
