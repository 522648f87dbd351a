import { Agent, interceptors, request } from 'undici';
import { MAX_IMAGE_BYTES } from './limits';

// The service downloads urlPath itself. The sandbox does the same, but only from this machine's loopback
// addresses unless ETOP_SANDBOX_ALLOW_REMOTE=1: tests host images on the sandbox itself (/images/...).

export type Download = { ok: true; data: Buffer } | { ok: false; reason: string; tooLarge?: boolean };

const agent = new Agent({ connections: 16 }).compose(interceptors.redirect({ maxRedirections: 3 }));

function isLoopback(host: string): boolean {
	const h = host.replace(/^\[|\]$/g, '').toLowerCase();
	return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export async function downloadImage(urlText: string, timeoutMs: number): Promise<Download> {
	let url: URL;
	try {
		url = new URL(urlText.trim());
	} catch {
		return { ok: false, reason: 'urlPath不是合法的URL' };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `不支持的协议 ${url.protocol}` };
	if (!isLoopback(url.hostname) && process.env.ETOP_SANDBOX_ALLOW_REMOTE !== '1') {
		return { ok: false, reason: '沙箱只下载本机(loopback)地址的图片' };
	}
	const signal = AbortSignal.timeout(timeoutMs);
	try {
		const res = await request(url, { dispatcher: agent, signal, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
		if (res.statusCode < 200 || res.statusCode > 299) {
			await res.body.dump();
			return { ok: false, reason: `下载图片失败 HTTP ${res.statusCode}` };
		}
		const chunks: Buffer[] = [];
		let total = 0;
		for await (const chunk of res.body) {
			total += (chunk as Buffer).length;
			if (total > MAX_IMAGE_BYTES) {
				res.body.destroy();
				return { ok: false, reason: '图片超过5M', tooLarge: true };
			}
			chunks.push(chunk as Buffer);
		}
		return { ok: true, data: Buffer.concat(chunks) };
	} catch (e) {
		return { ok: false, reason: signal.aborted ? '下载图片超时' : `下载图片失败 ${(e as Error).message}` };
	}
}
