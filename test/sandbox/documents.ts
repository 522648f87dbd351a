import { DEFAULT_CLASSIFIED, DocumentData, DOCUMENTS, ProductData } from './bodies';
import { Markers } from './markers';

// Which documents a picture shows, from its markers.

export function productData(pid: number): ProductData | undefined {
	return DOCUMENTS[pid];
}

/** The page (front/back) a single-document product reads. */
export function chosenSide(data: ProductData, markers: Markers): DocumentData {
	return markers.side === 'back' && data.back ? data.back : data.front;
}

/** The pages of a multi-entry ResultList: the chosen side first, then the other one, cycled to COUNT. */
export function sidesFor(data: ProductData, markers: Markers): DocumentData[] {
	const first = chosenSide(data, markers);
	const other = first === data.front ? data.back : data.front;
	const cycle = other ? [first, other] : [first];
	return Array.from({ length: markers.count ?? 1 }, (_, i) => cycle[i % cycle.length]);
}

/** pids that auto-classification finds: DOC (known documents with fields only) or the default set, cycled to COUNT. */
export function classifiedPids(markers: Markers): number[] {
	if (markers.docs === 'none') return [];
	const docs = (markers.docs ?? DEFAULT_CLASSIFIED).filter((pid) => (DOCUMENTS[pid]?.front.fields.length ?? 0) > 0);
	if (!docs.length) return [];
	const count = markers.count ?? (markers.docs ? docs.length : 1);
	return Array.from({ length: count }, (_, i) => docs[i % docs.length]);
}
