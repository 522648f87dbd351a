import { ErrorCode, isErrorCode } from './error-codes';
import { TICKET_KINDS, TicketKind } from './bodies';

// Test images carry directives for the sandbox as plain text inside their bytes (PNG tEXt, JPEG COM, ...):
//   ETOP-SANDBOX:DOC=41            the document on the picture (pid); DOC=2,41,21 several; DOC=none nothing
//   ETOP-SANDBOX:COUNT=3           how many documents / tickets / plates are on the page (1..20)
//   ETOP-SANDBOX:RESULT=19         force that ErrorCode (any code of the vendor's table)
//   ETOP-SANDBOX:QUALITY=blur,ps   image-check dimensions that score low (copy, incomplete, glare, blur, ps)
//   ETOP-SANDBOX:SIDE=back         the back page (ID card 国徽页, licence 副页)
//   ETOP-SANDBOX:TICKET=taxi,train the receipt kinds pid 22 finds (train, taxi, itinerary, quota, general)
// Several directives: repeat the prefix, or join them with ';' (ETOP-SANDBOX:DOC=41;COUNT=2).
// The first occurrence of a directive wins; unknown directives and bad values are ignored.

export const MARKER_PREFIX = 'ETOP-SANDBOX:';

export const QUALITY_DIMENSIONS = ['copy', 'incomplete', 'glare', 'blur', 'ps'] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

export interface Markers {
	docs?: number[] | 'none';
	count?: number;
	result?: ErrorCode;
	quality: ReadonlySet<QualityDimension>;
	side?: 'front' | 'back';
	tickets?: TicketKind[];
}

const MAX_COUNT = 20;
const DIRECTIVE_CHARS = /^[A-Za-z0-9=;,|._-]*/;

function list(value: string): string[] {
	return value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

function apply(markers: Markers & { quality: Set<QualityDimension> }, seen: Set<string>, key: string, value: string): void {
	if (seen.has(key)) return;
	switch (key) {
		case 'DOC': {
			if (value.toLowerCase() === 'none') markers.docs = 'none';
			else {
				const pids = list(value).map(Number).filter((n) => Number.isInteger(n) && n > 0);
				if (!pids.length) return;
				markers.docs = pids;
			}
			break;
		}
		case 'COUNT': {
			const n = Number(value);
			if (!Number.isInteger(n) || n < 1) return;
			markers.count = Math.min(n, MAX_COUNT);
			break;
		}
		case 'RESULT':
			if (!isErrorCode(value)) return;
			markers.result = value;
			break;
		case 'QUALITY':
			for (const d of list(value)) {
				if ((QUALITY_DIMENSIONS as readonly string[]).includes(d)) markers.quality.add(d as QualityDimension);
			}
			break;
		case 'SIDE':
			if (value !== 'front' && value !== 'back') return;
			markers.side = value;
			break;
		case 'TICKET': {
			const kinds = list(value).filter((k): k is TicketKind => (TICKET_KINDS as string[]).includes(k));
			if (!kinds.length) return;
			markers.tickets = kinds;
			break;
		}
		default:
			return;
	}
	seen.add(key);
}

export function findMarkers(image: Buffer): Markers {
	const markers: Markers & { quality: Set<QualityDimension> } = { quality: new Set() };
	const seen = new Set<string>();
	let at = image.indexOf(MARKER_PREFIX, 0, 'latin1');
	while (at !== -1) {
		const start = at + MARKER_PREFIX.length;
		const tail = image.subarray(start, start + 512).toString('latin1');
		const text = DIRECTIVE_CHARS.exec(tail)?.[0] ?? '';
		for (const directive of text.split(';')) {
			const eq = directive.indexOf('=');
			if (eq > 0) apply(markers, seen, directive.slice(0, eq).toUpperCase(), directive.slice(eq + 1));
		}
		at = image.indexOf(MARKER_PREFIX, start, 'latin1');
	}
	return markers;
}
