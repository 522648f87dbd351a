/** At most this much of one run's images is kept at a time, whatever the item count. */
export const KEEP_RUN_BYTES = 32 * 1024 * 1024;

/**
 * The bytes of a run's images kept between two reads of theirs. Each read of a stored image costs
 * n8n's binary helpers a file-system round (about 0.2 ms of CPU for a 2 KB image) and, until V8
 * collects it, a copy of the image: a 5 MB image read for its check and again for its send was in
 * memory four times at once. With stop-on-error every image is checked long before it is sent, so
 * keeping all of them would make memory grow with the item count: they are kept up to a total per run.
 */
export class KeptImages {
	private bytes = 0;

	constructor(private readonly limit = KEEP_RUN_BYTES) {}

	/** Whether an image of `size` bytes may be kept; if so it counts until given back. */
	take(size: number): boolean {
		if (this.bytes + size > this.limit) return false;
		this.bytes += size;
		return true;
	}

	give(size: number): void {
		this.bytes -= size;
	}
}
