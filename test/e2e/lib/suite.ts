/**
 * The end-to-end suite, run once per n8n line (n8n-v2.e2e.test.ts, n8n-v1.e2e.test.ts): a real n8n
 * with our packed tarball installed like the Community Nodes installer does it, the ETOP sandbox
 * and local stand-ins on loopback, workflows imported and run with `n8n execute`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { makeDigitalPdf, makePdf } from '../../fixtures/pdf';
import { startRelay, type Relay } from '../../harness/relay';
import { SANDBOX_KEY, SANDBOX_SECRET, startSandbox, type Sandbox } from '../../sandbox/server';
import { ensureN8n, type N8nInstall, type N8nMajor } from './install';
import { DEFAULT_OWNER, N8nInstance, outputItems, type ExecutionResult, type RawItem } from './n8n';
import { buildAndPack, installLikeCommunityNodes, tarballFiles } from './pack';
import { CREDENTIAL_TYPE, NODE_TYPE, PACKAGE_NAME, SAMPLES_DIR, TOOL_NODE_TYPE, WORK } from './paths';
import { scanForSecrets } from './secrets';
import { startCaptureServer, startFakeOpenAi } from './standins';
import {
	agentWorkflow,
	connectionsWorkflow,
	coreWorkflow,
	E2E_CREDENTIALS,
	formExampleForTest,
	inboxExampleForTest,
	morningExampleForTest,
	INVOICE_TABLE_COLUMNS,
	invoiceExampleForTest,
	STANDIN_EMAILS,
} from './workflows';

const CRM_TOKEN = 'crm-e2e-token-5d1c';
const RELAYED_SCANS = 10;
const RELAYED_CONCURRENCY = 2;
const NOT_AN_IMAGE = 'This is a text file with a .jpg name.\n';

/** The tarball under test: built and packed once per run (scripts/e2e.ts sets E2E_TARBALL). */
export function packageTarball(): string {
	const preset = process.env.E2E_TARBALL;
	if (preset && existsSync(preset)) return preset;
	return buildAndPack(join(WORK, 'package'));
}

interface Context {
	install: N8nInstall;
	n8n: N8nInstance;
	sandbox: Sandbox;
	relay: Relay;
	crm: Awaited<ReturnType<typeof startCaptureServer>>;
	ai: Awaited<ReturnType<typeof startFakeOpenAi>>;
	root: string;
	files: string;
	nodeTypes: Map<string, any[]>;
	credentialTypes: any[];
	/** What the server's credential test answered (POST /rest/credentials/test), by case. */
	credentialTests: Record<'good' | 'wrongSecret', { status: number; body: any }>;
	credentialTestCalls: Sandbox['calls'];
	/** The node's light and dark icons as the server serves them. */
	icons: Array<{ url: string; status: number; type: string | null }>;
	dataTableId: string;
	executions: ExecutionResult[];
}

function pairedIndexes(item: RawItem): number[] {
	const p = item.pairedItem;
	if (p === undefined) return [];
	if (typeof p === 'number') return [p];
	return (Array.isArray(p) ? p : [p]).map((x) => x.item);
}

function expectPaired(items: RawItem[]): void {
	for (const item of items) expect(pairedIndexes(item).length).toBeGreaterThan(0);
}

async function runOk(ctx: Context, id: string): Promise<ExecutionResult> {
	const result = await ctx.n8n.execute(id);
	ctx.executions.push(result);
	if (result.code !== 0 || result.execution?.status !== 'success') {
		throw new Error(
			`n8n execute --id=${id} exited ${result.code}, status ${result.execution?.status}:\n` +
				`${JSON.stringify(result.execution?.data.resultData.error ?? null)}\n${result.stderr.slice(-2500)}`,
		);
	}
	return result;
}

