import { Workflow, type INode, type INodeTypes } from 'n8n-workflow';

import { EtopOcr } from '../../nodes/EtopOcr/EtopOcr.node';
import { imageItem, run, useSandbox } from './context';

const { sandbox, credentials } = useSandbox();

describe('Document Type from an expression', () => {
	it('routes each item by a name or pid it carries (e.g. an earlier auto-classification result)', async () => {
		const items = [
			imageItem('ETOP-SANDBOX:DOC=21', { kind: 'VAT Invoice' }),
			imageItem('ETOP-SANDBOX:DOC=2', { kind: '身份证' }),
			imageItem('ETOP-SANDBOX:DOC=41', { kind: 41 }),
		];
		const { outputs, error } = await run(credentials(), { documentType: '={{ $json.kind }}' }, items);
		expect(error).toBeUndefined();
		expect(sandbox().calls.map((call) => call.fields.pid).sort()).toEqual(['2', '21', '41']);
		expect(outputs[0].map((item) => (item.json.meta as { pid: number }).pid)).toEqual([21, 2, 41]);
	});

	it('refuses an unknown name with the item, the value and the fix, and sends nothing for it', async () => {
		const items = [imageItem('ETOP-SANDBOX:DOC=2', { kind: 'ID Card' }), imageItem(undefined, { kind: 'Invoice-ish' })];
		const { outputs } = await run(credentials(), { documentType: '={{ $json.kind }}' }, items, 'continueRegularOutput');
		expect(sandbox().calls).toHaveLength(1);
		expect(outputs[0]).toHaveLength(2);
		expect(outputs[0][1].pairedItem).toEqual({ item: 1 });
		const text = JSON.stringify(outputs[0][1].json);
		expect(text).toContain('Document Type is \\"Invoice-ish\\", which is not a document type this node knows');
	});

	it('refuses a custom Product ID that is not a positive whole number before sending', async () => {
		const { error } = await run(credentials(), { documentType: 'custom', customPid: '' }, [imageItem()]);
		expect(sandbox().calls).toHaveLength(0);
		expect(error?.message).toContain('Product ID is "", not a positive whole number');
	});

	it('sends a custom Product ID as the pid', async () => {
		const { error } = await run(credentials(), { documentType: 'custom', customPid: '41' }, [imageItem('ETOP-SANDBOX:DOC=41')]);
		expect(error).toBeUndefined();
		expect(sandbox().calls[0].fields.pid).toBe('41');
	});
});

describe('canvas subtitle', () => {
	const etop = new EtopOcr();
	/** The subtitle as n8n's editor computes it (getSimpleParameterValue on the node's parameters). */
	function subtitle(parameters: INode['parameters']): unknown {
		const node: INode = { id: '1', name: 'ETOP OCR', type: 'etopOcr', typeVersion: 1, position: [0, 0], parameters };
		const nodeTypes = { getByName: () => etop, getByNameAndVersion: () => etop, getKnownTypes: () => ({}) } as unknown as INodeTypes;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return workflow.expression.getSimpleParameterValue(node, etop.description.subtitle!, 'internal', {});
	}

	it.each([
		[{ documentType: '2' }, 'ID Card'],
		[{ documentType: '21' }, 'VAT Invoice'],
		[{ documentType: '22' }, 'Ticket or Receipt'],
		[{ documentType: '1014' }, 'Exit-Entry Permit to Hong Kong and Macao (Back)'],
		[{ documentType: 'custom', customPid: '1099' }, 'Product 1099'],
		[{ documentType: '={{ $json.kind }}' }, 'Document type from an expression'],
		[{ documentType: "={{ $fromAI('documentType', 'kind', 'string') }}" }, 'Document type chosen by the model'],
	])('%j → %s', (parameters, expected) => {
		expect(subtitle(parameters)).toBe(expected);
	});
});
