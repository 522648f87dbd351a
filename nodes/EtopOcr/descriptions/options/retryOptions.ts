import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RETRIES } from '../../transport/defaults';

/** When a failed call is tried again, and how long a call may take. */
export const retryOptions: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How often an item is retried, with growing pauses, after a temporary failure (busy, timeout, IO error, HTTP 429/502/503/504, connection reset). 0 turns retries off. Other errors are never retried, so no call is billed twice for nothing.',
	},
];
