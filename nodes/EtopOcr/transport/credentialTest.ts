import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { describeErrorCode } from '../data/errorCodes';
import { isHttpEndpoint } from './endpoint';

/** pid of the ID card: a product every account has, used only to get past the pid check. */
const PROBE_PID = '2';

/** ErrorCode for "file parameter not provided": the service got past the key/secret checks. */
const NO_FILE = '-6';

/**
 * Sends the key and secret with no image. The service checks the account before it looks for
 * an image, so a good account answers -6 (no file) and a bad one -2/-4/-7; nothing is
 * recognised, so no call is charged.
 */
export async function testEtopCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as IDataObject;
	const endpoint = String(data.endpoint ?? '');
	if (!isHttpEndpoint(endpoint)) {
		return { status: 'Error', message: 'Endpoint must be an http or https URL' };
	}
	let body: unknown;
	try {
		body = await this.helpers.request({
			method: 'POST',
			uri: endpoint,
			form: { pid: PROBE_PID, key: String(data.apiKey ?? ''), secret: String(data.secret ?? '') },
			json: true,
			timeout: 30_000,
		});
	} catch (error) {
		const status = (error as { statusCode?: number; response?: { status?: number } }).statusCode;
		const code = (error as { code?: string; cause?: { code?: string } }).code;
		return {
			status: 'Error',
			message: `Could not reach the ETOP endpoint (${status ? `HTTP ${status}` : (code ?? 'network error')}). Check the Endpoint URL.`,
		};
	}
	const errorCode = body && typeof body === 'object' ? (body as IDataObject).ErrorCode : undefined;
	if (errorCode === undefined) {
		return { status: 'Error', message: 'The Endpoint did not answer like the ETOP API (no ErrorCode). Check the URL.' };
	}
	const code = String(errorCode);
	if (code === NO_FILE || code === '0') {
		return { status: 'OK', message: 'Key and secret accepted' };
	}
	const info = describeErrorCode(code);
	return { status: 'Error', message: `${info.message} (ErrorCode ${code}). ${info.hint}` };
}
