import type { INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_ATTEMPT_TIMEOUT_SECONDS,
	DEFAULT_MAX_RETRIES,
	MAX_ATTEMPT_TIMEOUT_SECONDS,
	MAX_RETRIES_LIMIT,
} from '../../params/limits';

/** When a failed call is tried again, and how long a call may take (see data/retryPolicy.ts). */
export const retryOptions: INodeProperties[] = [
	{
		displayName: 'Attempt Timeout (Seconds)',
		name: 'attemptTimeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ATTEMPT_TIMEOUT_SECONDS, numberPrecision: 0 },
		default: DEFAULT_ATTEMPT_TIMEOUT_SECONDS,
		description:
			'The longest one call may take, from connecting to the last byte of the answer. A call that takes longer is ended; as the service may already have billed it, it is only retried with Retry Calls That May Be Billed.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_RETRIES_LIMIT, numberPrecision: 0 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How often an item is retried, with growing pauses, after a failure in which the service did not do the work: busy, IO error, its own timeout, HTTP 429/503 (after the Retry-After pause it asks for), no connection, or a request that could not be sent completely. 0 turns retries off.',
	},
	{
		displayName: 'Retry Calls That May Be Billed',
		name: 'retryMaybeBilled',
		type: 'boolean',
		default: false,
		description:
			'Whether to retry also when the whole request was sent but the answer was lost: no answer within the attempt timeout, the connection closed, a stalled or cut answer, HTTP 502/504 from a gateway. ETOP may have billed such a call, so a retry may bill the image again.',
	},
];
