import { DocumentData, FieldRow, ProductData } from './bodies';
import { checkJson, imageCheck } from './image-check';
import { chosenSide, classifiedPids, productData, sidesFor } from './documents';
import { cropImage, documentPosition, headImage, headPosition, Json, JsonObject, nowhere, place, RenderContext } from './render-common';

// ResultList entries ('fieldList' and 'classify' products), in the shape real answers show:
//   {pid, type, position, direct, angle, image_data, [head_image_data, head_position,] ocr_error_code,
//    FieldList: [{[key,] chn_key, value, image_data, position, quad[, score]}]}
// Real: every member named above; entries without `key`; zero-size positions (here: empty values);
// `score` 0..99 on private installs. The sandbox's choices: the first field of a result carries its crop
// when crops are sent, the others ''; the members after FieldList are INVENTED: 明细 (line items),
// SealList [{value, color, shape}] for openSeal=1 (color 1 black 2 red 3 blue; shape 1 circle 2 ellipse
// 3 rectangle), ImageCheck (see image-check.ts), and `score` instead of FieldList on 667 entries.

/** A confidence 0..99 for a field of a private install: high for text, 0 for nothing read. */
function fieldScore(index: number, value: string): number {
	return value === '' ? 0 : 99 - ((index * 7) % 15);
}

function fieldEntry([key, chn, value]: FieldRow, index: number, ctx: RenderContext): JsonObject {
	return {
		...(key ? { key } : {}),
		chn_key: chn,
		value,
		image_data: ctx.crops && index === 0 ? cropImage() : '',
		...(value === '' ? nowhere() : place(index, value)),
		...(ctx.dialect === 'onPremises' ? { score: fieldScore(index, value) } : {}),
	};
}

/** The invented members a result may carry beside its FieldList. */
function inventedExtras(pid: number, data: ProductData, page: DocumentData, ctx: RenderContext): JsonObject {
	const out: JsonObject = {};
	if (data.items && page === data.front) out[data.items.chn] = data.items.rows.map((r) => ({ ...r }));
	if (ctx.options.openSeal && data.seals) out.SealList = data.seals.map((s) => ({ value: s.value, color: s.color, shape: s.shape }));
	if (pid === 2 && ctx.product.pid === 2 && ctx.options.imageCheck.includes('1')) {
		out.ImageCheck = checkJson(imageCheck(ctx.options.imageCheck, ctx.markers.quality));
	}
	return out;
}

function result(pid: number, data: ProductData, page: DocumentData, index: number, ctx: RenderContext, withFields: boolean): JsonObject {
	const portrait = data.headImage && page === data.front;
	return {
		pid,
		type: page.type,
		position: documentPosition(index),
		direct: 0,
		angle: 0,
		image_data: ctx.crops ? cropImage() : '',
		...(portrait ? { head_image_data: ctx.crops ? headImage() : '', head_position: headPosition(index) } : {}),
		ocr_error_code: 0,
		...(withFields ? { FieldList: page.fields.map((row, i) => fieldEntry(row, i, ctx)), ...inventedExtras(pid, data, page, ctx) } : { score: 98.6 }),
	};
}

export function renderFieldList(ctx: RenderContext): JsonObject {
	const data = productData(ctx.product.pid)!;
	return { ResultList: sidesFor(data, ctx.markers).map((page, i) => result(ctx.product.pid, data, page, i, ctx, true)) };
}

/** 666 classifies and reads; 667 only classifies (entries without FieldList, with a score). */
export function renderClassify(ctx: RenderContext): JsonObject {
	const withFields = ctx.product.pid === 666;
	const list: Json[] = classifiedPids(ctx.markers).map((pid, i) => {
		const data = productData(pid)!;
		return result(pid, data, chosenSide(data, ctx.markers), i, ctx, withFields);
	});
	return { ResultList: list };
}
