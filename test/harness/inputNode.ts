import { rmSync } from 'node:fs';

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** What the Input node emits: JSON plus raw binary that it stores through n8n's helpers. */
export interface InputItem {
	json?: Record<string, unknown>;
	binary?: Record<string, { data: Buffer; fileName?: string; mimeType?: string; fileLost?: boolean }>;
}

const fixtures = new Map<string, InputItem[]>();
let nextFixture = 0;

export function registerFixture(items: InputItem[]): string {
	const id = `fixture-${nextFixture++}`;
	fixtures.set(id, items);
	return id;
}

/**
 * A test-only trigger-less source node: it plays the part of "Read Files" or "Email Trigger"
 * and stores binary through `prepareBinaryData`, so the configured binary mode (memory or
 * filesystem) is what the ETOP node gets, exactly as behind a real n8n node.
 */
export class TestInput implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits registered test items',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Fixture', name: 'fixture', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = fixtures.get(this.getNodeParameter('fixture', 0) as string) ?? [];
		const output: INodeExecutionData[] = [];
		for (const [index, item] of items.entries()) {
			const result: INodeExecutionData = { json: (item.json ?? {}) as INodeExecutionData['json'], pairedItem: { item: 0 } };
			if (item.binary) {
				result.binary = {};
				for (const [name, file] of Object.entries(item.binary)) {
					result.binary[name] = await this.helpers.prepareBinaryData(file.data, file.fileName ?? `file${index}`, file.mimeType);
					// `fileLost`: the item keeps the binary's id but its stored file is gone, as for a
					// queue-mode worker reading what another machine stored on its own disk.
					const { id } = result.binary[name];
					if (file.fileLost && id) rmSync(this.helpers.getBinaryPath(id));
				}
			}
			output.push(result);
		}
		return [output];
	}
}
