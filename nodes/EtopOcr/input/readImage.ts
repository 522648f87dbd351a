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
	urlEncodedLength,
} from './imageBytes';

/** The image of one item, in the form it will be sent. */
export type ImagePayload =
	| { source: 'file'; base64: string }
	| { source: 'mfile'; blob: Blob; fileName: string; mimeType: string }
	| { source: 'urlPath'; url: string };

const SUPPORTED = 'JPEG, PNG, BMP, GIF, TIFF or WebP';

/** A text parameter; an expression that resolves to nothing counts as empty, not "undefined". */
function textParameter(context: IExecuteSingleFunctions, name: string): string {
	const value = context.getNodeParameter(name, '');
	return value === undefined || value === null ? '' : String(value);
}

/** `bytes`: the file, or its first HEAD_BYTES when `size` (its whole length) is given. */
function checkIsImage(context: IExecuteSingleFunctions, bytes: Uint8Array, parameter: string, size = bytes.length) {
	if (size === 0) {
		throw inputError(context, `the image in ${parameter} is empty (0 bytes)`, 'Check the step that produced the file.');
	}
	if (!sniffImageFormat(bytes)) {
		throw inputError(
			context,
			`${parameter} holds ${describeNonImage(bytes)}, not an image ETOP accepts`,
			`Send a ${SUPPORTED} image (checked by its content, not its name); convert PDFs or other files first.`,
		);
	}
}

function checkFileFieldSize(context: IExecuteSingleFunctions, base64: string, parameter: string) {
	const size = urlEncodedLength(base64);
	if (size > MAX_UPLOAD_BYTES) {
		throw inputError(
			context,
			`the image in ${parameter} is ${formatBytes(size)} as url-encoded base64, over ETOP's limit of ${formatBytes(MAX_UPLOAD_BYTES)}`,
			'Send a smaller or more compressed image (a JPEG of about 3.5 MB or less fits), or for binary input choose Send File As → Multipart Upload, which allows a 5 MB file.',
		);
	}
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
	// Read through the helpers so that filesystem and S3 binary modes work; never binary.data.
	const bytes = await context.helpers.getBinaryDataBuffer(propertyName);
	checkIsImage(context, bytes, parameter);
	const base64 = bytes.toString('base64');
	checkFileFieldSize(context, base64, parameter);
	return { source: 'file', base64 };
}

/** Bytes the format checks look at (describeNonImage reads up to 512). */
const HEAD_BYTES = 512;

/**
 * The image as a Blob for the multipart upload. In filesystem binary mode (n8n's default) the Blob
 * is backed by the stored file and read in 64 KiB chunks while it is sent, so the image is never
 * held in memory; otherwise the bytes are read and copied into the Blob once.
 */
async function imageBlob(context: IExecuteSingleFunctions, propertyName: string, binary: IBinaryData): Promise<Blob> {
	if (binary.id?.startsWith('filesystem')) return await openAsBlob(context.helpers.getBinaryPath(binary.id));
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
	checkIsImage(context, head, parameter, file.size);
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

function readBase64(context: IExecuteSingleFunctions): ImagePayload {
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
	checkIsImage(context, Buffer.from(base64.slice(0, 64), 'base64'), parameter);
	checkFileFieldSize(context, base64, parameter);
	return { source: 'file', base64 };
}

/** Reads and checks the item's image, so nothing is sent (or billed) for input that cannot work. */
export async function readImage(context: IExecuteSingleFunctions): Promise<ImagePayload> {
	const inputType = context.getNodeParameter('inputType') as string;
	if (inputType === 'url') return readUrl(context);
	if (inputType === 'base64') return readBase64(context);
	return await readBinary(context);
}
