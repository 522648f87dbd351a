// The scanned-PDF bench section: what a page costs on the PDF path against the same page sent as
// a plain JPEG, and the memory a 20-page scanned PDF takes beyond the PDF itself.

import { runWorkflow, type RunResult } from '../harness/engine';
import type { InputItem } from '../harness/inputNode';
import { makePdf, scanJpeg } from '../fixtures/pdf';
import { SANDBOX_KEY, SANDBOX_SECRET } from '../sandbox/server';
import { failures, formatMb, nodeParameters } from './common';
import { measureMemory, median } from './memory';
import type { RemoteSandbox } from './remoteSandbox';

export interface PdfBenchSettings {
	latency: number;
	runs: number;
	memoryRuns: number;
}

const PAGES = 20;
/** About the size of an A4 page scanned at 200 dpi in greyscale, JPEG quality 75. */
const PAGE_BYTES = 300 * 1024;
const MARKER = 'ETOP-SANDBOX:DOC=2';

/** The page image: a drawn card, padded to size, with the sandbox's marker; page `index` is a little bigger. */
export function benchPage(bytes: number, index = 0): Buffer {
	return scanJpeg(200, 280, MARKER, bytes + index * 1024);
}

/** `count` items, each with one scanned PDF of `pages` pages of about `pageBytes` bytes. */
export function pdfBenchItems(count: number, pages: number, pageBytes: number): { items: InputItem[]; pdfBytes: number; largestPage: number } {
	const images = Array.from({ length: pages }, (_, index) => benchPage(pageBytes, index));
	const pdf = makePdf(images.map((jpeg) => ({ jpeg, imageWidth: 200, imageHeight: 280 })), { xref: 'stream', compressContent: true });
	const items = Array.from({ length: count }, (_, index) => ({
		json: { id: `bench-${index}` },
		binary: { data: { data: pdf, fileName: `scan-${index}.pdf`, mimeType: 'application/pdf' } },
	}));
	return { items, pdfBytes: pdf.length, largestPage: Math.max(...images.map((image) => image.length)) };
}

function jpegItems(count: number, jpeg: Buffer): InputItem[] {
	return Array.from({ length: count }, (_, index) => ({
		json: { id: `bench-${index}` },
		binary: { data: { data: jpeg, fileName: `scan-${index}.jpg`, mimeType: 'image/jpeg' } },
	}));
}

/** CPU time of this process (the sandbox runs in its own) while the workflow runs, per image sent. */
async function cpuPerImage(sandbox: RemoteSandbox, items: InputItem[], images: number): Promise<number> {
	await sandbox.reset();
	const credentials = { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox.endpoint };
	const before = process.cpuUsage();
	const result: RunResult = await runWorkflow({ credentials, parameters: nodeParameters({ maxRetries: 0 }), items });
	const used = process.cpuUsage(before);
	if (result.error || failures(result)) throw new Error(`PDF bench run failed: ${result.error?.message ?? `${failures(result)} failed items`}`);
	const { calls } = await sandbox.stats();
	if (calls.length !== images) throw new Error(`expected ${images} calls, the sandbox saw ${calls.length}`);
	return (used.user + used.system) / 1000 / images;
}

export async function pdfSection(settings: PdfBenchSettings, sandbox: RemoteSandbox, figures: Record<string, unknown>): Promise<void> {
	await sandbox.setLatency(settings.latency);
	const page = benchPage(PAGE_BYTES);
	const plain = jpegItems(PAGES, page);
	const onePagePdfs = pdfBenchItems(PAGES, 1, PAGE_BYTES).items;
	const longPdf = pdfBenchItems(1, PAGES, PAGE_BYTES).items;
	// Warm-up of every path.
	for (const items of [plain.slice(0, 3), onePagePdfs.slice(0, 3), pdfBenchItems(1, 3, PAGE_BYTES).items]) await cpuPerImage(sandbox, items, 3);
	const rows = { plain: [] as number[], onePage: [] as number[], long: [] as number[] };
	// Taking turns, so that a busier moment of the machine weighs on every case alike.
	for (let run = 0; run < settings.runs; run++) {
		rows.plain.push(await cpuPerImage(sandbox, plain, PAGES));
		rows.onePage.push(await cpuPerImage(sandbox, onePagePdfs, PAGES));
		rows.long.push(await cpuPerImage(sandbox, longPdf, PAGES));
	}
	const plainMs = median(rows.plain);
	const onePageRatio = median(rows.onePage.map((ms, run) => ms / rows.plain[run]));
	const longRatio = median(rows.long.map((ms, run) => ms / rows.plain[run]));
	const verdict = (ratio: number) => (ratio <= 1.1 ? 'goal met' : 'GOAL MISSED');
	console.log(`\n## Scanned PDFs: CPU per page sent (${PAGES} pages of ${formatMb(page.length)}, latency ${settings.latency} ms, median of ${settings.runs})`);
	console.log(`plain JPEG, ${PAGES} items                ${plainMs.toFixed(2)} ms per page   runs: ${rows.plain.map((ms) => ms.toFixed(2)).join(', ')}`);
	console.log(`1-page PDF, ${PAGES} items                ${median(rows.onePage).toFixed(2)} ms per page   ratio ${onePageRatio.toFixed(2)} (goal ≤ 1.1: ${verdict(onePageRatio)})`);
	console.log(`one ${PAGES}-page PDF                     ${median(rows.long).toFixed(2)} ms per page   ratio ${longRatio.toFixed(2)} (goal ≤ 1.1: ${verdict(longRatio)})`);

	const memoryRuns = Math.max(1, settings.memoryRuns);
	const { pdfBytes, largestPage } = pdfBenchItems(1, PAGES, PAGE_BYTES);
	const memory = await measureMemory({ endpoint: sandbox.endpoint, items: 1, imageBytes: PAGE_BYTES, concurrency: 1, upload: 'file', pdfPages: PAGES }, memoryRuns);
	// The criterion is the memory held in Buffers, where page images live, measured exactly; the
	// resident set also moves with the JS heap's garbage and glibc's reuse of freed pages, by ±1-2 MB
	// between runs here: several pages of 0.3 MB.
	const beyond = memory.bufferGrowth - pdfBytes;
	const factor = beyond / largestPage;
	console.log(`memory: one ${PAGES}-page PDF of ${formatMb(pdfBytes)} (largest page ${formatMb(largestPage)}): peak RSS growth ${formatMb(memory.growth)};`);
	console.log(`  peak Buffer memory growth ${formatMb(memory.bufferGrowth)}, beyond the PDF ${formatMb(beyond)} = ${factor.toFixed(2)}× the largest page (goal ≤ 2: ${factor <= 2 ? 'goal met' : 'GOAL MISSED'}), median of ${memoryRuns} fresh processes`);
	figures.pdf = {
		pages: PAGES,
		pageBytes: page.length,
		latencyMs: settings.latency,
		cpuMsPerPage: { plain: plainMs, onePagePdf: median(rows.onePage), longPdf: median(rows.long) },
		ratios: { onePagePdf: onePageRatio, longPdf: longRatio },
		runs: rows,
		memory: { pdfBytes, largestPage, growth: memory.growth, bufferGrowth: memory.bufferGrowth, beyondPdf: beyond, factor, all: memory.all },
	};
}
