import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/** What an AI agent sees of a connected tool and what one call of it returned. */
export interface ToolCall {
	name: string;
	description: string;
	/** The tool's parameters as the model is offered them: name → description. */
	parameters: Record<string, string | undefined>;
	/** The tool's answer as the agent gets it (n8n hands the model a JSON string). */
	answer: unknown;
}

interface LangChainTool {
	name: string;
	description: string;
	schema: { shape: Record<string, { description?: string }> };
	invoke(args: Record<string, unknown>): Promise<unknown>;
}

/**
 * A test-only stand-in for n8n's AI Agent: instead of a model it calls its one connected tool
 * with the arguments in its input item. The tool is fetched through `getInputConnectionData`,
 * so n8n-core builds it exactly as for a real agent (createNodeAsTool, the tool's own
 * execution context, the node's parameters with $fromAI filled from the arguments).
 */
export class TestAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Agent',
		name: 'testAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls its tool with the arguments of its input item',
		defaults: { name: 'Agent' },
		inputs: ['main', { type: 'ai_tool', displayName: 'Tool', maxConnections: 1 }],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tool = (await this.getInputConnectionData('ai_tool', 0)) as LangChainTool;
		const output: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			const text = await tool.invoke(item.json.toolArgs as Record<string, unknown>);
			const call: ToolCall = {
				name: tool.name,
				description: tool.description,
				parameters: Object.fromEntries(Object.entries(tool.schema.shape).map(([key, value]) => [key, value.description])),
				answer: typeof text === 'string' ? JSON.parse(text) : text,
			};
			output.push({ json: call as unknown as INodeExecutionData['json'], pairedItem: { item: index } });
		}
		return [output];
	}
}
