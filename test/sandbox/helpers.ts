import { FormData, request } from 'undici';
import { Sandbox, SandboxOptions, SANDBOX_KEY, SANDBOX_SECRET, startSandbox } from './server';

// Shared by the sandbox's own tests: start/stop hooks and small request helpers over loopback.

export const CREDS = { key: SANDBOX_KEY, secret: SANDBOX_SECRET } as const;

export interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** parsed JSON body, or undefined when it is not JSON */
	json: Record<string, unknown> | undefined;
	ms: number;
}

async function toAnswer(res: Awaited<ReturnType<typeof request>>, started: number): Promise<Answer> {
	const text = await res.body.text();
	let json: Record<string, unknown> | undefined;
	try {
		json = JSON.parse(text) as Record<string, unknown>;
	} catch {
		json = undefined;
	}
	return { status: res.statusCode, headers: res.headers, text, json, ms: Date.now() - started };
}

export async function postRaw(url: string, body: string | Buffer, contentType: string): Promise<Answer> {
	const started = Date.now();
	const res = await request(url, { method: 'POST', body, headers: { 'content-type': contentType } });
	return toAnswer(res, started);
}

/** urlencoded the way browsers and URLSearchParams do it ('+' for spaces, %2B for '+'). */
export function postForm(url: string, fields: Record<string, string>): Promise<Answer> {
	return postRaw(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
}

export async function postMultipart(
	url: string,
	fields: Record<string, string>,
	mfile?: { data: Buffer; filename?: string; type?: string },
): Promise<Answer> {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	if (mfile) form.append('mfile', new Blob([new Uint8Array(mfile.data)], mfile.type ? { type: mfile.type } : {}), mfile.filename ?? 'image.bin');
	const started = Date.now();
	const res = await request(url, { method: 'POST', body: form });
	return toAnswer(res, started);
}

export async function get(url: string): Promise<Answer & { bytes: Buffer }> {
	const started = Date.now();
	const res = await request(url);
	const bytes = Buffer.from(await res.body.arrayBuffer());
	return { status: res.statusCode, headers: res.headers, text: bytes.toString('utf8'), json: undefined, ms: Date.now() - started, bytes };
}

/** A hand-built multipart body, so tests control every byte. */
export function multipartBody(boundary: string, parts: Array<{ name: string; filename?: string; type?: string; data: Buffer | string }>): Buffer {
	const chunks: Buffer[] = [];
	for (const p of parts) {
		const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
		const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
		chunks.push(Buffer.from(head, 'utf8'), typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data, Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(chunks);
}

export const b64 = (b: Buffer): string => b.toString('base64');

/** A result's FieldList as {name: value}, named by `key`, else by `chn_key` (entries without key). */
export function fieldValues(result: any): Record<string, string> {
	return Object.fromEntries((result.FieldList as any[]).map((f) => [f.key ?? f.chn_key, f.value]));
}

/** The results of a cloud or on-premises answer (ResultList, or PageInfo[0].Result[0].ResultList). */
export function resultsOf(json: any): any[] {
	return json.ResultList ?? json.PageInfo[0].Result[0].ResultList;
}

/** One sandbox per test file; reset before each test. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox(options);
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	beforeEach(() => {
		sandbox?.reset();
		sandbox?.setLatency(options.latencyMs ?? 0);
		sandbox?.setMaxConcurrent(options.maxConcurrent);
	});
	return () => sandbox!;
}
