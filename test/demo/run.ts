/**
 * The demo: a real workflow run (Input → ETOP OCR) through n8n-core's execution engine over the
 * sample scans in test/fixtures/samples, printing the fields each document yields.
 * Against the embedded sandbox by default; with ETOP_KEY and ETOP_SECRET set it calls the real
 * ETOP service (ETOP_ENDPOINT overrides the endpoint) and spends one call per sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_ENDPOINT } from '../../credentials/EtopOcrApi.credentials';
import { runWorkflow, shutdownEngine, type EtopCredentials } from '../harness/engine';
import { SANDBOX_KEY, SANDBOX_SECRET, startSandbox } from '../sandbox/server';
import { DEMO_SAMPLES } from './samples';

async function main() {
	const real = Boolean(process.env.ETOP_KEY && process.env.ETOP_SECRET);
	const sandbox = real ? undefined : await startSandbox();
	const credentials: EtopCredentials = real
		? { apiKey: process.env.ETOP_KEY!, secret: process.env.ETOP_SECRET!, endpoint: process.env.ETOP_ENDPOINT ?? DEFAULT_ENDPOINT }
		: { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox!.endpoint };
	console.log(real ? `ETOP service: ${credentials.endpoint}` : `ETOP sandbox (invented data): ${credentials.endpoint}`);

	let failures = 0;
	try {
		for (const sample of DEMO_SAMPLES) {
			const data = readFileSync(join(__dirname, '../fixtures/samples', sample.file));
			const { outputs, error } = await runWorkflow({
				credentials,
				parameters: { documentType: sample.documentType, options: sample.options ?? {} },
				items: [{ json: { file: sample.file }, binary: { data: { data, fileName: sample.file } } }],
				onError: 'continueRegularOutput',
			});
			console.log(`\n▶ ${sample.file} as "${sample.label}" (pid ${sample.documentType})`);
			if (error) {
				failures++;
				console.log(`  ✖ ${error.message}`);
				continue;
			}
			const results = outputs[0] ?? [];
			for (const [index, item] of results.entries()) {
				if (results.length > 1) console.log(`  — document ${index + 1} of ${results.length}`);
				if (item.error) {
					failures++;
					console.log(`  ✖ ${item.error.message}${item.error.description ? ` — ${item.error.description}` : ''}`);
					continue;
				}
				const { meta, ...fields } = item.json;
				for (const [name, value] of Object.entries(fields)) console.log(`  ${name}: ${JSON.stringify(value)}`);
				console.log(`  meta: ${JSON.stringify(meta)}`);
			}
		}
	} finally {
		shutdownEngine();
		await sandbox?.close();
	}
	console.log(failures ? `\n${failures} sample(s) failed` : `\nAll ${DEMO_SAMPLES.length} samples recognised.`);
	process.exitCode = failures ? 1 : 0;
}

void main();
