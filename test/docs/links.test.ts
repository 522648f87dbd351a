/**
 * Every relative link of the repository's Markdown pages leads somewhere: the file exists, and an
 * anchor (`page.md#section`, `#section`) names a heading of that page, with GitHub's heading ids.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');

/** The Markdown files git knows (the ones GitHub shows), relative to the repository root. */
const PAGES = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' })
	.split('\n')
	.filter((file) => file !== '' && !file.includes('node_modules/'));

/** The text outside fenced code blocks and inline code, where a link is a link. */
function prose(markdown: string): string {
	return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's id for a heading (github-slugger): lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
	const text = heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.trim()
		.toLowerCase();
	return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** The anchors of a page: its headings' ids (repeats numbered as GitHub does) and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
	for (const [, heading] of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
		const base = slug(heading);
		const count = seen.get(base) ?? 0;
		anchors.add(count === 0 ? base : `${base}-${count}`);
		seen.set(base, count + 1);
	}
	for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
	return anchors;
}

interface Link {
	page: string;
	target: string;
}

function relativeLinks(page: string): Link[] {
	const text = prose(readFileSync(join(ROOT, page), 'utf8'));
	const targets = [
		...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]),
		...[...text.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map((match) => match[1]),
		...[...text.matchAll(/<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g)].map((match) => match[1]),
	];
	return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target)).map((target) => ({ page, target }));
}

/** Why a link does not resolve, or undefined when it does. */
function deadEnd({ page, target }: Link): string | undefined {
	const [path, anchor] = target.split('#', 2);
	const file = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(path));
	if (!existsSync(file)) return `${relative(ROOT, file)} does not exist`;
	if (anchor === undefined || anchor === '') return undefined;
	if (!file.endsWith('.md')) return `#${anchor} in a file that is not Markdown`;
	const anchors = anchorsOf(readFileSync(file, 'utf8'));
	return anchors.has(decodeURIComponent(anchor)) ? undefined : `${relative(ROOT, file)} has no heading #${anchor}`;
}

describe('links between the Markdown pages', () => {
	it('finds the pages and their links', () => {
		expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md']));
		expect(PAGES.flatMap(relativeLinks).length).toBeGreaterThan(50);
	});

	it('tells a dead link from a live one', () => {
		expect(deadEnd({ page: 'CONTRIBUTING.md', target: 'docs/README.md' })).toBeUndefined();
		expect(deadEnd({ page: 'docs/README.md', target: '../README.md#document-types' })).toBeUndefined();
		expect(deadEnd({ page: 'CONTRIBUTING.md', target: 'docs/no-such-page.md' })).toBe('docs/no-such-page.md does not exist');
		// relative to the page that links
		expect(deadEnd({ page: 'docs/verification.md', target: 'testing.md' })).toBeUndefined();
		expect(deadEnd({ page: 'docs/verification.md', target: 'docs/testing.md' })).toBe('docs/docs/testing.md does not exist');
		expect(deadEnd({ page: 'README.md', target: '#no-such-section' })).toBe('README.md has no heading #no-such-section');
	});

	it.each(PAGES)('%s: every relative link and anchor resolves', (page) => {
		const dead = relativeLinks(page)
			.map((link) => [link.target, deadEnd(link)])
			.filter(([, why]) => why !== undefined);
		expect(dead).toEqual([]);
	});
});

describe('GitHub heading ids', () => {
	it.each([
		['Choosing the document type in a workflow or by an AI agent', 'choosing-the-document-type-in-a-workflow-or-by-an-ai-agent'],
		["Recipe: every morning, the day's ID cards and VAT invoices into a sheet", 'recipe-every-morning-the-days-id-cards-and-vat-invoices-into-a-sheet'],
		['Try it in a real n8n: `npm run dev`', 'try-it-in-a-real-n8n-npm-run-dev'],
		['End-to-end tests in real n8n (`npm run test:e2e`)', 'end-to-end-tests-in-real-n8n-npm-run-teste2e'],
		['Figures at commit bd17f59', 'figures-at-commit-bd17f59'],
		['Train ticket, taxi receipt & 通用票据', 'train-ticket-taxi-receipt--通用票据'],
	])('%j -> #%s', (heading, id) => {
		expect(slug(heading)).toBe(id);
	});

	it('numbers repeated headings as GitHub does', () => {
		expect([...anchorsOf('# A\n## Usage\n### Usage\n```sh\n# not a heading\n```\n#### Usage\n')]).toEqual(['a', 'usage', 'usage-1', 'usage-2']);
	});
});
