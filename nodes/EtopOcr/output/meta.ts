import type { IDataObject } from 'n8n-workflow';

import { documentNameForPid } from '../data/catalogue';

export interface ResultMeta extends IDataObject {
	pid: number;
	documentType: string;
	requestId: string | null;
	responseId: string | null;
	serviceTimeMs: number | null;
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
