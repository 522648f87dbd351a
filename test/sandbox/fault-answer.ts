import { ServerResponse } from 'http';
import { ErrorCode } from './error-codes';
import { maintenancePage, nginxErrorPage } from './html-pages';
import { failureBody } from './envelope';
import { jsonText, JsonObject } from './render-common';
import { HTML_TYPE, JSON_TYPE, sandboxHeaders, sendHtml, sendJson } from './respond';
import { Dialect, Fault, FaultKind } from './types';

// How each fault answers. None of them is billed.

const API_CODES: Partial<Record<FaultKind, ErrorCode>> = {
	busy: '-52',
	timeout: '-49',
	ioError: '-8',
	clientDisconnected: '-55',
	badImage: '-51',
};

/** Answers `fault` (every kind but 'slow', which delays and then answers normally). */
export function answerFault(res: ServerResponse, fault: Fault, dialect: Dialect, normalBody: () => JsonObject): void {
	const code = API_CODES[fault.kind];
	if (code) return sendJson(res, failureBody(code, '沙箱注入的故障', dialect));
	switch (fault.kind) {
		case 'http5xx':
			return sendHtml(res, fault.status ?? 502, nginxErrorPage(fault.status ?? 502), { Server: 'nginx' });
		case 'reset': {
			// A TCP RST where the platform allows it, so the client sees ECONNRESET rather than a clean close.
			const socket = res.socket;
			if (socket && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
			else socket?.destroy();
			return;
		}
		case 'truncated': {
			const body = Buffer.from(jsonText(normalBody()), 'utf8');
			res.writeHead(200, { ...sandboxHeaders(), 'Content-Type': JSON_TYPE, 'Content-Length': String(body.length) });
			res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
			return;
		}
		case 'wrongContentType':
			return sendJson(res, normalBody(), HTML_TYPE);
		case 'emptyBody':
			res.writeHead(200, { ...sandboxHeaders(), 'Content-Type': JSON_TYPE, 'Content-Length': '0' });
			res.end();
			return;
		case 'htmlBody':
			return sendHtml(res, 200, maintenancePage());
		default:
			throw new Error(`fault ${fault.kind} has no direct answer`);
	}
}
