import { DirectoryLoader, RoutingNode, type ExecuteContext } from 'n8n-core';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse, INodeExecutionData, INodeType } from 'n8n-workflow';

// As in test/harness/engine.ts: the codex file EtopOcr.node.json would win the extension lookup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EtopOcr } = require('../../nodes/EtopOcr/EtopOcr.node.ts') as typeof import('../../nodes/EtopOcr/EtopOcr.node');

// The ETOP node as a plain declarative node, the way n8n's RoutingNode runs one: the node's own
// description and routing, but in place of the per-item hook (the `recognition` property's
// routing, which owns the limit, retries, stop and input checks) the least a declarative node
// needs to send an image — a preSend that puts the item's binary as base64 into the body and
// the credential's Endpoint into the URL, and a postReceive that parses the answer and fails the
// item on an ErrorCode other than 0. n8n then starts every item's request at once and awaits
// them all (RoutingNode: `Promise.allSettled`), retries nothing and, without continue-on-fail,
// throws the first failure after every request has been sent. What "n8n's stock behaviour"
// means in the bench.

async function sendImage(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { endpoint } = await this.getCredentials<{ endpoint: string }>('etopOcrApi');
	const image = await this.helpers.getBinaryDataBuffer('data');
	const fields = { pid: String(this.getNodeParameter('documentType')), ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	const body = new URLSearchParams({ ...(fields as Record<string, string>), file: image.toString('base64') });
	return { ...requestOptions, url: endpoint, body: Buffer.from(body.toString()) };
}

async function parseAnswer(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const json = JSON.parse(String(response.body)) as IDataObject;
	if (String(json.ErrorCode) !== '0') throw new Error(`ETOP answered ErrorCode ${String(json.ErrorCode)}`);
	return [{ json }];
}

/** The stock node type, prepared as n8n's loader and server prepare a declarative node. */
export function stockNodeType(): INodeType {
	const { description } = new EtopOcr();
	const properties = description.properties.map((property) =>
		property.name === 'recognition' ? { ...property, routing: { send: { preSend: [sendImage] }, output: { postReceive: [parseAnswer] } } } : property,
	);
	const node: INodeType = { description: { ...description, name: 'etopOcrStock', properties } };
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	(node as INodeType).execute = async function (this: ExecuteContext) {
		return (await new RoutingNode(this, node).runNode()) ?? [];
	};
	return node;
}
