import type { INodeProperties } from 'n8n-workflow';

import { documentNameForPid, documentTypeOptions } from '../data/catalogue';

/**
 * The tool's description for the model. n8n adds a Description parameter to every tool it
 * derives from a node unless the node has one: this one says what to pass and what comes back.
 */
export const toolProperties: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default:
			'Reads a Chinese document from an image with the ETOP OCR service and returns its fields as JSON (for an ID card e.g. name, sex, birthDate, idNumber; for a VAT invoice e.g. invoiceNumber, invoiceDate, sellerName, totalAmount). Pass imageUrl: the public http or https address of the image. Pass documentType: the kind of document by its English name, e.g. ID Card, Passport, Driving Licence, VAT Invoice, Train Ticket, Business Licence; if unsure, Document Auto-Classification with Recognition. Every call is billed by ETOP, so call it once per image.',
		required: true,
		description: 'What the AI agent is told this tool does and which parameters to give',
		displayOptions: { show: { '@tool': [true] } },
	},
];

const names: Record<string, string> = Object.fromEntries(
	documentTypeOptions().map(({ value }) => [value, documentNameForPid(Number(value)) ?? value]),
);
// The pid-22 products read alike; the canvas shows what they are together.
names['22'] = 'Ticket or Receipt';

/** The canvas subtitle: the document's name; a custom pid or an expression says so. */
export const SUBTITLE = `={{ (${JSON.stringify(names)})[$rawParameter.documentType] ?? ($rawParameter.documentType === "custom" ? "Product " + $rawParameter.customPid : String($rawParameter.documentType).includes("$fromAI") ? "Document type chosen by the model" : "Document type from an expression") }}`;
