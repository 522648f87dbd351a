import type { INodeProperties } from 'n8n-workflow';

import { fromAi, withToolDefault } from './toolVariant';

// The image parameters carry no `routing`: the request hook reads them when the item's turn
// comes, so that a large binary is only loaded while its request is in flight.
const inputType: INodeProperties = {
	displayName: 'Input',
	name: 'inputType',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Binary File',
			value: 'binary',
			description: 'An image in a binary field of the input item (e.g. an email attachment or an upload)',
		},
		{
			name: 'Image URL',
			value: 'url',
			description: 'A public http(s) URL that the ETOP service downloads itself',
		},
		{
			name: 'Base64 Text',
			value: 'base64',
			description: 'The image as base64 text; a data: prefix and line breaks are removed',
		},
	],
	default: 'binary',
};

const imageUrl: INodeProperties = {
	displayName: 'Image URL',
	name: 'imageUrl',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'https://example.com/scan.jpg',
	description: 'The http or https address of the image; the ETOP service must be able to reach it',
	displayOptions: { show: { inputType: ['url'] } },
};

// An agent has no binary file to hand over; its tool reads an image URL the model gives.
export const inputProperties: INodeProperties[] = [
	...withToolDefault(inputType, 'url'),
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data, or attachment_*, or front, back',
		hint: 'One binary field, a comma-separated list, or a pattern (* any characters, ? one): each matching file is read, one output item per image or PDF page',
		displayOptions: { show: { inputType: ['binary'] } },
	},
	...withToolDefault(imageUrl, fromAi('imageUrl', 'The public http or https address of the image (a JPEG, PNG or other image file) to read')),
	{
		displayName: 'Base64 Data',
		name: 'base64Data',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: '/9j/4AAQSkZJRgABAQ...',
		description: 'The image encoded as base64 text',
		displayOptions: { show: { inputType: ['base64'] } },
	},
];
