/**
 * The calls one ETOP account may have in flight in this process, shared by every run of the
 * node that uses the account (docs/running-at-scale.md).
 *
 * - A window of whole calls between 1 and the runs' Max Concurrent Requests, adapted as TCP
 *   adapts its congestion window (AIMD): cut when the service says it is busy, grown by one call
 *   per three windows' worth of successes. Processes that cannot talk to each other (queue
 *   mode workers) thus settle on sharing the account's real limit.
 * - Each run has its own FIFO queue (item order within a run); free slots go round-robin to the
 *   runs that wait (fair between runs), and a run never has more than its own Max Concurrent
 *   Requests in flight.
 * - A waiter whose execution is canceled leaves the queue at once.
 */


/**
 * The window after a busy answer, as a share of what it was: CUBIC's 0.7 rather than classic
 * TCP's 0.5, because a window just one call over the limit should not lose half its throughput.
 */
const DECREASE_FACTOR = 0.7;

/**
 * Windows of successes per call the window grows by. TCP grows by one per window; here a probe past
 * the limit costs a call (answered -52, not billed), so the window grows three times slower: with two
 * processes on one account that roughly halves the -52 answers (docs/running-at-scale.md).
 */
const INCREASE_WINDOWS = 3;

/**
 * How a call that held a slot ended, as far as the account's capacity goes: 'busy' for -52,
 * HTTP 429 and 503; 'failed' for anything that says nothing about it.
 */
export type SlotOutcome = 'ok' | 'busy' | 'failed';

/** One call's place in the window, held from sending until its answer is in. */
export interface Slot {
	/**
	 * Gives the slot back with what the answer said. True for a busy answer to a call sent while
	 * the window was wider than one call: the window is (or already was) made smaller for it, so
	 * the item may queue again at once. At one call there is nothing left to make smaller.
	 */
	release(outcome: SlotOutcome): boolean;
}


interface Waiter {
	grant: (slot: Slot) => void;
	detach: () => void;
}

export class AccountLimiter {
	/** Fractional, so that successes can grow it by 1/window each. */
	private window: number | undefined;

	private active = 0;

	/** Counts the cuts: a busy answer to a call sent before the last cut does not cut again. */
	private generation = 0;

	/** Runs with waiters. */
	private readonly rotation: RunQueue[] = [];

	private readonly live = new Set<RunQueue>();

	private grants = 0;

	/** The queue of one node run; `maxConcurrency` is that run's Max Concurrent Requests. */
	queue(maxConcurrency: number): RunQueue {
		return new RunQueue(this, Math.max(1, Math.floor(maxConcurrency)));
	}

	/** The window in whole calls, as the next grant would see it. */
	get currentWindow(): number {
		const ceiling = this.ceiling();
		return Math.max(1, wholeCalls(Math.min(this.window ?? ceiling, ceiling)));
	}

	get inFlight(): number {
		return this.active;
	}

	get waiting(): number {
		let count = 0;
		for (const run of this.rotation) count += run.waiting;
		return count;
	}

	/** The largest Max Concurrent Requests among the runs that wait or have calls in flight. */
	private ceiling(): number {
		if (this.live.size === 0) return 1;
		let ceiling = 1;
		for (const run of this.live) ceiling = Math.max(ceiling, run.maxConcurrency);
		return ceiling;
	}

	/** @internal called by RunQueue */
	enqueue(run: RunQueue): void {
		this.live.add(run);
		if (!this.rotation.includes(run)) this.rotation.push(run);
		this.pump();
	}

	/** @internal called by RunQueue when a waiter left without a slot */
	dequeued(run: RunQueue): void {
		if (run.waiting === 0) this.leaveRotation(run);
		this.forget(run);
	}

	private leaveRotation(run: RunQueue): void {
		const index = this.rotation.indexOf(run);
		if (index >= 0) this.rotation.splice(index, 1);
	}

	/** @internal called by RunQueue when an item starts */
	joined(run: RunQueue): void {
		this.live.add(run);
	}

	/**
	 * @internal Drops a run that has no item left. When no run uses the account any more, what
	 * the window learned is dropped too: the next burst starts at Max Concurrent Requests again
	 * (re-learning costs a few -52 answers, which are not billed), and an old busy spell does not
	 * slow down work that comes hours later.
	 */
	forget(run: RunQueue): void {
		if (run.items > 0 || run.waiting > 0 || run.inFlight > 0) return;
		this.live.delete(run);
		if (this.live.size > 0) return;
		this.window = undefined;
		this.generation++;
	}

