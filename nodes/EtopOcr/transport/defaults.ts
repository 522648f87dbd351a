/** Requests in flight per node run unless the user chooses otherwise. */
export const DEFAULT_MAX_CONCURRENCY = 5;

/** Retries after a transient failure unless the user chooses otherwise. */
export const DEFAULT_MAX_RETRIES = 3;

/** First pause before a retry; it doubles on each further attempt, with full jitter. */
export const RETRY_BASE_DELAY_MS = 500;

/** Upper bound of one pause, so a long outage does not stall an item for minutes. */
export const RETRY_MAX_DELAY_MS = 10_000;
