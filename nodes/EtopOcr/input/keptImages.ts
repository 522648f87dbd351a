/** An image up to this size may be kept from its check to its send instead of being read again. */
export const KEEP_IMAGE_BYTES = 1024 * 1024;

/** At most this much of one run's images is kept at a time, whatever the item count. */
export const KEEP_RUN_BYTES = 32 * 1024 * 1024;

/**
 * The bytes of a run's images kept between two reads of theirs. Each read of a stored image costs
 * n8n's binary helpers a file-system round (about 0.2 ms of CPU for a 2 KB image), and with
 * stop-on-error every image is checked long before it is sent; keeping all of them would make
 * memory grow with the item count, so only small images are kept, up to a total per run.
 */
export class KeptImages {
	private bytes = 0;

	constructor(private readonly limit = KEEP_RUN_BYTES) {}

	/** Whether an image of `size` bytes may be kept; if so it counts until given back. */
	take(size: number): boolean {
		if (size > KEEP_IMAGE_BYTES || this.bytes + size > this.limit) return false;
		this.bytes += size;
		return true;
	}

	give(size: number): void {
		this.bytes -= size;
	}
}
