import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_PDF_PAGES, DEFAULT_REMEMBER_IMAGES, MAX_PDF_PAGES_LIMIT, MAX_REMEMBER_IMAGES } from '../../params/limits';

const BINARY_INPUT = { '/inputType': ['binary'] };

/** Which images of an input item are read, and how (binary fields, PDFs, images already read). */
export const inputOptions: INodeProperties[] = [
	{
		displayName: 'Files That Are Not Images',
		name: 'nonImageFiles',
		type: 'options',
		options: [
			{
				name: 'Output an Error Item',
				value: 'error',
				description: 'The file becomes an error item (or stops the node, without Continue on error); the other files are still read',
			},
			{
				name: 'Skip With a Reason',
				value: 'skip',
				description: 'The file becomes an item with meta.skipped and meta.skipReason and no fields; nothing is sent for it',
			},
		],
		default: 'error',
		description:
			'What happens to a binary field that cannot be sent: not an image (e.g. a signature.txt attachment), empty, too large, or a PDF without scanned pages',
		displayOptions: { show: BINARY_INPUT },
	},
	{
		displayName: 'Read Scanned PDFs',
		name: 'readScannedPdfs',
		type: 'boolean',
		default: true,
		description:
			'Whether to read a PDF whose pages are scanned images (what scanners and scan apps email): each page is recognised on its own, with meta.page. JPEG pages are sent as they are, pixel and black-and-white (CCITT fax) pages as PNG or TIFF. A digital PDF gets an error that points to Extract From File, which reads its text without a call.',
		displayOptions: { show: BINARY_INPUT },
	},
	{
		displayName: 'Max PDF Pages',
		name: 'maxPdfPages',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PDF_PAGES_LIMIT, numberPrecision: 0 },
		default: DEFAULT_MAX_PDF_PAGES,
		description: 'A PDF with more pages is refused before any call, since every page is a billed call',
		displayOptions: { show: BINARY_INPUT },
	},
	{
		displayName: 'Skip Images Already Read',
		name: 'skipAlreadyRead',
		type: 'boolean',
		default: false,
		description:
			'Whether to remember every image read successfully (its SHA-256 with the document type and options, never its content) and not send it again. Remembered in this n8n process and, for production runs, in the workflow.',
		displayOptions: { show: { '/inputType': ['binary', 'base64'] } },
	},
	{
		displayName: 'Images Already Read',
		name: 'alreadyReadOutput',
		type: 'options',
		options: [
			{
				name: 'Output an Item Marked Already Read',
				value: 'item',
				description: 'An item with meta.alreadyRead and meta.firstReadAt and no fields',
			},
			{
				name: 'Drop Them',
				value: 'drop',
				description: 'No item for an image read before',
			},
		],
		default: 'item',
		description: 'What the node outputs for an image that Skip Images Already Read finds was read before',
		displayOptions: { show: { '/inputType': ['binary', 'base64'], skipAlreadyRead: [true] } },
	},
	{
		displayName: 'Remember at Most',
		name: 'rememberImages',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_REMEMBER_IMAGES, numberPrecision: 0 },
		default: DEFAULT_REMEMBER_IMAGES,
		description: 'How many images Skip Images Already Read remembers; beyond that the oldest are forgotten first',
		displayOptions: { show: { '/inputType': ['binary', 'base64'], skipAlreadyRead: [true] } },
	},
];
