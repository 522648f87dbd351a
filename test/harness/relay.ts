import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

// Loopback network pieces for the connection tests and the bench: a TCP relay that counts the
// connections clients open (and can delay every chunk, to stand for a network's round trip), a
// TLS front with a certificate made for the run, and a minimal HTTP proxy.

export interface Relay {
	/** http://127.0.0.1:PORT or https://… — the relay's own origin */
	origin: string;
	/** connections accepted so far */
	readonly connections: number;
	/** connections currently open */
	readonly open: number;
	close(): Promise<void>;
}

interface Listening {
	server: Server;
	sockets: Set<Socket>;
	accepted: () => number;
}

async function listen(server: Server): Promise<number> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	return (server.address() as AddressInfo).port;
}

function track(server: Server): Listening {
	const sockets = new Set<Socket>();
	let accepted = 0;
	server.on('connection', (socket: Socket) => {
		accepted++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return { server, sockets, accepted: () => accepted };
}

async function closeAll(listening: Listening): Promise<void> {
	const closed = new Promise<void>((resolve) => listening.server.close(() => resolve()));
	for (const socket of listening.sockets) socket.destroy();
	await closed;
}

/**
 * Copies `from` to `to`, each chunk `delayMs` later (0: at once). Timers of one duration fire in
 * the order they were set, so the byte order is kept.
 */
function pipeDelayed(from: Socket, to: Socket, delayMs: number): void {
	if (delayMs <= 0) {
		from.pipe(to);
		return;
	}
	from.on('data', (chunk: Buffer) => setTimeout(() => to.destroyed || to.write(chunk), delayMs));
	from.on('end', () => setTimeout(() => to.end(), delayMs));
}

/** Connects each client to `target` (host:port), with `delayMs` added in each direction. */
function relayTo(targetPort: number, delayMs: number) {
	return (client: Socket) => {
		const upstream = connect(targetPort, '127.0.0.1');
		upstream.setNoDelay(true);
		client.setNoDelay(true);
		pipeDelayed(client, upstream, delayMs);
		pipeDelayed(upstream, client, delayMs);
		// One side gone: the other goes too, once the bytes still on their way have arrived.
		const both = () =>
			setTimeout(() => {
				client.destroy();
				upstream.destroy();
			}, delayMs);
		client.on('error', both).on('close', both);
		upstream.on('error', both).on('close', both);
	};
}

/**
 * A TCP relay in front of `targetUrl`'s port. `roundTripMs` is split over both directions, so a
 * request and its answer take that much longer, and a TLS handshake that many times more.
 */
export async function startRelay(targetUrl: string, options: { roundTripMs?: number } = {}): Promise<Relay> {
	const target = new URL(targetUrl);
	const listening = track(createServer(relayTo(Number(target.port), (options.roundTripMs ?? 0) / 2)));
	const port = await listen(listening.server);
	return {
		origin: `${target.protocol}//127.0.0.1:${port}`,
		get connections() {
			return listening.accepted();
		},
		get open() {
			return listening.sockets.size;
		},
		close: async () => await closeAll(listening),
	};
}

export interface Certificate {
	key: Buffer;
	cert: Buffer;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made now with openssl (valid one day). */
export function selfSignedCertificate(): Certificate {
	const folder = mkdtempSync(join(tmpdir(), 'etop-tls-'));
	try {
		const key = join(folder, 'key.pem');
		const cert = join(folder, 'cert.pem');
		execFileSync('openssl', [
			'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
			'-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1',
			'-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
		], { stdio: 'ignore' });
		return { key: readFileSync(key), cert: readFileSync(cert) };
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

/** HTTPS in front of the plain-HTTP `targetUrl`: TLS ends here, the bytes go on unchanged. */
export async function startTlsFront(targetUrl: string, certificate: Certificate): Promise<Relay> {
	const target = new URL(targetUrl);
	const tls = createTlsServer({ key: certificate.key, cert: certificate.cert });
	const listening = track(tls);
	tls.on('secureConnection', relayTo(Number(target.port), 0));
	// Clients that refuse the certificate end the handshake; that is theirs to report.
	tls.on('tlsClientError', () => undefined);
	const port = await listen(tls);
	return {
		origin: `https://127.0.0.1:${port}`,
		get connections() {
			return listening.accepted();
		},
		get open() {
			return listening.sockets.size;
		},
		close: async () => await closeAll(listening),
	};
}

export interface Proxy {
	/** http://127.0.0.1:PORT */
	url: string;
	/** requests and CONNECT tunnels it carried */
	readonly requests: number;
	close(): Promise<void>;
}

/** A forward proxy: absolute-URI requests for http targets, CONNECT tunnels for https ones. */
export async function startProxy(): Promise<Proxy> {
	let requests = 0;
	const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
		requests++;
		// An agent of its own: never the global one, which n8n may have pointed at a proxy (this one;
		// `agent: false` would still make one of the global agent's class).
		const upstream = httpRequest(req.url!, { method: req.method, headers: req.headers, agent: new Agent() }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
		requests++;
		const [host, port] = (req.url ?? '').split(':');
		const upstream = connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		const both = () => {
			client.destroy();
			upstream.destroy();
		};
		upstream.on('error', both);
		client.on('error', both);
	});
	const listening = track(server);
	const port = await listen(server);
	return {
		url: `http://127.0.0.1:${port}`,
		get requests() {
			return requests;
		},
		close: async () => {
			server.closeAllConnections();
			await closeAll(listening);
		},
	};
}
