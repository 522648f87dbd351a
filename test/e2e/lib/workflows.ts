import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLES_DIR, NODE_TYPE, TOOL_NODE_TYPE } from './paths';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, any>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
	[k: string]: unknown;
}

export interface Connection {
	node: string;
	type: string;
	index: number;
}

export interface Workflow {
	id: string;
	name: string;
	active?: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, Record<string, Connection[][]>>;
	settings?: Record<string, unknown>;
	[k: string]: unknown;
}

/** The credentials the e2e run imports, by type; workflows are pointed at them. */
export const E2E_CREDENTIALS = {
	etopOcrApi: { id: 'EtopOcrAccount01', name: 'ETOP OCR account' },
	openAiApi: { id: 'E2eFakeOpenAi001', name: 'OpenAI (local stand-in)' },
	httpHeaderAuth: { id: 'CrmApiToken00001', name: 'CRM API token' },
	/** The sandbox behind a relay that counts connections (the connection-reuse run). */
	etopOcrApiViaRelay: { id: 'EtopOcrRelayed01', name: 'ETOP OCR account (via counting relay)' },
} as const;

export function loadExample(file: string): Workflow {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
}

export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

export function findNode(wf: Workflow, name: string): WorkflowNode {
	const node = wf.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`workflow "${wf.name}" has no node "${name}" (has: ${wf.nodes.map((n) => n.name).join(', ')})`);
	return node;
}

/** Replaces a node by another of the same name and position (so connections and `$('name')` stay valid). */
export function replaceNode(wf: Workflow, name: string, replacement: Omit<WorkflowNode, 'id' | 'name' | 'position'>): void {
	const old = findNode(wf, name);
	const index = wf.nodes.indexOf(old);
	wf.nodes[index] = { id: old.id, name, position: old.position, ...replacement } as WorkflowNode;
}

export function addNode(wf: Workflow, node: Omit<WorkflowNode, 'id'> & { id?: string }): void {
	wf.nodes.push({ id: randomUUID(), ...node } as WorkflowNode);
}

export function connect(wf: Workflow, from: string, to: string, output = 0, type = 'main'): void {
	const outputs = ((wf.connections[from] ??= {})[type] ??= []);
	while (outputs.length <= output) outputs.push([]);
	outputs[output].push({ node: to, type, index: 0 });
}

/** Points every node's credential of a known type at the credentials the run imported. */
export function useE2eCredentials(wf: Workflow): void {
	for (const node of wf.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) {
			const cred = (E2E_CREDENTIALS as Record<string, { id: string; name: string }>)[type];
			if (cred) node.credentials![type] = { ...cred };
		}
	}
}

const manualTrigger = (name: string, position: [number, number]): WorkflowNode => ({
	id: randomUUID(),
	name,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position,
	parameters: {},
});

const readFiles = (name: string, fileSelector: string, position: [number, number], options: Record<string, unknown> = {}): WorkflowNode => ({
	id: randomUUID(),
	name,
	type: 'n8n-nodes-base.readWriteFile',
	typeVersion: 1,
	position,
	parameters: { operation: 'read', fileSelector, options },
});

const setNode = (name: string, position: [number, number], fields: Record<string, string>, includeOtherFields = false): WorkflowNode => ({
	id: randomUUID(),
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position,
	parameters: {
		assignments: {
			assignments: Object.entries(fields).map(([n, value]) => ({ id: randomUUID(), name: n, value, type: 'string' })),
		},
		...(includeOtherFields ? { includeOtherFields: true } : {}),
		options: {},
	},
});

function build(id: string, name: string, nodes: WorkflowNode[], edges: Array<[string, string, number?, string?]>): Workflow {
	const wf: Workflow = { id, name, active: false, nodes, connections: {}, settings: { executionOrder: 'v1' } };
	for (const [from, to, output, type] of edges) connect(wf, from, to, output ?? 0, type);
	return wf;
}

