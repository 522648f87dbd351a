import { DocumentData, ProductData } from './bodies';
import { checkJson, imageCheck } from './image-check';
import { chosenSide, classifiedPids, productData, sidesFor } from './documents';
import { cropImage, documentPosition, fieldValue, headImage, Json, JsonObject, place, RenderContext } from './render-common';

// 'object' (Chinese keys at the top level), 'fieldList' and 'classify' (ResultList entries) bodies.
// Member names chosen by the sandbox: SealList [{value, color, shape}] for openSeal=1 (color 1 black
// 2 red 3 blue; shape 1 circle 2 ellipse 3 rectangle), ImageCheck (see image-check.ts), 明细 line items.

function seals(data: ProductData, ctx: RenderContext): JsonObject {
	if (!ctx.options.openSeal || !data.seals) return {};
	return { SealList: data.seals.map((s) => ({ value: s.value, color: s.color, shape: s.shape })) };
}

export function renderObject(ctx: RenderContext): JsonObject {
	const data = productData(ctx.product.pid)!;
	const page = chosenSide(data, ctx.markers);
	const out: JsonObject = {};
	page.fields.forEach(([, chn, value], i) => {
		out[chn] = fieldValue(value, i, ctx);
	});
	if (data.items && page === data.front) out[data.items.chn] = data.items.rows.map((r) => ({ ...r }));
	if (!ctx.options.removeImgData) {
		out.image_data = cropImage();
		if (data.headImage && page === data.front) out.head_image_data = headImage();
	}
	if (ctx.product.pid === 2 && ctx.options.imageCheck.includes('1')) {
		out.ImageCheck = checkJson(imageCheck(ctx.options.imageCheck, ctx.markers.quality));
	}
	return { ...out, ...seals(data, ctx) };
}

function fieldList(page: DocumentData, ctx: RenderContext): Json[] {
	return page.fields.map(([key, chn, value], i) => ({
		key,
		chn_key: chn,
		value,
		...(ctx.options.showPosition ? place(i, value) : {}),
	}));
}

/** One ResultList entry, in the shape public client beans show. */
function entry(pid: number, data: ProductData, page: DocumentData, index: number, ctx: RenderContext, withFields: boolean): JsonObject {
	const removed = ctx.options.removeImgData;
	return {
		pid,
		type: page.type,
		ocr_error_code: 0,
		direct: 0,
		angle: 0,
		position: documentPosition(index),
		image_data: removed ? '' : cropImage(),
		...(data.headImage && page === data.front ? { head_image_data: removed ? '' : headImage() } : {}),
		...(withFields ? { FieldList: fieldList(page, ctx) } : { score: 98.6 }),
	};
}

export function renderFieldList(ctx: RenderContext): JsonObject {
	const data = productData(ctx.product.pid)!;
	return { ResultList: sidesFor(data, ctx.markers).map((page, i) => entry(ctx.product.pid, data, page, i, ctx, true)) };
}

/** 666 classifies and reads; 667 only classifies (entries without FieldList, with a score). */
export function renderClassify(ctx: RenderContext): JsonObject {
	const withFields = ctx.product.pid === 666;
	const list = classifiedPids(ctx.markers).map((pid, i) => {
		const data = productData(pid)!;
		return entry(pid, data, chosenSide(data, ctx.markers), i, ctx, withFields);
	});
	return { ResultList: list };
}
