import { createHash } from 'node:crypto';

import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Skip Images Already Read. n8n gives a declarative node no store of its own: the
 * deduplication helpers exist only for programmatic nodes, and workflow static data is saved
 * only after production runs, with the last execution to finish overwriting the others. So
 * the memory lives in two places, and a repeat is recognised by either:
 * - the process: every execution in this n8n process (manual runs too, concurrent ones too)
 *   sees what the others read, until n8n restarts;
 * - the node's workflow static data: survives restarts and reaches other queue-mode workers,
 *   for production executions. Two overlapping executions may lose each other's entries
 *   there; the cost is a repeat that is sent again, never an image wrongly skipped.
 * Only digests and times are kept, never document content. Both are bounded, oldest first.
 */

/** The key of the node's static data that holds the digests. */
const STATIC_KEY = 'etopReadImages';
/** Workflows (× nodes) whose memory one process keeps. */
const MAX_SCOPES = 200;

const processMemory = new Map<string, Map<string, number>>();
/** Reads in flight, by scope and key: a repeat waits for the first read instead of paying twice. */
const inFlight = new Map<string, Promise<void>>();

/** Form fields that do not change the answer: the echo of Request ID, and what carries the image. */
const NOT_IN_KEY = ['requestId', 'file', 'urlPath', 'mfile', 'key', 'secret'];

/**
 * The digest that identifies "this image, read this way": SHA-256 of the image bytes, of the
 * product (pid) and of every other option sent, so reading the same scan with another pid or
 * with seal reading on is a new read.
 */
export function readKey(imageDigest: Buffer, fields: Record<string, string>): string {
	const options = Object.keys(fields)
		.filter((name) => !NOT_IN_KEY.includes(name))
		.sort()
		.map((name) => [name, fields[name]]);
	return createHash('sha256').update(JSON.stringify(options)).update('\n').update(imageDigest).digest('base64url');
}

export type ReadTurn = { kind: 'alreadyRead'; firstReadAt: Date } | { kind: 'first'; done(succeeded: boolean): void };

/** Forgets the oldest keys (insertion order) beyond `limit`. */
function forgetOldest(keys: () => string[], size: number, limit: number, forget: (key: string) => unknown) {
	if (size <= limit) return;
	for (const key of keys().slice(0, size - limit)) forget(key);
}

export class ReadMemory {
	private readonly local: Map<string, number>;

	private readonly stored: IDataObject;

	/**
	 * `scope`: the workflow and node the memory belongs to; `staticData`: the node's workflow
	 * static data (n8n saves it after production runs).
	 */
	constructor(
		private readonly scope: string,
		staticData: IDataObject,
		private readonly limit: number,
	) {
		let local = processMemory.get(scope);
		if (!local) {
			local = new Map();
			processMemory.set(scope, local);
			forgetOldest(() => [...processMemory.keys()], processMemory.size, MAX_SCOPES, (key) => processMemory.delete(key));
		}
		this.local = local;
		if (typeof staticData[STATIC_KEY] !== 'object' || staticData[STATIC_KEY] === null) staticData[STATIC_KEY] = {};
		this.stored = staticData[STATIC_KEY] as IDataObject;
	}

	private recall(key: string): number | undefined {
		const stored = this.stored[key];
		return this.local.get(key) ?? (typeof stored === 'number' ? stored : undefined);
	}

	private remember(key: string, at: number) {
		if (!this.local.has(key)) this.local.set(key, at);
		forgetOldest(() => [...this.local.keys()], this.local.size, this.limit, (old) => this.local.delete(old));
		if (this.stored[key] === undefined) this.stored[key] = at;
		const stored = Object.keys(this.stored);
		forgetOldest(() => stored, stored.length, this.limit, (old) => delete this.stored[old]);
	}

	/**
	 * Whether the image was read before; otherwise the caller reads it and reports with `done`.
	 * A read of the same key in flight is waited for first.
	 */
	async turn(key: string): Promise<ReadTurn> {
		const flightKey = `${this.scope}:${key}`;
		for (let pending = inFlight.get(flightKey); pending; pending = inFlight.get(flightKey)) await pending;
		const known = this.recall(key);
		if (known !== undefined) return { kind: 'alreadyRead', firstReadAt: new Date(known) };
		let finish = () => {};
		inFlight.set(flightKey, new Promise<void>((resolve) => (finish = resolve)));
		return {
			kind: 'first',
			done: (succeeded) => {
				if (succeeded) this.remember(key, Date.now());
				inFlight.delete(flightKey);
				finish();
			},
		};
	}
}

export function readMemoryFor(context: IExecuteSingleFunctions, limit: number): ReadMemory {
	const node = context.getNode();
	return new ReadMemory(`${context.getWorkflow().id ?? 'unsaved'}:${node.id ?? node.name}`, context.getWorkflowStaticData('node'), limit);
}
