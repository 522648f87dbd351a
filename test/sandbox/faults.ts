import { Fault, FaultKind } from './types';

// Injected faults. Each call takes at most one: the first fault in the order added that still applies.
// `times` caps how many calls a fault hits in all; `perRequest` hits only the first N calls of each distinct
// request (its requestId, or else the sha1 of its image — of the urlPath text for urlPath calls), which is
// what a retry test needs: the first try fails, the retry succeeds.

export const FAULT_KINDS: readonly FaultKind[] = [
	'busy',
	'timeout',
	'ioError',
	'clientDisconnected',
	'badImage',
	'http5xx',
	'reset',
	'truncated',
	'slow',
	'wrongContentType',
	'emptyBody',
	'htmlBody',
];

interface Entry {
	fault: Fault;
	used: number;
	perKey: Map<string, number>;
}

const countOk = (n: number | undefined): boolean => n === undefined || (Number.isInteger(n) && n >= 0);

export class FaultBoard {
	private entries: Entry[] = [];

	add(fault: Fault): void {
		if (!FAULT_KINDS.includes(fault.kind)) throw new TypeError(`unknown fault kind ${String(fault.kind)}`);
		if (!countOk(fault.times) || !countOk(fault.perRequest) || !countOk(fault.delayMs)) {
			throw new TypeError('fault times/perRequest/delayMs must be non-negative integers');
		}
		if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 500 && fault.status <= 599)) {
			throw new TypeError('fault status must be a 5xx code');
		}
		this.entries.push({ fault: { ...fault }, used: 0, perKey: new Map() });
	}

	clear(): void {
		this.entries = [];
	}

	/** The fault this call suffers, if any, counted as used. */
	take(requestKey: string): Fault | undefined {
		for (const e of this.entries) {
			if (e.fault.times !== undefined && e.used >= e.fault.times) continue;
			if (e.fault.perRequest !== undefined) {
				const seen = e.perKey.get(requestKey) ?? 0;
				if (seen >= e.fault.perRequest) continue;
				e.perKey.set(requestKey, seen + 1);
			}
			e.used++;
			return e.fault;
		}
		return undefined;
	}
}
