import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

/**
 * A loopback server that misbehaves on purpose. Each call is handed to `behave` only once its
 * request has arrived in full, which is what ETOP needs to bill it; `billable` counts those
 * calls. Waits in the tests are bounded by these events, never by wall-clock windows.
 */
export interface HostileCall {
	/** 1 for the first call the server received in full. */
	index: number;
	body: Buffer;
	fields: URLSearchParams;
	req: IncomingMessage;
	res: ServerResponse;
}

export interface HostileServer {
	endpoint: string;
	/** Calls received in full (billable at a real service). */
	readonly billable: number;
	/** Connections the server accepted. */
	readonly connections: number;
	/** Resolves when the server has received `count` calls in full. */
	received(count: number): Promise<void>;
	close(): Promise<void>;
}

export type Behaviour = (call: HostileCall) => void | Promise<void>;

export interface HostileOptions {
	/** Called on every new connection before anything is read (e.g. to reset it at once). */
	onConnection?: (socket: Socket) => void;
}

export async function startHostile(behave: Behaviour, options: HostileOptions = {}): Promise<HostileServer> {
	let billable = 0;
	let connections = 0;
	const waiters: Array<{ count: number; resolve: () => void }> = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const index = ++billable;
			for (const waiter of waiters.filter((w) => billable >= w.count)) {
				waiters.splice(waiters.indexOf(waiter), 1);
				waiter.resolve();
			}
			void behave({ index, body, fields: new URLSearchParams(body.toString('latin1')), req, res });
		});
	});
	server.on('connection', (socket) => {
		connections++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		options.onConnection?.(socket);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}/ocr/PageOcrServlet`,
		get billable() {
			return billable;
		},
		get connections() {
			return connections;
		},
		received: async (count) => {
			if (billable >= count) return;
			await new Promise<void>((resolve) => waiters.push({ count, resolve }));
		},
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A loopback port nothing listens on (bound, then closed), for "connection refused". */
export async function refusedEndpoint(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}/ocr/PageOcrServlet`;
}

/** An ETOP success body for the ID card. */
export function successBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		ErrorCode: '0',
		recogInfo: { requestId: '', responseId: '42' },
		ResultList: [{ pid: 2, type: '身份证正面', FieldList: [{ key: 'Name', chn_key: '姓名', value: '王晓明' }] }],
		...extra,
	};
}

export function sendJson(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
	const bytes = Buffer.from(JSON.stringify(body), 'utf8');
	res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(bytes.length), ...headers });
	res.end(bytes);
}

/** Writes `bytes` one byte per `everyMs` until the client goes away. */
export function trickle(res: ServerResponse, bytes: Buffer, everyMs: number): void {
	const socket = res.socket!;
	let at = 0;
	const next = () => {
		if (socket.destroyed || at >= bytes.length) return;
		socket.write(bytes.subarray(at, at + 1));
		at++;
		setTimeout(next, everyMs).unref();
	};
	next();
}
