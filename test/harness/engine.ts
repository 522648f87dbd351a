import './env';

import { Container } from '@n8n/di';
import { BinaryDataService, DirectoryLoader, ExecuteContext, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IExecuteData,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { EtopOcrApi } from '../../credentials/EtopOcrApi.credentials';
import { TestAgent, type ToolCall } from './agentNode';
import { registerFixture, TestInput, type InputItem } from './inputNode';

// The codex file EtopOcr.node.json sits beside the node and would win Node's extension lookup
// under tsx, so the source file is named with its extension.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EtopOcr } = require('../../nodes/EtopOcr/EtopOcr.node.ts') as typeof import('../../nodes/EtopOcr/EtopOcr.node');

export const ETOP_NODE_TYPE = 'n8n-nodes-etop-ocr.etopOcr';
export const ETOP_TOOL_NODE_TYPE = `${ETOP_NODE_TYPE}Tool`;
const INPUT_NODE_TYPE = 'test.testInput';
const AGENT_NODE_TYPE = 'test.testAgent';
export const ETOP_NODE_NAME = 'ETOP OCR';

export interface EtopCredentials {
	apiKey: string;
	secret: string;
	endpoint: string;
	/** The credential's Image Field Name; n8n fills in its default (`file`) when left out. */
	uploadField?: 'file' | 'filedata';
}

const credentialType = new EtopOcrApi();

let credentialReadCount = 0;

/** How often n8n-core has read the credential in this process (n8n's server: a database query and a decryption each). */
export const credentialReads = () => credentialReadCount;

/**
 * The part of n8n's server that n8n-core delegates to: it hands out the test credentials and
 * applies the credential type's `authenticate` exactly as the server's CredentialsHelper does.
 */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: EtopCredentials) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (typeName !== credentialType.name || typeof credentialType.authenticate !== 'function') return requestOptions;
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		credentialReadCount++;
		return { ...this.credentials };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

const PEER_NODE_TYPE = 'test.peer';

/**
 * The AI-agent tool n8n's server derives from a `usableAsTool` node, as n8n 2.41.1 does it
 * (n8n/dist/node-types.js getByNameAndVersion and tool-generation/ai-tools.js; n8n's server
 * package is not a dependency here): the node runs through RoutingNode, its description gets
 * the Tool name, an ai_tool output and, unless it has one, a Description parameter.
 */
function asAiTool(node: INodeType): INodeType {
	const description = { ...node.description, properties: [...node.description.properties] };
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = ['ai_tool'];
	delete description.usableAsTool;
	if (!description.properties.some((property) => property.name === 'toolDescription')) {
		description.properties.unshift({
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			default: node.description.description,
			required: true,
		});
	}
	const tool: INodeType = {
		description,
		async execute(this: ExecuteContext) {
			return (await new RoutingNode(this, tool).runNode()) ?? [];
		},
	};
	return tool;
}

function nodeTypes(peer?: INodeType): INodeTypes {
	const etop = new EtopOcr();
	// What n8n's loader does to every declarative node: adds Request Options (batching, timeout…).
	DirectoryLoader.applyDeclarativeNodeOptionParameters(etop);
	// What n8n's server (NodeTypes.getByNameAndVersion) does to a declarative node: an execute that
	// runs RoutingNode in the execution's own context, which carries the execution's cancel signal
	// to every item's hook. (n8n-core alone would run it through a test path without one.)
	(etop as INodeType).execute = async function (this: ExecuteContext) {
		return (await new RoutingNode(this, etop).runNode()) ?? [];
	};
	const types: Record<string, INodeType> = {
		[ETOP_NODE_TYPE]: etop,
		[ETOP_TOOL_NODE_TYPE]: asAiTool(etop),
		[INPUT_NODE_TYPE]: new TestInput(),
		[AGENT_NODE_TYPE]: new TestAgent(),
	};
	if (peer) types[PEER_NODE_TYPE] = peer;
	return {
		getByName: (type) => types[type],
		getByNameAndVersion: (type) => types[type],
		getKnownTypes: () => ({}),
	} as INodeTypes;
}