/**
 * The core run: scans from a folder (two ID cards and a text file named .jpg) → ETOP OCR (ID card,
 * binary input, cropped images on, error output on) → a node on each output that reaches back
 * through the OCR node with `$('Tag').item`, which only works when every item is paired.
 */
export function coreWorkflow(scanDir: string): Workflow {
	return build(
		'E2eCoreIdCards01',
		'e2e: ID card scans, error output, pairing',
		[
			manualTrigger('Start', [0, 0]),
			readFiles('Load scans', `${scanDir}/*`, [200, 0]),
			setNode('Tag', [400, 0], { scan: '={{ $binary.data.fileName }}' }, true),
			{
				id: randomUUID(),
				name: 'ETOP OCR',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [600, 0],
				onError: 'continueErrorOutput',
				parameters: {
					documentType: '2',
					inputType: 'binary',
					binaryPropertyName: 'data',
					options: { requestId: '={{ $json.scan }}', returnCroppedImages: true },
				},
				credentials: { etopOcrApi: { ...E2E_CREDENTIALS.etopOcrApi } },
			},
			setNode('Recognised', [850, -100], {
				scan: "={{ $('Tag').item.json.scan }}",
				name: "={{ $('ETOP OCR').item.json.name }}",
				idNumber: '={{ $json.idNumber }}',
			}),
			setNode('Not readable', [850, 100], {
				scan: "={{ $('Tag').item.json.scan }}",
				reason: '={{ $json.error.message }}',
			}),
		],
		[
			['Start', 'Load scans'],
			['Load scans', 'Tag'],
			['Tag', 'ETOP OCR'],
			['ETOP OCR', 'Recognised', 0],
			['ETOP OCR', 'Not readable', 1],
		],
	);
}

/**
 * Connection reuse: every scan of a folder → ETOP OCR, two calls at a time, through the credential
 * whose endpoint is a relay that counts the connections n8n opens.
 */
export function connectionsWorkflow(scanDir: string, concurrency: number): Workflow {
	return build(
		'E2eConnections01',
		'e2e: connections per run',
		[
			manualTrigger('Start', [0, 0]),
			readFiles('Load scans', `${scanDir}/*`, [200, 0]),
			{
				id: randomUUID(),
				name: 'ETOP OCR',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [400, 0],
				parameters: { documentType: '2', inputType: 'binary', binaryPropertyName: 'data', options: { maxConcurrency: concurrency } },
				credentials: { etopOcrApi: { ...E2E_CREDENTIALS.etopOcrApiViaRelay } },
			},
		],
		[
			['Start', 'Load scans'],
			['Load scans', 'ETOP OCR'],
		],
	);
}

/**
 * The AI-agent tool: an AI Agent with a (local, scripted) OpenAI chat model and the generated
 * `etopOcrTool` at its defaults: Image URL input, the URL and the Document Type filled by the
 * model through `$fromAI`.
 */
export function agentWorkflow(imageUrl: string): Workflow {
	return build(
		'E2eAgentToolUrl1',
		'e2e: AI agent with the ETOP OCR tool (URL input)',
		[
			manualTrigger('Start', [0, 0]),
			{
				id: randomUUID(),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [250, 0],
				parameters: {
					promptType: 'define',
					text: `Read the ID card at ${imageUrl} and tell me the holder's name.`,
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [150, 220],
				parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, responsesApiEnabled: false, options: {} },
				credentials: { openAiApi: { ...E2E_CREDENTIALS.openAiApi } },
			},
			{
				id: randomUUID(),
				name: 'Read ID card',
				type: TOOL_NODE_TYPE,
				typeVersion: 1,
				position: [350, 220],
				parameters: {},
				credentials: { etopOcrApi: { ...E2E_CREDENTIALS.etopOcrApi } },
			},
		],
		[
			['Start', 'AI Agent'],
			['OpenAI Chat Model', 'AI Agent', 0, 'ai_languageModel'],
			['Read ID card', 'AI Agent', 0, 'ai_tool'],
		],
	);
}

