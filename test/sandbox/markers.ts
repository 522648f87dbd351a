import { ErrorCode, isErrorCode } from './error-codes';
import { TICKET_KINDS, TicketKind } from './bodies';

// Test images carry directives for the sandbox as plain text inside their bytes (PNG tEXt, JPEG COM, ...):
//   ETOP-SANDBOX:DOC=41            the document on the picture (pid); DOC=2,41,21 several; DOC=none nothing
//   ETOP-SANDBOX:COUNT=3           how many documents / tickets / plates are on the page (1..20)
//   ETOP-SANDBOX:RESULT=19         force that ErrorCode (any code of the vendor's table, or 20: outside it)
//   ETOP-SANDBOX:QUALITY=blur,ps   image-check dimensions that score low (copy, incomplete, glare, blur, ps)
//   ETOP-SANDBOX:SIDE=back         the back page (ID card 国徽页, licence 副页)
//   ETOP-SANDBOX:TICKET=taxi,train the receipt kinds pid 22 finds (train, taxi, itinerary, quota, general)
//   ETOP-SANDBOX:CROPS=always      send the crops although removeImgData is not 0, as some real services do
// Several directives: repeat the prefix, or join them with ';' (ETOP-SANDBOX:DOC=41;COUNT=2). A value ends
// where its syntax does; end a marker with a newline (the fixture generators do) so binary bytes after it
// cannot extend it.
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
	alwaysCrops?: boolean;
}

const MAX_COUNT = 20;

// Each value has its own syntax, so a directive ends where its value does: whatever follows (a newline,
// a space, binary bytes) is not read as part of it. The fixture generators end markers with a newline.
const VALUE: Readonly<Record<string, RegExp>> = {
	DOC: /^(?:none|[0-9]+(?:,[0-9]+)*)/i,
	COUNT: /^[0-9]+/,
	RESULT: /^-?[0-9]+/,
	QUALITY: /^[a-z]+(?:,[a-z]+)*/,
	SIDE: /^(?:front|back)/,
	TICKET: /^[a-z]+(?:,[a-z]+)*/,
	CROPS: /^always/,
};
const UNKNOWN_VALUE = /^[A-Za-z0-9,|._-]*/;

const list = (value: string): string[] => value.split(',').filter(Boolean);

function apply(markers: Markers & { quality: Set<QualityDimension> }, seen: Set<string>, key: string, value: string): void {
	if (seen.has(key)) return;
	switch (key) {
		case 'DOC':
			markers.docs = value.toLowerCase() === 'none' ? 'none' : list(value).map(Number);
			break;
		case 'COUNT': {
			const n = Number(value);
			if (n < 1) return;
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
			markers.side = value as 'front' | 'back';
			break;
		case 'TICKET': {
			const kinds = list(value).filter((k): k is TicketKind => (TICKET_KINDS as string[]).includes(k));
			if (!kinds.length) return;
			markers.tickets = kinds;
			break;
		}
		case 'CROPS':
			markers.alwaysCrops = true;
			break;
		default:
			return;
	}
	seen.add(key);
}

/** Reads `KEY=value;KEY=value...` after one prefix. */
function readDirectives(text: string, visit: (key: string, value: string) => void): void {
	let rest = text;
	for (;;) {
		const key = /^([A-Za-z]+)=/.exec(rest);
		if (!key) return;
		rest = rest.slice(key[0].length);
		const name = key[1].toUpperCase();
		const value = (VALUE[name] ?? UNKNOWN_VALUE).exec(rest)?.[0] ?? '';
		if (value) visit(name, value);
		rest = rest.slice(value.length);
		if (!rest.startsWith(';')) return;
		rest = rest.slice(1);
	}
}

export function findMarkers(image: Buffer): Markers {
	const markers: Markers & { quality: Set<QualityDimension> } = { quality: new Set() };
	const seen = new Set<string>();
	let at = image.indexOf(MARKER_PREFIX, 0, 'latin1');
	while (at !== -1) {
		const start = at + MARKER_PREFIX.length;
		readDirectives(image.subarray(start, start + 512).toString('latin1'), (key, value) => apply(markers, seen, key, value));
		at = image.indexOf(MARKER_PREFIX, start, 'latin1');
	}
	return markers;
}
