import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { settleAsync } from '../shared/settle';

/**
 * How many items' inputs are checked at once. A check is mostly waiting for the binary data
 * service (file reads in filesystem mode), so a few at once keep the event loop busy while
 * they wait; libuv runs four file operations at once by default, more would only queue there
 * and hold more images in memory (docs/performance.md, idle start).
 */
export const PARALLEL_CHECKS = 4;

/**
 * Beside the first check, others start only while the binary data of the items being checked
 * stays within this: large images are checked one at a time, as many at once would only add
 * memory (their reads are not faster together).
 */
export const PARALLEL_CHECK_BYTES = 4 * 1024 * 1024;

/**
 * The item's binary data in bytes, as n8n recorded it (n8n 1.x records no byte count for stored
 * data: 0 then); an upper bound of what its check reads.
 */
export function inputBytes(context: IExecuteSingleFunctions): number {
	let bytes = 0;
	for (const binary of Object.values(context.getInputData().binary ?? {})) {
		bytes += binary.bytes ?? (binary.id ? 0 : Math.ceil((binary.data.length * 3) / 4));
	}
	return bytes;
}

/**
 * With stop-on-error, no call of a run is sent before every item's input has been checked, so
 * a run that would fail on item 7 bills nothing. n8n starts every item's hook at once; each
 * hook checks its item here, at most PARALLEL_CHECKS items at a time and large ones alone (so
 * memory does not grow with the item count), then waits for the rest. The failure reported is
 * the first bad item's in item order, as n8n reports the first failed item: an item that fails
 * waits until every item before it is checked, and the items after a known failure are not read.
 */
export class InputBarrier {
	private running = 0;

	/** The input bytes of the running checks (see inputBytes). */
	private runningBytes = 0;

	/** Items waiting for a place among the running checks; `admit(false)`: not to be checked. */
	private waiting: Array<{ index: number; bytes: number; admit: (check: boolean) => void }> = [];

	/** The lowest index whose check failed so far, and its failure. */
	private firstBad = Infinity;

	private firstError: unknown;

	private readonly settled = new Set<number>();

	/** Every item below this index is settled. */
	private prefix = 0;

	private decided: boolean;

	/** By item index: lets a checked item go on once the outcome is known. */
	private readonly resumes: Array<() => void> = [];

	/** `items`: how many items the run has, i.e. how many hooks will pass. */
	constructor(private readonly items: number) {
		this.decided = items <= 0;
	}

	/**
	 * Runs item `index`'s `check` (once a place among the running checks is free; `bytes`: its
	 * input's size, see inputBytes), then waits until the outcome of the run's checks is known.
	 * Resolves true when every item passed, false when another item is the first that failed
	 * (this one is then not to be sent); rethrows this item's failure when it is the first.
	 * Rejects with the signal's reason when `signal` aborts while waiting.
	 */
	async pass(index: number, bytes: number, check: () => Promise<void>, signal: AbortSignal): Promise<boolean> {
		const turn = this.turn(index, bytes);
		const admitted = await settleAsync(async () => await untilAborted(turn, signal));
		if (!admitted.ok) {
			void turn.then((checking) => checking && this.release(bytes));
			throw admitted.error;
		}
		if (admitted.value) {
			const checked = await settleAsync(check);
			if (!checked.ok) this.fail(index, checked.error);
			this.release(bytes);
		}
		const outcome = this.decided ? undefined : new Promise<void>((resolve) => (this.resumes[index] = resolve));
		this.settle(index);
		if (outcome) await untilAborted(outcome, signal);
		if (index === this.firstBad) throw this.firstError;
		return this.firstBad === Infinity;
	}

	/** True once a place is this item's; false: an item before it failed, it need not be read. */
	private async turn(index: number, bytes: number): Promise<boolean> {
		if (index > this.firstBad) return false;
		if (this.waiting.length === 0 && this.fits(bytes)) {
			this.start(bytes);
			return true;
		}
		return await new Promise((admit) => this.waiting.push({ index, bytes, admit }));
	}

	private fits(bytes: number): boolean {
		return this.running === 0 || (this.running < PARALLEL_CHECKS && this.runningBytes + bytes <= PARALLEL_CHECK_BYTES);
	}

	private start(bytes: number): void {
		this.running++;
		this.runningBytes += bytes;
	}

	/** Ends a check of `bytes`; the items waiting start in their order while they fit. */
	private release(bytes: number): void {
		this.running--;
		this.runningBytes -= bytes;
		while (this.waiting.length > 0 && this.fits(this.waiting[0].bytes)) {
			const next = this.waiting.shift()!;
			this.start(next.bytes);
			next.admit(true);
		}
	}

	private fail(index: number, error: unknown): void {
		if (index > this.firstBad) return;
		this.firstBad = index;
		this.firstError = error;
		const skipped = this.waiting.filter((waiter) => waiter.index > index);
		this.waiting = this.waiting.filter((waiter) => waiter.index < index);
		for (const waiter of skipped) waiter.admit(false);
	}

	private settle(index: number): void {
		this.settled.add(index);
		while (this.settled.has(this.prefix)) this.prefix++;
		if (!this.decided && (this.prefix > this.firstBad || this.settled.size >= this.items)) {
			this.decided = true;
			// The items go on in item order (so the first slots are asked for in item order), in a
			// microtask so that the deciding item, which starts waiting just after this, has its turn too.
			queueMicrotask(() => {
				for (const resume of this.resumes) resume?.();
			});
		}
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