function additionalData(credentials: EtopCredentials, workflow: Workflow): IWorkflowExecuteAdditionalData {
	const data = {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', {
			id: workflow.id,
			name: workflow.name,
			active: false,
			isArchived: false,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as never),
		executeWorkflow: async () => {
			throw new Error('not used by these tests');
		},
		getRunExecutionData: async () => undefined,
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used by these tests');
		},
	};
	return data as unknown as IWorkflowExecuteAdditionalData;
}

let binaryModeReady: Promise<void> | undefined;

/**
 * Switches n8n's binary data to filesystem mode (as a default n8n 2.x install stores it) for
 * the rest of this process. Must run before the first workflow.
 */
export async function useFilesystemBinaryMode(storagePath: string): Promise<void> {
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH = storagePath;
	binaryModeReady ??= Container.get(BinaryDataService).init();
	await binaryModeReady;
}

export interface RunOptions {
	credentials: EtopCredentials;
	/** Parameters of the ETOP OCR node, as saved in a workflow. */
	parameters: INodeParameters;
	items: InputItem[];
	/** Settings → On Error. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Settings → Retry On Fail, Max Tries, Wait Between Tries. */
	retry?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	/** Another node in the ETOP node's place, under its name and with the same input (the bench's peers); `credentials`: it uses the ETOP credential. */
	peer?: { nodeType: INodeType; typeVersion: number; parameters: INodeParameters; credentials?: boolean };
	/** Aborting it cancels the execution, as the editor's stop button does. */
	signal?: AbortSignal;
	/** Called as the ETOP node (or its peer) starts and finishes, e.g. to read the CPU time it takes. */
	onNode?: { before(): void; after(): void };
	/** Members added to n8n's additionalData, as a server of another n8n version sets them (e.g. its SSRF guard). */
	additionalData?: Record<string, unknown>;
}

export interface RunResult {
	run: IRun;
	/** The ETOP node's outputs (index 0 = main, 1 = error output when enabled); empty on a stop. */
	outputs: INodeExecutionData[][];
	/** The error that stopped the workflow, if any. */
	error?: IRun['data']['resultData']['error'];
}

/** Runs Input → ETOP OCR through n8n-core's WorkflowExecute, as n8n runs a manual execution. */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const input: INode = {
		id: 'input',
		name: 'Input',
		type: INPUT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { fixture: registerFixture(options.items) },
	};
	const { peer } = options;
	const etop: INode = {
		id: 'etop',
		name: ETOP_NODE_NAME,
		type: peer ? PEER_NODE_TYPE : ETOP_NODE_TYPE,
		typeVersion: peer?.typeVersion ?? 1,
		position: [200, 0],
		parameters: peer?.parameters ?? options.parameters,
		...(peer && !peer.credentials ? {} : { credentials: { etopOcrApi: { id: '1', name: 'ETOP account' } } }),
		...(options.onError ? { onError: options.onError } : {}),
		...options.retry,
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'ETOP OCR test',
		nodes: [input, etop],
		connections: { Input: { main: [[{ node: ETOP_NODE_NAME, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes: nodeTypes(peer?.nodeType),
		settings: { executionOrder: 'v1' },
	});
	const start: IExecuteData = { node: input, data: { main: [[{ json: {} }]] }, source: null };
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: [start] } });
	const data = Object.assign(additionalData(options.credentials, workflow), options.additionalData);
	const { onNode } = options;
	if (onNode) {
		data.hooks!.addHandler('nodeExecuteBefore', (name) => {
			if (name === ETOP_NODE_NAME) onNode.before();
		});
		data.hooks!.addHandler('nodeExecuteAfter', (name) => {
			if (name === ETOP_NODE_NAME) onNode.after();
		});
	}
	const execution = new WorkflowExecute(data, 'manual', runExecutionData).processRunExecutionData(workflow);
	// A cancelled execution's promise never settles; n8n's server learns the run from this hook.
	const cancelled = new Promise<IRun>((resolve) => {
		options.signal?.addEventListener('abort', () => {
			data.hooks!.addHandler('workflowExecuteAfter', (fullRun) => resolve(fullRun));
			execution.cancel();
		}, { once: true });
	});
	const run = await Promise.race([execution, cancelled]);
	const taskData = run.data.resultData.runData[ETOP_NODE_NAME]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	return { run, outputs, error: run.data.resultData.error };
}

