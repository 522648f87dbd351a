import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { InputBarrier, PARALLEL_CHECK_BYTES, PARALLEL_CHECKS } from '../../nodes/EtopOcr/transport/inputBarrier';
import { makePng, NOT_AN_IMAGE } from '../fixtures/images';
import type { InputItem } from '../harness/inputNode';
import { until } from '../harness/until';
import { run, useSandbox } from './context';

// The stop-on-error barrier (transport/inputBarrier.ts) through n8n's real engine: checks run a
// few at a time, and the failure reported is the first bad item's in item order, whichever check
// ends first. Reads are held and let go by the test (event order, no timing): every image read
// of a check goes through n8n's BinaryDataService.getAsBuffer, which the test wraps.

const { sandbox, credentials } = useSandbox();

afterEach(() => jest.restoreAllMocks());

const N = PARALLEL_CHECKS;

const image = (index: number, bytes?: number): InputItem => ({ json: {}, binary: { data: { data: makePng({ bytes }), fileName: `item-${index}.png`, mimeType: 'image/png' } } });

/**
 * Wraps n8n's binary reads: counts those in flight (the peak: as a held read starts); a read
 * `hold` says yes to waits until the test lets it go.
 */
function watchReads(hold: (fileName: string) => boolean) {
	const reads = { started: [] as string[], held: [] as Array<() => void>, inFlight: 0, peak: 0 };
	const read = BinaryDataService.prototype.getAsBuffer;
	jest.spyOn(BinaryDataService.prototype, 'getAsBuffer').mockImplementation(async function (this: BinaryDataService, binary: IBinaryData) {
		reads.started.push(binary.fileName ?? '');
		reads.inFlight++;
		try {
			if (hold(binary.fileName ?? '')) {
				reads.peak = Math.max(reads.peak, reads.inFlight);
				await new Promise<void>((release) => reads.held.push(release));
			}
			return await read.call(this, binary);
		} finally {
			reads.inFlight--;
		}
	});
	return reads;
}

/**
 * Wraps the barrier's checks: counts those running, and the item indexes whose check failed in
 * the order they failed, with a wait for one of them.
 */
function watchChecks() {
	const checks = { running: 0, peak: 0, finished: 0, failed: [] as number[] };
	const waiters: Array<() => void> = [];
	const pass = InputBarrier.prototype.pass;
	jest.spyOn(InputBarrier.prototype, 'pass').mockImplementation(function (this: InputBarrier, index, bytes, check, signal) {
		const watched = async () => {
			checks.running++;
			checks.peak = Math.max(checks.peak, checks.running);
			try {
				await check();
			} catch (error) {
				checks.failed.push(index);
				for (const wake of waiters.splice(0)) wake();
				throw error;
			} finally {
				checks.running--;
				checks.finished++;
			}
		};
		return pass.call(this, index, bytes, watched, signal);
	});
	const failedCheck = async (index: number) => {
		while (!checks.failed.includes(index)) await new Promise<void>((wake) => waiters.push(wake));
	};
	return { checks, failedCheck };
}

describe(`the stop-on-error barrier checks up to ${N} items at once, large ones alone`, () => {
	it.each([
		[`never runs more than ${N} checks or reads at once, and does run ${N} at once`, undefined, N],
		[`checks images that do not fit ${PARALLEL_CHECK_BYTES / 1024 / 1024} MiB together one at a time`, Math.ceil(PARALLEL_CHECK_BYTES / 2) + 1, 1],
	])('%s', async (_case, bytes, atOnce) => {
		const count = 3 * N;
		const { checks } = watchChecks();
		const reads = watchReads(() => checks.finished < count);
		const result = run(credentials(), { documentType: '2', options: { uploadMethod: 'mfile' } }, Array.from({ length: count }, (_, index) => image(index, bytes)));
		// Every running check waits in a held read (after the one let go, its next read or the next
		// item's check); the reads are let go one at a time.
		const settled = () => reads.inFlight === reads.held.length && reads.held.length === Math.min(atOnce, count - checks.finished);
		for (;;) {
			await until(() => checks.finished === count || settled(), 'every running check is in a held read', 6000);
			if (checks.finished === count) break;
			expect(checks.running).toBe(reads.held.length);
			reads.held.shift()!();
		}
		const { error, outputs } = await result;
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(count);
		expect(checks.peak).toBe(atOnce);
		expect(reads.peak).toBe(atOnce);
	});
});

describe('with several bad items the first in item order is reported, and nothing is sent', () => {
	// Items 0…N-2 are read, held until item N-1 (no binary field: it fails without a read) has
	// failed, then let go; the items after N-1 are good.
	const items = (bad: number | undefined) =>
		Array.from({ length: 2 * N }, (_, index): InputItem => {
			if (index === N - 1) return { json: {} };
			if (index === bad) return { json: {}, binary: { data: { data: NOT_AN_IMAGE.text, fileName: `item-${index}.png`, mimeType: 'image/png' } } };
			return image(index);
		});
	const heldItems = Array.from({ length: N - 1 }, (_, index) => `item-${index}.png`);

	it.each([
		['an earlier item still being read when it fails is the one reported', N - 2, new RegExp(`not an image ETOP accepts.*\\[item ${N - 2}\\]$`)],
		['the later failure is reported once every item before it passed', undefined, new RegExp(`^There is no binary field "data" .*\\[item ${N - 1}\\]$`)],
	])('%s', async (_case, bad, message) => {
		let holding = true;
		const reads = watchReads((fileName) => holding && heldItems.includes(fileName));
		const { checks, failedCheck } = watchChecks();
		const result = run(credentials(), { documentType: '2' }, items(bad));
		await failedCheck(N - 1);
		expect(reads.held).toHaveLength(N - 1);
		// Microtasks run before the next macrotask: the barrier has taken in item N-1's failure.
		await new Promise((resolve) => setImmediate(resolve));
		holding = false;
		for (const release of reads.held.splice(0)) release();
		const { error, outputs } = await result;
		expect(error?.message).toMatch(message);
		expect(outputs).toEqual([]);
		expect(sandbox().calls).toHaveLength(0);
		expect(checks.failed.slice(0, 1)).toEqual([N - 1]);
		if (bad !== undefined) expect(checks.failed).toEqual([N - 1, bad]);
		// The items after the known failure were never read.
		expect([...new Set(reads.started)].sort()).toEqual(heldItems);
	});
});
