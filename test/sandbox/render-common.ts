import { makePng } from '../fixtures/png';
import { Product } from './catalogue';
import { Markers } from './markers';
import { Dialect } from './types';
import { RecognitionOptions } from './validate';

// Pieces every body shares. Real member names (public client code): image_data (the document's crop),
// head_image_data + head_position (the portrait), position {left, top, width, height} and quad (the four
// corners x1,y1..x4,y4 clockwise from top-left). The sandbox's choices: crops are base64 PNG without a
// data: prefix; in invented Chinese-key bodies (receipts) showPosition=1 makes a field {value, position, quad}.

/** A JSON integer written with all its digits (a Java long such as SerialId; JSON.parse rounds it). */
export class RawNumber {
	constructor(readonly digits: string) {
		if (!/^-?[0-9]+$/.test(digits)) throw new Error(`not an integer: ${digits}`);
	}

	toJSON(): string {
		return `${RAW_NUMBER_TAG}${this.digits}`;
	}
}

const RAW_NUMBER_TAG = '\u0001raw:';
const RAW_NUMBER_TEXT = /"\\u0001raw:(-?[0-9]+)"/g;

/** JSON text of a body, RawNumbers written as bare digits. */
export function jsonText(body: unknown): string {
	return JSON.stringify(body).replace(RAW_NUMBER_TEXT, '$1');
}

export type Json = string | number | boolean | null | RawNumber | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface RenderContext {
	product: Product;
	options: RecognitionOptions;
	markers: Markers;
	dialect: Dialect;
	/** send crops: removeImgData=0, or a service that sends them anyway (profile / CROPS=always) */
	crops: boolean;
}

export interface Timing {
	startedAt: number;
	recognitionStartedAt: number;
	responseId: string;
	seq: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 2020-05-20 11:24:36, local time, as the service writes beginTime/endTime */
export function formatTime(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function recogInfo(requestId: string, timing: Timing, now: number): JsonObject {
	return {
		requestId,
		beginTime: formatTime(timing.recognitionStartedAt),
		endTime: formatTime(now),
		time: now - timing.recognitionStartedAt,
		responseId: timing.responseId,
	};
}

/** Plausible, deterministic layout: one text row per field. */
export function place(index: number, text: string): JsonObject {
	const left = 60;
	const top = 40 + index * 38;
	const width = Math.min(640, 18 * [...text].length + 12);
	const height = 28;
	return {
		position: { left, top, width, height },
		quad: [left, top, left + width, top, left + width, top + height, left, top + height],
	};
}

/** A field the service located nowhere (an empty value): zero-size position and quad, as real answers carry. */
export function nowhere(): JsonObject {
	return { position: { left: 0, top: 0, width: 0, height: 0 }, quad: [0, 0, 0, 0, 0, 0, 0, 0] };
}

export function documentPosition(index: number): JsonObject {
	return { left: 20 + index * 660, top: 20, width: 640, height: 404 };
}

/** Where the portrait sits on a card (`head_position`). */
export function headPosition(index: number): JsonObject {
	return { left: 20 + index * 660 + 450, top: 100, width: 150, height: 190 };
}

let crop: string | undefined;
let head: string | undefined;

export function cropImage(): string {
	crop ??= makePng({ width: 96, height: 60 }).toString('base64');
	return crop;
}

export function headImage(): string {
	head ??= makePng({ width: 40, height: 50 }).toString('base64');
	return head;
}

/** A field of an 'object' body: the bare text, or {value, position, quad} with showPosition=1. */
export function fieldValue(value: string, index: number, ctx: RenderContext): Json {
	return ctx.options.showPosition ? { value, ...place(index, value) } : value;
}
