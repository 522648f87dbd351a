import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { makePng } from '../fixtures/images';
import type { RunResult } from '../harness/engine';
import type { InputItem } from '../harness/inputNode';

/** The ETOP node's own run time, as n8n records it (the Input node that feeds it is not counted). */
export function etopExecutionMs(result: RunResult): number {
	const task = result.run.data.resultData.runData['ETOP OCR']?.[0];
	if (!task) throw new Error('the ETOP OCR node did not run');
	return task.executionTime;
}

/**
 * `count` items that share one PNG of `bytes` bytes (padding made of 'A', so its base64 has no
 * characters url-encoding would triple) and each carry their own requestId. Sharing the buffer
 * keeps the bench's own fixtures out of the memory figures.
 */
export function benchItems(count: number, bytes: number): { items: InputItem[]; image: Buffer } {
	const image = makePng({ bytes, marker: 'ETOP-SANDBOX:DOC=2' });
	const items = Array.from({ length: count }, (_, index) => ({
		json: { id: `bench-${index}` },
		binary: { data: { data: image, fileName: `scan-${index}.png`, mimeType: 'image/png' } },
	}));
	return { items, image };
}

/** The node as a user would set it up; `tagged` adds a requestId per item (an expression) for pairing checks. */
export function nodeParameters(options: IDataObject, upload: 'file' | 'mfile' = 'file', tagged = false): INodeParameters {
	return { documentType: '2', uploadMethod: upload, options: { ...(tagged ? { requestId: '={{ $json.id }}' } : {}), ...options } };
}

export const MB = 1024 * 1024;

export const formatMb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Outputs that are not a result: the node's error items. */
export function failures(result: RunResult): number {
	return (result.outputs[0] ?? []).filter((item) => item.error).length;
}
