import { RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS } from './defaults';

/**
 * Pause before retry number `attempt` (1 = first retry): exponential with "equal jitter" (half fixed, half random), so
 * that items that failed together (a busy burst) do not all come back at the same moment.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

