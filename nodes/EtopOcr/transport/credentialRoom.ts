// Room for the credential's key and secret in front of a url-encoded body. n8n applies the
// credential after the node has built the body, and a Buffer cannot grow at the front: putting
// the fields in front meant copying the whole body, image included (0.13–0.20 ms per 100 KB
// item). So the node's body starts ROOM bytes into a larger buffer, and the credential writes
// its fields into those bytes and sends the buffer from there.

/** Enough for `key=…&secret=…&` with the url-encoded key and secret ETOP hands out; longer ones are copied. */
const ROOM = 512;

const rooms = new WeakMap<Buffer, Buffer>();

/**
 * A body's buffer is made a little bigger than asked (a multiple of this), so that it can serve
 * the next image of the run, which is rarely exactly as big (a PDF's next page).
 */
const SIZE_STEP = 64 * 1024;

/** From this size on a body is rounded up to 4 KiB only: a 5 MB image's body is at most 0.1 % bigger. */
const BIG_BODY = 1024 * 1024;

const BIG_STEP = 4 * 1024;

/** The length of a body's buffer: a small body (never handed on, see recycle) is exactly as big as needed. */
function capacity(needed: number): number {
	if (needed <= SIZE_STEP) return needed;
	const step = needed < BIG_BODY ? SIZE_STEP : BIG_STEP;
	return Math.ceil(needed / step) * step;
}

/** Buffers kept for the next bodies of a run, at most; the others are left to the garbage collector. */
const MAX_FREE = 4;

/**
 * The body buffers of one run. A sent body is garbage that V8 collects late (its memory lies
 * outside the JS heap, and a run allocates little else): the bodies of a 20-page PDF were all
 * still in memory at its last page. A body whose image is done is therefore handed to the next one.
 */
export class BodyBuffers {
	private readonly free: Buffer[] = [];

	/** A buffer of `size` bytes for a body, with room for the credential's fields in front. */
	allocate(size: number): Buffer {
		const needed = ROOM + size;
		let fit = -1;
		for (let index = 0; index < this.free.length; index++) {
			if (this.free[index].length >= needed && (fit < 0 || this.free[index].length < this.free[fit].length)) fit = index;
		}
		const whole = fit >= 0 ? this.free.splice(fit, 1)[0] : Buffer.allocUnsafe(capacity(needed));
		const body = whole.subarray(ROOM, needed);
		rooms.set(body, whole);
		return body;
	}

	/**
	 * Takes back the buffer of a body from `allocate` once no attempt of its image will send it
	 * again. The answer has come, or the call was given up (its socket destroyed): nothing still
	 * writes from it.
	 */
	recycle(body: unknown): void {
		const whole = Buffer.isBuffer(body) ? rooms.get(body) : undefined;
		if (!whole || whole.length <= SIZE_STEP || this.free.length >= MAX_FREE || this.free.includes(whole)) return;
		this.free.push(whole);
	}
}

/**
 * `body` with `fields` (ASCII, e.g. URLSearchParams output) in front. A body from BodyBuffers
 * gets them written into its room, without a copy; the same fields written again (a retry)
 * land on the same bytes.
 */
export function withFieldsInFront(body: Buffer, fields: string): Buffer {
	const whole = rooms.get(body);
	if (!whole || fields.length > ROOM) return Buffer.concat([Buffer.from(fields, 'latin1'), body]);
	const start = ROOM - fields.length;
	whole.write(fields, start, 'latin1');
	return whole.subarray(start, ROOM + body.length);
}
