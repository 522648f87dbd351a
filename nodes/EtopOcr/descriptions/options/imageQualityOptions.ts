import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { pidForDocumentType } from '../../data/catalogue';
import { IMAGE_CHECKS, imageCheckDigits } from '../../data/imageChecks';
import { nodeParameter } from '../../params/parameters';

/** The ID card's image-quality checks (`imageCheck`, `imageCheckVaule`): only pid 2 evaluates them. */
const ID_CARD = { '/documentType': ['2'] };

async function setImageCheck(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const digits = imageCheckDigits(nodeParameter(this, 'options', {}) as Record<string, unknown>);
	if (digits !== undefined && pidForDocumentType(nodeParameter(this, 'documentType', undefined)) === 2) {
		(requestOptions.body as Record<string, unknown>).imageCheck = digits;
	}
	return requestOptions;
}

export const imageQualityOptions: INodeProperties[] = [
	...IMAGE_CHECKS.map(
		(check): INodeProperties => ({
			displayName: check.displayName,
			name: check.option,
			type: 'boolean',
			default: false,
			description: check.description,
			displayOptions: { show: ID_CARD },
			routing: { send: { preSend: [setImageCheck] } },
		}),
	),
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
];
