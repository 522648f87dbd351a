import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { readKey, ReadMemory } from '../../nodes/EtopOcr/transport/readMemory';

const digest = (text: string) => createHash('sha256').update(text).digest();
let scopes = 0;
const newScope = () => `workflow-${scopes++}:node`;

async function read(memory: ReadMemory, key: string, succeeded = true) {
	const turn = await memory.turn(key);
	if (turn.kind === 'first') turn.done(succeeded);
	return turn.kind;
}

describe('read key', () => {
	const fields = { pid: '21', openSeal: '1' };

	it('is the same for the same image, pid and options, whatever the Request ID', () => {
		expect(readKey(digest('scan'), { ...fields, requestId: 'a' })).toBe(readKey(digest('scan'), { openSeal: '1', pid: '21', requestId: 'b' }));
	});

	it('changes with the image, the pid and any option that changes the answer', () => {
		const base = readKey(digest('scan'), fields);
		expect(readKey(digest('other scan'), fields)).not.toBe(base);
		expect(readKey(digest('scan'), { ...fields, pid: '2' })).not.toBe(base);
		expect(readKey(digest('scan'), { pid: '21' })).not.toBe(base);
		expect(readKey(digest('scan'), { ...fields, showPosition: '1' })).not.toBe(base);
	});

	it('holds no document content: a fixed-size digest', () => {
		expect(readKey(digest('x'.repeat(100_000)), fields)).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});
});

describe('read memory', () => {
	it('a successful read is remembered with its time; a failed one is not', async () => {
		const memory = new ReadMemory(newScope(), {}, 10);
		expect(await read(memory, 'a', false)).toBe('first');
		expect(await read(memory, 'a')).toBe('first');
		const before = Date.now();
		const turn = await memory.turn('a');
		expect(turn.kind).toBe('alreadyRead');
		expect(turn.kind === 'alreadyRead' && turn.firstReadAt.getTime()).toBeLessThanOrEqual(before);
	});

	it('a repeat while the first read is in flight waits for it instead of paying twice', async () => {
		const memory = new ReadMemory(newScope(), {}, 10);
		const first = await memory.turn('a');
		let secondKind: string | undefined;
		const second = memory.turn('a').then((turn) => (secondKind = turn.kind));
		await Promise.resolve();
		expect(secondKind).toBeUndefined();
		expect(first.kind === 'first' && first.done(true)).toBeUndefined();
		await second;
		expect(secondKind).toBe('alreadyRead');
	});

	it('if the read in flight fails, the repeat is sent', async () => {
		const memory = new ReadMemory(newScope(), {}, 10);
		const first = await memory.turn('a');
		const second = memory.turn('a');
		if (first.kind === 'first') first.done(false);
		expect((await second).kind).toBe('first');
	});

	it('writes digests and times (no content) to the static data, bounded, oldest forgotten first', async () => {
		const staticData: IDataObject = {};
		const memory = new ReadMemory(newScope(), staticData, 3);
		for (const key of ['a', 'b', 'c', 'd']) await read(memory, key);
		expect(Object.keys(staticData.etopReadImages as IDataObject)).toEqual(['b', 'c', 'd']);
		expect(Object.values(staticData.etopReadImages as IDataObject).every((value) => typeof value === 'number')).toBe(true);
		expect(await read(memory, 'a')).toBe('first');
		expect(await read(memory, 'd')).toBe('alreadyRead');
	});

	it('static data saved by an earlier production run is recognised by a fresh process', async () => {
		const saved: IDataObject = {};
		await read(new ReadMemory(newScope(), saved, 10), 'a');
		// Another scope stands for another process or worker: nothing in process memory.
		const restarted = new ReadMemory(newScope(), JSON.parse(JSON.stringify(saved)) as IDataObject, 10);
		expect(await read(restarted, 'a')).toBe('alreadyRead');
	});

	it('process memory is shared by the runs of one node, even when static data is not saved (manual runs)', async () => {
		const scope = newScope();
		await read(new ReadMemory(scope, {}, 10), 'a');
		expect(await read(new ReadMemory(scope, {}, 10), 'a')).toBe('alreadyRead');
		expect(await read(new ReadMemory(newScope(), {}, 10), 'a')).toBe('first');
	});
});
