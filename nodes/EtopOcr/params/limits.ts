/** Requests in flight per node run unless the user chooses otherwise. */
export const DEFAULT_MAX_CONCURRENCY = 5;
export const MAX_CONCURRENCY_LIMIT = 50;

/** Retries after a failure that retryPolicy.ts retries, unless the user chooses otherwise. */
export const DEFAULT_MAX_RETRIES = 3;
export const MAX_RETRIES_LIMIT = 10;

/**
 * Total time one attempt may take, from connecting to the last byte of the answer. ETOP's own
 * sample allows 30 s to write the request and reads the answer for 60 s.
 */
export const DEFAULT_ATTEMPT_TIMEOUT_SECONDS = 90;
export const MAX_ATTEMPT_TIMEOUT_SECONDS = 600;

/** Every page of a PDF is a billed call: a long PDF is refused unless the user raises this. */
export const DEFAULT_MAX_PDF_PAGES = 20;
export const MAX_PDF_PAGES_LIMIT = 500;

/** Digests kept by Skip Images Already Read: about 60 bytes each in the workflow's static data. */
export const DEFAULT_REMEMBER_IMAGES = 1000;
export const MAX_REMEMBER_IMAGES = 100_000;
