// One memory case in a fresh process (started by memory.ts), so that nothing another case left
// on the heap counts: binary data in filesystem mode, a warm-up run, then the measured run while
// the resident set size is sampled. Prints one JSON line with the figures.

import '../harness/env';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runWorkflow, shutdownEngine, useFilesystemBinaryMode } from '../harness/engine';
import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';
import { childCase } from './childCase';
import { benchItems, etopExecutionMs, failures, nodeParameters } from './common';
import { pdfBenchItems } from './pdf';

export interface MemoryCaseSpec {
	endpoint: string;
	items: number;
	imageBytes: number;
	concurrency: number;
	upload: 'file' | 'mfile';
	/** One scanned PDF per item with this many JPEG pages of about imageBytes each (pdf.ts). */
	pdfPages?: number;
}

export interface MemoryCaseResult extends MemoryCaseSpec {
	baselineRss: number;
	peakRss: number;
	growth: number;
	/** Peak growth of the memory held by Buffers and other ArrayBuffers (process.memoryUsage().arrayBuffers). */
	bufferGrowth: number;
	etopMs: number;
	failed: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function settle(): void {
	// Twice: the first pass finds what the second can then free (weak maps, finalisers).
	gc?.();
	gc?.();
}

async function main(spec: MemoryCaseSpec): Promise<MemoryCaseResult> {
	const storage = mkdtempSync(join(tmpdir(), 'etop-bench-binary-'));
	await useFilesystemBinaryMode(storage);
	const credentials = { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: spec.endpoint };
	const parameters = nodeParameters({ maxConcurrency: spec.concurrency, maxRetries: 0 }, spec.upload);
	try {
		// Warm-up: loads every module and code path the measured run uses, with the same image size.
		const warm = benchItems(2, 10_000);
		await runWorkflow({ credentials, parameters, items: warm.items });

		const { items } = spec.pdfPages ? pdfBenchItems(spec.items, spec.pdfPages, spec.imageBytes) : benchItems(spec.items, spec.imageBytes);
		settle();
		const baselineRss = process.memoryUsage.rss();
		const maxRssBefore = process.resourceUsage().maxRSS * 1024;
		const baselineBuffers = process.memoryUsage().arrayBuffers;
		let peakRss = baselineRss;
		let peakBuffers = baselineBuffers;
		const sampler = setInterval(() => {
			const { rss, arrayBuffers } = process.memoryUsage();
			peakRss = Math.max(peakRss, rss);
			peakBuffers = Math.max(peakBuffers, arrayBuffers);
		}, 2);
		const result = await runWorkflow({ credentials, parameters, items });
		clearInterval(sampler);
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
		// The kernel's high-water mark catches a peak between two samples, when it was set during this run.
		const maxRssAfter = process.resourceUsage().maxRSS * 1024;
		if (maxRssAfter > maxRssBefore) peakRss = Math.max(peakRss, maxRssAfter);
		const output: MemoryCaseResult = {
			...spec,
			baselineRss,
			peakRss,
			growth: peakRss - baselineRss,
			bufferGrowth: peakBuffers - baselineBuffers,
			etopMs: etopExecutionMs(result),
			failed: result.error ? spec.items : failures(result),
		};
		return output;
	} finally {
		shutdownEngine();
		rmSync(storage, { recursive: true, force: true });
	}
}

childCase(main);