export function describeN8n(major: N8nMajor): void {
	const wanted = (process.env.E2E_MAJORS ?? '2,1').split(',').map((s) => s.trim());
	const describeIf = wanted.includes(String(major)) ? describe : describe.skip;

	describeIf(`n8n ${major}.x with the packed n8n-nodes-etop-ocr`, () => {
		const ctx = {} as Context;

		beforeAll(async () => {
			ctx.install = ensureN8n(major);
			const tarball = packageTarball();
			ctx.root = join(WORK, `n8n-${ctx.install.n8n}`);
			rmSync(ctx.root, { recursive: true, force: true });
			ctx.files = join(ctx.root, 'files');
			ctx.executions = [];
			ctx.n8n = await N8nInstance.create(ctx.install, {
				userFolder: join(ctx.root, 'user'),
				logDir: join(ctx.root, 'logs'),
				fileAccess: [ctx.files],
			});
			installLikeCommunityNodes(ctx.n8n.options.userFolder, tarball, process.env);

			// files the workflows read
			const scans = join(ctx.files, 'scans');
			const mail = join(ctx.files, 'mail');
			const upload = join(ctx.files, 'upload');
			const invoices = join(ctx.files, 'vat-invoices');
			for (const d of [scans, mail, upload, invoices]) mkdirSync(d, { recursive: true });
			copyFileSync(join(SAMPLES_DIR, 'id-card.png'), join(scans, 'id-card.png'));
			copyFileSync(join(SAMPLES_DIR, 'id-card-blurry.png'), join(scans, 'id-card-blurry.png'));
			writeFileSync(join(scans, 'not-an-image.jpg'), NOT_AN_IMAGE);
			for (const f of ['id-card.png', 'business-licence.png', 'vat-invoice.jpg', 'mixed-page.png']) copyFileSync(join(SAMPLES_DIR, f), join(mail, f));
			writeFileSync(join(mail, 'terms.pdf'), makeDigitalPdf(['Terms and conditions', 'Payment within 30 days']));
			const pages = ['vat-invoice.jpg', 'licence-plate.jpg'].map((f) => ({ jpeg: readFileSync(join(SAMPLES_DIR, f)) }));
			writeFileSync(join(mail, 'scanned.pdf'), makePdf(pages, { xref: 'stream', compressContent: true }));
			copyFileSync(join(SAMPLES_DIR, 'id-card.png'), join(upload, 'id-card.png'));
			const many = join(ctx.files, 'many-scans');
			mkdirSync(many, { recursive: true });
			for (let i = 0; i < RELAYED_SCANS; i++) copyFileSync(join(SAMPLES_DIR, 'id-card.png'), join(many, `id-card-${i}.png`));

			ctx.sandbox = await startSandbox();
			ctx.relay = await startRelay(ctx.sandbox.url);
			ctx.crm = await startCaptureServer();
			ctx.ai = await startFakeOpenAi(`${ctx.sandbox.url}/images/id-card.png`);

			// a second VAT invoice drawn by the sandbox's image host, and an ID card in the wrong folder
			copyFileSync(join(SAMPLES_DIR, 'vat-invoice.jpg'), join(invoices, 'invoice-2026-001.jpg'));
			const generated = await fetch(`${ctx.sandbox.url}/images/generated?format=png&marker=${encodeURIComponent('ETOP-SANDBOX:DOC=21')}`);
			expect(generated.status).toBe(200);
			writeFileSync(join(invoices, 'invoice-2026-002.png'), Buffer.from(await generated.arrayBuffer()));
			copyFileSync(join(SAMPLES_DIR, 'id-card.png'), join(invoices, 'misfiled-id-card.png'));

			await ctx.n8n.importCredentials([
				{
					...E2E_CREDENTIALS.etopOcrApi,
					type: CREDENTIAL_TYPE,
					data: { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: ctx.sandbox.endpoint },
				},
				{
					...E2E_CREDENTIALS.etopOcrApiViaRelay,
					type: CREDENTIAL_TYPE,
					data: { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: `${ctx.relay.origin}/ocr/PageOcrServlet` },
				},
				{ ...E2E_CREDENTIALS.openAiApi, type: 'openAiApi', data: { apiKey: 'sk-e2e-local', url: `${ctx.ai.url}/v1` } },
				{ ...E2E_CREDENTIALS.httpHeaderAuth, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${CRM_TOKEN}` } },
			]);

			// the server: owner account, the loaded node and credential types, a data table
			await ctx.n8n.start();
			try {
				await ctx.n8n.signIn(DEFAULT_OWNER);
				ctx.nodeTypes = await ctx.n8n.nodeTypes();
				ctx.credentialTypes = await ctx.n8n.credentialTypes();
				// The editor's "Test" button in the credential form (a saved credential, the form's values):
				// n8n runs the credential's `test`.
				const testCredential = async (secret: string) =>
					await ctx.n8n.rest('POST', '/rest/credentials/test', {
						credentials: { ...E2E_CREDENTIALS.etopOcrApi, type: CREDENTIAL_TYPE, data: { apiKey: SANDBOX_KEY, secret, endpoint: ctx.sandbox.endpoint } },
					});
				const seen = ctx.sandbox.calls.length;
				ctx.credentialTests = { good: await testCredential(SANDBOX_SECRET), wrongSecret: await testCredential('not-the-secret') };
				ctx.credentialTestCalls = ctx.sandbox.calls.slice(seen);
				const [etop] = ctx.nodeTypes.get(NODE_TYPE) ?? [];
				ctx.icons = [];
				for (const url of Object.values((etop?.iconUrl ?? {}) as Record<string, string>)) {
					const res = await fetch(`${ctx.n8n.baseUrl}/${url}`);
					ctx.icons.push({ url, status: res.status, type: res.headers.get('content-type') });
				}
				const personal = await ctx.n8n.rest('GET', '/rest/projects/personal');
				expect(personal.status).toBe(200);
				const projectId = personal.body.data.id;
				const table = await ctx.n8n.rest('POST', `/rest/projects/${projectId}/data-tables`, {
					name: 'VAT invoices',
					columns: INVOICE_TABLE_COLUMNS,
				});
				if (table.status !== 200) throw new Error(`creating the data table answered ${table.status}: ${JSON.stringify(table.body)}`);
				ctx.dataTableId = table.body.data.id;
			} finally {
				await ctx.n8n.stop();
			}

			await ctx.n8n.importWorkflows([
				coreWorkflow(scans),
				connectionsWorkflow(many, RELAYED_CONCURRENCY),
				agentWorkflow(`${ctx.sandbox.url}/images/id-card.png`),
				inboxExampleForTest(mail),
				morningExampleForTest(mail),
				formExampleForTest(join(upload, 'id-card.png'), 'wang.xiaoming@example.com', `${ctx.crm.url}/api/v1/contacts`),
				invoiceExampleForTest(invoices, ctx.dataTableId),
			]);
			// the published file list is what got installed
			expect(tarballFiles(tarball)).toEqual(expect.arrayContaining(['package.json', 'dist/nodes/EtopOcr/EtopOcr.node.js']));
		}, 20 * 60_000);

		afterAll(async () => {
			await ctx.n8n?.stop();
			await ctx.relay?.close();
			await ctx.sandbox?.close();
			await ctx.crm?.close();
			await ctx.ai?.close();
		});

		test('n8n loads the package from .n8n/nodes: node, credential and the generated AI tool variant', () => {
			const pkgJson = JSON.parse(
				readFileSync(join(ctx.n8n.n8nDir, 'nodes', 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'),
			);
			expect(pkgJson.n8n.nodes).toContain('dist/nodes/EtopOcr/EtopOcr.node.js');

			const [node] = ctx.nodeTypes.get(NODE_TYPE) ?? [];
			expect(node).toBeDefined();
			expect(node.displayName).toBe('ETOP OCR');
			expect(node.credentials).toEqual(expect.arrayContaining([expect.objectContaining({ name: CREDENTIAL_TYPE })]));

			// usableAsTool: n8n generates "<name>Tool" with an ai_tool output
			const [tool] = ctx.nodeTypes.get(TOOL_NODE_TYPE) ?? [];
			expect(tool).toBeDefined();
			expect(tool.displayName).toMatch(/ETOP OCR Tool/);
			expect(JSON.stringify(tool.outputs)).toContain('ai_tool');
			const toolParams = tool.properties.map((p: any) => p.name);
			expect(toolParams).toEqual(expect.arrayContaining(['toolDescription', 'documentType', 'inputType', 'imageUrl']));

			// light and dark icons, served from the installed package
			expect(ctx.icons.map((icon) => icon.url)).toEqual([
				`icons/${PACKAGE_NAME}/dist/icons/etopOcr.svg`,
				`icons/${PACKAGE_NAME}/dist/icons/etopOcr.dark.svg`,
			]);
			for (const icon of ctx.icons) expect([icon.url, icon.status, icon.type]).toEqual([icon.url, 200, expect.stringContaining('svg')]);

			// (n8n 2.x appends its own allowed-domains fields to every credential type)
			const cred = ctx.credentialTypes.find((c) => c.name === CREDENTIAL_TYPE);
			expect(cred.properties.map((p: any) => p.name).slice(0, 3)).toEqual(['apiKey', 'secret', 'endpoint']);
		});

		test("the credential's test runs in n8n: a good account passes, a wrong secret is refused with ETOP's reason, nothing billed", () => {
			expect(ctx.credentialTests.good.status).toBe(200);
			expect(ctx.credentialTests.good.body.data).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(ctx.credentialTests.wrongSecret.body.data).toEqual({ status: 'Error', message: expect.stringMatching(/ErrorCode -\d+\)/) });
			expect(JSON.stringify(ctx.credentialTests.wrongSecret.body)).not.toContain('not-the-secret');
			expect(ctx.credentialTestCalls.map((call) => [call.errorCode, call.billed])).toEqual([['-6', false], [expect.stringMatching(/^-/), false]]);
		});

		test('binary scans: fields extracted, a non-image goes to the error output unbilled, every item paired', async () => {
			const before = ctx.sandbox.calls.length;
			const { execution } = await runOk(ctx, 'E2eCoreIdCards01');
			const ok = outputItems(execution, 'ETOP OCR', 0);
			const failed = outputItems(execution, 'ETOP OCR', 1);
			expect(ok).toHaveLength(2);
			expect(failed).toHaveLength(1);
			for (const item of ok) {
				expect(item.json.name).toBe('王晓明');
				expect(item.json.idNumber).toMatch(/^\d{17}[\dX]$/);
				expect(item.json.meta).toEqual(expect.objectContaining({ pid: 2, documentType: 'ID Card' }));
			}
			// the request id (the file name, sent as an option) came back in each item's meta
			expect(ok.map((i) => i.json.meta.requestId).sort()).toEqual(['id-card-blurry.png', 'id-card.png']);
			// the error names the problem, not the key; the file never reached the API
			expect(failed[0].json.error).toMatchObject({ code: 'INPUT', message: expect.stringMatching(/not an image/i), fileName: 'not-an-image.jpg' });
			const calls = ctx.sandbox.calls.slice(before);
			expect(calls).toHaveLength(2);
			expect(calls.every((c) => c.fields.pid === '2' && c.imageSource === 'file')).toBe(true);

			// pairing: on both outputs, and `$('Tag').item` resolves to the scan each item came from
			expectPaired(ok);
			expectPaired(failed);
			const recognised = outputItems(execution, 'Recognised');
			expect(recognised.map((i) => i.json.scan).sort()).toEqual(['id-card-blurry.png', 'id-card.png']);
			expect(recognised.every((i) => i.json.name === '王晓明')).toBe(true);
			const notReadable = outputItems(execution, 'Not readable');
			expect(notReadable).toEqual([
				expect.objectContaining({ json: { scan: 'not-an-image.jpg', reason: expect.stringMatching(/not an image/i) } }),
			]);
		});

		// n8n-core builds no agent for a call whose address it cannot parse from url + baseURL (the
		// scheme alone as baseURL), so the calls ride Node's keep-alive agent in n8n 1.x and 2.41 alike.
		test(`connections: ${RELAYED_SCANS} scans two at a time over at most ${RELAYED_CONCURRENCY} connections`, async () => {
			const before = ctx.relay.connections;
			const { execution } = await runOk(ctx, 'E2eConnections01');
			const items = outputItems(execution, 'ETOP OCR', 0);
			expect(items).toHaveLength(RELAYED_SCANS);
			expect(items.every((item) => item.json.name === '王晓明')).toBe(true);
			const opened = ctx.relay.connections - before;
			expect(opened).toBeGreaterThanOrEqual(1);
			expect(opened).toBeLessThanOrEqual(RELAYED_CONCURRENCY);
		});

		test('binary data in filesystem mode: inputs and cropped images are stored as files, not in the execution', async () => {
			const execution = ctx.executions.find((e) => e.execution?.data.resultData.runData['Load scans'])!.execution;
			const inputs = outputItems(execution, 'Load scans');
			const crops = outputItems(execution, 'ETOP OCR', 0).flatMap((i) => Object.values(i.binary ?? {}));
			expect(inputs).toHaveLength(3);
			expect(crops.length).toBeGreaterThanOrEqual(2);
			for (const bin of [...inputs.map((i) => i.binary!.data), ...crops]) {
				expect(bin.id).toMatch(/^filesystem(-v2)?:/);
				expect(bin.data).not.toMatch(/^[A-Za-z0-9+/]{100,}/); // no inline base64
				const relative = String(bin.id).replace(/^filesystem(-v2)?:/, '');
				const onDisk = [join(ctx.n8n.n8nDir, 'binaryData', relative), join(ctx.n8n.n8nDir, 'storage', relative)];
				expect(onDisk.some((p) => existsSync(p))).toBe(true);
			}
			expect(crops.some((b) => b.mimeType?.startsWith('image/'))).toBe(true);
		});

		test('AI agent: the generated etopOcrTool reads an image URL chosen by the model', async () => {
			const before = ctx.sandbox.calls.length;
			const aiBefore = ctx.ai.requests.length;
			const { execution } = await runOk(ctx, 'E2eAgentToolUrl1');
			// the model was offered the tool with the $fromAI parameter as its schema
			const first = ctx.ai.requests[aiBefore].json;
			expect(first.tools).toHaveLength(1);
			expect(Object.keys(first.tools[0].function.parameters.properties).sort()).toEqual(['documentType', 'imageUrl']);
			expect(first.tools[0].function.description).toMatch(/Pass imageUrl.*Pass documentType/s);
			// the tool called ETOP with urlPath (the sandbox downloaded the image itself)
			const calls = ctx.sandbox.calls.slice(before);
			expect(calls).toHaveLength(1);
			expect(calls[0].imageSource).toBe('urlPath');
			expect(calls[0].fields.urlPath).toBe(`${ctx.sandbox.url}/images/id-card.png`);
			// the scripted model names the document type "ID card"; the node resolves it to pid 2
			expect(calls[0].fields.pid).toBe('2');
			expect(calls[0].errorCode).toBe('0');
			// the tool's answer went back to the model and into the agent's output
			const toolRun = outputItems(execution, 'Read ID card', 0);
			expect(JSON.stringify(execution?.data.resultData.runData['Read ID card'])).toContain('王晓明');
			expect(toolRun.length + 1).toBeGreaterThan(0);
			const [answer] = outputItems(execution, 'AI Agent');
			expect(answer.json.output).toContain('王晓明');
			expect(answer.json.output).toContain('330106199004221234');
			expect(answer.json.output).not.toContain(SANDBOX_KEY);
		});

		test('example (d) every morning: one row per document in the tab of its type, with real columns', async () => {
			const before = ctx.sandbox.calls.length;
			const { execution } = await runOk(ctx, 'E2eExampleMorning1');
			const rows = (node: string) => outputItems(execution, node).map((r) => r.json);
			const idCards = rows('Append ID card');
			const invoices = rows('Append VAT invoice');
			const others = rows('Append other document');
			const unreadable = rows('Append unreadable');
			// id-card.png and the ID card on mixed-page.png
			expect(idCards.map((r) => r.Attachment).sort()).toEqual(['id-card.png', 'mixed-page.png']);
			for (const r of idCards) {
				expect(r).toEqual(expect.objectContaining({ Name: '王晓明', 'ID number': '330106199004221234', 'Birth date': '1990-04-22' }));
				expect(Object.keys(r)).toEqual(['Received', 'From', 'Attachment', 'Name', 'Sex', 'Ethnicity', 'Birth date', 'Address', 'ID number']);
			}
			expect(idCards.find((r) => r.Attachment === 'id-card.png')).toEqual(expect.objectContaining({ From: 'Alice Zhang <alice@example.com>', Received: '2026-03-02T09:15:00.000Z' }));
			// vat-invoice.jpg, the invoice on mixed-page.png, page 1 of scanned.pdf
			expect(invoices.map((r) => r.Attachment).sort()).toEqual(['mixed-page.png', 'scanned.pdf (page 1)', 'vat-invoice.jpg']);
			for (const r of invoices) {
				expect(r).toEqual(expect.objectContaining({ 'Invoice code': '3300191130', 'Total amount': 1234.5, From: 'Bob Li <bob@example.com>' }));
			}
			expect(others.map((r) => [r.Attachment, r.Document]).sort()).toEqual([
				['business-licence.png', 'Business Licence'],
				['mixed-page.png', 'Business Licence'],
				['scanned.pdf (page 2)', 'Licence Plate'],
			]);
			expect(unreadable).toEqual([expect.objectContaining({ Attachment: 'terms.pdf', From: 'Bob Li <bob@example.com>' })]);
			expect(String(unreadable[0].Error)).toMatch(/digital/i);
			// one auto-classification call per image and per scanned page; none for the digital PDF
			expect(ctx.sandbox.calls.slice(before).map((c) => c.fields.pid)).toEqual(Array(6).fill('666'));
		});

		test('example (a) inbox → auto-classification → one sheet row per document, unreadable attachments logged with the reason', async () => {
			const before = ctx.sandbox.calls.length;
			const { execution } = await runOk(ctx, 'E2eExampleInbox1');
			const rows = outputItems(execution, 'Append to Google Sheet').map((r) => r.json);
			// 6 attachments: 4 scans, one of them with 3 documents on it, a digital PDF, a scanned PDF of 2 pages
			// whose first page is the same scan as vat-invoice.jpg (Skip Images Already Read drops it: no row, no call)
			expect(rows).toHaveLength(8);
			const attachment = (file: string) => rows.filter((r) => r.Attachment === file || String(r.Attachment).startsWith(`${file} (page `));
			for (const email of STANDIN_EMAILS) {
				for (const file of email.attachments) {
					const own = attachment(file);
					expect(own.length).toBeGreaterThan(0);
					// pairing through ETOP OCR: each row carries its own email's sender and subject
					for (const r of own) expect(r).toEqual(expect.objectContaining({ From: email.from, Subject: email.subject, Received: email.date }));
				}
			}
			const documents = (file: string) => rows.filter((r) => r.Attachment === file).map((r) => r.Document);
			expect(documents('id-card.png')).toEqual(['ID Card']);
			expect(documents('business-licence.png')).toEqual(['Business Licence']);
			expect(documents('vat-invoice.jpg')).toEqual(['VAT Invoice']);
			expect(documents('mixed-page.png')).toEqual(['ID Card', 'Business Licence', 'VAT Invoice']);
			expect(documents('scanned.pdf (page 1)')).toEqual([]);
			expect(documents('scanned.pdf (page 2)')).toEqual(['Licence Plate']);
			expect(documents('terms.pdf')).toEqual(['not recognised']);
			const pdf = rows.find((r) => r.Attachment === 'terms.pdf')!;
			expect(pdf.Error).toMatch(/digital/i);
			expect(pdf.Error).not.toBe('');
			for (const r of rows.filter((x) => x.Attachment !== 'terms.pdf')) {
				expect(r.Error).toBe('');
				const fields = JSON.parse(r.Fields);
				expect(fields).not.toHaveProperty('meta');
				expect(Object.keys(fields).length).toBeGreaterThan(1);
			}
			expect(JSON.parse(rows.find((r) => r.Attachment === 'id-card.png')!.Fields)).toEqual(
				expect.objectContaining({ name: '王晓明', idNumber: '330106199004221234' }),
			);
			expect(JSON.parse(rows.find((r) => r.Attachment === 'vat-invoice.jpg')!.Fields)).toEqual(
				expect.objectContaining({ invoiceCode: '3300191130' }),
			);
			// one auto-classification call per image and per new page of the scanned PDF; none for the digital PDF
			const calls = ctx.sandbox.calls.slice(before);
			expect(calls.map((c) => c.fields.pid)).toEqual(Array(5).fill('666'));
			// the PDF's page went out exactly as stored (the JPEG file itself)
			expect(calls.map((c) => c.imageBytes)).toContain(readFileSync(join(SAMPLES_DIR, 'licence-plate.jpg')).length);
		});

		test('example (b) form upload of an ID card → CRM contact', async () => {
			const before = ctx.crm.requests.length;
			const { execution } = await runOk(ctx, 'E2eExampleForm01');
			const requests = ctx.crm.requests.slice(before);
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('POST');
			expect(requests[0].path).toBe('/api/v1/contacts');
			expect(requests[0].headers.authorization).toBe(`Bearer ${CRM_TOKEN}`);
			expect(requests[0].json).toEqual({
				email: 'wang.xiaoming@example.com',
				fullName: '王晓明',
				gender: 'male',
				ethnicity: '汉',
				dateOfBirth: '1990-04-22',
				address: '浙江省杭州市西湖区文三路123号',
				idNumber: '330106199004221234',
				source: 'ID card form',
				ocrResponseId: expect.any(String),
			});
			expect(outputItems(execution, 'Create contact in CRM')[0].json).toEqual({ id: expect.stringMatching(/^crm-/), created: true });
			const call = ctx.sandbox.calls[ctx.sandbox.calls.length - 1];
			expect(call.fields.pid).toBe('2');
			// the two photo checks of the example are on: copy/screen and tampering → imageCheck 10001
			expect(call.fields.imageCheck).toBe('10001');
		});

		test('example (c) folder of VAT invoices → data table rows; a second run skips what is already there', async () => {
			// Run from its Schedule Trigger on the server, as the editor's "Execute workflow" does:
			// `n8n execute` cannot run the Data table node (see N8nInstance.runManually).
			await ctx.n8n.start();
			await ctx.n8n.signIn(DEFAULT_OWNER);
			const run = async () => {
				const result = await ctx.n8n.runManually('E2eExampleVat001', 'Every hour');
				if (result.status !== 'success') throw new Error(`run ended ${result.status}: ${JSON.stringify(result.execution.data.resultData.error)}`);
				ctx.executions.push({ code: 0, stdout: '', stderr: '', execution: result.execution });
				return result;
			};
			const table = `data_table_user_${ctx.dataTableId}`;
			const before = ctx.sandbox.calls.length;
			const first = await run();
			const firstCalls = ctx.sandbox.calls.slice(before);
			expect(firstCalls.map((c) => c.fields.pid)).toEqual(['21', '21', '21']);
			expect(outputItems(first.execution, 'Unreadable invoices').map((i) => i.json.error.message)).toEqual([
				expect.stringMatching(/ETOP error 3/),
			]);
			let rows = await ctx.n8n.sql<Record<string, any>>(`select * from ${table} order by fileName`);
			expect(rows.map((r) => r.fileName)).toEqual(['invoice-2026-001.jpg', 'invoice-2026-002.png']);
			for (const row of rows) {
				expect(row.invoiceCode).toMatch(/^\d{10,12}$/);
				expect(row.invoiceNumber).toMatch(/^\d{8}$/);
				expect(row.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
				expect(typeof row.totalAmount).toBe('number');
				expect(row.totalAmount).toBeCloseTo(row.netAmount + row.taxAmount, 2);
			}

			const secondBefore = ctx.sandbox.calls.length;
			await run();
			await ctx.n8n.stop();
			// only the misfiled ID card (never inserted) is tried again
			expect(ctx.sandbox.calls.slice(secondBefore)).toHaveLength(1);
			rows = await ctx.n8n.sql(`select * from ${table}`);
			expect(rows).toHaveLength(2);
		});

		test('stored executions, binary files, logs and CLI output hold neither the API key nor the secret', async () => {
			const stored = await ctx.n8n.sql<{ executionId: number; workflowId: string; len: number }>(
				'select d.executionId, e.workflowId, length(d.data) as len from execution_data d join execution_entity e on e.id = d.executionId',
			);
			// every run above is stored, with its data
			expect(stored.length).toBeGreaterThanOrEqual(ctx.executions.length);
			let etopRuns = 0;
			for (const row of stored) {
				const { raw, data } = await ctx.n8n.storedExecution(row.executionId);
				expect(raw).not.toContain(SANDBOX_KEY);
				expect(raw).not.toContain(SANDBOX_SECRET);
				const runData = data.resultData?.runData ?? {};
				if (runData['ETOP OCR'] || runData['Read ID card']) etopRuns++;
			}
			expect(etopRuns).toBeGreaterThanOrEqual(5);
			// the credential itself is stored encrypted
			const [cred] = await ctx.n8n.sql<{ data: string }>(`select data from credentials_entity where type = '${CREDENTIAL_TYPE}'`);
			expect(cred.data).not.toContain(SANDBOX_KEY);
			// byte scan of the whole n8n folder (database + WAL, binary data, event log) and of every
			// command's captured output
			const scan = scanForSecrets([ctx.n8n.n8nDir, ctx.n8n.options.logDir], [SANDBOX_KEY, SANDBOX_SECRET], {
				skip: [join(ctx.n8n.n8nDir, 'nodes')],
			});
			expect(scan.scannedFiles).toBeGreaterThan(10);
			expect(scan.leaks).toEqual([]);
			// and the scanner does find a planted copy (UTF-8 and UTF-16)
			const planted = join(ctx.root, 'planted');
			mkdirSync(planted, { recursive: true });
			writeFileSync(join(planted, 'a.bin'), Buffer.concat([Buffer.from('xx'), Buffer.from(SANDBOX_SECRET, 'utf16le')]));
			writeFileSync(join(planted, 'b.txt'), `key=${SANDBOX_KEY}`);
			expect(scanForSecrets([planted], [SANDBOX_KEY, SANDBOX_SECRET]).leaks).toHaveLength(2);
			// the sandbox did receive them: the scan looks for strings that were really in play
			expect(ctx.sandbox.calls.some((c) => c.fields.key === SANDBOX_KEY && c.fields.secret === SANDBOX_SECRET)).toBe(true);
		});
	});
}
