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
	/** text fields, `file` included */
	fields: Map<string, string>;
	/** length of the `file` value as it was on the wire (url-encoded, or the multipart part's bytes) */
	fileRawLength: number;
	mfile?: UploadedFile;
}

export function encodingOf(contentType: string): Encoding {
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') return 'urlencoded';
	if (type === 'multipart/form-data') return 'multipart';
	return 'other';
}

export function fromUrlEncoded(list: UrlEncodedField[]): RequestInput {
	const fields = new Map<string, string>();
	let fileRawLength = 0;
	for (const f of list) {
		if (fields.has(f.name)) continue;
		fields.set(f.name, f.value);
		if (f.name === 'file') fileRawLength = f.rawLength;
	}
	return { encoding: 'urlencoded', fields, fileRawLength };
}

export function fromMultipart(parts: MultipartPart[]): RequestInput {
	const fields = new Map<string, string>();
	let fileRawLength = 0;
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
		if (p.name === 'file') fileRawLength = p.data.length;
	}
	return { encoding: 'multipart', fields, fileRawLength, ...(mfile ? { mfile } : {}) };
}

/** Fields as RecordedCall shows them: the base64 itself is replaced by its length. */
export function recordedFields(input: RequestInput): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of input.fields) out[name] = name === 'file' ? `<base64 ${value.length} chars>` : value;
	return out;
}
