import { failureBeforeAnswer } from '../../nodes/EtopOcr/transport/httpAttempt';

// What n8n's httpRequestWithAuthentication lets through of a failed call (a NodeApiError with the
// socket code in httpCode and Node's messages), and how the node reads it (data/retryPolicy.ts).
const thrown = (code: string, message: string) => ({ httpCode: code, message: 'generic text', messages: [message, message] });

describe('failureBeforeAnswer', () => {
	it.each([
		['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9', 'notConnected'],
		['ECONNRESET', 'connect ECONNRESET 127.0.0.1:9', 'notConnected'],
		['ENOTFOUND', 'getaddrinfo ENOTFOUND etop.invalid', 'notConnected'],
		['EAI_AGAIN', 'getaddrinfo EAI_AGAIN www.etoplive.com', 'notConnected'],
		['EPIPE', 'write EPIPE', 'notFullySent'],
		['ECONNRESET', 'write ECONNRESET', 'notFullySent'],
		['ECONNRESET', 'read ECONNRESET', 'unknownNetwork'],
		['ECONNRESET', 'socket hang up', 'unknownNetwork'],
		['ERR_BAD_RESPONSE', 'stream has been aborted', 'unknownNetwork'],
	])('%s with "%s" is %s', (code, message, failure) => {
		expect(failureBeforeAnswer(thrown(code, message))).toEqual({ failure, code });
	});
});
