/**
 * The editor in a real browser (headless Debian Chromium driven by playwright-core): a fresh n8n
 * with the packed package installed, the owner set up through the sign-up form, the ETOP OCR node
 * found in the node creator, its panel, catalogue, inputs, options and credential form, and one
 * step executed against the sandbox. Screenshots go to docs/screenshots/ (n8n 2.x).
 *
 * E2E_BROWSER_MAJORS chooses the n8n lines (default "2"; "2,1" adds n8n 1.x).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { SANDBOX_KEY, SANDBOX_SECRET, startSandbox, type Sandbox } from '../sandbox/server';
import { CHROMIUM, CHROMIUM_ARGS, loadPlaywright } from './lib/browser';
import { ensureN8n, type N8nMajor } from './lib/install';
import { DEFAULT_OWNER, N8nInstance } from './lib/n8n';
import { installLikeCommunityNodes } from './lib/pack';
import { NODE_TYPE, SCREENSHOTS_DIR, WORK } from './lib/paths';
import { packageTarball } from './lib/suite';

const DEFAULT_ENDPOINT = 'https://www.etoplive.com/ocr/PageOcrServlet';
const ID_CARD_OPTIONS = [
	'Check Original vs Copy',
	'Check Completeness',
	'Check Glare',
	'Check Blur',
	'Check Tampering',
	'Fail on Low Image Quality',
];
const GENERAL_OPTIONS = [
	'Field Names',
	'Include Input Fields',
	'Max Concurrent Requests',
	'Max Retries',
	'Normalize Values',
	'One Item per Document',
	'Read Seals',
	'Request ID',
	'Return Cropped Images',
	'Return Field Positions',
];

/** A saved workflow with the node, so the panel tests do not depend on the node creator test. */
const EDITOR_WORKFLOW = {
	id: 'E2eEditorNodePnl',
	name: 'e2e: ETOP OCR in the editor',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: 'b7d9c0f4-1111-4c1e-9d52-2f1e0a7c0001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'b7d9c0f4-1111-4c1e-9d52-2f1e0a7c0002', name: 'ETOP OCR', type: NODE_TYPE, typeVersion: 1, position: [260, 0], parameters: {} },
	],
	connections: { Start: { main: [[{ node: 'ETOP OCR', type: 'main', index: 0 }]] } },
};

const browserMajors = (process.env.E2E_BROWSER_MAJORS ?? '2').split(',').map((s) => Number(s.trim()) as N8nMajor);

