import { randomBytes } from 'crypto';

import type { ImageSource } from '../input/imageSource';
import { BodyBuffers } from './credentialRoom';

/** The `Content-Type` of a multipart body: the credential puts key and secret in front as parts. */
export const MULTIPART_TYPE = 'multipart/form-data; boundary=';

/** A part's header value: quotes and line breaks escaped as browsers and WHATWG FormData do. */
const headerValue = (text: string) => text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');

/** One text part, as the credential also writes its fields. */
export function textPart(boundary: string, name: string, value: string): string {
	return `--${boundary}\r\nContent-Disposition: form-data; name="${headerValue(name)}"\r\n\r\n${value}\r\n`;
}

/**
 * The multipart body of one request as bytes, with the image copied straight into it from its
 * source (streamed from n8n's binary store when it is big). A Blob in FormData would hold the
 * image in memory the JS engine does not count, so dead Blobs piled up until some collection
 * happened to run: peak memory grew with the number of items.
 */
export async function multipartBody(
	fields: Record<string, string>,
	image: ImageSource,
	fileName: string,
	mimeType: string,
	buffers = new BodyBuffers(),
): Promise<{ body: Buffer; contentType: string }> {
	const boundary = `----EtopOcr${randomBytes(12).toString('hex')}`;
	const head =
		Object.entries(fields)
			.map(([name, value]) => textPart(boundary, name, value))
			.join('') +
		`--${boundary}\r\nContent-Disposition: form-data; name="mfile"; filename="${headerValue(fileName)}"\r\nContent-Type: ${mimeType}\r\n\r\n`;
	const tail = `\r\n--${boundary}--\r\n`;
	const headBytes = Buffer.byteLength(head);
	const body = buffers.allocate(headBytes + image.size + tail.length);
	let at = body.write(head, 0, 'utf8');
	await image.forEachChunk((chunk) => {
		at += chunk.copy(body, at);
	});
	if (at !== headBytes + image.size) throw new Error(`The image changed while it was read (${at - headBytes} of ${image.size} bytes)`);
	body.write(tail, at, 'latin1');
	return { body, contentType: `${MULTIPART_TYPE}${boundary}` };
}
