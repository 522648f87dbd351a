import { RoutingNode, type ExecuteContext } from 'n8n-core';
import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { formBody, uploadFieldOf } from '../../nodes/EtopOcr/transport/formBody';
import { bufferSource } from '../../nodes/EtopOcr/input/imageSource';
import { urlBase64Length } from '../../nodes/EtopOcr/input/urlBase64';
import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';

// The floor: a declarative node that does nothing of its own. RoutingNode hands its hook the
// item's request; the hook waits for one of `concurrency` places (RoutingNode starts every item at
// once, the service takes that many), sends a ready-made body (the node's url-encoded form for the
// same image) through n8n's httpRequest on a kept-alive connection, reads the answer as JSON and
// returns its ErrorCode. No binary read, no body built, no check, no shaping: what n8n-core, axios
// and RoutingNode cost per item whatever a declarative node does (bench and profileCpu.ts).

/** The floor node for `endpoint`, sending `body` (see nodeForm) for every item, `concurrency` at a time. */
export function floorNode(endpoint: string, body: Buffer, concurrency: number): INodeType {
	let free = concurrency;
	const waiting: Array<() => void> = [];
	async function send(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
		if (free > 0) free--;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await sendOne.call(this, requestData);
		} finally {
			const next = waiting.shift();
			if (next) next();
			else free++;
		}
	}
	async function sendOne(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
		const options: IHttpRequestOptions = {
			...(requestData.options as IHttpRequestOptions),
			baseURL: endpoint,
			url: '',
			body,
			disableFollowRedirect: true,
			encoding: 'stream',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		const response = (await this.helpers.httpRequest(options)) as IN8nHttpFullResponse;
		const chunks: Buffer[] = [];
		for await (const chunk of response.body as AsyncIterable<Buffer>) chunks.push(chunk);
		const { ErrorCode } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ErrorCode?: unknown };
		return [{ json: { ErrorCode: String(ErrorCode) }, pairedItem: { item: this.getItemIndex() } }];
	}
	const node: INodeType = {
		description: {
			displayName: 'Floor',
			name: 'floor',
			group: ['transform'],
			version: 1,
			description: 'RoutingNode and n8n-core per item, nothing else',
			defaults: { name: 'Floor' },
			inputs: ['main'],
			outputs: ['main'],
			requestDefaults: {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', Accept: 'application/json' },
				encoding: 'text',
				json: false,
				ignoreHttpStatusErrors: true,
			},
			properties: [
				{ displayName: 'Send', name: 'send', type: 'hidden', default: '', routing: { send: { paginate: true }, operations: { pagination: send } } },
			],
		},
		async execute(this: ExecuteContext) {
			return (await new RoutingNode(this, node).runNode()) ?? [];
		},
	} as INodeType;
	return node;
}

/** The url-encoded form the node sends for `image`, key and secret in front (as the credential writes them). */
export async function nodeForm(image: Buffer): Promise<Buffer> {
	const source = bufferSource(image);
	const form = await formBody({ pid: '2' }, { source: 'file', image: source, encodedLength: await urlBase64Length(source) }, uploadFieldOf('file'));
	return Buffer.concat([Buffer.from(`key=${SANDBOX_KEY}&secret=${SANDBOX_SECRET}&`), form]);
}