// ------------------------------------------------------------------------------------------------
// The shipped examples with their internet-bound ends swapped for local stand-ins (in memory only)
// ------------------------------------------------------------------------------------------------

/** The emails the IMAP stand-in "receives"; attachments are files of `attachmentDir`. */
export const STANDIN_EMAILS = [
	{
		from: 'Alice Zhang <alice@example.com>',
		subject: 'Onboarding documents',
		date: '2026-03-02T09:15:00.000Z',
		attachments: ['id-card.png', 'business-licence.png'],
	},
	{
		from: 'Bob Li <bob@example.com>',
		subject: 'March invoice',
		date: '2026-03-03T16:40:00.000Z',
		// mixed-page.png holds three documents (ID card, business licence, VAT invoice)
		// scanned.pdf: two JPEG pages (the scan of vat-invoice.jpg again, a licence plate); terms.pdf: a digital PDF
		attachments: ['vat-invoice.jpg', 'mixed-page.png', 'terms.pdf', 'scanned.pdf'],
	},
];

/**
 * (a) Inbox: the IMAP trigger becomes Start → Read files → a Code node of the same name that builds
 * emails shaped like the IMAP node's "simple" output (json + attachment_0…n binaries); the Google
 * Sheets node becomes a No-Op of the same name, so the test reads the rows it would append.
 */
export function inboxExampleForTest(attachmentDir: string): Workflow {
	const wf = loadExample('inbox-attachments-to-google-sheets.json');
	useE2eCredentials(wf);
	replaceNode(wf, 'Email Trigger (IMAP)', {
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `// e2e stand-in for the IMAP trigger
const files = Object.fromEntries($input.all().map((item) => [item.binary.data.fileName, item.binary.data]));
const emails = ${JSON.stringify(STANDIN_EMAILS)};
return emails.map((email, index) => ({
  json: { from: email.from, to: 'scans@example.com', subject: email.subject, date: email.date, textPlain: 'see attachments', metadata: {}, attributes: { uid: 100 + index } },
  binary: Object.fromEntries(email.attachments.map((name, i) => [\`attachment_\${i}\`, files[name]])),
  pairedItem: email.attachments.map((name) => ({ item: $input.all().findIndex((it) => it.binary.data.fileName === name) })),
}));`,
		},
	});
	addNode(wf, manualTrigger('Start', [-460, 300]));
	addNode(wf, readFiles('Load attachments', `${attachmentDir}/*`, [-240, 300]));
	connect(wf, 'Start', 'Load attachments');
	connect(wf, 'Load attachments', 'Email Trigger (IMAP)');
	replaceNode(wf, 'Append to Google Sheet', { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });
	wf.id = 'E2eExampleInbox1';
	wf.name = `e2e: ${wf.name}`;
	return wf;
}

/**
 * (d) Every morning: the Schedule Trigger becomes a manual start, the Gmail node a Code node of the
 * same name that builds the stand-in emails shaped like Gmail's full output (json.from.text, subject,
 * date; attachment_0…n binaries), and the four Google Sheets nodes No-Ops of the same names.
 */
