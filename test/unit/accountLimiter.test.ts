import { AccountLimiter, type SlotOutcome, type RunQueue, type Slot } from '../../nodes/EtopOcr/transport/limiter';
import { accountId, accountLimiter } from '../../nodes/EtopOcr/transport/accounts';
import { BUSY_WINDOW_RETRIES } from '../../nodes/EtopOcr/data/retryPolicy';

// The account limiter on its own, driven by event order only (no clocks): who gets a slot when,
// how the window moves, and two limiters that cannot talk sharing one service.

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts `count` acquires of a run and records the grant order as "<name><index>". */
function enqueue(run: RunQueue, name: string, count: number, granted: Array<{ id: string; slot: Slot }>, signal?: AbortSignal) {
	return Array.from({ length: count }, (_, index) =>
		run.acquire(signal).then((slot) => {
			granted.push({ id: `${name}${index}`, slot });
			return slot;
		}),
	);
}

describe('account limiter: order and fairness', () => {
	it('grants in item order within a run', async () => {
		const limiter = new AccountLimiter();
		const run = limiter.queue(1);
		const granted: Array<{ id: string; slot: Slot }> = [];
		enqueue(run, 'a', 5, granted);
		for (let step = 0; step < 5; step++) {
			await settle();
			expect(granted).toHaveLength(step + 1);
			granted[step].slot.release('ok');
		}
		expect(granted.map((g) => g.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
	});

	it('hands free slots round-robin to the runs that wait', async () => {
		const limiter = new AccountLimiter();
		const a = limiter.queue(2);
		const b = limiter.queue(2);
		const granted: Array<{ id: string; slot: Slot }> = [];
		enqueue(a, 'a', 6, granted);
		enqueue(b, 'b', 3, granted);
		await settle();
		expect(granted.map((g) => g.id)).toEqual(['a0', 'a1']);
		for (let next = 0; next < 7; next++) {
			granted[next].slot.release('failed');
			await settle();
		}
		expect(granted.map((g) => g.id)).toEqual(['a0', 'a1', 'b0', 'a2', 'b1', 'a3', 'b2', 'a4', 'a5']);
		expect(limiter.inFlight).toBe(2);
	});

	it('puts an item that comes back for another attempt before its run\'s unsent items', async () => {
		const limiter = new AccountLimiter();
		const run = limiter.queue(1);
		const granted: Array<{ id: string; slot: Slot }> = [];
		enqueue(run, 'a', 3, granted);
		await settle();
		const retry = run.acquire(undefined, { first: true }).then((slot) => granted.push({ id: 'a0-again', slot }));
		granted[0].slot.release('failed');
		await settle();
		await retry;
		expect(granted.map((g) => g.id)).toEqual(['a0', 'a0-again']);
	});

	it('keeps each run within its own Max Concurrent Requests; the account window is the largest of the runs that are active', async () => {
		const limiter = new AccountLimiter();
		const small = limiter.queue(1);
		const large = limiter.queue(4);
		const granted: Array<{ id: string; slot: Slot }> = [];
		enqueue(small, 's', 3, granted);
		enqueue(large, 'l', 6, granted);
		await settle();
		expect(granted.map((g) => g.id)).toEqual(['s0', 'l0', 'l1', 'l2']);
		expect(limiter.currentWindow).toBe(4);
		expect(small.inFlight).toBe(1);
	});
});

describe('account limiter: the adaptive window (AIMD)', () => {
	async function fill(limiter: AccountLimiter, run: RunQueue, count: number) {
		const granted: Array<{ id: string; slot: Slot }> = [];
		enqueue(run, 'x', count, granted);
		await settle();
		return granted;
	}

	it('shrinks once per busy spell: busy answers to calls sent before the shrink do not shrink it again', async () => {
		const limiter = new AccountLimiter();
		const run = limiter.queue(10);
		// The run's item is still in progress (as in the hook, between enter() and leave()).
		run.enter();
		const granted = await fill(limiter, run, 10);
		expect(limiter.currentWindow).toBe(10);
		for (const { slot } of granted) slot.release('busy');
		expect(limiter.currentWindow).toBe(7);
		// A call sent at the new window and answered busy shrinks it again.
		const next = await fill(limiter, run, 1);
		next[0].slot.release('busy');
		expect(limiter.currentWindow).toBe(4);
	});

	it('never goes below one call and grows back by one call per three windows of successes, up to Max Concurrent Requests', async () => {
		const limiter = new AccountLimiter();
		const run = limiter.queue(5);
		// The run's item is still in progress (as in the hook, between enter() and leave()).
		run.enter();
		// 5 × 0.7³ = 1.7: one call, where it stays.
		for (let spell = 0; spell < 4; spell++) (await fill(limiter, run, 1))[0].slot.release('busy');
		expect(limiter.currentWindow).toBe(1);
		const windows: number[] = [];
		for (let call = 0; call < 60; call++) {
			(await fill(limiter, run, 1))[0].slot.release('ok');
			windows.push(limiter.currentWindow);
		}
		// From 1.7: +1/3 per success at one call, +1/6 at two, +1/9 at three, +1/12 at four: one
		// call more per three windows of successes.
		expect(windows.indexOf(2)).toBe(0);
		expect(windows.indexOf(3)).toBe(6);
		expect(windows.indexOf(4)).toBe(15);
		expect(windows.indexOf(5)).toBe(27);
		expect(Math.max(...windows)).toBe(5);
	});

	it('ignores answers that say nothing about capacity and a second release of one slot', async () => {
		const limiter = new AccountLimiter();
		const run = limiter.queue(3);
		// The run's item is still in progress (as in the hook, between enter() and leave()).
		run.enter();
		const [first] = await fill(limiter, run, 1);
		first.slot.release('failed');
		first.slot.release('busy');
		expect(limiter.currentWindow).toBe(3);
		expect(limiter.inFlight).toBe(0);
	});

	it('says which busy answers the window took on itself: those to calls sent while it was wider than one call', async () => {
		const limiter = new AccountLimiter();
		const run = limiter.queue(2);
		run.enter();
		const [first, second] = await fill(limiter, run, 2);
		expect(first.slot.release('busy')).toBe(true);
		// Sent at two calls before the cut: still the window's, though the window is now one call.
		expect(second.slot.release('busy')).toBe(true);
		expect(limiter.currentWindow).toBe(1);
		const [atOne] = await fill(limiter, run, 1);
		expect(atOne.slot.release('busy')).toBe(false);
		const [ok] = await fill(limiter, run, 1);
		expect(ok.slot.release('ok')).toBe(false);
	});
});

describe('account limiter: idle', () => {
	it('forgets what the window learned once no run uses the account', async () => {
		const limiter = new AccountLimiter();
		const first = limiter.queue(5);
		first.enter();
		(await first.acquire()).release('busy');
		expect(limiter.currentWindow).toBe(3);
		first.leave();
		const next = limiter.queue(5);
		next.enter();
		expect(limiter.currentWindow).toBe(5);
	});
});

describe('account limiter: cancel', () => {
	it('rejects the waiters of a canceled execution at once and leaves the others queued', async () => {
		const limiter = new AccountLimiter();
		const a = limiter.queue(1);
		const b = limiter.queue(1);
		const granted: Array<{ id: string; slot: Slot }> = [];
		const controller = new AbortController();
		enqueue(a, 'a', 2, granted);
		const waitersOfB = enqueue(b, 'b', 3, granted, controller.signal).map((promise) => promise.then(() => 'granted', (error: Error) => error.message));
		await settle();
		expect(granted.map((g) => g.id)).toEqual(['a0']);
		expect(limiter.waiting).toBe(4);
		controller.abort(new Error('canceled by the test'));
		// Without any slot being released.
		expect(await Promise.all(waitersOfB)).toEqual(Array(3).fill('canceled by the test'));
		expect(limiter.waiting).toBe(1);
		granted[0].slot.release('ok');
		await settle();
		expect(granted.map((g) => g.id)).toEqual(['a0', 'a1']);
		await expect(b.acquire(controller.signal)).rejects.toThrow('canceled by the test');
	});
});

describe('account registry', () => {
	it('one limiter per endpoint origin and key; the id is a hash that does not hold the key', () => {
		const key = 'my-secret-account-key';
		expect(accountLimiter('https://ocr.example.com/ocr/PageOcrServlet', key)).toBe(accountLimiter('https://ocr.example.com/ocr/v3/recogInterface.srvc', key));
		expect(accountLimiter('https://ocr.example.com/ocr/PageOcrServlet', key)).not.toBe(accountLimiter('https://ocr.example.com/ocr/PageOcrServlet', `${key}2`));
		expect(accountLimiter('https://ocr.example.com/ocr/PageOcrServlet', key)).not.toBe(accountLimiter('https://other.example.com/ocr/PageOcrServlet', key));
		const id = accountId('https://ocr.example.com/ocr/PageOcrServlet', key);
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		expect(id).not.toContain(Buffer.from(key).toString('hex'));
	});
});

describe('two limiters that cannot talk (two n8n processes) sharing a service that serves 5 at once', () => {
	/** A controlled clock: the test advances it one tick per step. */
	class Clock {
		private readonly waiting: Array<() => void> = [];

		async wait(ticks: number): Promise<void> {
			for (let tick = 0; tick < ticks; tick++) await new Promise<void>((resolve) => this.waiting.push(resolve));
		}

		tick(): void {
			for (const resume of this.waiting.splice(0)) resume();
		}
	}

	/**
	 * Answers beyond `capacity` calls in flight with "busy" at once; the others when the test
	 * completes them. A call reaches it 0–2 event-loop turns after it is sent (seeded), so that
	 * neither process always wins the race for a slot the service has just freed.
	 */
	class Service {
		inFlight = 0;
		peak = 0;
		calls = 0;
		readonly pending: Array<() => void> = [];
		private seed = 12345;

		constructor(private readonly capacity: number) {}

		private random(): number {
			this.seed = (this.seed * 1103515245 + 12345) % 2 ** 31;
			return this.seed / 2 ** 31;
		}

		async call(): Promise<SlotOutcome> {
			for (let turn = Math.floor(this.random() * 3); turn > 0; turn--) await settle();
			this.calls++;
			if (this.inFlight >= this.capacity) return 'busy';
			this.inFlight++;
			this.peak = Math.max(this.peak, this.inFlight);
			return await new Promise((resolve) =>
				this.pending.push(() => {
					this.inFlight--;
					resolve('ok');
				}),
			);
		}
	}

	/**
	 * One item as the node's hook treats it (Max Retries 3): a busy answer the limiter took on
	 * itself queues the item again at once, first in its run; another one costs a retry and a
	 * pause without a slot. Resolves with the calls it took, or 0 when it failed.
	 */
	async function item(run: RunQueue, service: Service, clock: Clock): Promise<number> {
		let retries = 0;
		let free = 0;
		run.enter();
		try {
			for (let calls = 1; ; calls++) {
				const slot = await run.acquire(undefined, { first: calls > 1 });
				const outcome = await service.call();
				const absorbed = slot.release(outcome);
				if (outcome === 'ok') return calls;
				if (absorbed && free < BUSY_WINDOW_RETRIES) {
					free++;
					continue;
				}
				if (retries === 3) return 0;
				await clock.wait(2 ** retries++);
			}
		} finally {
			run.leave();
		}
	}

	it('serves every item of both processes with few busy answers and keeps the service full', async () => {
		const service = new Service(5);
		const clock = new Clock();
		// A call takes 5 ticks: the service finishes its oldest call each tick.
		const processes = [new AccountLimiter(), new AccountLimiter()];
		// Per process: 10 executions of 10 images, default Max Concurrent Requests (5).
		const items = processes.flatMap((limiter) =>
			Array.from({ length: 10 }, () => limiter.queue(5)).flatMap((run) => Array.from({ length: 10 }, () => item(run, service, clock))),
		);
		let finished = false;
		void Promise.all(items).then(() => (finished = true));
		for (let step = 0; step < 10_000 && !finished; step++) {
			await settle();
			service.pending.shift()?.();
			clock.tick();
		}
		const calls = await Promise.all(items);
		expect(calls.filter((count) => count === 0)).toEqual([]);
		// 1.13 here (1.32 if the window grew by one call per window of successes, as TCP's does).
		expect(service.calls / 200).toBeLessThanOrEqual(1.2);
		// Both processes together kept the service busy: it served 5 at once.
		expect(service.peak).toBe(5);
	});
});
