import type { INodeProperties } from 'n8n-workflow';

import { CUSTOM_PID_VALUE, DEFAULT_DOCUMENT_TYPE, documentTypeOptions } from '../data/catalogue';

export const documentProperties: INodeProperties[] = [
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		noDataExpression: true,
		// The catalogue is grouped (ID & civil, vehicles, invoices, property, business, general)
		// rather than alphabetical, so that related documents stand together.
		options: [
			...documentTypeOptions(),
			{
				name: 'Custom Product ID',
				value: CUSTOM_PID_VALUE,
				description: 'A product added to the ETOP service after this node was released',
			},
		],
		default: DEFAULT_DOCUMENT_TYPE,
		description:
			'The kind of document in the image; it selects the ETOP product (pid). Type an English or Chinese name to search.',
		routing: {
			send: { type: 'body', property: 'pid' },
		},
	},
	{
		displayName: 'Product ID',
		name: 'customPid',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		required: true,
		description: 'The pid of the product, as given in the ETOP documentation',
		displayOptions: { show: { documentType: [CUSTOM_PID_VALUE] } },
		// Declared after documentType, so this value replaces the placeholder pid.
		routing: {
			send: { type: 'body', property: 'pid', value: '={{ String($value) }}' },
		},
	},
];
