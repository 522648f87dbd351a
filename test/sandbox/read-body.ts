import { IncomingMessage } from 'http';
import { boundaryOf, MultipartError, MultipartParser } from './multipart';
import { encodingOf, Encoding, fromMultipart, fromUrlEncoded, RequestInput } from './request-input';
import { parseUrlEncoded } from './urlencoded';

// Reads a request body with a hard cap. 5 MiB of image plus form overhead must fit; anything much larger is
// answered 413. An oversized body is still drained (up to DRAIN_LIMIT) so the client can read the 413.

export const MAX_BODY_BYTES = 6 * 1024 * 1024 + 256 * 1024;
const DRAIN_LIMIT = 64 * 1024 * 1024;

export type BodyResult =
	| { kind: 'ok'; rawBodyBytes: number; input: RequestInput }
	| { kind: 'tooLarge'; rawBodyBytes: number; encoding: Encoding }
	| { kind: 'malformed'; rawBodyBytes: number; encoding: Encoding; reason: string }
	| { kind: 'aborted' };

export function readBody(req: IncomingMessage): Promise<BodyResult> {
	const contentType = req.headers['content-type'] ?? '';
	const encoding = encodingOf(contentType);
	const boundary = encoding === 'multipart' ? boundaryOf(contentType) : undefined;
	const parser = boundary ? new MultipartParser(boundary) : undefined;
	const chunks: Buffer[] = [];
	let total = 0;
	let parseError: string | undefined = encoding === 'multipart' && !boundary ? 'multipart without a boundary' : undefined;

	return new Promise((resolve) => {
		let settled = false;
		const settle = (r: BodyResult): void => {
			if (!settled) {
				settled = true;
				resolve(r);
			}
		};
		req.on('data', (chunk: Buffer) => {
			total += chunk.length;
			if (total > DRAIN_LIMIT) {
				req.destroy();
				return;
			}
			if (total > MAX_BODY_BYTES || parseError) return; // drain
			if (parser) {
				try {
					parser.write(chunk);
				} catch (e) {
					parseError = e instanceof MultipartError ? e.message : String(e);
				}
			} else if (encoding === 'urlencoded') chunks.push(chunk);
		});
		req.on('end', () => {
			if (total > MAX_BODY_BYTES) return settle({ kind: 'tooLarge', rawBodyBytes: total, encoding });
			if (parseError) return settle({ kind: 'malformed', rawBodyBytes: total, encoding, reason: parseError });
			if (parser) {
				try {
					return settle({ kind: 'ok', rawBodyBytes: total, input: fromMultipart(parser.end()) });
				} catch (e) {
					return settle({ kind: 'malformed', rawBodyBytes: total, encoding, reason: (e as Error).message });
				}
			}
			if (encoding === 'urlencoded') {
				return settle({ kind: 'ok', rawBodyBytes: total, input: fromUrlEncoded(parseUrlEncoded(Buffer.concat(chunks))) });
			}
			// Any other body carries no parameters the service can read.
			settle({ kind: 'ok', rawBodyBytes: total, input: { encoding: 'other', fields: new Map(), rawLengths: new Map() } });
		});
		req.on('close', () => settle({ kind: 'aborted' }));
		req.on('error', () => settle({ kind: 'aborted' }));
	});
}
