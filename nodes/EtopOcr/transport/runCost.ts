import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * What one run of the node cost, shown on the run's last output item as `meta.runSummary`: the
 * declarative hooks cannot add execution hints (n8n-core 1.122, 2.11 and 2.41 give
 * `addExecutionHints` only to programmatic nodes' contexts, see docs/inbox-and-pdf.md), and the
 * last item is where a user looks after a run.
 */
export interface RunSummary extends IDataObject {
	/** HTTP calls that left the node, every attempt counted. */
	callsSent: number;
	/** Of those, calls the service may have billed: every answer but a "not done" one, and calls whose answer never came. */
	possiblyBilled: number;
	/** Calls that were repeats of an earlier attempt (Max Retries). */
	retried: number;
	/** Images not sent because they were read before (Skip Images Already Read). */
	skippedAlreadyRead: number;
	/** Images refused before any call: not an image, too large, an unreadable PDF page, and so on. */
	refusedLocally: number;
}

/** How one attempt ended, as far as billing goes. */
export type AttemptBilling = 'possiblyBilled' | 'notBilled';

export class RunCost {
	readonly summary: RunSummary = { callsSent: 0, possiblyBilled: 0, retried: 0, skippedAlreadyRead: 0, refusedLocally: 0 };

	private unfinished: number;

	/** Each input item's output items, by item index, as its hook returned them. */
	private readonly outputs: Array<INodeExecutionData[] | undefined> = [];

	private othersDone!: () => void;

	/** Resolves when every item but the last has finished. */
	readonly othersFinished: Promise<void>;

	constructor(readonly items: number) {
		this.unfinished = items;
		this.othersFinished = new Promise((resolve) => (this.othersDone = resolve));
		if (items <= 1) this.othersDone();
	}

	attempt(number: number, billing: AttemptBilling) {
		this.summary.callsSent++;
		if (number > 1) this.summary.retried++;
		if (billing === 'possiblyBilled') this.summary.possiblyBilled++;
	}

	/** Called by every item but the last, however it ended, with its output items if it has any. */
	itemFinished(itemIndex: number, results: INodeExecutionData[] | undefined) {
		this.outputs[itemIndex] = results;
		if (--this.unfinished <= 1) this.othersDone();
	}

	/**
	 * The run's last output item: n8n puts the items of the input items one after another, so it
	 * is the last item of the last input item that has any (an item whose images were all
	 * dropped as already read has none).
	 */
	lastOutput(lastResults: INodeExecutionData[]): INodeExecutionData | undefined {
		this.outputs[this.items - 1] = lastResults;
		for (let index = this.outputs.length - 1; index >= 0; index--) {
			const results = this.outputs[index];
			if (results?.length) return results[results.length - 1];
		}
		return undefined;
	}
}

/**
 * Runs one item's hook. The last input item's items come out once every other item has
 * finished, and the run's summary goes on the run's last output item, wherever it is: n8n
 * gathers the items only once every hook has returned, so an earlier item's returned items can
 * still carry it. Every other item, however it ends, counts itself as finished, so the last one
 * never waits in vain. A run without any output item (every image dropped as already read, so
 * no call was sent) shows no summary: an item made only for it would run the following nodes.
 */
export async function withRunSummary(cost: RunCost, itemIndex: number, work: () => Promise<INodeExecutionData[]>): Promise<INodeExecutionData[]> {
	const isLast = itemIndex === cost.items - 1;
	let results: INodeExecutionData[] | undefined;
	try {
		results = await work();
	} finally {
		if (!isLast) cost.itemFinished(itemIndex, results);
	}
	if (isLast) {
		await cost.othersFinished;
		const last = cost.lastOutput(results);
		if (last) attachSummary(last, cost.summary);
	}
	return results;
}

/**
 * Puts the run's summary on its last item: in `meta` of a simplified item, in `error` of an
 * error item (whose JSON must stay `error` alone for n8n to take it as failed), else beside the
 * body's members.
 */
function attachSummary(last: INodeExecutionData, summary: RunSummary): void {
	const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);
	const { meta, error } = last.json;
	if (isObject(meta)) meta.runSummary = { ...summary };
	else if (isObject(error) && Object.keys(last.json).length === 1) error.runSummary = { ...summary };
	else last.json.runSummary = { ...summary };
}