export interface ToolRunOptions {
	credentials: EtopCredentials;
	/** Parameters of the ETOP OCR Tool node, as saved in a workflow (defaults fill the rest). */
	parameters: INodeParameters;
	/** What the model passes to the tool. */
	toolArgs: Record<string, unknown>;
}

export interface ToolRunResult {
	run: IRun;
	/** The tool as the agent saw it, and its answer; undefined when the run failed. */
	call?: ToolCall;
	error?: IRun['data']['resultData']['error'];
}

/**
 * Runs Input → Agent with the ETOP OCR Tool connected to the agent, through WorkflowExecute:
 * the agent fetches the tool from n8n-core and calls it once with `toolArgs`.
 */
export async function runToolCall(options: ToolRunOptions): Promise<ToolRunResult> {
	const node = (name: string, type: string, parameters: INodeParameters): INode => ({ id: name, name, type, typeVersion: 1, position: [0, 0], parameters });
	const nodes = [
		node('Input', INPUT_NODE_TYPE, { fixture: registerFixture([{ json: { toolArgs: options.toolArgs } }]) }),
		node('Agent', AGENT_NODE_TYPE, {}),
		{ ...node(ETOP_NODE_NAME, ETOP_TOOL_NODE_TYPE, options.parameters), credentials: { etopOcrApi: { id: '1', name: 'ETOP account' } } },
	];
	const connections = {
		Input: { main: [[{ node: 'Agent', type: 'main' as const, index: 0 }]] },
		[ETOP_NODE_NAME]: { ai_tool: [[{ node: 'Agent', type: 'ai_tool' as const, index: 0 }]] },
	};
	const workflow = new Workflow({ id: 'tool-workflow', nodes, connections, active: false, nodeTypes: nodeTypes(), settings: { executionOrder: 'v1' } });
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }] },
	});
	const run = await new WorkflowExecute(additionalData(options.credentials, workflow), 'manual', runExecutionData).processRunExecutionData(workflow);
	const call = run.data.resultData.runData.Agent?.[0]?.data?.main?.[0]?.[0]?.json as ToolCall | undefined;
	return { run, call, error: run.data.resultData.error };
}

/**
 * Runs the credential's `test` the way n8n's server does (CredentialsTester.runRequestTest in the
 * n8n package, which is not a library): the test request becomes the routing of a one-property
 * temporary node that n8n-core's RoutingNode runs with the credential applied; a thrown error is
 * reported as n8n reports it, then each responseSuccessBody rule whose key equals its value fails
 * the test.
 */
export async function testCredentials(credentials: EtopCredentials): Promise<INodeCredentialTestResult> {
	const testRequest = credentialType.test!;
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTestTemp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: testRequest.request } }],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTestTemp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: '1', name: 'ETOP account' } },
	};
	const types = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: types });
	const inputData = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(workflow, node, additionalData(credentials, workflow), 'internal', createRunExecutionData(), 0, [], inputData, { node, data: {}, source: null }, []);
	const decrypted = { id: '1', name: 'ETOP account', type: credentialType.name, data: { ...credentials } };
	let response: INodeExecutionData[][];
	try {
		response = (await new RoutingNode(context, nodeType, decrypted).runNode()) as INodeExecutionData[][];
	} catch (caught) {
		const error = caught as { message: string; cause?: { code?: string; response?: { status: number; statusText?: string } } };
		const answer = error.cause?.response;
		if (answer && (answer.status < 199 || answer.status > 299)) {
			return { status: 'Error', message: answer.statusText || `Received HTTP status code: ${answer.status}` };
		}
		if (!answer && error.cause?.code) return { status: 'Error', message: error.cause.code };
		return { status: 'Error', message: error.message.toString() };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		if (response[0][0].json[rule.properties.key] === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

export const credentialTypeForTests: ICredentialType = credentialType;

/**
 * Stops n8n-core's SSH client janitor, an interval that n8n-core starts for every execution
 * context and that would otherwise keep the process (a jest worker, the demo) alive.
 */
export function shutdownEngine(): void {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as {
		SSHClientsManager: new (...args: any[]) => { onShutdown(): void }; // eslint-disable-line @typescript-eslint/no-explicit-any
	};
	Container.get(SSHClientsManager).onShutdown();
}
