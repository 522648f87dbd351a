import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { ImageFormat } from '../data/imageFormats';
import { readTextInput, type InputType } from '../params/parameters';
import { inputError } from '../shared/errors';
import {
	imageTail,
	TailBytes,
	tapped,
	MAX_UPLOAD_BYTES,
	describeNonImage,
	formatBytes,
	isBase64,
	normalizeBase64,
	sniffImageFormat,
} from './imageBytes';
import { binarySource, bufferSource, type ImageSource } from './imageSource';
import { urlBase64Length } from './urlBase64';

/** The image of one item, in the form it will be sent. */
export type ImagePayload =
	| { source: 'file'; image: ImageSource; encodedLength: number }
	| { source: 'mfile'; image: ImageSource; fileName: string; mimeType: string }
	| { source: 'urlPath'; url: string };

const SUPPORTED = 'JPEG, PNG, BMP, GIF, TIFF or WebP';

/** Checks that the image is one of the formats ETOP reads, by its first bytes; returns the format. */
function checkIsImage(context: IExecuteSingleFunctions, image: ImageSource, parameter: string): ImageFormat {
	const { head, size } = image;
	if (size === 0) {
		throw inputError(context, `the image in ${parameter} is empty (0 bytes)`, 'Check the step that produced the file.');
	}
	const format = sniffImageFormat(head);
	if (!format) {
		throw inputError(
			context,
			`${parameter} holds ${describeNonImage(head)}, not an image ETOP accepts`,
			`Send a ${SUPPORTED} image (checked by its content, not its name); convert PDFs or other files first.`,
		);
	}
	return format;
}

/** Checks that the image is a whole one of its format (see data/imageFormats.ts); `tail`: its last bytes. */
function checkIsWhole(context: IExecuteSingleFunctions, image: ImageSource, format: ImageFormat, tail: Uint8Array, parameter: string) {
	const problem = format.problem({ head: image.head, size: image.size, tail });
	if (problem) {
		throw inputError(
			context,
			`${parameter} starts like a ${format.name} image but is not a whole one: ${problem}`,
			'Check the step that produced the file (a download or attachment that was cut short), and send the complete image.',
		);
	}
}

/** Sizes the `file` field, so that an image over the limit is refused before anything is sent. */
async function fileField(context: IExecuteSingleFunctions, image: ImageSource, parameter: string): Promise<ImagePayload> {
	const format = checkIsImage(context, image, parameter);
	// The pass that sizes the field also keeps the last bytes for the structure check.
	const tail = new TailBytes();
	const encodedLength = await urlBase64Length(tapped(image, tail.keep));
	checkIsWhole(context, image, format, tail.bytes, parameter);
	if (encodedLength > MAX_UPLOAD_BYTES) {
		throw inputError(
			context,
			`the image in ${parameter} is ${formatBytes(encodedLength)} as url-encoded base64, over ETOP's limit of ${formatBytes(MAX_UPLOAD_BYTES)}`,
			'Send a smaller or more compressed image (a JPEG of about 3.5 MB or less fits), or for binary input choose Send File As → Multipart Upload, which allows a 5 MB file.',
		);
	}
	return { source: 'file', image, encodedLength };
}

/**
 * The image in one binary field of the item (which must exist), as Send File As (`multipart`)
 * says; `read`: its bytes when they were already read.
 */
export async function readBinaryImage(context: IExecuteSingleFunctions, propertyName: string, multipart: boolean, read?: ImageSource): Promise<ImagePayload> {
	const parameter = `the binary field "${propertyName}"`;
	const image = read ?? (await binarySource(context, propertyName));
	if (!multipart) return await fileField(context, image, parameter);
	return await multipartFile(context, image, context.helpers.assertBinaryData(propertyName).fileName, parameter);
}

/** An image held in memory (a page image of a PDF), checked like any other, as Send File As says. */
export async function readImageBytes(context: IExecuteSingleFunctions, bytes: Buffer, fileName: string, parameter: string, multipart: boolean): Promise<ImagePayload> {
	const image = bufferSource(bytes);
	if (multipart) return await multipartFile(context, image, fileName, parameter);
	return await fileField(context, image, parameter);
}

async function multipartFile(
	context: IExecuteSingleFunctions,
	image: ImageSource,
	fileName: string | undefined,
	parameter: string,
): Promise<ImagePayload> {
	const format = checkIsImage(context, image, parameter);
	checkIsWhole(context, image, format, await imageTail(image), parameter);
	if (image.size > MAX_UPLOAD_BYTES) {
		throw inputError(
			context,
			`the image in ${parameter} is ${formatBytes(image.size)}, over ETOP's limit of ${formatBytes(MAX_UPLOAD_BYTES)}`,
			'Send a smaller or more compressed image.',
		);
	}
	return {
		source: 'mfile',
		image,
		fileName: fileName ?? `image.${format.extension}`,
		mimeType: format.mimeType,
	};
}

function readUrl(context: IExecuteSingleFunctions): ImagePayload {
	const value = readTextInput(context, 'imageUrl').trim();
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
	const base64 = normalizeBase64(readTextInput(context, 'base64Data'));
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

/**
 * Reads and checks the image of Image URL or Base64 Text input, so nothing is sent (or billed)
 * for input that cannot work. Binary input: collectImages.ts, readBinaryImage.
 */
export async function readTextImage(context: IExecuteSingleFunctions, inputType: InputType): Promise<ImagePayload> {
	if (inputType === 'url') return readUrl(context);
	return await readBase64(context);
}
