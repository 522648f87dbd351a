import type { ImagePayload } from '../input/readImage';
import { writeUrlBase64 } from '../input/urlBase64';

import { BodyBuffers } from './credentialRoom';

/**
 * The form field of the base64 image: `file` as the ETOP document says, or `filedata`, which some
 * private installations read instead (the credential's Image Field Name).
 */
export type UploadField = 'file' | 'filedata';

export const uploadFieldOf = (value: unknown): UploadField => (value === 'filedata' ? 'filedata' : 'file');

/**
 * The url-encoded body of one request as bytes, with the image written straight into it. n8n
 * and axios send a Buffer as it is; a fields object would be serialised into a string and then
 * copied into a Buffer while the image's base64 is still held. The credential adds key and
 * secret in front, into room left for them (see credentialRoom.ts).
 */
export async function formBody(
	fields: Record<string, string>,
	image: Exclude<ImagePayload, { source: 'mfile' }>,
	uploadField: UploadField = 'file',
	buffers = new BodyBuffers(),
): Promise<Buffer> {
	if (image.source === 'urlPath') return Buffer.from(new URLSearchParams({ ...fields, urlPath: image.url }).toString());
	const head = new URLSearchParams({ ...fields, [uploadField]: '' }).toString();
	const body = buffers.allocate(head.length + image.encodedLength);
	// URLSearchParams escapes everything outside ASCII, so one character is one byte.
	const end = await writeUrlBase64(image.image, body, body.write(head, 0, 'latin1'));
	if (end !== body.length) throw new Error(`The image changed while it was encoded (${end} of ${body.length} bytes)`);
	return body;
}
