import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { makePng } from '../fixtures/images';
import { runWorkflow, shutdownEngine, type EtopCredentials, type RunResult } from '../harness/engine';
import { errorOf } from '../harness/errorOf';
import type { InputItem } from '../harness/inputNode';
import { SANDBOX_KEY, SANDBOX_SECRET, startSandbox, type Sandbox } from '../sandbox/server';

export { errorOf };

/** One sandbox per test file, started and stopped by the jest hooks this registers. */
export function useSandbox(): { sandbox: () => Sandbox; credentials: () => EtopCredentials } {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => {
		shutdownEngine();
		await sandbox?.close();
	});
	beforeEach(() => sandbox?.reset());
	return {
		sandbox: () => sandbox!,
		credentials: () => ({ apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox!.endpoint }),
	};
}

/** An input item with a PNG in binary field `data` (the n8n default name). */
export function imageItem(marker?: string, json: Record<string, unknown> = {}): InputItem {
	return { json, binary: { data: { data: makePng({ marker }), fileName: 'scan.png', mimeType: 'image/png' } } };
}

export async function run(
	credentials: EtopCredentials,
	parameters: INodeParameters,
	items: InputItem[],
	onError?: 'continueRegularOutput' | 'continueErrorOutput',
	signal?: AbortSignal,
): Promise<RunResult> {
	return await runWorkflow({ credentials, parameters, items, onError, signal });
}

/** Fails if the key or secret appears anywhere in what n8n would show or store. */
export function expectNoCredentials(result: RunResult, credentials: EtopCredentials): void {
	const visible = [
		// The whole execution, serialised as n8n would persist it.
		JSON.stringify(result.run.data),
		JSON.stringify(result.outputs),
		...result.outputs.flat().map((item: INodeExecutionData) => `${errorOf(item)?.message} ${errorOf(item)?.hint}`),
		`${result.error?.message} ${result.error?.description}`,
	].join('\n');
	expect(visible).not.toContain(credentials.secret);
	expect(visible).not.toContain(credentials.apiKey);
}
