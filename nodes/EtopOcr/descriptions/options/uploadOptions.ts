import type { INodeProperties } from 'n8n-workflow';

/** How a binary file travels to the service. */
export const uploadOptions: INodeProperties[] = [
	{
		displayName: 'Send File As',
		name: 'uploadMethod',
		type: 'options',
		options: [
			{
				name: 'Text (Files up to About 3.7 MB)',
				value: 'file',
				description:
					'The file as base64 text in a form field, the way the ETOP documentation shows first. The text is larger than the file, and the service takes at most 5 MB of it.',
			},
			{
				name: 'File Upload (Files up to 5 MB)',
				value: 'mfile',
				description: 'The file as it is, in a multipart upload: less to send, and files up to 5 MB',
			},
		],
		default: 'file',
		description: 'How the image file is sent to ETOP. A larger file is refused before anything is sent.',
		displayOptions: { show: { '/inputType': ['binary'] } },
	},
];
