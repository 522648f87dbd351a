import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { Fault } from '../sandbox/server';
import type { SandboxCommand, SandboxStats } from './sandboxProcess';

/** The sandbox running in a child process (see sandboxProcess.ts), driven over IPC. */
export class RemoteSandbox {
	private nextId = 0;

	private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
		readonly endpoint: string,
	) {
		child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
			const waiting = this.pending.get(message.id);
			if (!waiting) return;
			this.pending.delete(message.id);
			if (message.error !== undefined) waiting.reject(new Error(message.error));
			else waiting.resolve(message.result);
		});
	}

	static async start(): Promise<RemoteSandbox> {
		const child = fork(join(__dirname, 'sandboxProcess.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		return await new Promise((resolve, reject) => {
			child.once('error', reject);
			child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code})`)));
			child.once('message', (message: { ready: boolean; url: string; endpoint: string }) => resolve(new RemoteSandbox(child, message.url, message.endpoint)));
		});
	}

	private async call<T>(command: SandboxCommand): Promise<T> {
		const id = this.nextId++;
		return await new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.child.send({ id, ...command });
		});
	}

	setLatency = async (ms: number) => await this.call<void>({ method: 'setLatency', args: [ms] });

	setMaxConcurrent = async (limit: number | undefined) => await this.call<void>({ method: 'setMaxConcurrent', args: [limit] });

	addFault = async (fault: Fault) => await this.call<void>({ method: 'addFault', args: [fault] });

	reset = async () => await this.call<void>({ method: 'reset', args: [] });

	stats = async () => await this.call<SandboxStats>({ method: 'stats', args: [] });

	/** CPU time the sandbox process has used so far, in ms. */
	cpuMs = async () => await this.call<number>({ method: 'cpu', args: [] });

	/** Starts HTTPS in front of the sandbox behind a relay adding `roundTripMs`; returns its endpoint. */
	startHttps = async (certificate: { key: string; cert: string }, roundTripMs: number) =>
		await this.call<string>({ method: 'startHttps', args: [{ certificate, roundTripMs }] });

	async close(): Promise<void> {
		this.child.removeAllListeners('exit');
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		await this.call<void>({ method: 'close', args: [] });
		await exited;
	}
}