export function morningExampleForTest(attachmentDir: string): Workflow {
	const wf = loadExample('morning-id-cards-and-vat-invoices-to-sheets.json');
	useE2eCredentials(wf);
	replaceNode(wf, 'Every morning', { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
	replaceNode(wf, 'Emails of the last day', {
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `// e2e stand-in for Gmail → Get Many (Download Attachments on)
const files = Object.fromEntries($input.all().map((item) => [item.binary.data.fileName, item.binary.data]));
const emails = ${JSON.stringify(STANDIN_EMAILS)};
return emails.map((email, index) => ({
  json: { id: 'msg' + index, from: { text: email.from }, subject: email.subject, date: email.date },
  binary: Object.fromEntries(email.attachments.map((name, i) => [\`attachment_\${i}\`, files[name]])),
  pairedItem: email.attachments.map((name) => ({ item: $input.all().findIndex((it) => it.binary.data.fileName === name) })),
}));`,
		},
	});
	addNode(wf, readFiles('Load attachments', `${attachmentDir}/*`, [-460, 300]));
	wf.connections['Every morning'] = { main: [[{ node: 'Load attachments', type: 'main', index: 0 }]] };
	connect(wf, 'Load attachments', 'Emails of the last day');
	for (const sheet of ['Append ID card', 'Append VAT invoice', 'Append other document', 'Append unreadable']) {
		replaceNode(wf, sheet, { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });
	}
	wf.id = 'E2eExampleMorning1';
	wf.name = `e2e: ${wf.name}`;
	return wf;
}

/**
 * (b) Form: the Form Trigger becomes Start → Read file (into the form's binary field name) → a Set
 * node of the same name adding the form's text fields; the CRM URL points at a local capture server.
 */
export function formExampleForTest(photo: string, email: string, crmUrl: string): Workflow {
	const wf = loadExample('id-card-form-to-crm.json');
	useE2eCredentials(wf);
	const form = findNode(wf, 'ID card upload form');
	const fileField = form.parameters.formFields.values.find((f: any) => f.fieldType === 'file');
	const binaryName = String(fileField.fieldLabel).replace(/\W/g, '_'); // what the Form Trigger (v2.2) names it
	replaceNode(wf, 'ID card upload form', {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			assignments: {
				assignments: [
					{ id: randomUUID(), name: 'Email', value: email, type: 'string' },
					{ id: randomUUID(), name: 'submittedAt', value: '={{ $now.toISO() }}', type: 'string' },
					{ id: randomUUID(), name: 'formMode', value: 'production', type: 'string' },
				],
			},
			// keep the binary (the upload), drop the Read node's file description fields
			includeOtherFields: true,
			include: 'except',
			excludeFields: 'mimeType, fileType, fileName, fileExtension, fileSize',
			options: {},
		},
	});
	addNode(wf, manualTrigger('Start', [-460, 300]));
	addNode(wf, readFiles('Uploaded photo', photo, [-240, 300], { dataPropertyName: binaryName }));
	connect(wf, 'Start', 'Uploaded photo');
	connect(wf, 'Uploaded photo', 'ID card upload form');
	findNode(wf, 'Create contact in CRM').parameters.url = crmUrl;
	wf.id = 'E2eExampleForm01';
	wf.name = `e2e: ${wf.name}`;
	return wf;
}

/**
 * (c) Invoices: only the folder and the data table (a real n8n data table the test created) are
 * filled in; the Schedule Trigger stays and the test runs it the way the editor does.
 */
export function invoiceExampleForTest(invoiceDir: string, dataTableId: string): Workflow {
	const wf = loadExample('vat-invoice-folder-to-data-table.json');
	useE2eCredentials(wf);
	findNode(wf, 'Read invoice scans').parameters.fileSelector = `${invoiceDir}/*.{jpg,jpeg,png}`;
	for (const name of ['Skip invoices already in the table', 'Insert into data table']) {
		findNode(wf, name).parameters.dataTableId = { __rl: true, mode: 'id', value: dataTableId };
	}
	wf.id = 'E2eExampleVat001';
	wf.name = `e2e: ${wf.name}`;
	return wf;
}

/** The columns the invoice example's sticky note tells users to create. */
export const INVOICE_TABLE_COLUMNS: Array<{ name: string; type: 'string' | 'number' }> = [
	{ name: 'fileName', type: 'string' },
	{ name: 'invoiceCode', type: 'string' },
	{ name: 'invoiceNumber', type: 'string' },
	{ name: 'issueDate', type: 'string' },
	{ name: 'sellerName', type: 'string' },
	{ name: 'sellerTaxId', type: 'string' },
	{ name: 'buyerName', type: 'string' },
	{ name: 'buyerTaxId', type: 'string' },
	{ name: 'netAmount', type: 'number' },
	{ name: 'taxAmount', type: 'number' },
	{ name: 'totalAmount', type: 'number' },
	{ name: 'ocrResponseId', type: 'string' },
];
