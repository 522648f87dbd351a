import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { withFieldsInFront } from '../nodes/EtopOcr/transport/credentialRoom';
import { MULTIPART_TYPE, textPart } from '../nodes/EtopOcr/transport/multipartBody';
import { boundedInTotal, ETOP_CREDENTIAL_TEST } from '../nodes/EtopOcr/transport/credentialTest';

export const DEFAULT_ENDPOINT = 'https://www.etoplive.com/ocr/PageOcrServlet';

export class EtopOcrApi implements ICredentialType {
	name = 'etopOcrApi';

	displayName = 'ETOP OCR API';

	documentationUrl = 'https://github.com/etop-ocr/n8n-nodes-etop-ocr#credentials';

	icon: Icon = { light: 'file:../icons/etopOcr.svg', dark: 'file:../icons/etopOcr.dark.svg' };

	test: ICredentialTestRequest = ETOP_CREDENTIAL_TEST;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key shown in your ETOP console after you log in (sent as the key parameter)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret shown next to your key in the ETOP console',
		},
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'string',
			default: DEFAULT_ENDPOINT,
			required: true,
			placeholder: DEFAULT_ENDPOINT,
			description:
				'Full URL of the recognition servlet. Change it for a private installation (e.g. http://HOST:8080/OcrWeb/servlet/PageOcrServlet) or the v3 path (…/ocr/v3/recogInterface.srvc).',
		},
		{
			displayName: 'Image Field Name',
			name: 'uploadField',
			type: 'options',
			options: [
				{ name: 'File (ETOP Cloud)', value: 'file', description: 'The name the ETOP document gives the base64 image' },
				{
					name: 'Filedata (Some Private Installations)',
					value: 'filedata',
					description: 'For private servlets that read the base64 image from filedata and answer -6 to file',
				},
			],
			default: 'file',
			description:
				'The form field that carries the base64 image (Upload Method: Base64). Keep File unless your private installation answers -6 (file not provided) to it.',
		},
	];

	// A function rather than generic `authenticate.properties.body`: n8n merges generic body fields
	// only into an object body, while the node sends its multipart or url-encoded form as bytes.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		unbounded: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const requestOptions = boundedInTotal(unbounded);
		const key = String(credentials.apiKey ?? '');
		const secret = String(credentials.secret ?? '');
		const { body } = requestOptions;
		const contentType = String(requestOptions.headers?.['Content-Type'] ?? '');
		// The node's multipart body, also bytes: key and secret go in front as parts of their own.
		if (Buffer.isBuffer(body) && contentType.startsWith(MULTIPART_TYPE)) {
			const boundary = contentType.slice(MULTIPART_TYPE.length);
			const parts = textPart(boundary, 'key', key) + textPart(boundary, 'secret', secret);
			// Raw text in a part: one that is not ASCII goes in front as UTF-8, copied.
			const ascii = /^[\x20-\x7e\r\n]*$/.test(parts);
			return { ...requestOptions, body: ascii ? withFieldsInFront(body, parts) : Buffer.concat([Buffer.from(parts, 'utf8'), body]) };
		}
		// The ETOP OCR node sends its url-encoded form already as bytes (the image is written
		// straight into them); key and secret go in front, into the room the node left there.
		if (Buffer.isBuffer(body)) {
			return { ...requestOptions, body: withFieldsInFront(body, `${new URLSearchParams({ key, secret }).toString()}&`) };
		}
		const fields = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
		return { ...requestOptions, body: { ...fields, key, secret } };
	};
}