	/**
	 * Hands free slots round-robin to the runs that wait and are under their own limit: each slot
	 * to the run whose last slot is the oldest.
	 */
	private pump(): void {
		while (this.active < this.currentWindow) {
			let run: RunQueue | undefined;
			for (const candidate of this.rotation) {
				if (candidate.inFlight < candidate.maxConcurrency && (!run || candidate.lastGrant < run.lastGrant)) run = candidate;
			}
			if (!run) return;
			const waiter = run.take();
			run.lastGrant = ++this.grants;
			if (run.waiting === 0) this.leaveRotation(run);
			this.active++;
			run.inFlight++;
			waiter.detach();
			waiter.grant(this.slot(run));
		}
	}

	private slot(run: RunQueue): Slot {
		const generation = this.generation;
		const window = this.currentWindow;
		let released = false;
		return {
			release: (outcome) => {
				if (released) return false;
				released = true;
				// From the first answer on, the window is remembered beyond the runs that set it.
				this.window ??= this.ceiling();
				const absorbed = outcome === 'busy' && this.onBusy(generation, window);
				if (outcome === 'ok') this.onSuccess();
				this.active--;
				run.inFlight--;
				this.forget(run);
				this.pump();
				return absorbed;
			},
		};
	}

	private onSuccess(): void {
		const ceiling = this.ceiling();
		const current = Math.min(this.window ?? ceiling, ceiling);
		this.window = Math.min(ceiling, current + 1 / (INCREASE_WINDOWS * wholeCalls(current)));
	}

	/** Acts on a busy answer to a call sent at `window`; says whether the limiter took it on itself. */
	private onBusy(generation: number, window: number): boolean {
		const ceiling = this.ceiling();
		const current = Math.min(this.window ?? ceiling, ceiling);
		// A call sent before the last cut: that cut already answered for it.
		if (generation === this.generation && wholeCalls(current) > 1) {
			this.generation++;
			this.window = Math.max(1, current * DECREASE_FACTOR);
		}
		return window > 1;
	}
}

/** The FIFO queue of one node run at its account's limiter. */
export class RunQueue {
	inFlight = 0;

	/** When this run last got a slot (the limiter's grant count), for the round-robin. */
	lastGrant = 0;

	/** Items of the run between `enter()` and `leave()`, also while they pause between attempts. */
	items = 0;

	private readonly waiters: Waiter[] = [];

	constructor(
		private readonly limiter: AccountLimiter,
		readonly maxConcurrency: number,
	) {}

	get waiting(): number {
		return this.waiters.length;
	}

	/** An item of the run starts: the run counts as using the account until the item leaves. */
	enter(): void {
		this.items++;
		this.limiter.joined(this);
	}

	leave(): void {
		this.items--;
		this.limiter.forget(this);
	}

	/** @internal the next waiter, for the limiter's pump */
	take(): Waiter {
		return this.waiters.shift()!;
	}

	/**
	 * Waits for a slot. `first`: an item coming back for another attempt goes before the run's
	 * items that have not been sent yet, so items stay in order. Rejects with the signal's reason
	 * as soon as the signal aborts (the slot is then not taken).
	 */
	async acquire(signal?: AbortSignal, { first = false } = {}): Promise<Slot> {
		signal?.throwIfAborted();
		return await new Promise<Slot>((resolve, reject) => {
			const onAbort = () => {
				const index = this.waiters.indexOf(waiter);
				if (index < 0) return;
				this.waiters.splice(index, 1);
				this.limiter.dequeued(this);
				reject(signal!.reason);
			};
			const waiter: Waiter = {
				grant: resolve,
				detach: () => signal?.removeEventListener('abort', onAbort),
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			if (first) this.waiters.unshift(waiter);
			else this.waiters.push(waiter);
			this.limiter.enqueue(this);
		});
	}
}

/** Rounded down, but a sum of thirds that should be 4 and is 3.9999999999999996 counts as 4. */
function wholeCalls(window: number): number {
	return Math.floor(window + 1e-9);
}
