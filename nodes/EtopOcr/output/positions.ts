import { CORNER_MEMBERS, RECTANGLE_MEMBERS } from '../data/memberNames';
import type { FlatValue } from './flatten';

/**
 * Field positions in one shape, whatever shape the service used: a rectangle in pixels of the
 * image sent, `left`/`top` being its top-left corner. It is what n8n's Edit Image node needs to
 * crop a field (Position X/Y, Width, Height), and right = left + width, bottom = top + height.
 */
export interface Box {
	left: number;
	top: number;
	width: number;
	height: number;
}

/** A value below a position member: `['left']` → 60, or `[]` for the numbers of a quad list. */
export interface PositionPart {
	path: readonly string[];
	value: FlatValue;
}

function number(value: FlatValue): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || !/^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
	return Number(value);
}

/** `{name → number}` of a flat object, undefined when a name repeats or a value is no number. */
function members(parts: readonly PositionPart[]): Map<string, number> | undefined {
	const found = new Map<string, number>();
	for (const part of parts) {
		const value = number(part.value);
		if (part.path.length !== 1 || value === undefined) return undefined;
		const name = part.path[0].toLowerCase();
		if (found.has(name)) return undefined;
		found.set(name, value);
	}
	return found;
}

function first(found: Map<string, number>, names: readonly string[]): number | undefined {
	return names.map((name) => found.get(name)).find((value) => value !== undefined);
}

function rectangle(parts: readonly PositionPart[]): Box | undefined {
	const found = members(parts);
	if (!found) return undefined;
	const left = first(found, ['left', 'x']);
	const top = first(found, ['top', 'y']);
	if (left === undefined || top === undefined) return undefined;
	const right = found.get('right');
	const bottom = found.get('bottom');
	const width = first(found, ['width', 'w']) ?? (right === undefined ? undefined : right - left);
	const height = first(found, ['height', 'h']) ?? (bottom === undefined ? undefined : bottom - top);
	if (width === undefined || height === undefined || width < 0 || height < 0) return undefined;
	return { left, top, width, height };
}

/** The corner coordinates as [x, y] pairs, in any of the three corner shapes. */
function corners(parts: readonly PositionPart[]): Array<[number, number]> | undefined {
	if (parts.every((part) => part.path.length === 0)) {
		const numbers = parts.map((part) => number(part.value));
		if (numbers.length !== 8 || numbers.some((value) => value === undefined)) return undefined;
		const list = numbers as number[];
		return [0, 2, 4, 6].map((index) => [list[index], list[index + 1]]);
	}
	const xs: number[] = [];
	const ys: number[] = [];
	for (const part of parts) {
		const value = number(part.value);
		const name = part.path.length === 1 ? part.path[0].toLowerCase() : '';
		if (value === undefined || !/^[xy]\d?$/.test(name)) return undefined;
		(name.startsWith('x') ? xs : ys).push(value);
	}
	if (xs.length !== 4 || ys.length !== 4) return undefined;
	return xs.map((x, index) => [x, ys[index]]);
}

function boundingBox(points: Array<[number, number]>): Box {
	const xs = points.map(([x]) => x);
	const ys = points.map(([, y]) => y);
	const left = Math.min(...xs);
	const top = Math.min(...ys);
	return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

/**
 * The box that position members describe (member name → its parts). A rectangle wins over
 * corners; corners give their bounding box (a tilted field's quad becomes the upright rectangle
 * around it). Undefined when nothing reads as one box, e.g. several boxes under one name, and for
 * the all-zero box the service sends for a field it did not find (an empty value).
 */
export function readBox(found: ReadonlyMap<string, readonly PositionPart[]>): Box | undefined {
	for (const member of RECTANGLE_MEMBERS) {
		const parts = found.get(member);
		const box = parts ? rectangle(parts) : undefined;
		if (box && !isNowhere(box)) return box;
	}
	for (const member of CORNER_MEMBERS) {
		const parts = found.get(member);
		const points = parts ? corners(parts) : undefined;
		const box = points ? boundingBox(points) : undefined;
		if (box && !isNowhere(box)) return box;
	}
	return undefined;
}

/** Whether a box is the service's "no position" (all zero; real answers send it for empty fields). */
function isNowhere(box: Box): boolean {
	return box.left === 0 && box.top === 0 && box.width === 0 && box.height === 0;
}
