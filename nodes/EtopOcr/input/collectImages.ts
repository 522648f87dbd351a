import type { IExecuteSingleFunctions, NodeOperationError } from 'n8n-workflow';

import type { ImageSettings } from '../params/parameters';
import { binaryReadError, inputError, readContext } from '../shared/errors';
import { binarySourceMeta, NO_BINARY_SOURCE, type PageMeta, type SourceMeta } from '../shared/sourceMeta';
import { matchBinaryFields } from './binaryFields';
import { PdfError, readScannedPdf } from './pdf/scannedPdf';
import { settle, settleAsync } from '../shared/settle';
import { binarySource, type ImageSource } from './imageSource';
import type { KeptImages } from './keptImages';
import { readBinaryImage, readImageBytes, readTextImage, type ImagePayload } from './readImage';

/** Input, Send File As, Input Binary Fields and the PDF options. */
export type CollectSettings = Pick<ImageSettings, 'inputType' | 'multipart' | 'binaryFields' | 'readPdfs' | 'maxPdfPages'>;

export type ImageMeta = SourceMeta & Partial<PageMeta>;

/** One image to recognise: where it came from, and how to read it when its turn comes. */
export interface ImageJob {
	meta: ImageMeta;
	/**
	 * Reads and checks the image; throws the input error that refuses it (nothing is sent).
	 * `keep`: the image is wanted again (it is checked before its send), see ImageReads.
	 */
	payload(keep?: boolean): Promise<ImagePayload>;
}

/** An image refused before any call, and why. */
export interface RefusedImage {
	meta: ImageMeta;
	error: NodeOperationError;
}

export type CollectedImage = ({ kind: 'job' } & ImageJob) | ({ kind: 'refused' } & RefusedImage);

export interface CollectedImages {
	images: CollectedImage[];
	/**
	 * Lets go of the PDFs read to find their pages (a page reads its PDF again when its turn
	 * comes) and of the images read but not kept (ImageReads), so that memory does not grow with
	 * the items waiting, at the stop-on-error barrier or for a slot.
	 */
	forget(): void;
}

const payloadBytes = (payload: ImagePayload) => (payload.source === 'urlPath' ? 0 : payload.image.size);

/**
 * One image's reads: what one step read serves the next one instead of a new read. The read that
 * found the item's images (collectImages) serves the image's first payload (its check, or its send
 * when nothing is checked); a payload asked for with `keep` is kept for the send when the run's
 * KeptImages has room. What is still held when the item starts waiting (`forget`) is let go of
 * unless KeptImages has room for it too.
 */
class ImageReads {
	private kept: ImagePayload | undefined;

	/** What `source` or `kept` counts in KeptImages. */
	private keptBytes = 0;

	constructor(
		private readonly keep: KeptImages,
		private readonly read: (source: ImageSource | undefined) => Promise<ImagePayload>,
		private source?: ImageSource,
	) {}

	async payload(keep = false): Promise<ImagePayload> {
		const { kept, source } = this;
		this.kept = undefined;
		this.source = undefined;
		this.keep.give(this.keptBytes);
		this.keptBytes = 0;
		if (kept) return kept;
		const payload = await this.read(source);
		const bytes = payloadBytes(payload);
		if (keep && this.keep.take(bytes)) {
			this.kept = payload;
			this.keptBytes = bytes;
		}
		return payload;
	}

	forget(): void {
		if (!this.source || this.keptBytes > 0) return;
		if (this.keep.take(this.source.size)) this.keptBytes = this.source.size;
		else this.source = undefined;
	}
}

function job(meta: ImageMeta, reads: ImageReads): CollectedImage {
	return { kind: 'job', meta, payload: async (keep) => await reads.payload(keep) };
}

/**
 * A PDF's bytes: held from the reading that found its pages until forgotten. After that only a
 * weak reference is kept: the PDF is read again for its pages only if the garbage collector
 * needed the memory meanwhile, so waiting items do not pin their PDFs, and an item that did not
 * wait long does not hold two copies.
 */
class PdfBytes {
	private held: Promise<Buffer> | undefined;

	private weak: WeakRef<Buffer>;

	constructor(
		private readonly context: IExecuteSingleFunctions,
		private readonly name: string,
		bytes: Buffer,
	) {
		this.held = Promise.resolve(bytes);
		this.weak = new WeakRef(bytes);
	}

	async get(): Promise<Buffer> {
		const kept = this.weak.deref();
		this.held ??= kept ? Promise.resolve(kept) : this.context.helpers.getBinaryDataBuffer(this.name);
		const bytes = await readBinary(this.context, this.name, async () => await this.held!);
		this.weak = new WeakRef(bytes);
		return bytes;
	}

	forget() {
		this.held = undefined;
	}
}

const PDF_SIGNATURE = '%PDF-';

/** The header may follow a little junk (a BOM, a line a mail tool added); readers allow it. */
function isPdf(head: Uint8Array): boolean {
	return String.fromCharCode(...head).includes(PDF_SIGNATURE);
}

/**
 * What reading a binary threw, as the item's input problem (nothing was sent): a stored file that
 * is missing (queue mode without shared storage) or any other failure of n8n's binary store.
 */
function readFailure(context: IExecuteSingleFunctions, error: unknown, name: string): unknown {
	if (readContext(error)) return error;
	const missing = binaryReadError(context, error, name);
	if (readContext(missing)) return missing;
	const { code, message } = error as { code?: unknown; message?: unknown };
	return inputError(
		context,
		`the file of the binary field "${name}" could not be read from n8n's binary data (${typeof code === 'string' ? code : String(message).slice(0, 80)})`,
		"Run the step that produced the file again; if it keeps failing, check n8n's binary data storage (N8N_DEFAULT_BINARY_DATA_MODE and its settings).",
	);
}

