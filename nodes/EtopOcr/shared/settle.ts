/**
 * What a call returned, or what it threw. n8n's community-node rules allow no error to be
 * thrown from inside a catch clause other than NodeApiError and NodeOperationError; code that
 * handles some failures and passes others on decides outside the catch clause with this.
 */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(run: () => T): Settled<T> {
	try {
		return { ok: true, value: run() };
	} catch (error) {
		return { ok: false, error };
	}
}

export async function settleAsync<T>(run: () => Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		return { ok: false, error };
	}
}
