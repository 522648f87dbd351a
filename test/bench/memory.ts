import { join } from 'node:path';

import { runChildCase } from './childCase';
import type { MemoryCaseResult, MemoryCaseSpec } from './memoryCase';

const CASE_SCRIPT = join(__dirname, 'memoryCase.ts');

/** Runs one memory case in a fresh Node process (with --expose-gc) and returns its figures. */
export async function runMemoryCase(spec: MemoryCaseSpec): Promise<MemoryCaseResult> {
	return await runChildCase<MemoryCaseResult>(CASE_SCRIPT, spec, { nodeFlags: ['--expose-gc'] });
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `runs` fresh processes of the same case: the median growth, and all of them. */
export async function measureMemory(spec: MemoryCaseSpec, runs: number): Promise<{ growth: number; bufferGrowth: number; all: MemoryCaseResult[] }> {
	const all: MemoryCaseResult[] = [];
	for (let run = 0; run < runs; run++) all.push(await runMemoryCase(spec));
	const failed = all.find((result) => result.failed > 0);
	if (failed) throw new Error(`memory case had ${failed.failed} failed items: ${JSON.stringify(spec)}`);
	return { growth: median(all.map((result) => result.growth)), bufferGrowth: median(all.map((result) => result.bufferGrowth)), all };
}