describe.each(browserMajors.filter((m) => m === 1 || m === 2))('the editor of n8n %s.x in Chromium', (major) => {
	let n8n: N8nInstance;
	let sandbox: Sandbox;
	let browser: any;
	let page: any;
	const screenshots = major === 2 && process.env.E2E_SCREENSHOTS !== '0';

	async function shot(name: string): Promise<void> {
		const dir = screenshots ? SCREENSHOTS_DIR : join(WORK, `screenshots-n8n-${major}`);
		mkdirSync(dir, { recursive: true });
		await page.mouse.move(1, 1); // no hover effects in the picture
		await page.waitForTimeout(200);
		await page.screenshot({ path: join(dir, `${name}.png`) });
	}

	/** Texts of the open dropdown's items (Element Plus select). */
	async function dropdownItems(): Promise<string[]> {
		await page.locator('.el-select-dropdown__item:visible').first().waitFor();
		return await page.$$eval('.el-select-dropdown__item', (els: any[]) =>
			els.filter((e) => e.offsetParent !== null).map((e) => e.textContent.replace(/\s+/g, ' ').trim()),
		);
	}

	/** The node panel's parameters, by name, in the order shown. */
	async function shownParameters(): Promise<string[]> {
		return await page.$$eval('[data-test-id=node-parameters] [data-test-id^=parameter-input-]', (els: any[]) =>
			els.map((e) => e.getAttribute('data-test-id').replace('parameter-input-', '')).filter((n: string) => n !== 'field'),
		);
	}

	/** Fills n8n's owner sign-up form (the page a fresh instance opens with). */
	async function signUp(): Promise<void> {
		await page.fill('[data-test-id=email] input, input[name=email]', DEFAULT_OWNER.email);
		await page.fill('[data-test-id=firstName] input, input[name=firstName]', DEFAULT_OWNER.firstName);
		await page.fill('[data-test-id=lastName] input, input[name=lastName]', DEFAULT_OWNER.lastName);
		await page.fill('[data-test-id=password] input, input[name=password]', DEFAULT_OWNER.password);
		await page.click('[data-test-id=form-submit-button]');
		await page.waitForURL((url: URL) => !url.pathname.startsWith('/setup'));
	}

	/** The saved workflow with its ETOP OCR node's panel open (credential and parameters as saved). */
	async function openNodePanel(): Promise<void> {
		await open(`/workflow/${EDITOR_WORKFLOW.id}`);
		await page.locator('[data-test-id=canvas-node]:has-text("ETOP OCR")').dblclick();
		await page.locator('[data-test-id=node-parameters]').waitFor();
	}

	/**
	 * Opens an editor page, signing in first when n8n asks for it. (Seen with n8n 2.41: right after
	 * the owner sign-up the next page load sometimes lands on /signin.)
	 */
	async function open(path: string): Promise<void> {
		await page.goto(`${n8n.baseUrl}${path}`);
		await page.waitForLoadState('networkidle').catch(() => undefined);
		if (new URL(page.url()).pathname.startsWith('/setup')) {
			await signUp();
			await page.goto(`${n8n.baseUrl}${path}`);
			await page.waitForLoadState('networkidle').catch(() => undefined);
		}
		if (new URL(page.url()).pathname.startsWith('/signin')) {
			await page.fill('input[type=email], input[name=emailOrLdapLoginId], input[name=email]', DEFAULT_OWNER.email);
			await page.fill('input[name=password]', DEFAULT_OWNER.password);
			await page.click('[data-test-id=form-submit-button]');
			await page.waitForURL((url: URL) => !url.pathname.startsWith('/signin'));
			await page.goto(`${n8n.baseUrl}${path}`);
		}
	}

	/** The Options collection's "Add option" (a button in n8n 2.x, a select in 1.x). */
	async function openOptions(): Promise<void> {
		await page.locator('[data-test-id=collection-parameter-add], [data-test-id=node-parameters] input[placeholder="Add option"]').first().click();
	}

	/** Opens the "create credential" form from the node (2.x: a button, 1.x: a select item). */
	async function openNewCredential(): Promise<void> {
		const button = page.locator('[data-test-id=node-credentials-empty-state] button');
		if (await button.count()) {
			await button.first().click();
		} else {
			await page.click('[data-test-id=node-credentials-select]');
			await page.click('[data-test-id=node-credentials-select-item-new]');
		}
	}

	async function choose(parameter: string, option: string): Promise<void> {
		await page.click(`[data-test-id=parameter-input-${parameter}]`);
		await page.locator(`.el-select-dropdown__item:visible:has-text("${option}")`).first().click();
		await page.waitForTimeout(300);
	}

	beforeAll(async () => {
		const install = ensureN8n(major);
		const root = join(WORK, `editor-n8n-${install.n8n}`);
		rmSync(root, { recursive: true, force: true });
		n8n = await N8nInstance.create(install, { userFolder: join(root, 'user'), logDir: join(root, 'logs') });
		installLikeCommunityNodes(n8n.options.userFolder, packageTarball(), process.env);
		await n8n.importWorkflows([EDITOR_WORKFLOW]);
		sandbox = await startSandbox();
		await n8n.start();
		const { chromium } = loadPlaywright();
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
		page.setDefaultTimeout(20_000);
	}, 10 * 60_000);

	// a picture of the page after every test, for when one fails (not committed)
	afterEach(async () => {
		const name = (expect.getState().currentTestName ?? 'test').replace(/[^\w]+/g, '-').slice(-60);
		mkdirSync(join(WORK, 'editor-pages'), { recursive: true });
		await page?.screenshot({ path: join(WORK, 'editor-pages', `n8n${major}-${name}.png`) }).catch(() => undefined);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await sandbox?.close();
	});

	test('the owner account is set up through the sign-up form', async () => {
		await page.goto(`${n8n.baseUrl}/`);
		await page.waitForURL(/\/setup/);
		await signUp();
		await open('/workflow/new');
		await page.locator('[data-test-id=canvas-add-button]').waitFor();
	});

	test('the node creator finds ETOP OCR by its name and by 身份证', async () => {
		await open('/workflow/new');
		await page.click('[data-test-id=canvas-add-button]');
		await page.keyboard.type('manual');
		await page.locator('[data-test-id=node-creator-item-name]').first().waitFor();
		await page.keyboard.press('Enter');
		await page.locator('[data-test-id=canvas-node]').first().waitFor();
		const found: Record<string, string[]> = {};
		await page.click('[data-test-id=node-creator-plus-button]');
		for (const query of ['ETOP', '身份证', '发票']) {
			await page.fill('[data-test-id=node-creator-search-bar] input, [data-test-id=node-creator-search-bar]', query);
			await page.waitForTimeout(1000);
			found[query] = await page.$$eval('[data-test-id=node-creator-item-name]', (els: any[]) => els.map((e) => e.textContent.trim()));
			if (query === 'ETOP') await shot('node-creator-search');
		}
		expect(found).toEqual({
			ETOP: expect.arrayContaining(['ETOP OCR']),
			身份证: expect.arrayContaining(['ETOP OCR']),
			发票: expect.arrayContaining(['ETOP OCR']),
		});
		// adding it: n8n 2.x first shows the community node's details with "Add to workflow"
		await page.locator('[data-test-id=node-creator-item-name]:text-is("ETOP OCR")').first().click();
		const add = page.locator('button:has-text("Add to workflow")');
		if (await add.isVisible({ timeout: 3000 }).catch(() => false)) await add.click();
		await page.locator('[data-test-id=node-parameters]').waitFor();
		expect(await page.locator('[data-test-id=parameter-input-documentType]').count()).toBe(1);
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id=canvas-node]:has-text("ETOP OCR")').waitFor();
	});

	test('the node panel shows the inputs as designed and the document-type catalogue is searchable', async () => {
		await openNodePanel();
		// defaults: ID card, binary input from the "data" field, sent as base64 "file"
		expect(await shownParameters()).toEqual(
			expect.arrayContaining(['documentType', 'inputType', 'binaryPropertyName', 'uploadMethod', 'simplify']),
		);
		expect(await shownParameters()).not.toEqual(expect.arrayContaining(['imageUrl']));
		expect(await page.inputValue('[data-test-id=parameter-input-binaryPropertyName] input')).toBe('data');
		await shot('node-panel');

		await page.click('[data-test-id=parameter-input-documentType]');
		const catalogue = await dropdownItems();
		expect(catalogue.length).toBeGreaterThan(20);
		expect(catalogue[0]).toMatch(/^ID Card \(身份证\)/);
		// typing filters by English and by Chinese name
		await page.keyboard.type('VAT');
		expect(await dropdownItems()).toEqual(expect.arrayContaining([expect.stringMatching(/^VAT Invoice \(增值税发票\)/)]));
		await page.keyboard.press('Control+A');
		await page.keyboard.type('身份证');
		const chinese = await dropdownItems();
		expect(chinese[0]).toMatch(/^ID Card \(身份证\).*pid 2/);
		await shot('document-type-search');
		await page.keyboard.press('Escape');

		await choose('inputType', 'Image URL');
		let shown = await shownParameters();
		expect(shown).toContain('imageUrl');
		expect(shown).not.toContain('binaryPropertyName');
		expect(shown).not.toContain('uploadMethod');
		await choose('inputType', 'Base64 Text');
		shown = await shownParameters();
		expect(shown).toContain('base64Data');
		expect(shown).not.toContain('imageUrl');
		await choose('inputType', 'Binary File');
		expect(await shownParameters()).toEqual(expect.arrayContaining(['binaryPropertyName', 'uploadMethod']));
	});

	test('the options: every API option for an ID card, the image checks only for ID cards', async () => {
		await openNodePanel();
		await openOptions();
		const idCardOptions = await dropdownItems();
		expect(idCardOptions).toEqual(expect.arrayContaining([...ID_CARD_OPTIONS, ...GENERAL_OPTIONS]));
		await shot('options');
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);

		await page.click('[data-test-id=parameter-input-documentType]');
		await page.keyboard.type('VAT Invoice');
		await page.locator('.el-select-dropdown__item:visible:has-text("VAT Invoice")').first().click();
		await page.waitForTimeout(300);
		await openOptions();
		const invoiceOptions = await dropdownItems();
		expect(invoiceOptions).toEqual(expect.arrayContaining(GENERAL_OPTIONS));
		for (const o of ID_CARD_OPTIONS) expect(invoiceOptions).not.toContain(o);
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
	});

	test('the credential form shows API Key, Secret and Endpoint, and a saved credential reads a URL image', async () => {
		await openNodePanel();
		await openNewCredential();
		await page.locator('[data-test-id=credential-edit-dialog]').waitFor();
		// the first label of each field (1.x adds labels for its Fixed/Expression switch)
		const labels = await page.$$eval('[data-test-id=credential-edit-dialog] [data-test-id=credential-connection-parameter]', (els: any[]) =>
			els.map((e) => (e.querySelector('label')?.textContent ?? '').replace(/\*/g, '').replace(/Fixed\s*Expression\s*$/, '').trim()),
		);
		expect(labels.slice(0, 3)).toEqual(['API Key', 'Secret', 'Endpoint']);
		expect(await page.inputValue('[data-test-id=parameter-input-endpoint] input')).toBe(DEFAULT_ENDPOINT);
		expect(await page.getAttribute('[data-test-id=parameter-input-secret] input', 'type')).toBe('password');
		await shot('credential');

		await page.fill('[data-test-id=parameter-input-apiKey] input', SANDBOX_KEY);
		await page.fill('[data-test-id=parameter-input-secret] input', SANDBOX_SECRET);
		await page.fill('[data-test-id=parameter-input-endpoint] input', sandbox.endpoint);
		await page.click('[data-test-id=credential-save-button]');
		// saved and selected in the node (n8n 2.x closes the dialog, 1.x keeps it open)
		await page.waitForTimeout(2500);
		if (await page.locator('[data-test-id=credential-edit-dialog]:visible').count()) await page.keyboard.press('Escape');
		await page.locator('[data-test-id=node-credentials-select]').waitFor();

		await choose('documentType', 'ID Card');
		await choose('inputType', 'Image URL');
		const before = sandbox.calls.length;
		await page.fill('[data-test-id=parameter-input-imageUrl] input', `${sandbox.url}/images/id-card.png`);
		await page.click('[data-test-id=node-execute-button]');
		await page.locator('[data-test-id=output-panel]:has-text("王晓明")').waitFor();
		const output = await page.textContent('[data-test-id=output-panel]');
		expect(output).toContain('330106199004221234');
		expect(output).not.toContain(SANDBOX_SECRET);
		const call = sandbox.calls.slice(before).find((c) => c.imageSource === 'urlPath');
		expect(call?.fields.urlPath).toBe(`${sandbox.url}/images/id-card.png`);
		await shot('output');
	});
});
