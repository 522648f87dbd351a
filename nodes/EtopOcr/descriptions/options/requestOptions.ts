import type { INodeProperties } from 'n8n-workflow';

import { CUSTOM_PID_VALUE, pidValuesWith } from '../../data/catalogue';

// Offered for the document types the catalogue flags, and for a custom product, whose flags
// are not known. With Document Type set by an expression, n8n shows (and sends) them always.
const WITH_SEALS = { show: { '/documentType': [...pidValuesWith('supportsSeal'), CUSTOM_PID_VALUE] } };
const WITH_POSITIONS = { show: { '/documentType': [...pidValuesWith('supportsShowPosition'), CUSTOM_PID_VALUE] } };

/** Switches sent to the service with the image. A switch left off sends nothing, so the service applies its own default. */
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Read Seals',
		name: 'readSeals',
		type: 'boolean',
		default: false,
		description:
			'Whether to also read the text inside seals (stamps), e.g. the issuer on an invoice. Recognition takes longer.',
		displayOptions: WITH_SEALS,
		routing: { send: { type: 'body', property: 'openSeal', value: '={{ $value ? "1" : undefined }}' } },
	},
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		default: '',
		placeholder: 'invoice-2024-0001',
		description:
			"Your own reference for the call (at most 255 bytes of UTF-8: a Chinese character counts 3), echoed back in the result and in ETOP's logs",
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
			'Whether to return where each field was found in the image (a box per field)',
		displayOptions: WITH_POSITIONS,
		routing: { send: { type: 'body', property: 'showPosition', value: '={{ $value ? "1" : undefined }}' } },
	},
];
