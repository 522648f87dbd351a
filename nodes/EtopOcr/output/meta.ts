import type { IDataObject } from 'n8n-workflow';

import { documentNameForPid } from '../data/catalogue';
import { CALL_INFO_MEMBERS } from '../data/memberNames';
import type { DocumentInfo } from './documents';
import type { Box } from './positions';

/** Members the service did not give are left out, never `null` on every item. */
export interface ResultMeta extends IDataObject {
	/** The product the call asked for, and its name. */
	pid: number;
	documentType: string;
	requestId?: string;
	responseId?: string;
	serviceTimeMs?: number;
}

/** What the simplified item says about the document(s) it holds; unknown members are left out. */
export interface DocumentMeta extends IDataObject {
	/** The document found: its pid, catalogue name and the service's own name for it. */
	detectedPid?: number;
	detectedDocumentType?: string;
	detectedTypeText?: string;
	/** How many documents the service found in the image. */
	documentCount: number;
}

const text = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : String(value));

function milliseconds(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : Number.parseFloat(String(value ?? ''));
	return Number.isFinite(number) ? number : undefined;
}

/** Copies the members of `members` that have a value. */
function present<T extends IDataObject>(members: T): T {
	return Object.fromEntries(Object.entries(members).filter(([, value]) => value !== undefined && value !== null)) as T;
}

/** The small block every simplified item carries: what was asked and how the service answered. */
export function buildMeta(pid: number, body: IDataObject): ResultMeta {
	const found = body[CALL_INFO_MEMBERS.info];
	const info = (typeof found === 'object' && found !== null ? found : {}) as IDataObject;
	return present({
		pid,
		documentType: documentNameForPid(pid) ?? `Product ${pid}`,
		requestId: text(info[CALL_INFO_MEMBERS.requestId]),
		responseId: text(info[CALL_INFO_MEMBERS.responseId]),
		serviceTimeMs: milliseconds(info[CALL_INFO_MEMBERS.time]) ?? milliseconds(body[CALL_INFO_MEMBERS.totalMs]),
	});
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
	const meta: DocumentMeta & IDataObject = present({
		detectedPid: first?.info.pid ?? undefined,
		detectedDocumentType: first?.info.documentType ?? undefined,
		detectedTypeText: first?.info.typeText ?? undefined,
		documentCount: count,
	});
	if (index !== undefined) meta.documentIndex = index;
	if (documents.length === 1 && first.position) meta.documentPosition = { ...first.position };
	if (documents.length === 1 && first.details) meta.documentDetails = { ...first.details };
	if (documents.length > 1) {
		meta.documents = documents.map(({ info, position, details }) => ({
			...present(info),
			...(position ? { position: { ...position } } : {}),
			...(details ? { details: { ...details } } : {}),
		}));
	}
	return meta;
}
