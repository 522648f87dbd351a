import type { INodeExecutionData } from 'n8n-workflow';

import type { ErrorDetails } from '../../nodes/EtopOcr/output/errorItem';

/** The details of an error item (its JSON is `{ error: {...} }`, output/errorItem.ts), or undefined for a result. */
export function errorOf(item: INodeExecutionData): ErrorDetails | undefined {
	const error = item.json.error;
	return error !== null && typeof error === 'object' && Object.keys(item.json).length === 1 ? (error as ErrorDetails) : undefined;
}
