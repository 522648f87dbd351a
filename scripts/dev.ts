/**
 * `npm run dev`: build the package, start the ETOP sandbox and a real local n8n (2.x by default)
 * with the package installed the way the Community Nodes installer does it, a ready credential
 * pointing at the sandbox, an owner account, the example workflows and a playground workflow.
 * Prints the editor URL and the login; Ctrl-C stops everything.
 *
 *   npm run dev                       # n8n 2.x on http://127.0.0.1:5678, sandbox on :8790
 *   npm run dev -- --n8n 1            # n8n 1.x instead
 *   npm run dev -- --port 5700 --sandbox-port 8800
 *   npm run dev -- --fresh            # forget the previous dev instance (workflows, executions)
 *   npm run dev -- --no-build         # reuse dist/ as it is
 *
 * The instance lives in .tmp/dev/n8n-<version>/ (git-ignored) and is kept between runs; the
 * package is re-packed and re-installed on every start, so a restart picks up code changes.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { SANDBOX_KEY, SANDBOX_SECRET, startSandbox, type Sandbox } from '../test/sandbox/server';
import { ensureN8n, type N8nMajor } from '../test/e2e/lib/install';
import { DEFAULT_OWNER, freePort, N8nInstance } from '../test/e2e/lib/n8n';
import { buildAndPack, installLikeCommunityNodes } from '../test/e2e/lib/pack';
import { CREDENTIAL_TYPE, REPO, SAMPLES_DIR } from '../test/e2e/lib/paths';
import { E2E_CREDENTIALS, INVOICE_TABLE_COLUMNS, loadExample, type Workflow } from '../test/e2e/lib/workflows';
import { NODE_TYPE } from '../test/e2e/lib/paths';

function arg(name: string): string | undefined {
	const argv = process.argv.slice(2);
	const at = argv.indexOf(name);
	if (at !== -1) return argv[at + 1];
	return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}
const flag = (name: string) => process.argv.includes(name);

function say(message: string): void {
	process.stdout.write(`[dev] ${message}\n`);
}

async function portOr(preferred: number): Promise<number> {
	const { createServer } = await import('node:net');
	const free = await new Promise<boolean>((resolve) => {
		const s = createServer();
		s.once('error', () => resolve(false));
		s.listen(preferred, '127.0.0.1', () => s.close(() => resolve(true)));
	});
	if (free) return preferred;
	const other = await freePort();
	say(`port ${preferred} is taken, using ${other}`);
	return other;
}

/** Manual Trigger → the committed sample scans → ETOP OCR (auto-classification). */
function playground(): Workflow {
	return {
		id: 'EtopDevPlayground',
		name: 'ETOP OCR playground (sandbox samples)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: '3c3a7c53-2b1f-4a32-9d1e-0c36a4b1f001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: '3c3a7c53-2b1f-4a32-9d1e-0c36a4b1f002',
				name: 'Read sample scans',
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1,
				position: [220, 0],
				parameters: { operation: 'read', fileSelector: `${SAMPLES_DIR}/*.{png,jpg}`, options: {} },
			},
			{
				id: '3c3a7c53-2b1f-4a32-9d1e-0c36a4b1f003',
				name: 'ETOP OCR',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueErrorOutput',
				parameters: {
					documentType: '666',
					inputType: 'binary',
					binaryPropertyName: 'data',
					options: { oneItemPerDocument: true, requestId: '={{ $json.fileName }}' },
				},
				credentials: { etopOcrApi: { ...E2E_CREDENTIALS.etopOcrApi } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Read sample scans', type: 'main', index: 0 }]] },
			'Read sample scans': { main: [[{ node: 'ETOP OCR', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Makes the VAT-invoice example runnable here: a "VAT invoices" data table with the columns its
 * note asks for, a folder with two sample invoices, and the example pointed at both (through the
 * REST API, as the editor would save it). The shipped file is not touched.
 */
async function wireInvoiceExample(n8n: N8nInstance, files: string): Promise<void> {
	try {
		const folder = join(files, 'vat-invoices');
		mkdirSync(folder, { recursive: true });
		copyFileSync(join(SAMPLES_DIR, 'vat-invoice.jpg'), join(folder, 'vat-invoice.jpg'));
		const project = await n8n.rest('GET', '/rest/projects/personal');
		const table = await n8n.rest('POST', `/rest/projects/${project.body.data.id}/data-tables`, { name: 'VAT invoices', columns: INVOICE_TABLE_COLUMNS });
		if (table.status !== 200) throw new Error(`creating the data table answered ${table.status}`);
		const stored = await n8n.rest('GET', '/rest/workflows/EtopExampleVatDir');
		const wf = stored.body.data;
		for (const node of wf.nodes) {
			if (node.type === 'n8n-nodes-base.dataTable') node.parameters.dataTableId = { __rl: true, mode: 'id', value: table.body.data.id };
			if (node.type === 'n8n-nodes-base.readWriteFile') node.parameters.fileSelector = `${folder}/*.{jpg,jpeg,png}`;
		}
		const saved = await n8n.rest('PATCH', '/rest/workflows/EtopExampleVatDir', { nodes: wf.nodes, connections: wf.connections, versionId: wf.versionId });
		if (saved.status !== 200) throw new Error(`saving the workflow answered ${saved.status}: ${JSON.stringify(saved.body).slice(0, 200)}`);
		say(`the VAT-invoice example reads ${folder} and writes to the data table "VAT invoices"`);
	} catch (error) {
		say(`could not prepare the VAT-invoice example for this instance (${(error as Error).message}); it is imported as shipped`);
	}
}

async function main(): Promise<void> {
	const major = Number(arg('--n8n') ?? 2) as N8nMajor;
	if (major !== 1 && major !== 2) throw new Error('--n8n must be 1 or 2');
	const started = Date.now();
	say(`n8n ${major}.x: checking the install cache (the first time this downloads n8n, a few minutes)`);
	const install = ensureN8n(major);
	const root = join(REPO, '.tmp', 'dev', `n8n-${install.n8n}`);
	if (flag('--fresh')) rmSync(root, { recursive: true, force: true });
	const firstRun = !existsSync(join(root, 'user', '.n8n', 'database.sqlite'));
	const files = join(root, 'files');
	mkdirSync(files, { recursive: true });

	say(flag('--no-build') ? 'packing dist/ as it is' : 'building and packing the package');
	const tarball = buildAndPack(join(root, 'package'), { build: !flag('--no-build') });

	const n8n = await N8nInstance.create(install, {
		userFolder: join(root, 'user'),
		logDir: join(root, 'logs'),
		fileAccess: [SAMPLES_DIR, files],
		port: await portOr(Number(arg('--port') ?? 5678)),
		env: { N8N_LOG_LEVEL: 'warn' },
	});
	installLikeCommunityNodes(n8n.options.userFolder, tarball, process.env);
	say(`installed ${tarball.split('/').pop()} into ${join(n8n.n8nDir, 'nodes')}`);

	const sandbox: Sandbox = await startSandbox({ port: await portOr(Number(arg('--sandbox-port') ?? 8790)) });
	// (re)written on every start: the sandbox port may differ from last time
	await n8n.importCredentials([
		{ ...E2E_CREDENTIALS.etopOcrApi, type: CREDENTIAL_TYPE, data: { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox.endpoint } },
	]);
	if (firstRun) {
		const examples = ['inbox-attachments-to-google-sheets.json', 'id-card-form-to-crm.json', 'vat-invoice-folder-to-data-table.json'].map(loadExample);
		await n8n.importWorkflows([playground(), ...examples]);
	}

	const stop = async () => {
		say('stopping n8n and the sandbox');
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	say('starting n8n');
	await n8n.start({ timeoutMs: 300_000 });
	await n8n.signIn(DEFAULT_OWNER);
	if (firstRun) await wireInvoiceExample(n8n, files);

	const lines = [
		'',
		`  n8n ${install.n8n} (Node ${install.nodeVersion}) is ready after ${Math.round((Date.now() - started) / 1000)} s`,
		'',
		`  Editor     ${n8n.baseUrl}/`,
		`  Playground ${n8n.baseUrl}/workflow/EtopDevPlayground  (click "Execute workflow")`,
		`  Examples   ${n8n.baseUrl}/workflow/EtopExampleVatDir (runs here: sample invoice → data table "VAT invoices"),`,
		`             …/workflow/EtopExampleInbox and …/workflow/EtopExampleIdForm (need IMAP/Google/CRM accounts)`,
		`  Login      ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`,
		'',
		`  Credential "${E2E_CREDENTIALS.etopOcrApi.name}" → ETOP sandbox ${sandbox.endpoint}`,
		`             key ${SANDBOX_KEY}, secret ${SANDBOX_SECRET} (invented data, no ETOP account needed)`,
		`  Images     ${sandbox.url}/images/id-card.png, …/vat-invoice.jpg (for the Image URL input)`,
		`  Files      the Read/Write Files node may read ${SAMPLES_DIR} and ${files}`,
		'',
		`  n8n logs   ${n8n.options.logDir}`,
		'  Ctrl-C stops n8n and the sandbox. Restart to pick up code changes.',
		'',
	];
	process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error) => {
	process.stderr.write(`[dev] ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
	process.exit(1);
});
