import { MultipartPart } from './multipart';
import { UrlEncodedField } from './urlencoded';

// Both encodings normalised to what the rules look at. Like a servlet's getParameter, the first value
// of a repeated field wins; names are case-sensitive.

export type Encoding = 'urlencoded' | 'multipart' | 'other';

export interface UploadedFile {
	data: Buffer;
	filename?: string;
	contentType?: string;
}

export interface RequestInput {
	encoding: Encoding;
	/** text fields, `file` / `filedata` included */
	fields: Map<string, string>;
	/** length of each text field's value as it was on the wire (url-encoded, or the multipart part's bytes) */
	rawLengths: Map<string, number>;
	mfile?: UploadedFile;
}

/** Text fields that carry a base64 image (`filedata` on some private installs). */
export const BASE64_FIELDS: ReadonlySet<string> = new Set(['file', 'filedata']);

export function encodingOf(contentType: string): Encoding {
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') return 'urlencoded';
	if (type === 'multipart/form-data') return 'multipart';
	return 'other';
}

export function fromUrlEncoded(list: UrlEncodedField[]): RequestInput {
	const fields = new Map<string, string>();
	const rawLengths = new Map<string, number>();
	for (const f of list) {
		if (fields.has(f.name)) continue;
		fields.set(f.name, f.value);
		rawLengths.set(f.name, f.rawLength);
	}
	return { encoding: 'urlencoded', fields, rawLengths };
}

export function fromMultipart(parts: MultipartPart[]): RequestInput {
	const fields = new Map<string, string>();
	const rawLengths = new Map<string, number>();
	let mfile: UploadedFile | undefined;
	for (const p of parts) {
		if (p.name === 'mfile') {
			mfile ??= {
				data: p.data,
				...(p.filename !== undefined ? { filename: p.filename } : {}),
				...(p.contentType !== undefined ? { contentType: p.contentType } : {}),
			};
			continue;
		}
		if (fields.has(p.name)) continue;
		fields.set(p.name, p.data.toString('utf8'));
		rawLengths.set(p.name, p.data.length);
	}
	return { encoding: 'multipart', fields, rawLengths, ...(mfile ? { mfile } : {}) };
}

/** Fields as RecordedCall shows them: the base64 itself is replaced by its length. */
export function recordedFields(input: RequestInput): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of input.fields) out[name] = BASE64_FIELDS.has(name) ? `<base64 ${value.length} chars>` : value;
	return out;
}
