import { createHash } from 'node:crypto';

import { AccountLimiter } from './limiter';

// Module state is shared by every run of the node in one n8n process (main or queue-mode worker),
// which is exactly the scope an account limiter can see. A limiter is kept for the life of the
// process so that what it learned about the account's limit serves the next execution too; there
// is one per account in use, so the map stays small.
const limiters = new Map<string, AccountLimiter>();

/**
 * Which account a credential calls: the endpoint's origin (every ETOP path of one server is the
 * same service) and the key, hashed so that the key itself is not kept.
 */
export function accountId(endpoint: string, apiKey: string): string {
	let origin = endpoint.trim();
	try {
		origin = new URL(origin).origin;
	} catch {
		// An invalid endpoint is refused before anything is sent; any id will do.
	}
	return createHash('sha256').update(origin).update('\0').update(apiKey).digest('hex');
}

/** The limiter of the account behind this endpoint and key, created on first use. */
export function accountLimiter(endpoint: string, apiKey: string): AccountLimiter {
	const id = accountId(endpoint, apiKey);
	let limiter = limiters.get(id);
	if (!limiter) {
		limiter = new AccountLimiter();
		limiters.set(id, limiter);
	}
	return limiter;
}
