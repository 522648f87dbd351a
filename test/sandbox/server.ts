import { createServer, IncomingMessage, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { methodNotAllowedPage, notFoundPage } from './html-pages';
import { handleImages } from './image-host';
import { handleOcr } from './ocr-handler';
import { sendHtml } from './respond';
import { SandboxState } from './state';
import { Fault, Sandbox, SandboxAccount, SandboxOptions } from './types';

// A local stand-in for the ETOP OCR web API (the real one is unreachable from here). The vendor's document
// is the spec; where it is silent the choices are written next to the tables that hold them:
// validate.ts (rule order), bodies.ts (sandbox data), render-*.ts (member names), markers.ts (image markers),
// faults.ts / fault-answer.ts (injected failures), limits.ts (sizes).

export { DEFAULT_ACCOUNTS, SANDBOX_KEY, SANDBOX_SECRET } from './accounts';
export { BLOCKED_KEY, BLOCKED_SECRET, EXHAUSTED_KEY, EXHAUSTED_SECRET, LIMITED_KEY, LIMITED_SECRET } from './accounts';
export type { Fault, FaultKind, RecordedCall, Sandbox, SandboxAccount, SandboxOptions } from './types';
export { MARKER_PREFIX } from './markers';

/** All paths the service is known to answer on; they behave the same. */
export const OCR_PATHS: readonly string[] = [
	'/ocr/PageOcrServlet',
	'/ocr/recogInterface.srvc',
	'/ocr/v3/recogInterface.srvc',
	'/OcrWeb/servlet/PageOcrServlet',
];

function route(req: IncomingMessage, res: ServerResponse, state: SandboxState): void {
	const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
	const method = req.method ?? 'GET';
	if (OCR_PATHS.includes(url.pathname)) {
		if (method !== 'POST') return sendHtml(res, 405, methodNotAllowedPage(method), { Allow: 'POST' });
		handleOcr(req, res, state, url.pathname).catch((e: Error) => {
			if (!res.headersSent) sendHtml(res, 500, `<html><body><h1>500</h1><pre>${e.message}</pre></body></html>`);
			else res.destroy();
		});
		return;
	}
	if (url.pathname.startsWith('/images/')) {
		if (method !== 'GET' && method !== 'HEAD') return sendHtml(res, 405, methodNotAllowedPage(method), { Allow: 'GET, HEAD' });
		return handleImages(req, res, url);
	}
	req.resume();
	sendHtml(res, 404, notFoundPage(url.pathname));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const state = new SandboxState(options);
	const server = createServer((req, res) => route(req, res, state));
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	let closed: Promise<void> | undefined;

	return {
		url,
		endpoint: `${url}/ocr/PageOcrServlet`,
		get calls() {
			return state.calls;
		},
		get peakInFlight() {
			return state.peakInFlight;
		},
		addFault: (f: Fault) => state.faults.add(f),
		clearFaults: () => state.faults.clear(),
		setLatency: (ms: number) => {
			state.latencyMs = Math.max(0, ms);
		},
		setMaxConcurrent: (n: number | undefined) => {
			state.maxConcurrent = n;
		},
		account: (key: string): SandboxAccount | undefined => state.accounts.find((a) => a.key === key),
		reset: () => state.reset(),
		close: () => {
			closed ??= new Promise<void>((resolve) => {
				state.cancelTimers();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closed;
		},
	};
}
