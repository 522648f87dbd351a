import { readFileSync } from 'node:fs';

import { README, SECTIONS, withSections } from './tables';

describe('README', () => {
	const text = readFileSync(README, 'utf8');

	it.each(Object.keys(SECTIONS))('has the %s table as generated from the node data', (name) => {
		expect(text).toContain(`<!-- ${name}:start -->\n${SECTIONS[name]()}\n<!-- ${name}:end -->`);
		// Run `npx tsx test/docs/tables.ts --write` after changing the catalogue or the error table.
		expect(withSections(text)).toBe(text);
	});

	it('starts with the two commands for a fresh machine', () => {
		const firstBlock = /```(?:sh|bash)?\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
		expect(firstBlock).toContain('npm ci && npm run demo');
		expect(firstBlock).toContain('npm test');
	});
});
