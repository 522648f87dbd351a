// Room for the credential's key and secret in front of a url-encoded body. n8n applies the
// credential after the node has built the body, and a Buffer cannot grow at the front: putting
// the fields in front meant copying the whole body, image included (0.13–0.20 ms per 100 KB
// item). So the node's body starts ROOM bytes into a larger buffer, and the credential writes
// its fields into those bytes and sends the buffer from there.

/** Enough for `key=…&secret=…&` with the url-encoded key and secret ETOP hands out; longer ones are copied. */
const ROOM = 512;

const rooms = new WeakMap<Buffer, Buffer>();

/** A buffer of `size` bytes for a body, with room for the credential's fields in front. */
export function allocateBody(size: number): Buffer {
	const whole = Buffer.allocUnsafe(ROOM + size);
	const body = whole.subarray(ROOM);
	rooms.set(body, whole);
	return body;
}

/**
 * `body` with `fields` (ASCII, e.g. URLSearchParams output) in front. A body from allocateBody
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
