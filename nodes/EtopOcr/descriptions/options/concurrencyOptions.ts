import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENCY } from '../../transport/defaults';

/** How many calls are in flight at once. */
export const concurrencyOptions: INodeProperties[] = [
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
		default: DEFAULT_MAX_CONCURRENCY,
		description:
			'How many images are sent to ETOP at the same time. Higher is faster but risks "system busy" (-52) answers. The value of the first item applies to the whole run.',
	},
];
