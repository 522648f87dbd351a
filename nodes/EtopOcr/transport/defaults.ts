/** First pause before a retry; it doubles on each further attempt, with jitter. */
export const RETRY_BASE_DELAY_MS = 500;

/** Upper bound of one pause, so a long outage does not stall an item for minutes. */
export const RETRY_MAX_DELAY_MS = 10_000;

/** The longest Retry-After the node waits for; a longer one ends the item with an error that says when to retry. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Largest answer read, after decompression. An ETOP answer with cropped images is a few MB;
 * reading stops at this size, so a hostile or broken server cannot fill the memory or the
 * stored execution.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
