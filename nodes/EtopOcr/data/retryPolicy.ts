/**
 * What is retried and why: every way one call can fail, whether ETOP may have billed it, and
 * whether the node tries again. A call is billed once the service has the whole request and
 * does the recognition, so the question for every failure is "could the service have had the
 * whole request?". docs/billing-and-retries.md explains each row with the hostile-server case
 * that proves it.
 */

export type FailureKind =
	/** No connection was made (refused, DNS, unreachable): the service saw nothing. */
	| 'notConnected'
	/** The connection failed or the deadline passed while the request was still being written. */
	| 'notFullySent'
	/** The whole request was written, then no answer came in time or the connection closed. */
	| 'noAnswer'
	/** The answer had begun, then stalled past the deadline or the connection closed. */
	| 'answerCutShort'
	/** Failed in a way that does not tell whether the request was written. */
	| 'unknownNetwork'
	/** ETOP answered that it did not do the work (-52 busy and the others errorCodes.ts calls transient). */
	| 'transientAnswer'
	/** HTTP 429 or 503: the service (or its front) refused the work for now. */
	| 'busyHttp'
	/** HTTP 502 or 504 from a gateway: the service behind it may have done the work. */
	| 'gatewayHttp'
	/** Any other failed answer: an ETOP error, an HTTP error, a body that is not a usable answer. */
	| 'answerError'
	/** The answer was bigger than the node accepts. */
	| 'answerTooLarge';

export interface RetryRule {
	/** 'yes': retried within Max Retries; 'optIn': only with Retry Calls That May Be Billed; 'no': never. */
	retried: 'yes' | 'optIn' | 'no';
	/** Whether ETOP may have billed the failed call. */
	mayBeBilled: boolean;
	why: string;
}

export const RETRY_POLICY: Readonly<Record<FailureKind, RetryRule>> = Object.freeze({
	notConnected: { retried: 'yes', mayBeBilled: false, why: 'no connection was made, so the service got nothing' },
	notFullySent: {
		retried: 'yes',
		mayBeBilled: false,
		why: 'the request was not completely written, and the service does not start on a partial request',
	},
	noAnswer: {
		retried: 'optIn',
		mayBeBilled: true,
		why: 'the service had the whole request and may have recognised (and billed) it before the answer was lost',
	},
	answerCutShort: {
		retried: 'optIn',
		mayBeBilled: true,
		why: 'the service had begun to answer, so it did the recognition',
	},
	unknownNetwork: {
		retried: 'optIn',
		mayBeBilled: true,
		why: 'the failure does not tell whether the request reached the service, so it is treated as if it had',
	},
	transientAnswer: {
		retried: 'yes',
		mayBeBilled: false,
		why: 'the service answered that it did not do the work (busy, IO error, its own timeout) and asks to try later',
	},
	busyHttp: {
		retried: 'yes',
		mayBeBilled: false,
		why: 'HTTP 429 and 503 mean the service refused the work for now; its Retry-After is honoured',
	},
	gatewayHttp: {
		retried: 'optIn',
		mayBeBilled: true,
		why: 'a gateway answered for the service (bad gateway, gateway timeout): the service behind it may have done the work',
	},
	answerError: { retried: 'no', mayBeBilled: true, why: 'the same call would fail the same way' },
	answerTooLarge: { retried: 'no', mayBeBilled: true, why: 'the same call would bring the same answer' },
});

export interface RetrySettings {
	maxRetries: number;
	/** Options → Retry Calls That May Be Billed. */
	retryMaybeBilled: boolean;
}

/**
 * -52 ("too many calls at once") answers an item may get without using up its Max Retries, for
 * calls sent while its account's window was wider than one call (transport/limiter.ts): the
 * window is made smaller for each, so they are the limiter learning the account's limit, not the
 * item failing, and they are not billed. The item is sent again at once, first in its run, when
 * the smaller window has room. Bounded, so that a -52 that does not go away still ends the item.
 */
export const BUSY_WINDOW_RETRIES = 10;

/** Whether a call that failed this way on attempt `attempt` (1 = the first call) is sent again. */
export function shouldRetry(kind: FailureKind, attempt: number, settings: RetrySettings): boolean {
	if (attempt > settings.maxRetries) return false;
	const { retried } = RETRY_POLICY[kind];
	return retried === 'yes' || (retried === 'optIn' && settings.retryMaybeBilled);
}
