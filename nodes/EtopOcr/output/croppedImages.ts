import { sniffImageFormat } from '../input/imageBytes';
import type { ImageFormat } from '../data/imageFormats';

export interface CroppedImage {
	/** Name of the member that held the image, used as the binary field name. */
	name: string;
	bytes: Buffer;
	format: ImageFormat;
}

// A crop is at least a few hundred bytes; shorter strings are field values, never images.
const MIN_BASE64_LENGTH = 128;
const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

function decodeImage(value: string): { bytes: Buffer; format: ImageFormat } | undefined {
	const text = value.replace(/^data:[^,]*,/, '');
	if (text.length < MIN_BASE64_LENGTH || !BASE64.test(text.slice(0, 4096))) return undefined;
	const format = sniffImageFormat(Buffer.from(text.slice(0, 64), 'base64'));
	return format ? { bytes: Buffer.from(text, 'base64'), format } : undefined;
}

/**
 * Finds base64 images anywhere in a body (the service names them differently per product) and
 * returns them with a copy of the body in which they are removed, so that the JSON stays small
 * and the images travel as n8n binary data.
 */
export function extractCroppedImages(body: unknown): { rest: unknown; images: CroppedImage[] } {
	const images: CroppedImage[] = [];
	const taken = new Set<string>();
	const uniqueName = (name: string) => {
		let candidate = name;
		for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
		taken.add(candidate);
		return candidate;
	};
	const walk = (value: unknown, name: string): unknown => {
		if (typeof value === 'string') {
			const image = decodeImage(value);
			if (!image) return value;
			images.push({ name: uniqueName(name), ...image });
			return undefined;
		}
		if (Array.isArray(value)) {
			return value.map((entry) => walk(entry, name)).filter((entry) => entry !== undefined);
		}
		if (value && typeof value === 'object') {
			const copy: Record<string, unknown> = {};
			for (const [key, entry] of Object.entries(value)) {
				const kept = walk(entry, key);
				// defineProperty, not `copy[key] =`: a member named __proto__ must stay a member.
				if (kept !== undefined) Object.defineProperty(copy, key, { value: kept, enumerable: true, writable: true, configurable: true });
			}
			return copy;
		}
		return value;
	};
	const rest = walk(body, 'image');
	return { rest, images };
}
