import { cloneAccount, DEFAULT_ACCOUNTS } from './accounts';
import { FaultBoard } from './faults';
import { DEFAULT_DOWNLOAD_TIMEOUT_MS } from './limits';
import { RecordedCall, SandboxAccount, SandboxOptions, ServiceProfile } from './types';

function profileOf(options: SandboxOptions): ServiceProfile {
	const { dialect, uploadField, alwaysCrops } = options;
	return {
		...(dialect !== undefined ? { dialect } : {}),
		...(uploadField !== undefined ? { uploadField } : {}),
		...(alwaysCrops !== undefined ? { alwaysCrops } : {}),
	};
}

// Everything a running sandbox remembers. Arrays and account objects are changed in place, so references
// that tests hold (sandbox.calls, sandbox.account(key), sandbox.profile) stay live across reset().

export class SandboxState {
	readonly accounts: SandboxAccount[];
	readonly calls: RecordedCall[] = [];
	readonly faults = new FaultBoard();
	latencyMs: number;
	maxConcurrent: number | undefined;
	/** the sandbox-wide service profile (dialect, upload field, crops); accounts override it */
	readonly profile: ServiceProfile;
	readonly downloadTimeoutMs: number;
	inFlight = 0;
	peakInFlight = 0;
	seq = 0;
	private readonly initialAccounts: SandboxAccount[];
	private readonly initialProfile: ServiceProfile;
	private readonly timers = new Map<NodeJS.Timeout, () => void>();

	constructor(options: SandboxOptions) {
		this.initialAccounts = (options.accounts ?? DEFAULT_ACCOUNTS).map(cloneAccount);
		this.accounts = this.initialAccounts.map(cloneAccount);
		this.latencyMs = options.latencyMs ?? 0;
		this.maxConcurrent = options.maxConcurrent;
		this.initialProfile = profileOf(options);
		this.profile = { ...this.initialProfile };
		this.downloadTimeoutMs = options.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
	}

	enter(): void {
		this.inFlight++;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
	}

	leave(): void {
		this.inFlight--;
	}

	reset(): void {
		this.calls.length = 0;
		this.faults.clear();
		this.peakInFlight = this.inFlight;
		this.seq = 0;
		for (const k of Object.keys(this.profile) as Array<keyof ServiceProfile>) delete this.profile[k];
		Object.assign(this.profile, this.initialProfile);
		this.accounts.forEach((account, i) => {
			const initial = this.initialAccounts[i];
			for (const k of Object.keys(account) as Array<keyof SandboxAccount>) delete account[k];
			Object.assign(account, cloneAccount(initial));
		});
	}

	/** A wait that close() can cut short, so no timer outlives the server. */
	sleep(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.set(timer, resolve);
		});
	}

	cancelTimers(): void {
		for (const [timer, resolve] of this.timers) {
			clearTimeout(timer);
			resolve();
		}
		this.timers.clear();
	}
}
