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
import { NODE_TYPE, SCREENSHOTS_DIR, TOOL_NODE_TYPE, WORK } from './lib/paths';
import { packageTarball } from './lib/suite';

const DEFAULT_ENDPOINT = 'https://www.etoplive.com/ocr/PageOcrServlet';
const ID_CARD_CHECKS = [
	'Check Blur',
	'Check Completeness',
	'Check Glare',
	'Check Original vs Copy',
	'Check Tampering',
	'Fail on Low Image Quality',
];
/** Options every document type has (other developers' options come on top of these). */
const COMMON_OPTIONS = [
	'Field Names',
	'Include Input Binary',
	'Include Input Fields',
	'Max Concurrent Requests',
	'Max Retries',
	'Normalize Values',
	'One Item per Document',
	'Request ID',
	'Return Cropped Images',
	'Send File As',
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

/** An AI Agent with the ETOP OCR tool at its defaults, as a user adds it from the agent's tool list. */
const AGENT_WORKFLOW = {
	id: 'E2eEditorAgentTl',
	name: 'e2e: ETOP OCR as an AI-agent tool in the editor',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: 'b7d9c0f4-2222-4c1e-9d52-2f1e0a7c0001', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3, position: [260, 0], parameters: { options: {} } },
		{ id: 'b7d9c0f4-2222-4c1e-9d52-2f1e0a7c0002', name: 'ETOP OCR', type: TOOL_NODE_TYPE, typeVersion: 1, position: [420, 240], parameters: {} },
	],
	connections: { 'ETOP OCR': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] } },
};

/**
 * A workflow as version 0.1.0 saved it, when the option names read "English (中文)": a node
 * stores the option's value (the pid), never its name, so renaming options keeps it working.
 */
const SAVED_WORKFLOW = {
	id: 'E2eEditorSavedV01',
	name: 'e2e: ETOP OCR saved by version 0.1.0',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: 'b7d9c0f4-3333-4c1e-9d52-2f1e0a7c0001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'b7d9c0f4-3333-4c1e-9d52-2f1e0a7c0002', name: 'ETOP OCR', type: NODE_TYPE, typeVersion: 1, position: [260, 0], parameters: { documentType: '22', inputType: 'url', imageUrl: 'https://example.com/receipt.jpg' } },
	],
	connections: { Start: { main: [[{ node: 'ETOP OCR', type: 'main', index: 0 }]] } },
};

