import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a stand-in received it. */
export interface CapturedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	json?: any;
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

/**
 * A CRM stand-in on loopback: records every request and answers like a REST CRM creating a
 * contact (201 with an id). The form example's HTTP Request node is pointed here in the test.
 */
export async function startCaptureServer(): Promise<{ url: string; requests: CapturedRequest[]; close(): Promise<void> }> {
	const requests: CapturedRequest[] = [];
	const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
		const body = await readBody(req);
		let json: unknown;
		try {
			json = JSON.parse(body);
		} catch {}
		requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json });
		res.writeHead(201, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ id: `crm-${requests.length}`, created: true }));
	});
	const url = await listen(server);
	return { url, requests, close: () => close(server) };
}

/**
 * A scripted OpenAI-compatible chat model on loopback (POST /v1/chat/completions), so the AI Agent
 * can be run without the internet. First turn: it calls the first offered tool, filling every
 * string argument whose name mentions "url" with `imageUrl` (other string arguments get a short
 * text). Once the tool answered, it replies with a text that quotes the tool's answer, so the test
 * can see what the tool returned. Streaming (`stream: true`) is answered as SSE chunks.
 */
export async function startFakeOpenAi(imageUrl: string): Promise<{
	url: string;
	requests: CapturedRequest[];
	close(): Promise<void>;
}> {
	const requests: CapturedRequest[] = [];
	const server = createServer(async (req, res) => {
		const body = await readBody(req);
		let json: any;
		try {
			json = JSON.parse(body);
		} catch {}
		requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json });
		if (req.method === 'GET' && req.url?.endsWith('/models')) {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'e2e' }] }));
			return;
		}
		if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions') || !json) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: { message: `fake OpenAI: no route ${req.method} ${req.url}` } }));
			return;
		}
		const messages: any[] = json.messages ?? [];
		const toolMessage = [...messages].reverse().find((m) => m.role === 'tool');
		let message: any;
		if (!toolMessage && Array.isArray(json.tools) && json.tools.length) {
			const fn = json.tools[0].function;
			const args: Record<string, unknown> = {};
			for (const [name, schema] of Object.entries<any>(fn.parameters?.properties ?? {})) {
				if (/url/i.test(name)) args[name] = imageUrl;
				else if (schema?.type === 'string') args[name] = 'ID card';
			}
			message = {
				role: 'assistant',
				content: null,
				tool_calls: [{ id: 'call_e2e_1', type: 'function', function: { name: fn.name, arguments: JSON.stringify(args) } }],
			};
		} else {
			const content = typeof toolMessage?.content === 'string' ? toolMessage.content : JSON.stringify(toolMessage?.content ?? '');
			message = { role: 'assistant', content: `TOOL ANSWER: ${content}` };
		}
		const finish = message.tool_calls ? 'tool_calls' : 'stop';
		const base = { id: `chatcmpl-e2e-${requests.length}`, created: Math.floor(Date.now() / 1000), model: json.model ?? 'gpt-4o-mini' };
		if (json.stream) {
			res.writeHead(200, { 'content-type': 'text/event-stream' });
			const delta = message.tool_calls
				? { role: 'assistant', tool_calls: message.tool_calls.map((t: any, index: number) => ({ index, ...t })) }
				: { role: 'assistant', content: message.content };
			res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
			res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }] })}\n\n`);
			res.end('data: [DONE]\n\n');
			return;
		}
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(
			JSON.stringify({
				...base,
				object: 'chat.completion',
				choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
				usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
			}),
		);
	});
	const url = await listen(server);
	return { url, requests, close: () => close(server) };
}
