import type { IAuthenticateRuleResponseSuccessBody, ICredentialTestRequest, IHttpRequestOptions } from 'n8n-workflow';

import { ETOP_ERRORS } from '../data/errorCodes';

/** pid of the ID card: a product every account has, used only to get past the pid check. */
const PROBE_PID = '2';

/** ErrorCode for "file parameter not provided": the service got past the key/secret checks. */
const NO_FILE = '-6';

/** The credential test's timeout: n8n applies it to an idle socket, the node to the whole call. */
const TEST_TIMEOUT_MS = 30_000;

/** ETOP answers ErrorCode as a string, some cloud answers and private installs as a number. */
function failsOn(code: string, message: string): IAuthenticateRuleResponseSuccessBody[] {
	return [code, Number(code)].map((value) => ({ type: 'responseSuccessBody', properties: { key: 'ErrorCode', value, message } }));
}

/**
 * The credential's test, run by n8n itself (a request with the credential applied, then the
 * rules; see docs/verification.md for why not a test function): the key and secret go with no
 * image. The service checks the account before it looks for an image, so a good account answers
 * -6 (no file) and a bad one -2/-4/-7; nothing is recognised, so no call is charged. A rule fails
 * the test when the answer's ErrorCode equals its value: every code of the table but -6, and none
 * at all (an endpoint that is not the ETOP API).
 */
export const ETOP_CREDENTIAL_TEST: ICredentialTestRequest = {
	request: {
		method: 'POST',
		url: '={{ $credentials.endpoint }}',
		// The bare type: n8n then sends the object body (with key and secret added by the
		// credential's authenticate) url-encoded.
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: { pid: PROBE_PID },
		json: true,
		timeout: TEST_TIMEOUT_MS,
	},
	rules: [
		{
			type: 'responseSuccessBody',
			properties: {
				key: 'ErrorCode',
				value: undefined,
				message: 'The Endpoint did not answer like the ETOP API (no ErrorCode). Check the URL.',
			},
		},
		...Object.values(ETOP_ERRORS)
			.filter(({ code }) => code !== NO_FILE)
			.flatMap(({ code, message, hint }) => failsOn(code, `${message} (ErrorCode ${code}). ${hint}`)),
	],
};

/**
 * Bounds a call in total. n8n runs the credential test with only an idle timeout (an answer that
 * trickles a byte at a time never trips it; its RoutingNode even replaces the test's 30 s with its
 * 300 s default) and passes no abort signal. The credential's authenticate is the one step of that
 * call a package can shape, so it adds a signal that ends the call at the test's own timeout. The
 * node's own calls arrive with a signal already (the hook's per-attempt deadline, see
 * transport/httpAttempt.ts) and are left as they are.
 */
export function boundedInTotal(options: IHttpRequestOptions): IHttpRequestOptions {
	if (options.abortSignal) return options;
	return { ...options, abortSignal: AbortSignal.timeout(ETOP_CREDENTIAL_TEST.request.timeout ?? TEST_TIMEOUT_MS) };
}
