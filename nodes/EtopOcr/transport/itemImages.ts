import { createHash } from 'node:crypto';

import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isInputError, type CollectedImages, type ImageJob, type ImageMeta } from '../input/collectImages';
import type { ImagePayload } from '../input/readImage';
import type { ImageSettings } from '../params/parameters';
import { errorItem } from '../output/errorItem';
import { readKey, readMemoryFor, type ReadTurn } from './readMemory';
import { settleAsync } from '../shared/settle';
import type { AttemptBilling, RunCost } from './runCost';

/**
 * Sends one image: a slot, then the image read (`payload`, when already read for Skip Images
 * Already Read, or `image.payload()`), attempts, release; and shapes its answer. Undefined when
 * the node stopped. A refusal of the image while reading it is thrown as its input error.
 */
export type SendImage = (image: ImageJob, payload: ImagePayload | undefined, onAttempt: (attempt: number, billing: AttemptBilling) => void) => Promise<INodeExecutionData[] | undefined>;

/** Image URL input has no bytes here (the service downloads it): it is never skipped. */
async function imageDigest(payload: ImagePayload): Promise<Buffer | undefined> {
	const hash = createHash('sha256');
	if (payload.source === 'urlPath') return undefined;
	await payload.image.forEachChunk((chunk) => hash.update(chunk));
	return hash.digest();
}

/**
 * Where the image came from, in the item's `meta`: merged into a simplified item's, and added as
 * the one member beside the body's own with Simplify off (ETOP's answers have no `meta`
 * member; the body's members are left as they are), so that `$json.meta.fileName` ties a result
 * to its attachment or page either way.
 */
function withMeta(item: INodeExecutionData, meta: IDataObject, simplify: boolean): INodeExecutionData {
	const own = item.json.meta;
	if (simplify && own && typeof own === 'object' && !Array.isArray(own)) item.json.meta = { ...(own as IDataObject), ...meta };
	else if (!simplify && own === undefined) item.json.meta = { ...meta };
	return item;
}

/**
 * Checks every image of the item before anything is sent (the stop-on-error barrier calls
 * this): throws the first refusal that is to be an error.
 */
export async function checkItemImages(collected: CollectedImages, settings: ImageSettings): Promise<void> {
	for (const image of collected.images) {
		if (image.kind === 'refused') {
			if (settings.nonImageFiles === 'error') throw image.error;
			continue;
		}
		const read = await settleAsync(async () => await image.payload(true));
		if (!read.ok && (settings.nonImageFiles === 'error' || !isInputError(read.error))) throw read.error;
	}
}

/**
 * The item's images, one after another (so one image's request is in memory at a time): a
 * refused image becomes a skipped item or an error item, a repeat an already-read item, every
 * other image is sent. Every item carries where its image came from in `meta`. A failed call
 * becomes an error item with continue-on-fail and is thrown otherwise.
 */
export async function readItemImages(
	context: IExecuteSingleFunctions,
	settings: ImageSettings,
	collected: CollectedImages,
	fields: Record<string, string>,
	cost: RunCost,
	send: SendImage,
): Promise<INodeExecutionData[]> {
	const pairedItem = { item: context.getItemIndex() };
	const results: INodeExecutionData[] = [];
	const refused = (meta: ImageMeta, error: NodeOperationError | NodeApiError) => {
		cost.summary.refusedLocally++;
		if (settings.nonImageFiles === 'skip') results.push({ json: { meta: { ...meta, skipped: true, skipReason: error.message } }, pairedItem });
		else if (context.continueOnFail()) results.push(errorItem(context, error, pairedItem, { ...meta }));
		else throw error;
	};
	const memory = settings.skipAlreadyRead ? readMemoryFor(context, settings.rememberImages) : undefined;
	for (const image of collected.images) {
		if (image.kind === 'refused') {
			refused(image.meta, image.error);
			continue;
		}
		let payload: ImagePayload | undefined;
		let turn: ReadTurn | undefined;
		if (memory) {
			// The image is read before its slot here: its digest decides whether it is sent at all.
			const read = await settleAsync(async () => await image.payload());
			if (!read.ok) {
				if (!isInputError(read.error)) throw read.error;
				refused(image.meta, read.error as NodeOperationError);
				continue;
			}
			payload = read.value;
			const digest = await imageDigest(payload);
			turn = digest ? await memory.turn(readKey(digest, fields)) : undefined;
		}
		if (turn?.kind === 'alreadyRead') {
			cost.summary.skippedAlreadyRead++;
			if (settings.alreadyReadOutput === 'item') {
				results.push({ json: { meta: { ...image.meta, alreadyRead: true, firstReadAt: turn.firstReadAt.toISOString() } }, pairedItem });
			}
			continue;
		}
		const sent = await settleAsync(async () => await send(image, payload, (attempt, billing) => cost.attempt(attempt, billing)));
		if (turn?.kind === 'first') turn.done(sent.ok && sent.value !== undefined);
		if (sent.ok) {
			// Undefined: the node stopped (an item failed with stop-on-error), nothing more is sent.
			if (sent.value === undefined) return results;
			for (const item of sent.value) results.push({ ...withMeta(item, image.meta, settings.simplify), pairedItem });
		} else if (isInputError(sent.error)) {
			refused(image.meta, sent.error as NodeOperationError);
		} else if (context.continueOnFail()) {
			results.push(errorItem(context, sent.error as NodeApiError, pairedItem, { ...image.meta }));
		} else {
			throw sent.error;
		}
	}
	return results;
}