/** Reads with `read`, a failure of the binary store turned into the item's input problem. */
async function readBinary<T>(context: IExecuteSingleFunctions, name: string, read: () => Promise<T>): Promise<T> {
	const result = await settleAsync(read);
	if (!result.ok) throw readFailure(context, result.error, name);
	return result.value;
}

/** A refusal before any call (inputError), as opposed to a failure of the node itself. */
export const isInputError = (error: unknown) => (error as { context?: { etopCode?: string } }).context?.etopCode === 'INPUT';

function pdfPages(context: IExecuteSingleFunctions, name: string, pdf: Buffer, held: PdfBytes, source: SourceMeta, settings: CollectSettings, keep: KeptImages): CollectedImage[] {
	const parameter = `the PDF in the binary field "${name}"`;
	const read = settle(() => readScannedPdf(pdf, settings.maxPdfPages));
	if (!read.ok) {
		if (!(read.error instanceof PdfError)) throw read.error;
		return [{ kind: 'refused', meta: source, error: inputError(context, `${parameter}: ${read.error.reason}`, read.error.fix) }];
	}
	const document = read.value;
	return document.pages.map((page): CollectedImage => {
		const meta: ImageMeta = { ...source, page: page.page, pageCount: document.pageCount };
		if (page.kind === 'problem') return { kind: 'refused', meta, error: inputError(context, `${parameter}: ${page.reason}`, page.fix) };
		const start = page.stored.byteOffset - pdf.byteOffset;
		const end = start + page.stored.byteLength;
		const fileName = `${(source.fileName ?? name).replace(/\.pdf$/i, '')}-page-${page.page}.${page.extension}`;
		const where = `page ${page.page} of ${parameter}`;
		return job(
			meta,
			new ImageReads(keep, async () => {
				const stored = (await held.get()).subarray(start, end);
				const encoded = settle(() => page.encode(stored));
				if (!encoded.ok) {
					if (!(encoded.error instanceof PdfError)) throw encoded.error;
					throw inputError(context, `${parameter}: ${encoded.error.reason}`, encoded.error.fix);
				}
				const bytes = encoded.value;
				return await readImageBytes(context, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, where, settings.multipart);
			}),
		);
	});
}

async function binaryImages(context: IExecuteSingleFunctions, name: string, settings: CollectSettings, pdfs: PdfBytes[], reads: ImageReads[], keep: KeptImages): Promise<CollectedImage[]> {
	const source = binarySourceMeta(name, context.helpers.assertBinaryData(name));
	const read = await settleAsync(async () => {
		// Its first bytes and size (n8n-core 1.x records no byte size for a binary).
		const file = await binarySource(context, name);
		source.fileSize = file.size;
		// The MIME type of an attachment is often wrong; the bytes decide.
		if (!settings.readPdfs || !isPdf(file.head)) return file;
		const pdf = file.whole ?? (await context.helpers.getBinaryDataBuffer(name));
		const held = new PdfBytes(context, name, pdf);
		pdfs.push(held);
		return pdfPages(context, name, pdf, held, source, settings, keep);
	});
	if (!read.ok) {
		const error = readFailure(context, read.error, name);
		if (!isInputError(error)) throw error;
		return [{ kind: 'refused', meta: source, error: error as NodeOperationError }];
	}
	if (Array.isArray(read.value)) return read.value;
	const image = new ImageReads(keep, async (file) => await readBinary(context, name, async () => await readBinaryImage(context, name, settings.multipart, file)), read.value);
	reads.push(image);
	return [job(source, image)];
}

/**
 * The images of one input item: for binary input, one per matching binary field (and one per
 * page of a scanned PDF), each with its source in `meta`; for URL and Base64 input, the one
 * image. A binary that cannot be sent comes back refused, beside the good ones. Throws only
 * when nothing of the item can be read (no binary field matches at all).
 */
export async function collectImages(context: IExecuteSingleFunctions, settings: CollectSettings, keep: KeptImages): Promise<CollectedImages> {
	if (settings.inputType !== 'binary') {
		return { images: [job({ ...NO_BINARY_SOURCE }, new ImageReads(keep, async () => await readTextImage(context, settings.inputType)))], forget: () => {} };
	}
	const available = Object.keys(context.getInputData().binary ?? {});
	const { names, missing } = matchBinaryFields(settings.binaryFields, available);
	if (names.length === 0) {
		throw inputError(
			context,
			missing.length === 1 && settings.binaryFields.trim() === missing[0]
				? `there is no binary field "${missing[0]}"`
				: `no binary field matches Input Binary Fields "${settings.binaryFields}"`,
			available.length
				? `Set Input Binary Fields to the item's binary fields, e.g. ${available.join(', ')}, or a pattern such as attachment_*.`
				: 'The item has no binary data at all: add a step that reads or downloads the image first, or choose another Input.',
		);
	}
	const images: CollectedImage[] = [];
	const pdfs: PdfBytes[] = [];
	const reads: ImageReads[] = [];
	for (const name of names) images.push(...(await binaryImages(context, name, settings, pdfs, reads, keep)));
	for (const name of missing) {
		images.push({
			kind: 'refused',
			meta: { ...NO_BINARY_SOURCE, binaryName: name },
			error: inputError(context, `there is no binary field "${name}"`, `The item's binary fields are ${available.join(', ')}; a pattern such as attachment_* matches only the fields present.`),
		});
	}
	return {
		images,
		forget: () => {
			pdfs.forEach((pdf) => pdf.forget());
			reads.forEach((image) => image.forget());
		},
	};
}
