import { makePng } from '../fixtures/png';
import { Product } from './catalogue';
import { ErrorCode, errorMessage, RECOGNITION_CODES } from './error-codes';
import { Markers } from './markers';
import { RecognitionOptions } from './validate';

// Pieces every body shares. Member names the sandbox chose where public client code shows nothing:
//   ErrorMessage      the vendor's text for ErrorCode (failures only)
//   image_data        cropped document, base64 PNG without a data: prefix (removeImgData=0)
//   head_image_data   the portrait of ID-card-like documents (removeImgData=0)
//   position + quad   showPosition=1: {left, top, width, height} and the four corners x1,y1..x4,y4 clockwise
//                     from top-left; in 'object' bodies a field then becomes {value, position, quad}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface RenderContext {
	product: Product;
	options: RecognitionOptions;
	markers: Markers;
}

export interface Timing {
	startedAt: number;
	recognitionStartedAt: number;
	responseId: string;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 2020-05-20 11:24:36, local time, as the service writes beginTime/endTime */
export function formatTime(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function recogInfo(requestId: string, timing: Timing, now: number): JsonObject {
	return {
		requestId,
		beginTime: formatTime(timing.recognitionStartedAt),
		endTime: formatTime(now),
		time: now - timing.recognitionStartedAt,
		responseId: timing.responseId,
	};
}

/** A success body: recogInfo first, ErrorCode last, as in the public samples. */
export function successBody(data: JsonObject, ctx: RenderContext, timing: Timing): JsonObject {
	const now = Date.now();
	return { recogInfo: recogInfo(ctx.options.requestId, timing, now), ...data, totalMs: now - timing.startedAt, ErrorCode: '0' };
}

/** A failure: recognition failures (3, 19, -51) still carry recogInfo and totalMs; request errors do not. */
export function failureBody(code: ErrorCode, detail: string | undefined, requestId?: string, timing?: Timing): JsonObject {
	const body: JsonObject = { ErrorCode: code, ErrorMessage: errorMessage(code, detail) };
	if (timing && RECOGNITION_CODES.has(code)) {
		const now = Date.now();
		body.recogInfo = recogInfo(requestId ?? '', timing, now);
		body.totalMs = now - timing.startedAt;
	}
	return body;
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

export function documentPosition(index: number): JsonObject {
	return { left: 20 + index * 660, top: 20, width: 640, height: 404 };
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
