import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { documentProperties } from './descriptions/DocumentDescription';
import { inputProperties } from './descriptions/InputDescription';
import { optionProperties } from './descriptions/OptionsDescription';
import { outputProperties } from './descriptions/OutputDescription';
import { SUBTITLE, toolProperties } from './descriptions/ToolDescription';

export class EtopOcr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ETOP OCR',
		name: 'etopOcr',
		icon: { light: 'file:../../icons/etopOcr.svg', dark: 'file:../../icons/etopOcr.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: SUBTITLE,
		description: 'Read ID cards, licences, invoices, tickets and other Chinese documents with ETOP OCR',
		defaults: { name: 'ETOP OCR' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'etopOcrApi', required: true }],
		requestDefaults: {
			// The URL is the credential's Endpoint, set by the request hook (see transport/runState.ts).
			method: 'POST',
			headers: {
				// With a charset, as in ETOP's Node.js sample. The bare type would also make n8n turn
				// the body into URLSearchParams, which fails on the Buffer the node sends.
				'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
				Accept: 'application/json',
			},
			// Read the answer as text and parse it ourselves: HTML error pages, empty and cut
			// bodies then get a clear message, and HTTP errors reach the response handling.
			encoding: 'text',
			json: false,
			ignoreHttpStatusErrors: true,
		},
		properties: [...toolProperties, ...documentProperties, ...inputProperties, ...outputProperties, ...optionProperties],
	};
}