/** Han characters and CJK / full-width punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;

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

	/**
	 * The names of the open options dropdown's items (without their descriptions) after typing
	 * `query` into its search, replacing what was typed before; empty when nothing matches, which
	 * the editor shows as "No data".
	 */
	async function filterDropdown(query: string): Promise<string[]> {
		await page.keyboard.press('Control+A');
		await page.keyboard.type(query);
		await page.waitForTimeout(500);
		return await page.$$eval('.el-select-dropdown__item .option-headline', (els: any[]) =>
			els.filter((e) => e.offsetParent !== null).map((e) => e.textContent.replace(/\s+/g, ' ').trim()),
		);
	}

	/** The node panel's parameters, by name, in the order shown. */
	async function shownParameters(): Promise<string[]> {
		return await page.$$eval('[data-test-id=node-parameters] [data-test-id^=parameter-input-]', (els: any[]) =>
			els.map((e) => e.getAttribute('data-test-id').replace('parameter-input-', '')).filter((n: string) => n !== 'field'),
		);
	}

	/** The subtitle under the ETOP OCR node on the canvas. */
	async function canvasSubtitle(): Promise<string> {
		const node = page.locator('[data-test-id=canvas-node]:has-text("ETOP OCR")').first();
		return ((await node.textContent()) ?? '').replace(/\s+/g, ' ').trim();
	}

	/** The Options collection's "Add option" list, closed again. */
	async function optionsList(shotName: string): Promise<string[]> {
		await openOptions();
		const items = await dropdownItems();
		await shot(shotName);
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
		return items;
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
	async function openNodePanel(workflowId = EDITOR_WORKFLOW.id): Promise<void> {
		await open(`/workflow/${workflowId}`);
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
		await n8n.importWorkflows([EDITOR_WORKFLOW, AGENT_WORKFLOW, SAVED_WORKFLOW]);
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

	// The nodes panel searches a node's display name and its codex aliases (n8n-editor-ui's
	// sublimeSearch keys, 2.x and 1.x alike); the Chinese names are aliases, never displayed.
	test('the node creator finds ETOP OCR by its name and by the Chinese names of the vendor and its documents', async () => {
		await open('/workflow/new');
		await page.click('[data-test-id=canvas-add-button]');
		await page.keyboard.type('manual');
		await page.locator('[data-test-id=node-creator-item-name]').first().waitFor();
		await page.keyboard.press('Enter');
		await page.locator('[data-test-id=canvas-node]').first().waitFor();
		const found: Record<string, string[]> = {};
		await page.click('[data-test-id=node-creator-plus-button]');
		const queries = ['ETOP', '译图智讯', '身份证', '增值税发票', '营业执照', '出租车票'];
		for (const query of queries) {
			await page.fill('[data-test-id=node-creator-search-bar] input, [data-test-id=node-creator-search-bar]', query);
			await page.waitForTimeout(1000);
			found[query] = await page.$$eval('[data-test-id=node-creator-item-name]', (els: any[]) => els.map((e) => e.textContent.trim()));
			if (query === 'ETOP') await shot('node-creator-search');
		}
		expect(found).toEqual(Object.fromEntries(queries.map((query) => [query, expect.arrayContaining(['ETOP OCR'])])));
		// what the panel shows of the node is English
		const shownItem = (await page.locator('[data-test-id=node-creator-node-item]:has-text("ETOP OCR")').first().textContent()) ?? '';
		expect(shownItem).toContain('ETOP OCR');
		expect(CJK.test(shownItem)).toBe(false);
		// adding it: n8n 2.x first shows the community node's details with "Add to workflow"
		await page.locator('[data-test-id=node-creator-item-name]:text-is("ETOP OCR")').first().click();
		const add = page.locator('button:has-text("Add to workflow")');
		if (await add.isVisible({ timeout: 3000 }).catch(() => false)) await add.click();
		await page.locator('[data-test-id=node-parameters]').waitFor();
		expect(await page.locator('[data-test-id=parameter-input-documentType]').count()).toBe(1);
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id=canvas-node]:has-text("ETOP OCR")').waitFor();
	});

	test('the node panel for an ID card: the inputs as designed, the catalogue in English and searchable by name, the subtitle names the document', async () => {
		await openNodePanel();
		// defaults: ID card, binary input from the "data" field; how the file is sent is an option
		const shown = await shownParameters();
		expect(shown).toEqual(expect.arrayContaining(['documentType', 'inputType', 'binaryPropertyName', 'simplify']));
		for (const hidden of ['imageUrl', 'uploadMethod', 'customPid', 'toolDescription']) expect(shown).not.toContain(hidden);
		expect(await page.inputValue('[data-test-id=parameter-input-documentType] input')).toBe('ID Card');
		expect(await page.inputValue('[data-test-id=parameter-input-binaryPropertyName] input')).toBe('data');
		await shot('node-panel-id-card');

		await page.click('[data-test-id=parameter-input-documentType]');
		const catalogue = await dropdownItems();
		expect(catalogue.length).toBeGreaterThan(20);
		expect(catalogue[0]).toMatch(/^ID Card\s*ID & Civil Documents · pid 2$/);
		// names and descriptions in English only (n8n's verification guidelines)
		expect(catalogue.filter((item) => CJK.test(item))).toEqual([]);
		// the permit's front and back stand together; the pid-22 entry leads with a short name;
		// Custom Product ID comes last and says what it is for
		const front = catalogue.findIndex((item) => item.startsWith('Exit-Entry Permit to Hong Kong and Macao (Front)'));
		expect(catalogue[front + 1]).toMatch(/^Exit-Entry Permit to Hong Kong and Macao \(Back\)/);
		expect(catalogue.filter((item) => item.includes('pid 22'))).toEqual([expect.stringMatching(/^Ticket or Receipt: Train Ticket, Taxi Receipt/)]);
		expect(catalogue.at(-1)).toMatch(/^Custom Product ID.*not in this list/);
		// typing filters on the option's name, in any case, also inside the pid-22 entry ...
		expect(await filterDropdown('vat')).toEqual(['VAT Invoice']);
		expect(await filterDropdown('Taxi')).toEqual(['Ticket or Receipt: Train Ticket, Taxi Receipt, Itinerary, Quota Invoice, General Receipt']);
		// ... and on nothing else: not its description (group, pid), not its value (the pid), so a
		// Chinese name could only be found here if it were displayed (nodes panel and expression instead)
		expect(await filterDropdown('pid 21')).toEqual([]);
		expect(await filterDropdown('Invoices & Receipts')).toEqual([]);
		expect(await filterDropdown('21')).toEqual([]);
		expect(await filterDropdown('身份证')).toEqual([]);
		const invoices = await filterDropdown('invoice');
		expect(invoices).toEqual(expect.arrayContaining(['VAT Invoice', 'Motor Vehicle Sales Invoice', 'Used Car Invoice']));
		expect(invoices.every((name) => /invoice/i.test(name))).toBe(true);
		await shot('document-type-search');
		await page.keyboard.press('Escape');

		await choose('inputType', 'Image URL');
		let inputs = await shownParameters();
		expect(inputs).toContain('imageUrl');
		expect(inputs).not.toContain('binaryPropertyName');
		await choose('inputType', 'Base64 Text');
		inputs = await shownParameters();
		expect(inputs).toContain('base64Data');
		expect(inputs).not.toContain('imageUrl');
		await choose('inputType', 'Binary File');
		expect(await shownParameters()).toContain('binaryPropertyName');

		await page.keyboard.press('Escape');
		expect(await canvasSubtitle()).toContain('ID Card');
		expect(await canvasSubtitle()).not.toMatch(/pid \d/);
	});

	test('the options for an ID card: the image checks and Send File As, no seals and no field positions', async () => {
		await openNodePanel();
		await choose('inputType', 'Binary File');
		const options = await optionsList('options-id-card');
		expect([...ID_CARD_CHECKS, ...COMMON_OPTIONS].filter((o) => !options.includes(o))).toEqual([]);
		expect(options).not.toContain('Read Seals');
		expect(options).not.toContain('Return Field Positions');
		// n8n lists them as given: alphabetically
		expect(options).toEqual([...options].sort((a, b) => a.localeCompare(b, 'en')));
		// Send File As, in plain words with the size limits
		await openOptions();
		await page.locator('.el-select-dropdown__item:visible:has-text("Send File As")').first().click();
		await page.locator('[data-test-id=parameter-input-uploadMethod]').waitFor();
		await page.waitForTimeout(500);
		await page.click('[data-test-id=parameter-input-uploadMethod]');
		await page.locator('.el-select-dropdown__item:visible:has-text("Files up to")').first().waitFor();
		const uploads = (await dropdownItems()).filter((item) => item.includes('Files up to'));
		expect(uploads).toEqual([
			expect.stringMatching(/^Text \(Files up to About 3\.7 MB\)/),
			expect.stringMatching(/^File Upload \(Files up to 5 MB\)/),
		]);
		await page.keyboard.press('Escape');
	});

	test('the node panel and options for a VAT invoice: seals offered, no image checks, subtitle "VAT Invoice"', async () => {
		await openNodePanel();
		await page.click('[data-test-id=parameter-input-documentType]');
		await page.keyboard.type('VAT Invoice');
		await page.locator('.el-select-dropdown__item:visible:has-text("VAT Invoice")').first().click();
		await page.waitForTimeout(300);
		expect(await page.inputValue('[data-test-id=parameter-input-documentType] input')).toBe('VAT Invoice');
		await choose('inputType', 'Binary File');
		await shot('node-panel-vat-invoice');
		const options = await optionsList('options-vat-invoice');
		expect([...COMMON_OPTIONS, 'Read Seals'].filter((o) => !options.includes(o))).toEqual([]);
		for (const check of ID_CARD_CHECKS) expect(options).not.toContain(check);
		expect(options).not.toContain('Return Field Positions');
		await page.keyboard.press('Escape');
		expect(await canvasSubtitle()).toContain('VAT Invoice');
	});

	test('a workflow saved by version 0.1.0 opens with the English name of its document type', async () => {
		await openNodePanel(SAVED_WORKFLOW.id);
		expect(await page.inputValue('[data-test-id=parameter-input-documentType] input')).toBe(
			'Ticket or Receipt: Train Ticket, Taxi Receipt, Itinerary, Quota Invoice, General Receipt',
		);
		expect(await page.inputValue('[data-test-id=parameter-input-imageUrl] input')).toBe('https://example.com/receipt.jpg');
		// the options of pid 22 are offered, so the saved value is understood, not only displayed
		await openOptions();
		expect(await dropdownItems()).toContain('Return Field Positions');
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
		await page.keyboard.press('Escape');
		expect(await canvasSubtitle()).toContain('Ticket or Receipt');
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
	test("an ETOP error's details: the service's code, its text translated, the hint, no HTTP status", async () => {
		await openNodePanel();
		await choose('documentType', 'ID Card');
		await choose('inputType', 'Image URL');
		// a VAT invoice where an ID card is expected: ETOP answers 3, "图片为pid=21的证件"
		await page.fill('[data-test-id=parameter-input-imageUrl] input', `${sandbox.url}/images/vat-invoice.jpg`);
		await page.click('[data-test-id=node-execute-button]');
		const panel = page.locator('[data-test-id=output-panel]');
		await panel.locator(':text("ETOP error 3")').first().waitFor();
		const details = panel.locator('summary:has-text("Error details"), summary:has-text("from ETOP OCR")').first();
		if (await details.count()) await details.click();
		await page.waitForTimeout(300);
		const text = ((await panel.textContent()) ?? '').replace(/\s+/g, ' ');
		expect(text).toContain('图片为pid=21的证件');
		expect(text).toContain('VAT Invoice');
		expect(text).toMatch(/Error code\s*3/);
		expect(text).not.toMatch(/Error code\s*200/);
		expect(text).not.toMatch(/Item 0:/);
		expect(text).not.toContain(SANDBOX_SECRET);
		await shot('error-details');
	});

	test("the tool in an AI Agent's tool list, with Image URL and Document Type defined by the model", async () => {
		await open(`/workflow/${AGENT_WORKFLOW.id}`);
		const agent = page.locator('[data-test-id=canvas-node]:has-text("AI Agent")').first();
		await agent.waitFor();
		await agent.hover();
		await page.locator('[data-test-id=canvas-node-input-handle][data-connection-type=ai_tool] [data-test-id=canvas-handle-plus]').first().click();
		await page.fill('[data-test-id=node-creator-search-bar] input, [data-test-id=node-creator-search-bar]', 'ETOP');
		await page.waitForTimeout(1000);
		const tools = await page.$$eval('[data-test-id=node-creator-item-name]', (els: any[]) => els.map((e) => e.textContent.trim()));
		expect(tools).toEqual(expect.arrayContaining([expect.stringMatching(/^ETOP OCR/)]));
		await shot('agent-tool-list');
		await page.keyboard.press('Escape');

		await page.locator('[data-test-id=canvas-node]:has-text("ETOP OCR")').first().dblclick();
		await page.locator('[data-test-id=node-parameters]').waitFor();
		const shown = await shownParameters();
		expect(shown).toEqual(expect.arrayContaining(['toolDescription', 'inputType']));
		expect(shown).not.toContain('binaryPropertyName');
		expect(await page.inputValue('[data-test-id=parameter-input-inputType] input')).toBe('Image URL');
		const description = await page.inputValue('[data-test-id=parameter-input-toolDescription] textarea');
		expect(description).toMatch(/Pass imageUrl.*Pass documentType/s);
		// n8n 2.x shows both parameters as "Defined automatically by the model"; the 1.x editor offers
		// that field for no options parameter (its PROP_TYPE_DENYLIST), so there Document Type shows
		// the $fromAI expression itself, which the model fills the same way
		const byModel = page.locator('[data-test-id=node-parameters] [data-test-id=fromAI-override-field]');
		expect(await byModel.count()).toBe(major === 2 ? 2 : 1);
		if (major === 1) expect(await page.textContent('[data-test-id=parameter-input-documentType]')).toContain("$fromAI('documentType'");
		// (1.x adds its Fixed/Expression switch to a label's text)
		const labels = await page.$$eval('[data-test-id=node-parameters] label', (els: any[]) =>
			els.map((e) => e.textContent.trim().replace(/\s*Fixed\s*Expression$/, '')),
		);
		expect(labels).toEqual(expect.arrayContaining(['Document Type', 'Image URL']));
		await shot('agent-tool-parameters');
	});
});
