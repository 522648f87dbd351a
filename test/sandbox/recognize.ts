import { READS_ANY_DOCUMENT } from './catalogue';
import { classifiedPids } from './documents';
import { ErrorCode } from './error-codes';
import { imageCheck } from './image-check';
import { renderClassify, renderFieldList } from './render-documents';
import { renderPlate, renderReceipts, renderVin } from './render-misc';
import { renderPage, renderTable } from './render-page';
import { JsonObject, RenderContext } from './render-common';

// The "engine": first decide the outcome (so billing can happen before the latency wait), then render.

export interface Outcome {
	code: ErrorCode;
	detail?: string;
}

export function decide(ctx: RenderContext): Outcome {
	const { markers, product, options } = ctx;
	if (markers.result && markers.result !== '0') return { code: markers.result, detail: `沙箱标记RESULT=${markers.result}` };
	if (product.family === 'classify') {
		return classifiedPids(markers).length ? { code: '0' } : { code: '19', detail: '图像分类失败' };
	}
	if (!READS_ANY_DOCUMENT.has(product.family) && markers.docs !== undefined) {
		if (markers.docs === 'none') return { code: '19', detail: '未找到证件' };
		if (!markers.docs.includes(product.pid)) return { code: '3', detail: `图片为pid=${markers.docs.join(',')}的证件` };
	}
	if (product.pid === 2 && options.imageCheckValue === '0') {
		const failed = imageCheck(options.imageCheck, markers.quality).filter((r) => !r.pass);
		if (failed.length) return { code: '-51', detail: `图像质量检测未达标: ${failed.map((r) => r.type).join(',')}` };
	}
	return { code: '0' };
}

const RENDERERS: Readonly<Record<RenderContext['product']['family'], (ctx: RenderContext) => JsonObject>> = {
	vin: renderVin,
	plate: renderPlate,
	fieldList: renderFieldList,
	receipts: renderReceipts,
	page: renderPage,
	table: renderTable,
	classify: renderClassify,
};

/** The data members of a success body; envelope.ts wraps them (recogInfo, ErrorCode, PageInfo...). */
export function renderData(ctx: RenderContext): JsonObject {
	return RENDERERS[ctx.product.family](ctx);
}
