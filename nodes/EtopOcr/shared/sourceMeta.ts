import type { IBinaryData, IDataObject } from 'n8n-workflow';

/**
 * Where an item's image came from, merged into `meta` of every item the node makes for it
 * (results, error items, skipped and already-read items), so that a result can be tied to its
 * attachment without relying on item order.
 */
export interface SourceMeta extends IDataObject {
	/** The input binary field, e.g. `attachment_1`; null for Image URL and Base64 Text input. */
	binaryName: string | null;
	/** The file name n8n recorded for the binary (the PDF's name for a page of a PDF). */
	fileName: string | null;
	/** The MIME type n8n recorded for the binary (as the sender declared it, not checked). */
	mimeType: string | null;
	/** Size of the binary in bytes (the whole PDF for a page of a PDF). */
	fileSize: number | null;
}

/** A page of a PDF: its number (from 1) and how many pages the PDF has. */
export interface PageMeta extends IDataObject {
	page: number;
	pageCount: number;
}

/** An image the node did not send (not an image, or a page it cannot read) and chose to skip. */
export interface SkippedMeta extends IDataObject {
	skipped: true;
	skipReason: string;
}

/** An image recognised before (Skip Images Already Read), which was not sent again. */
export interface AlreadyReadMeta extends IDataObject {
	alreadyRead: true;
	/** When this image was first read with the same document type and options (ISO 8601). */
	firstReadAt: string;
}

export function binarySourceMeta(binaryName: string, binary: IBinaryData): SourceMeta {
	return {
		binaryName,
		fileName: binary.fileName ?? null,
		mimeType: binary.mimeType ?? null,
		fileSize: typeof binary.bytes === 'number' ? binary.bytes : null,
	};
}

/** Image URL and Base64 Text input have no binary field. */
export const NO_BINARY_SOURCE: Readonly<SourceMeta> = { binaryName: null, fileName: null, mimeType: null, fileSize: null };
