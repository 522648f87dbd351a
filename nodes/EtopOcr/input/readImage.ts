import { openAsBlob } from 'node:fs';

import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from '../output/errors';
import {
	MAX_UPLOAD_BYTES,
	describeNonImage,
	formatBytes,
	isBase64,
	normalizeBase64,
	sniffImageFormat,
} from './imageBytes';
import { HEAD_BYTES, bufferSource, fileSource, type ImageSource } from './imageSource';
import { urlBase64Length } from './urlBase64';

/** The image of one item, in the form it will be sent. */
export type ImagePayload =
	| { source: 'file'; image: ImageSource; encodedLength: number }
	| { source: 'mfile'; blob: Blob; fileName: string; mimeType: string }
	| { source: 'urlPath'; url: string };

const SUPPORTED = 'JPEG, PNG, BMP, GIF, TIFF or WebP';

/** A text parameter; an expression that resolves to nothing counts as empty, not "undefined". */
function textParameter(context: IExecuteSingleFunctions, name: string): string {
	const value = context.getNodeParameter(name, '');
	return value === undefined || value === null ? '' : String(value);
}

/** `head`: the first HEAD_BYTES of the file; `size`: its whole length. */
function checkIsImage(context: IExecuteSingleFunctions, head: Uint8Array, size: number, parameter: string) {
	if (size === 0) {
		throw inputError(context, `the image in ${parameter} is empty (0 bytes)`, 'Check the step that produced the file.');
	}
	if (!sniffImageFormat(head)) {
		throw inputError(
			context,
			`${parameter} holds ${describeNonImage(head)}, not an image ETOP accepts`,
			`Send a ${SUPPORTED} image (checked by its content, not its name); convert PDFs or other files first.`,
		);
	}
}

/** Sizes the `file` field, so that an image over the limit is refused before anything is sent. */
async function fileField(context: IExecuteSingleFunctions, image: ImageSource, parameter: string): Promise<ImagePayload> {
	checkIsImage(context, image.head, image.size, parameter);
	const encodedLength = await urlBase64Length(image);
	if (encodedLength > MAX_UPLOAD_BYTES) {
		throw inputError(
			context,
			`the image in ${parameter} is ${formatBytes(encodedLength)} as url-encoded base64, over ETOP's limit of ${formatBytes(MAX_UPLOAD_BYTES)}`,
			'Send a smaller or more compressed image (a JPEG of about 3.5 MB or less fits), or for binary input choose Send File As → Multipart Upload, which allows a 5 MB file.',
		);
	}
	return { source: 'file', image, encodedLength };
}

async function readBinary(context: IExecuteSingleFunctions): Promise<ImagePayload> {
	const propertyName = context.getNodeParameter('binaryPropertyName') as string;
	const parameter = `the binary field "${propertyName}"`;
	const available = Object.keys(context.getInputData().binary ?? {});
	if (!available.includes(propertyName)) {
		throw inputError(
			context,
			`there is no binary field "${propertyName}"`,
			available.length
				? `Set Input Binary Field to one of the item's binary fields: ${available.join(', ')}.`
				: 'The item has no binary data at all: add a step that reads or downloads the image first, or choose another Input.',
		);
	}
	const binary = context.helpers.assertBinaryData(propertyName);
	if (context.getNodeParameter('uploadMethod', 'file') === 'mfile') return await readMultipartFile(context, propertyName, binary, parameter);
	return await fileField(context, await imageSource(context, propertyName, binary), parameter);
}

function isStoredFile(binary: IBinaryData): binary is IBinaryData & { id: string } {
	return binary.id?.startsWith('filesystem') === true;
}

/**
 * The image for the base64 `file` field. In filesystem binary mode (n8n's default) the stored
 * file is read directly (a big one in chunks, twice: to size and to write the field); otherwise
 * the bytes are read once through the helpers, so that S3 and in-memory modes work too; never
 * binary.data.
 */
async function imageSource(context: IExecuteSingleFunctions, propertyName: string, binary: IBinaryData): Promise<ImageSource> {
	if (isStoredFile(binary)) return await fileSource(context.helpers.getBinaryPath(binary.id), binary.bytes);
	return bufferSource(await context.helpers.getBinaryDataBuffer(propertyName));
}

/**
 * The image as a Blob for the multipart upload. In filesystem binary mode (n8n's default) the Blob
 * is backed by the stored file and read in 64 KiB chunks while it is sent, so the image is never
 * held in memory; otherwise the bytes are read and copied into the Blob once.
 */
async function imageBlob(context: IExecuteSingleFunctions, propertyName: string, binary: IBinaryData): Promise<Blob> {
	if (isStoredFile(binary)) return await openAsBlob(context.helpers.getBinaryPath(binary.id));
	const bytes = await context.helpers.getBinaryDataBuffer(propertyName);
	return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

async function readMultipartFile(
	context: IExecuteSingleFunctions,
	propertyName: string,
	binary: IBinaryData,
	parameter: string,
): Promise<ImagePayload> {
	const file = await imageBlob(context, propertyName, binary);
	const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
	checkIsImage(context, head, file.size, parameter);
	if (file.size > MAX_UPLOAD_BYTES) {
		throw inputError(
			context,
			`the image in ${parameter} is ${formatBytes(file.size)}, over ETOP's limit of ${formatBytes(MAX_UPLOAD_BYTES)}`,
			'Send a smaller or more compressed image.',
		);
	}
	const format = sniffImageFormat(head)!;
	return {
		source: 'mfile',
		// A Blob made of a Blob shares its data (no copy); it only adds the type the bytes show.
		blob: new Blob([file], { type: format.mimeType }),
		fileName: binary.fileName ?? `image.${format.extension}`,
		mimeType: format.mimeType,
	};
}

function readUrl(context: IExecuteSingleFunctions): ImagePayload {
	const value = textParameter(context, 'imageUrl').trim();
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw inputError(
			context,
			`Image URL "${value.slice(0, 200)}" is not an http or https address`,
			'Give the full address of the image, starting with http:// or https://.',
		);
	}
	return { source: 'urlPath', url: url.href };
}

async function readBase64(context: IExecuteSingleFunctions): Promise<ImagePayload> {
	const base64 = normalizeBase64(textParameter(context, 'base64Data'));
	const parameter = 'Base64 Data';
	if (base64 === '') {
		throw inputError(context, `${parameter} is empty`, 'Map the field that holds the base64 image.');
	}
	if (!isBase64(base64)) {
		throw inputError(
			context,
			`${parameter} is not valid base64`,
			'Give standard base64 (A–Z, a–z, 0–9, +, /, padded with =); a data: prefix and line breaks are removed for you.',
		);
	}
	return await fileField(context, bufferSource(Buffer.from(base64, 'base64')), parameter);
}

/** Reads and checks the item's image, so nothing is sent (or billed) for input that cannot work. */
export async function readImage(context: IExecuteSingleFunctions): Promise<ImagePayload> {
	const inputType = context.getNodeParameter('inputType') as string;
	if (inputType === 'url') return readUrl(context);
	if (inputType === 'base64') return await readBase64(context);
	return await readBinary(context);
}
