// application/x-www-form-urlencoded, UTF-8: '+' is a space, %XX a byte, a malformed escape stays as it is
// (as browsers and servlet containers do). Each value keeps its length as it was on the wire, because the
// service's 5 MB limit applies to the url-encoded base64.

export interface UrlEncodedField {
	name: string;
	value: string;
	/** bytes of the value as sent, escapes included */
	rawLength: number;
}

const AMP = 0x26;
const EQ = 0x3d;
const PLUS = 0x2b;
const PERCENT = 0x25;

function hexValue(c: number): number {
	if (c >= 0x30 && c <= 0x39) return c - 0x30;
	if (c >= 0x41 && c <= 0x46) return c - 0x37;
	if (c >= 0x61 && c <= 0x66) return c - 0x57;
	return -1;
}

export function decodeComponent(raw: Buffer): string {
	if (raw.indexOf(PERCENT) === -1 && raw.indexOf(PLUS) === -1) return raw.toString('utf8');
	const out = Buffer.allocUnsafe(raw.length);
	let n = 0;
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i];
		if (c === PLUS) out[n++] = 0x20;
		else if (c === PERCENT && i + 2 < raw.length && hexValue(raw[i + 1]) >= 0 && hexValue(raw[i + 2]) >= 0) {
			out[n++] = (hexValue(raw[i + 1]) << 4) | hexValue(raw[i + 2]);
			i += 2;
		} else out[n++] = c;
	}
	return out.subarray(0, n).toString('utf8');
}

export function parseUrlEncoded(body: Buffer): UrlEncodedField[] {
	const fields: UrlEncodedField[] = [];
	let start = 0;
	while (start <= body.length) {
		let end = body.indexOf(AMP, start);
		if (end === -1) end = body.length;
		if (end > start) {
			const piece = body.subarray(start, end);
			const eq = piece.indexOf(EQ);
			const rawName = eq === -1 ? piece : piece.subarray(0, eq);
			const rawValue = eq === -1 ? Buffer.alloc(0) : piece.subarray(eq + 1);
			fields.push({ name: decodeComponent(rawName), value: decodeComponent(rawValue), rawLength: rawValue.length });
		}
		start = end + 1;
	}
	return fields;
}
