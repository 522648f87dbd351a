import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { encodePng, makePng } from '../fixtures/images';
import { markerText } from '../fixtures/image-options';
import { Raster } from '../fixtures/raster';
import type { RunResult } from '../harness/engine';
import { errorOf } from '../harness/errorOf';
import type { InputItem } from '../harness/inputNode';

/** The ETOP node's own run time, as n8n records it (the Input node that feeds it is not counted). */
export function etopExecutionMs(result: RunResult): number {
	const task = result.run.data.resultData.runData['ETOP OCR']?.[0];
	if (!task) throw new Error('the ETOP OCR node did not run');
	return task.executionTime;
}

/**
 * What the bench images are made of:
 * - `padded`: a small card picture padded to size with a text chunk of 'A's, so its base64 has no
 *   characters url-encoding escapes (exact sizes for the limit cases; the cheapest case to encode);
 * - `photo`: pixels of seeded noise, which compress no better than a real photo or scan does, so
 *   about one base64 character in 21 is a `+` or `/` that url-encoding triples, as in real uploads.
 */
export type ImageContent = 'padded' | 'photo';

const MARKER = 'ETOP-SANDBOX:DOC=2';

/** A PNG of about `bytes` bytes (a little over: PNG and deflate framing) with noise for pixels. */
function photoLikePng(bytes: number): Buffer {
	const width = 256;
	const raster = new Raster(width, Math.max(1, Math.round(bytes / (width * 3))));
	let state = 0x2545f491;
	for (let i = 0; i < raster.data.length; i++) {
		// xorshift32: the same image in every run.
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		raster.data[i] = state & 0xff;
	}
	return encodePng(raster, [['Comment', markerText(MARKER)]]);
}

/**
 * `count` items that share one PNG of `bytes` bytes and each carry their own requestId. Sharing
 * the buffer keeps the bench's own fixtures out of the memory figures.
 */
export function benchItems(count: number, bytes: number, content: ImageContent = 'padded'): { items: InputItem[]; image: Buffer } {
	const image = content === 'photo' ? photoLikePng(bytes) : makePng({ bytes, marker: MARKER });
	const items = Array.from({ length: count }, (_, index) => ({
		json: { id: `bench-${index}` },
		binary: { data: { data: image, fileName: `scan-${index}.png`, mimeType: 'image/png' } },
	}));
	return { items, image };
}

/** The node as a user would set it up; `tagged` adds a requestId per item (an expression) for pairing checks. */
export function nodeParameters(options: IDataObject, upload: 'file' | 'mfile' = 'file', tagged = false): INodeParameters {
	return { documentType: '2', options: { uploadMethod: upload, ...(tagged ? { requestId: '={{ $json.id }}' } : {}), ...options } };
}

export const MB = 1024 * 1024;

export const formatMb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Outputs that are not a result: the node's error items. */
export function failures(result: RunResult): number {
	return (result.outputs[0] ?? []).filter((item) => errorOf(item)).length;
}
