import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { IMAGE_CHECKS, imageCheckDigits } from '../data/imageChecks';
import { DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_RETRIES } from '../transport/defaults';

const ID_CARD = { '/documentType': ['2'] };

async function setImageCheck(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const digits = imageCheckDigits(this.getNodeParameter('options', {}) as Record<string, unknown>);
	if (digits !== undefined && this.getNodeParameter('documentType') === '2') {
		(requestOptions.body as Record<string, unknown>).imageCheck = digits;
	}
	return requestOptions;
}

const imageCheckOptions: INodeProperties[] = IMAGE_CHECKS.map((check) => ({
	displayName: check.displayName,
	name: check.option,
	type: 'boolean',
	default: false,
	description: check.description,
	displayOptions: { show: ID_CARD },
	routing: { send: { preSend: [setImageCheck] } },
}));

// Every API option is mapped here, in one place. A switch left off sends nothing, so the
// service applies its own default.
export const optionProperties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			...imageCheckOptions,
			{
				displayName: 'Fail on Low Image Quality',
				name: 'failOnLowQuality',
				type: 'boolean',
				default: false,
				description:
					'Whether the service should answer with an error when a chosen quality check scores below standard, instead of only returning the scores',
				displayOptions: { show: ID_CARD },
				routing: { send: { type: 'body', property: 'imageCheckVaule', value: '={{ $value ? "0" : undefined }}' } },
			},
			{
				displayName: 'Field Names',
				name: 'fieldNames',
				type: 'options',
				options: [
					{
						name: 'As Returned',
						value: 'asReturned',
						description: 'The names the service uses, e.g. 公民身份号码 or PlateNo',
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
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
				default: DEFAULT_MAX_CONCURRENCY,
				description:
					'How many images are sent to ETOP at the same time. Higher is faster but risks "system busy" (-52) answers. The value of the first item applies to the whole run.',
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
				default: DEFAULT_MAX_RETRIES,
				description:
					'How often an item is retried, with growing pauses, after a temporary failure (busy, timeout, IO error, HTTP 429/502/503/504, connection reset). 0 turns retries off. Other errors are never retried, so no call is billed twice for nothing.',
			},
			{
				displayName: 'Normalize Values',
				name: 'normalizeValues',
				type: 'boolean',
				default: false,
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
			{
				displayName: 'Read Seals',
				name: 'readSeals',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the text inside seals (stamps), e.g. on invoices and business papers. Recognition takes longer. Products without seals ignore it.',
				routing: { send: { type: 'body', property: 'openSeal', value: '={{ $value ? "1" : undefined }}' } },
			},
			{
				displayName: 'Request ID',
				name: 'requestId',
				type: 'string',
				default: '',
				placeholder: 'invoice-2024-0001',
				description:
					'Your own reference for the call (at most 255 characters), echoed back in the result and in ETOP\'s logs',
				routing: { send: { type: 'body', property: 'requestId', value: '={{ $value === "" ? undefined : $value }}' } },
			},
			{
				displayName: 'Return Cropped Images',
				name: 'returnCroppedImages',
				type: 'boolean',
				default: false,
				description:
					'Whether to return the cropped document (and portrait) images. They come out as binary fields of the item.',
				routing: { send: { type: 'body', property: 'removeImgData', value: '={{ $value ? "0" : undefined }}' } },
			},
			{
				displayName: 'Return Field Positions',
				name: 'returnPositions',
				type: 'boolean',
				default: false,
				description:
					'Whether to return where each field was found in the image. The ETOP documentation names general receipts (pid 22); other products may ignore it.',
				routing: { send: { type: 'body', property: 'showPosition', value: '={{ $value ? "1" : undefined }}' } },
			},
		],
	},
];
