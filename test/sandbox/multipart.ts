// A small incremental multipart/form-data parser (RFC 7578). It is fed the body chunk by chunk as it
// arrives, so delimiters split across chunks are found and binary parts (CR, LF, "--", bytes that look
// like the boundary) come through untouched. Only the unmatched tail of a chunk is ever re-scanned.

export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export class MultipartError extends Error {}

export interface MultipartLimits {
	maxParts: number;
	maxHeaderBytes: number;
}

const DEFAULT_LIMITS: MultipartLimits = { maxParts: 100, maxHeaderBytes: 16 * 1024 };
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary parameter of a multipart Content-Type, if it is there and legal (1..70 chars). */
export function boundaryOf(contentType: string): string | undefined {
	const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	const boundary = m?.[1] ?? m?.[2];
	return boundary && boundary.length <= 70 ? boundary : undefined;
}

function unquote(value: string): string {
	const v = value.trim();
	return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}

/** Parameters of a Content-Disposition value; `filename*` (RFC 5987) wins over `filename`. */
export function dispositionParams(value: string): Record<string, string> {
	const params: Record<string, string> = {};
	const re = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
	for (let m = re.exec(value); m; m = re.exec(value)) params[m[1].toLowerCase()] = unquote(m[2]);
	const extended = params['filename*'];
	if (extended !== undefined) {
		const ext = /^([^']*)'[^']*'(.*)$/.exec(extended);
		try {
			params.filename = ext ? decodeURIComponent(ext[2]) : extended;
		} catch {
			params.filename = extended;
		}
	}
	return params;
}

type State = 'preamble' | 'afterBoundary' | 'headers' | 'body' | 'done';

export class MultipartParser {
	readonly parts: MultipartPart[] = [];
	private readonly dashBoundary: Buffer;
	private readonly delimiter: Buffer;
	private buf: Buffer = Buffer.alloc(0);
	private state: State = 'preamble';
	private current?: Omit<MultipartPart, 'data'> & { chunks: Buffer[] };

	constructor(
		boundary: string,
		private readonly limits: MultipartLimits = DEFAULT_LIMITS,
	) {
		this.dashBoundary = Buffer.from(`--${boundary}`, 'latin1');
		this.delimiter = Buffer.concat([CRLF, this.dashBoundary]);
	}

	get finished(): boolean {
		return this.state === 'done';
	}

	write(chunk: Buffer): void {
		if (this.state === 'done') return; // epilogue: ignored
		this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
		while (this.step()) {
			// each step consumes input or changes state; it returns false when it needs more bytes
		}
	}

	end(): MultipartPart[] {
		if (this.state !== 'done') throw new MultipartError(`multipart body ended early (in ${this.state})`);
		return this.parts;
	}

	private step(): boolean {
		switch (this.state) {
			case 'preamble':
				return this.preamble();
			case 'afterBoundary':
				return this.afterBoundary();
			case 'headers':
				return this.headers();
			case 'body':
				return this.body();
			default:
				return false;
		}
	}

	private preamble(): boolean {
		const at = this.buf.indexOf(this.dashBoundary);
		if (at === -1) {
			this.buf = this.buf.subarray(Math.max(0, this.buf.length - this.dashBoundary.length + 1));
			return false;
		}
		if (at !== 0 && (at < 2 || this.buf[at - 2] !== 0x0d || this.buf[at - 1] !== 0x0a)) {
			this.buf = this.buf.subarray(at + 1); // "--boundary" inside the preamble text: not a delimiter
			return true;
		}
		this.buf = this.buf.subarray(at + this.dashBoundary.length);
		this.state = 'afterBoundary';
		return true;
	}

	private afterBoundary(): boolean {
		if (this.buf.length < 2) return false;
		if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
			this.state = 'done';
			this.buf = Buffer.alloc(0);
			return false;
		}
		const eol = this.buf.indexOf(CRLF);
		if (eol === -1) {
			if (this.buf.length > 256) throw new MultipartError('garbage after a boundary');
			return false;
		}
		if (!/^[ \t]*$/.test(this.buf.subarray(0, eol).toString('latin1'))) {
			throw new MultipartError('garbage after a boundary');
		}
		this.buf = this.buf.subarray(eol + 2);
		this.state = 'headers';
		return true;
	}

	private headers(): boolean {
		let text: string;
		if (this.buf.length >= 2 && this.buf[0] === 0x0d && this.buf[1] === 0x0a) {
			text = '';
			this.buf = this.buf.subarray(2);
		} else {
			const end = this.buf.indexOf(HEADER_END);
			if (end === -1) {
				if (this.buf.length > this.limits.maxHeaderBytes) throw new MultipartError('part headers too large');
				return false;
			}
			text = this.buf.subarray(0, end).toString('utf8');
			this.buf = this.buf.subarray(end + 4);
		}
		if (this.parts.length >= this.limits.maxParts) throw new MultipartError('too many parts');
		const headers = new Map<string, string>();
		for (const line of text.split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
		}
		const disposition = headers.get('content-disposition') ?? '';
		if (!/^form-data\b/i.test(disposition)) throw new MultipartError('part without Content-Disposition: form-data');
		const params = dispositionParams(disposition);
		this.current = {
			name: params.name ?? '',
			...(params.filename !== undefined ? { filename: params.filename } : {}),
			...(headers.has('content-type') ? { contentType: headers.get('content-type') } : {}),
			chunks: [],
		};
		this.state = 'body';
		return true;
	}

	private body(): boolean {
		const current = this.current!;
		const at = this.buf.indexOf(this.delimiter);
		if (at === -1) {
			const safe = this.buf.length - this.delimiter.length + 1;
			if (safe > 0) {
				current.chunks.push(this.buf.subarray(0, safe));
				this.buf = this.buf.subarray(safe);
			}
			return false;
		}
		current.chunks.push(this.buf.subarray(0, at));
		const { chunks, ...meta } = current;
		this.parts.push({ ...meta, data: Buffer.concat(chunks) });
		this.current = undefined;
		this.buf = this.buf.subarray(at + this.delimiter.length);
		this.state = 'afterBoundary';
		return true;
	}
}
