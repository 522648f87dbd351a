import type { INodeProperties } from 'n8n-workflow';

/** How the node shapes its output items; nothing here is sent to the service. */
export const outputOptions: INodeProperties[] = [
	{
		displayName: 'Field Names',
		name: 'fieldNames',
		type: 'options',
		options: [
			{
				name: 'As Returned',
				value: 'asReturned',
				description: 'The names the service uses: its Chinese labels for most documents, English ones such as PlateNo for some',
			},
			{
				name: 'English',
				value: 'english',
				description:
					'Stable camelCase names such as idNumber, birthDate or totalAmount, the same for every document of a kind',
			},
		],
		default: 'english',
		description:
			'How the fields of the simplified output are named. A name the node does not know is kept as returned.',
		displayOptions: { show: { '/simplify': [true] } },
	},
	{
		displayName: 'Include Input Fields',
		name: 'includeInputFields',
		type: 'boolean',
		default: false,
		description:
			'Whether to keep the fields of the input item (e.g. the email subject) beside the result; result fields win on a name clash',
	},
	{
		displayName: 'Include Input Binary',
		name: 'includeInputBinary',
		type: 'boolean',
		default: false,
		description:
			'Whether each result and error item carries the binary file its image was read from (the attachment, or the whole PDF for a page), under its own field name, so that a later step can file or forward each scan with what was read from it. An email\'s other attachments stay with their own items; with Image URL or Base64 input all input binary files are passed on.',
	},
	{
		displayName: 'Normalize Values',
		name: 'normalizeValues',
		type: 'boolean',
		default: true,
		description:
			'Whether to turn dates into ISO 8601 (1990-04-22), amounts and counts into numbers and sexes into male/female. The text as printed stays beside each such field (birthDateText); a value that does not read stays text and is listed in meta.unparsed.',
		displayOptions: { show: { '/simplify': [true] } },
	},
	{
		displayName: 'One Item per Document',
		name: 'oneItemPerDocument',
		type: 'boolean',
		default: false,
		description:
			'Whether to output one item for each document found in the image (auto-classification results, several receipts or plates), each with its document type in meta. All of them stay paired to the input item.',
		displayOptions: { show: { '/simplify': [true] } },
	},
];
