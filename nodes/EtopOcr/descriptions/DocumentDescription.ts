import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CUSTOM_PID_VALUE, DEFAULT_DOCUMENT_TYPE, documentTypeOptions, PRODUCTS } from '../data/catalogue';
import { fromAi, withToolDefault } from './toolVariant';

const documentNames = [...new Set(PRODUCTS.map((product) => product.name))].join(', ');

/** What the model is told about Document Type in the tool variant: every name it may give. */
const FOR_THE_MODEL = `The kind of document in the image, by one of these names: ${documentNames}. Use Document Auto-Classification with Recognition when the kind is not known.`;

/**
 * Grouped (ID & civil, vehicles, invoices, property, business, general) rather than alphabetical,
 * so that related documents stand together, as in the vendor's product table.
 */
const DOCUMENT_TYPES: INodePropertyOptions[] = [
	...documentTypeOptions(),
	{
		name: 'Custom Product ID',
		value: CUSTOM_PID_VALUE,
		description: 'A product that is not in this list yet: enter its pid below',
	},
];

const documentType: INodeProperties = {
	displayName: 'Document Type',
	name: 'documentType',
	type: 'options',
	options: DOCUMENT_TYPES,
	default: DEFAULT_DOCUMENT_TYPE,
	description:
		'The kind of document in the image; it selects the ETOP product. Type a name to search the list. An expression may give the document\'s English or Chinese name (as in the <a href="https://github.com/etop-ocr/n8n-nodes-etop-ocr#document-types" target="_blank">list of document types</a>) or its pid, e.g. 21.',
};

// The pid goes into the request from the per-item hook, which resolves a name or pid given
// by an expression and refuses an unknown one before anything is sent.
export const documentProperties: INodeProperties[] = [
	...withToolDefault(documentType, fromAi('documentType', FOR_THE_MODEL)),
	{
		displayName: 'Product ID',
		name: 'customPid',
		type: 'string',
		default: '',
		// Not `required`: n8n also shows this field when Document Type is an expression, and an
		// empty required field would stop such a workflow. The node checks it when it is used.
		placeholder: 'e.g. 1099',
		description: "The pid of the product, from the product table of ETOP's API document; used when Document Type is Custom Product ID",
		displayOptions: { show: { documentType: [CUSTOM_PID_VALUE] } },
	},
];
