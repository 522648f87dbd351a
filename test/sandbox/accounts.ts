import { SandboxAccount } from './types';

// Distinctive strings, so tests can scan logs and outputs for leaked credentials.
export const SANDBOX_KEY = 'sandbox-key-7f3a9c';
export const SANDBOX_SECRET = 'sandbox-secret-d81e2b';

export const BLOCKED_KEY = 'sandbox-blocked-key-4b21';
export const BLOCKED_SECRET = 'sandbox-blocked-secret-9e07';
export const EXHAUSTED_KEY = 'sandbox-exhausted-key-c5d8';
export const EXHAUSTED_SECRET = 'sandbox-exhausted-secret-2a6f';
/** may only call the ID-card (2) and VIN (1) products */
export const LIMITED_KEY = 'sandbox-limited-key-a1e4';
export const LIMITED_SECRET = 'sandbox-limited-secret-63bd';

/** its service is a private install: PageInfo answers (see envelope.ts), wherever it is called */
export const ON_PREMISES_KEY = 'sandbox-onprem-key-5d93';
export const ON_PREMISES_SECRET = 'sandbox-onprem-secret-e4a1';
/** a private install that takes the base64 image as `filedata` (and answers -6 to `file`) */
export const FILEDATA_KEY = 'sandbox-filedata-key-70c2';
export const FILEDATA_SECRET = 'sandbox-filedata-secret-b39f';
/** its service sends the crops although removeImgData is not 0 */
export const CROPS_KEY = 'sandbox-crops-key-1f86';
export const CROPS_SECRET = 'sandbox-crops-secret-8c5e';

export const DEFAULT_ACCOUNTS: SandboxAccount[] = [
	{ key: SANDBOX_KEY, secret: SANDBOX_SECRET, state: 'active' },
	{ key: BLOCKED_KEY, secret: BLOCKED_SECRET, state: 'blocked' },
	{ key: EXHAUSTED_KEY, secret: EXHAUSTED_SECRET, state: 'active', remainingCalls: 0 },
	{ key: LIMITED_KEY, secret: LIMITED_SECRET, state: 'active', allowedPids: [1, 2] },
	{ key: ON_PREMISES_KEY, secret: ON_PREMISES_SECRET, state: 'active', dialect: 'onPremises' },
	{ key: FILEDATA_KEY, secret: FILEDATA_SECRET, state: 'active', dialect: 'onPremises', uploadField: 'filedata' },
	{ key: CROPS_KEY, secret: CROPS_SECRET, state: 'active', alwaysCrops: true },
];

export function cloneAccount(a: SandboxAccount): SandboxAccount {
	return { ...a, ...(a.allowedPids ? { allowedPids: [...a.allowedPids] } : {}) };
}
