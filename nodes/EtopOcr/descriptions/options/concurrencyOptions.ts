import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENCY } from '../../params/limits';

/** How many calls are in flight at once. */
export const concurrencyOptions: INodeProperties[] = [
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
		default: DEFAULT_MAX_CONCURRENCY,
		description:
			'How many calls your ETOP account may have in flight at once from this n8n process, over all executions that use the credential. The node lowers it by itself while ETOP answers "system busy" (-52) and raises it again after successes. The value of the first item applies to the whole run.',
	},
];
