import type { IDataObject } from 'n8n-workflow';

import { documentNameForPid } from '../data/catalogue';
import type { DocumentInfo } from './documents';
import type { Box } from './positions';

export interface ResultMeta extends IDataObject {
	/** The product the call asked for, and its name. */
	pid: number;
	documentType: string;
	requestId: string | null;
	responseId: string | null;
	serviceTimeMs: number | null;
}

/** What the simplified item says about the document(s) it holds. */
export interface DocumentMeta extends IDataObject {
	/** The document found: its pid, catalogue name and the service's own name for it. */
	detectedPid: number | null;
	detectedDocumentType: string | null;
	detectedTypeText: string | null;
	/** How many documents the service found in the image. */
	documentCount: number;
}

const text = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));

function milliseconds(value: unknown): number | null {
	const number = typeof value === 'number' ? value : Number.parseFloat(String(value ?? ''));
	return Number.isFinite(number) ? number : null;
}

/** The small block every simplified item carries: what was asked and how the service answered. */
export function buildMeta(pid: number, body: IDataObject): ResultMeta {
	const info = (body.recogInfo ?? {}) as IDataObject;
	return {
		pid,
		documentType: documentNameForPid(pid) ?? `Product ${pid}`,
		requestId: text(info.requestId),
		responseId: text(info.responseId),
		serviceTimeMs: milliseconds(info.time) ?? milliseconds(body.totalMs),
	};
}

export interface DocumentsInItem {
	/** The documents of this item: one in One Item per Document mode, all of them otherwise. */
	documents: ReadonlyArray<{ info: DocumentInfo; position?: Box; details?: IDataObject }>;
	/** All documents of the image. */
	count: number;
	/** The document's place among them (from 0), in One Item per Document mode. */
	index?: number;
}

/**
 * Which document an item holds. `detected*` describe its document (the first one when one item
 * holds several, which `documents` then lists); `documentIndex`, `documentPosition` and
 * `documentDetails` (a result's other members, e.g. `ocr_error_code`, `angle`) appear when known.
 */
export function documentMeta({ documents, count, index }: DocumentsInItem): DocumentMeta & IDataObject {
	const first = documents[0];
	const meta: DocumentMeta & IDataObject = {
		detectedPid: first?.info.pid ?? null,
		detectedDocumentType: first?.info.documentType ?? null,
		detectedTypeText: first?.info.typeText ?? null,
		documentCount: count,
	};
	if (index !== undefined) meta.documentIndex = index;
	if (documents.length === 1 && first.position) meta.documentPosition = { ...first.position };
	if (documents.length === 1 && first.details) meta.documentDetails = { ...first.details };
	if (documents.length > 1) {
		meta.documents = documents.map(({ info, position, details }) => ({
			...info,
			...(position ? { position: { ...position } } : {}),
			...(details ? { details: { ...details } } : {}),
		}));
	}
	return meta;
}
