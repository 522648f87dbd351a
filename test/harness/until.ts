/** Waits, in bounded steps of the event loop (5 ms each, `steps` at most), until `done()`. */
export async function until(done: () => boolean, what: string, steps = 20_000): Promise<void> {
	for (let step = 0; step < steps; step++) {
		if (done()) return;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	throw new Error(`gave up waiting until ${what}`);
}
