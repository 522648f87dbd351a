import { familyForPid, type FieldFamily } from '../data/catalogue';
import { lookupFieldName } from '../data/fieldNames';
import { CROP_MEMBERS, PID_MEMBERS } from '../data/memberNames';
import type { ImageFormat } from '../data/imageFormats';
import { sniffImageFormat } from '../input/imageBytes';
import { camelCase } from './camelCase';
import { asEntry, isObject } from './flatten';
import { UniqueKeys } from './uniqueKeys';

export interface CroppedImage {
	/** The binary property name: `document`, `portrait`, `page`, `<field>Image` … */
	name: string;
	bytes: Buffer;
	format: ImageFormat;
}

// A crop is at least a few hundred bytes; shorter strings are field values, never images.
const MIN_BASE64_LENGTH = 128;
const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

function imageFormat(text: string): ImageFormat | undefined {
	if (text.length < MIN_BASE64_LENGTH || !BASE64.test(text.slice(0, 4096))) return undefined;
	return sniffImageFormat(Buffer.from(text.slice(0, 64), 'base64'));
}

const withoutDataPrefix = (value: string) => value.replace(/^data:[^,]*,/, '');

/**
 * The binary property name of a crop found under `member`: the English name of a known crop
 * member (`image_data` → `document`, `head_image_data` → `portrait`); inside a key/value entry the
 * entry's own crop, `<English field name>Image` (`idNumberImage`; the key in camelCase when the
 * document's dictionary does not know it, `fieldImage` for an unknown Chinese label); any other
 * member in camelCase (`image` if it has no English name).
 */
function binaryName(member: string, entryName: string | undefined, family: FieldFamily): string {
	if (entryName !== undefined) return `${lookupFieldName(family, entryName, [])?.name ?? camelCase(entryName) ?? 'field'}Image`;
	return CROP_MEMBERS[member] ?? camelCase(member) ?? 'image';
}

/** The family of the document a record is, when it names its product (a result's `pid`). */
function familyOf(record: Record<string, unknown>, around: FieldFamily): FieldFamily {
	for (const member of PID_MEMBERS) {
		const pid = Number(record[member]);
		if (typeof record[member] !== 'boolean' && Number.isInteger(pid) && pid > 0) return familyForPid(pid);
	}
	return around;
}

/** Whether a base64 image is anywhere in `value` (stops at the first). */
function holdsImage(value: unknown, ancestors: Set<object>): boolean {
	if (typeof value === 'string') return value.length >= MIN_BASE64_LENGTH && imageFormat(withoutDataPrefix(value)) !== undefined;
	if (typeof value !== 'object' || value === null || ancestors.has(value)) return false;
	ancestors.add(value);
	const found = Object.values(value).some((child) => holdsImage(child, ancestors));
	ancestors.delete(value);
	return found;
}

/**
 * Finds base64 images anywhere in a body (the service names them differently per product) and
 * returns a copy of the body without them. With `keep`, they are returned as images to become
 * binary properties (Return Cropped Images); without it they are only dropped: the service sends
 * crops unasked, and a crop is never a field.
 */
export function extractCroppedImages(body: unknown, keep: boolean, requestedPid: number): { rest: unknown; images: CroppedImage[] } {
	// Most answers carry no crop: then the body is used as it is, without a copy.
	if (!holdsImage(body, new Set())) return { rest: body, images: [] };
	const images: CroppedImage[] = [];
	const names = new UniqueKeys();
	const walk = (value: unknown, member: string, entryName: string | undefined, family: FieldFamily): unknown => {
		if (typeof value === 'string') {
			const text = withoutDataPrefix(value);
			const format = imageFormat(text);
			if (!format) return value;
			if (keep) images.push({ name: names.take(binaryName(member, entryName, family)), bytes: Buffer.from(text, 'base64'), format });
			return undefined;
		}
		if (Array.isArray(value)) {
			return value.map((entry) => walk(entry, member, entryName, family)).filter((entry) => entry !== undefined);
		}
		if (isObject(value)) {
			const entry = asEntry(value);
			const within = familyOf(value, family);
			const copy: Record<string, unknown> = {};
			for (const [key, child] of Object.entries(value)) {
				// An entry's own crop is named after the entry; its value's members are not its crops.
				const kept = walk(child, key, entry && key !== entry.valueMember ? entry.name : undefined, within);
				// defineProperty, not `copy[key] =`: a member named __proto__ must stay a member.
				if (kept !== undefined) Object.defineProperty(copy, key, { value: kept, enumerable: true, writable: true, configurable: true });
			}
			return copy;
		}
		return value;
	};
	const rest = walk(body, 'image', undefined, familyForPid(requestedPid));
	return { rest, images };
}
