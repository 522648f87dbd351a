import { Agent, request } from 'undici';

/** One call of the raw client: what a hand-written ETOP client does per image. */
async function recognise(agent: Agent, endpoint: string, form: Record<string, string>, image: Buffer): Promise<void> {
	const body = new URLSearchParams({ ...form, file: image.toString('base64') }).toString();
	const response = await request(endpoint, {
		method: 'POST',
		dispatcher: agent,
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
		body,
	});
	const json = (await response.body.json()) as { ErrorCode?: unknown };
	if (String(json.ErrorCode) !== '0') throw new Error(`raw client: ErrorCode ${String(json.ErrorCode)}`);
}

/**
 * The same calls the node makes (same endpoint, fields, images, url-encoded base64) with plain
 * undici and a pool of `concurrency` workers; returns the wall time in ms.
 */
export async function runRawClient(options: {
	endpoint: string;
	key: string;
	secret: string;
	image: Buffer;
	items: number;
	concurrency: number;
}): Promise<number> {
	const agent = new Agent({ connections: options.concurrency });
	let next = 0;
	const started = performance.now();
	const worker = async () => {
		while (next++ < options.items) {
			await recognise(agent, options.endpoint, { pid: '2', key: options.key, secret: options.secret }, options.image);
		}
	};
	try {
		await Promise.all(Array.from({ length: options.concurrency }, worker));
		return performance.now() - started;
	} finally {
		await agent.close();
	}
}
