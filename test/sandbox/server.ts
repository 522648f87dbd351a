import { createServer, IncomingMessage, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { methodNotAllowedPage, notFoundPage } from './html-pages';
import { handleImages } from './image-host';
import { handleOcr } from './ocr-handler';
import { pathProfile, PATH_PROFILES } from './profile';
import { sendHtml } from './respond';
import { SandboxState } from './state';
import { Fault, Sandbox, SandboxAccount, SandboxOptions } from './types';

// A local stand-in for the ETOP OCR web API (the real one is unreachable from here). The vendor's document
// is the spec; where it is silent the choices are written next to the tables that hold them:
// validate.ts (rule order), bodies.ts (sandbox data), envelope.ts + render-*.ts (body shapes, real and
// invented), profile.ts (paths, dialects, upload field), markers.ts (image markers), faults.ts /
// fault-answer.ts (injected failures), limits.ts (sizes).

export { DEFAULT_ACCOUNTS, SANDBOX_KEY, SANDBOX_SECRET } from './accounts';
export { BLOCKED_KEY, BLOCKED_SECRET, EXHAUSTED_KEY, EXHAUSTED_SECRET, LIMITED_KEY, LIMITED_SECRET } from './accounts';
export { CROPS_KEY, CROPS_SECRET, FILEDATA_KEY, FILEDATA_SECRET, ON_PREMISES_KEY, ON_PREMISES_SECRET } from './accounts';
export type { Dialect, Fault, FaultKind, RecordedCall, Sandbox, SandboxAccount, SandboxOptions, ServiceProfile, UploadField } from './types';
export { MARKER_PREFIX } from './markers';
export { PATH_PROFILES } from './profile';

/** All paths the service is known to answer on (profile.ts says how each answers). */
export const OCR_PATHS: readonly string[] = PATH_PROFILES.map((p) => p.path);

function route(req: IncomingMessage, res: ServerResponse, state: SandboxState): void {
	const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
	const method = req.method ?? 'GET';
	const ocrPath = pathProfile(url.pathname);
	if (ocrPath) {
		if (method !== 'POST') return sendHtml(res, 405, methodNotAllowedPage(method), { Allow: 'POST' });
		handleOcr(req, res, state, ocrPath).catch((e: Error) => {
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
		onPremisesEndpoint: `${url}/OcrWeb/servlet/PageOcrServlet`,
		filedataEndpoint: `${url}/OcrWeb/servlet/OcrServlet`,
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
		get profile() {
			return state.profile;
		},
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
