import type { INodeProperties } from 'n8n-workflow';

import { sendOcrRequest } from '../transport/sendOcrRequest';

export const outputProperties: INodeProperties[] = [
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return flat fields you can map directly, plus a meta block, instead of the raw data the service returns',
	},
	{
		// Carries the request pipeline of every item: the hook that owns the request (limit,
		// image, retries, stop) and the response handling (see transport/sendOcrRequest.ts). It has no UI.
		displayName: 'Recognition',
		name: 'recognition',
		type: 'hidden',
		default: '',
		routing: {
			send: { paginate: true },
			operations: { pagination: sendOcrRequest },
		},
	},
];
