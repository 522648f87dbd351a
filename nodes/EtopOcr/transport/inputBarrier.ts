import { settleAsync } from '../shared/settle';

/**
 * With stop-on-error, no call of a run is sent before every item's input has been checked, so
 * a run that would fail on item 7 bills nothing. n8n starts every item's hook at once; each
 * hook checks its item here, one item after the other (so only one item's image is read at a
 * time and memory does not grow with the item count), then waits for the rest.
 */
export class InputBarrier {
	private chain: Promise<void> = Promise.resolve();

	private checked = 0;

	private failed = false;

	private readonly done: Promise<void>;

	private open!: () => void;

	/** `items`: how many items the run has, i.e. how many hooks will pass. */
	constructor(private readonly items: number) {
		this.done = new Promise((resolve) => (this.open = resolve));
		if (items <= 0) this.open();
	}

	/**
	 * Runs this item's `check` after the items before it, then waits until all items are
	 * checked. Resolves true when every item passed, false when another item failed (this one is
	 * then not to be sent); rethrows this item's own failure. Rejects with the signal's reason
	 * when `signal` aborts while waiting.
	 */
	async pass(check: () => Promise<void>, signal: AbortSignal): Promise<boolean> {
		const turn = this.chain.then(async () => {
			// Once an item failed nothing is sent, so the items after it need not be read.
			if (!this.failed) await check();
		});
		this.chain = turn.catch(() => undefined);
		const checked = await settleAsync(async () => await turn);
		if (!checked.ok) {
			this.failed = true;
			this.open();
		}
		this.checked++;
		if (this.checked >= this.items) this.open();
		if (!checked.ok) throw checked.error;
		await untilAborted(this.done, signal);
		return !this.failed;
	}
}

/** `promise`, or the signal's reason as a rejection once `signal` aborts. */
export async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
	signal.throwIfAborted();
	let onAbort!: () => void;
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
