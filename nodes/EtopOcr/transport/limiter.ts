/** How a call that held a slot ended: an account-wide limiter can adapt to 'busy'. */
export type SlotOutcome = 'ok' | 'busy' | 'failed';

/**
 * A first-come-first-served counting semaphore. Items ask for a slot in item order, so the
 * service sees them in order and a stop leaves only the items after the failed one unsent.
 */
export class Limiter {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	constructor(private readonly max: number) {}

	/** Waits for a slot; rejects with the signal's reason when `signal` aborts first (the slot is then not taken). */
	async acquire(signal: AbortSignal): Promise<void> {
		signal.throwIfAborted();
		if (this.active < this.max) {
			this.active++;
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				this.waiting.splice(this.waiting.indexOf(grant), 1);
				reject(signal.reason);
			};
			const grant = () => {
				signal.removeEventListener('abort', onAbort);
				resolve();
			};
			this.waiting.push(grant);
			signal.addEventListener('abort', onAbort, { once: true });
		});
	}

	release(_outcome: SlotOutcome): void {
		const next = this.waiting.shift();
		// The slot passes straight to the next waiter, so `active` stays the same.
		if (next) next();
		else this.active--;
	}
}
