import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { median } from './memory';
import { processCpuMs } from './measure';

/**
 * The CPU per item of n8n's own read of a stored image (BinaryDataService.getAsBuffer, what a
 * node's getBinaryDataBuffer ends in), `count` copies of `image` read 4 at a time as the node's
 * input checks do, median of `runs`: the part of the node's CPU per item that any node reading
 * binary input through n8n's helpers pays, whatever it does with the bytes.
 */
export async function binaryReadCpuMs(image: Buffer, count: number, runs: number): Promise<number> {
	const service = Container.get(BinaryDataService);
	const location = { type: 'execution', workflowId: 'bench', executionId: `read-${Date.now()}` } as const;
	const stored: IBinaryData[] = [];
	for (let index = 0; index < count; index++) {
		stored.push(await service.store(location, image, { data: '', mimeType: 'image/png', fileName: `scan-${index}.png` }));
	}
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		let next = 0;
		const before = processCpuMs();
		await Promise.all(Array.from({ length: 4 }, async () => {
			while (next < stored.length) await service.getAsBuffer(stored[next++]);
		}));
		samples.push((processCpuMs() - before) / count);
	}
	return median(samples);
}
