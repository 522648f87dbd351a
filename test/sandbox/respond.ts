import { ServerResponse } from 'http';
import { jsonText } from './render-common';

export const JSON_TYPE = 'application/json;charset=UTF-8';
export const HTML_TYPE = 'text/html;charset=UTF-8';
const SANDBOX_HEADER = { 'X-Etop-Sandbox': '1' } as const;

export function sendBody(res: ServerResponse, status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): void {
	const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	res.writeHead(status, { ...SANDBOX_HEADER, 'Content-Type': contentType, 'Content-Length': String(data.length), ...extra });
	res.end(data);
}

/** API answers: always HTTP 200, also for API-level failures, as the service does. */
export function sendJson(res: ServerResponse, body: unknown, contentType = JSON_TYPE): void {
	sendBody(res, 200, contentType, jsonText(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
	sendBody(res, status, HTML_TYPE, html, extra);
}

export function sandboxHeaders(): Record<string, string> {
	return { ...SANDBOX_HEADER };
}
