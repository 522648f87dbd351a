// The goals of issue 15 in one table at the end of a run, beside what issue 15 measured before the
// work (quiet machine, load ≤ 2.5, 5 runs each; quoted from the issue, not measured by this run).

interface Row {
	figure: string;
	goal: string;
	met: (value: number) => boolean;
	value: number | undefined;
	before: string;
}

type Figures = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const caseOf = (figures: Figures, content: string, small: boolean) =>
	(figures.throughput?.cases as Figures[] | undefined)?.find((row) => row.content === content && (row.imageBytes < 10_000) === small);

export function printSummary(figures: Figures): void {
	const padded = caseOf(figures, 'padded', false);
	const photo = caseOf(figures, 'photo', false);
	const small = caseOf(figures, 'padded', true);
	const rows: Row[] = [
		{ figure: 'node / raw items/s, text-padded 100 KB', goal: '≥ 0.9', met: (v) => v >= 0.9, value: padded?.nodeOverRaw, before: '0.76' },
		{ figure: 'node / raw items/s, photo-like 100 KB', goal: '≥ 0.9', met: (v) => v >= 0.9, value: photo?.nodeOverRaw, before: '0.88' },
		{ figure: 'node / raw CPU per item, 100 KB (text-padded)', goal: '≤ 1.3', met: (v) => v <= 1.3, value: padded?.cpuNodeOverRaw, before: '1.8 (3.95 / 2.18 ms)' },
		{ figure: 'node / raw CPU per item, 2 KB', goal: '≤ 2', met: (v) => v <= 2, value: small?.cpuNodeOverRaw, before: '4.4 (2.33 / 0.54 ms)' },
		{ figure: 'HTTPS 50 ms RTT: node wall / raw keep-alive wall', goal: '≤ 1.15', met: (v) => v <= 1.15, value: figures.https?.wallNodeOverRaw, before: `a connection per call, this run: ${figures.https?.wallPerCallOverRaw?.toFixed(2) ?? '–'}` },
		{ figure: 'node / HTTP Request node items/s, text-padded 100 KB', goal: '≥ 2.5', met: (v) => v >= 2.5, value: padded?.nodeOverHttpRequest, before: '≈ 2.1 (HTTP Request node 0.42 of raw)' },
		{ figure: 'the same, both multipart, text-padded 100 KB', goal: '≥ 2.5', met: (v) => v >= 2.5, value: padded?.multipartOverHttpRequest, before: '' },
		{ figure: 'node / HTTP Request node items/s, HTTPS', goal: '≥ 2.5', met: (v) => v >= 2.5, value: figures.https?.nodeOverHttpRequest, before: '' },
		{ figure: 'wall / ideal, 200 items at 200 ms, concurrency 10', goal: '≤ 1.05', met: (v) => v <= 1.05, value: figures.idealWallTime?.ratio, before: '1.107' },
		{ figure: 'memory: growth 100 / 20 items of 4 MB', goal: '≤ 1.2', met: (v) => v <= 1.2, value: figures.memory?.ratio100to20, before: '' },
		{ figure: 'memory: one base64 image, × its size', goal: '≤ 3', met: (v) => v <= 3, value: figures.memory?.base64Factor, before: '' },
		{ figure: 'memory: one multipart image, × its size', goal: '≤ 2', met: (v) => v <= 2, value: figures.memory?.multipartFactor, before: '' },
	];
	console.log('\n## Goals of issue 15 (this run; "before" as issue 15 measured it on a quiet machine)');
	for (const row of rows) {
		const value = row.value === undefined ? 'not run' : `${row.value.toFixed(row.figure.startsWith('wall') ? 3 : 2)} ${row.met(row.value) ? 'goal met' : 'GOAL MISSED'}`;
		console.log(`  ${row.figure.padEnd(54)} goal ${row.goal.padEnd(6)} ${value.padEnd(20)} ${row.before ? `before: ${row.before}` : ''}`);
	}
	const floor = (row: Figures | undefined) => (row?.cpuFloorOverRaw === undefined ? 'not run' : (row.cpuFloorOverRaw as number).toFixed(2));
	console.log(`  beside the CPU rows, n8n's floor / raw CPU per item (the least a declarative node costs): 100 KB ${floor(padded)}, 2 KB ${floor(small)}`);
}
