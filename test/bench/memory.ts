import { spawn } from 'node:child_process';
import { join } from 'node:path';

import type { MemoryCaseResult, MemoryCaseSpec } from './memoryCase';

const CASE_SCRIPT = join(__dirname, 'memoryCase.ts');

/** Runs one memory case in a fresh Node process (with --expose-gc, through tsx) and returns its figures. */
export async function runMemoryCase(spec: MemoryCaseSpec): Promise<MemoryCaseResult> {
	return await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CASE_SCRIPT, JSON.stringify(spec)], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			const line = out.trim().split('\n').pop() ?? '';
			if (code !== 0 || !line.startsWith('{')) reject(new Error(`memory case failed (exit ${code}): ${err || out}`));
			else resolve(JSON.parse(line) as MemoryCaseResult);
		});
	});
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `runs` fresh processes of the same case: the median growth, and all of them. */
export async function measureMemory(spec: MemoryCaseSpec, runs: number): Promise<{ growth: number; all: MemoryCaseResult[] }> {
	const all: MemoryCaseResult[] = [];
	for (let run = 0; run < runs; run++) all.push(await runMemoryCase(spec));
	const failed = all.find((result) => result.failed > 0);
	if (failed) throw new Error(`memory case had ${failed.failed} failed items: ${JSON.stringify(spec)}`);
	return { growth: median(all.map((result) => result.growth)), all };
}
