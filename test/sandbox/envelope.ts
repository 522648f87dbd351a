import { Family } from './catalogue';
import { ErrorCode, errorMessage, RECOGNITION_CODES } from './error-codes';
import { cropImage, JsonObject, RawNumber, recogInfo, RenderContext, Timing } from './render-common';
import { Dialect } from './types';

// What wraps the data members a family renders (recognize.ts), per dialect.
//
// Cloud, REAL-SHAPED (answers kept in public client code):
//   fieldList, classify  {ErrorCode: 0, recogInfo, ResultList}                 ErrorCode a NUMBER
//   vin                  {recogInfo, VIN, ErrorCode: "0"}                       ErrorCode a string
//   plate                {PlateNum, recogInfo, totalMs, ErrorCode: "0", Plate}  ErrorCode a string
// Cloud, INVENTED: receipts {recogInfo, TicketNum, Ticket, totalMs, ErrorCode: "0"}; page, table
//   {recogInfo, PageInfo: [{PageIndex, Width, Height, Angle, [image_data,] Result: [{ResultList}]}], totalMs, ErrorCode: "0"}.
// Private installs (dialect onPremises), REAL-SHAPED for result lists and plates, the same wrapper (with the
// family's data members inside Result) for the other families:
//   {PageInfo: [{img_data: "", PageIndex: 1, ErrorCode: 0, Result: [{Time, ErrorCode: 0, SerialId, ...data}]}], ErrorCode: 0}
//   SerialId is a 19-digit integer (a Java long, written with all its digits); Time is the recognition's
//   milliseconds (the sandbox's reading: its type is not known). Plates there carry no PlateNum.
// Failures: {ErrorCode: "<code>", ErrorMessage} — the vendor document shows ErrorCode as a string; ErrorMessage
//   is the sandbox's member. Recognition failures (3, 19, -51, 20) add recogInfo and totalMs. On private
//   installs the sandbox writes the failure's ErrorCode as a number and no recogInfo, like their success
//   (not known).

type Layout = (data: JsonObject, info: JsonObject, totalMs: number, ctx: RenderContext) => JsonObject;

const page = (data: JsonObject, info: JsonObject, totalMs: number, ctx: RenderContext): JsonObject => ({
	recogInfo: info,
	PageInfo: [{ PageIndex: 1, Width: 1240, Height: 1754, Angle: 0, ...(ctx.crops ? { image_data: cropImage() } : {}), Result: [{ ...data }] }],
	totalMs,
	ErrorCode: '0',
});

const CLOUD: Readonly<Record<Family, Layout>> = {
	fieldList: (data, info) => ({ ErrorCode: 0, recogInfo: info, ...data }),
	classify: (data, info) => ({ ErrorCode: 0, recogInfo: info, ...data }),
	vin: (data, info) => ({ recogInfo: info, ...data, ErrorCode: '0' }),
	plate: ({ PlateNum, Plate }, info, totalMs) => ({ PlateNum, recogInfo: info, totalMs, ErrorCode: '0', Plate }),
	receipts: (data, info, totalMs) => ({ recogInfo: info, ...data, totalMs, ErrorCode: '0' }),
	page,
	table: page,
};

/** A 19-digit serial: the call's start in ms (13 digits) and its sequence number (6 digits). */
function serialId(timing: Timing): RawNumber {
	return new RawNumber(`${String(timing.startedAt).padStart(13, '0').slice(-13)}${String(timing.seq % 1_000_000).padStart(6, '0')}`);
}

function onPremises(data: JsonObject, timing: Timing, now: number, ctx: RenderContext): JsonObject {
	const inner = { ...data };
	if (ctx.product.family === 'plate') delete inner.PlateNum;
	return {
		PageInfo: [
			{
				img_data: '',
				PageIndex: 1,
				ErrorCode: 0,
				Result: [{ Time: now - timing.recognitionStartedAt, ErrorCode: 0, SerialId: serialId(timing), ...inner }],
			},
		],
		ErrorCode: 0,
	};
}

export function successBody(data: JsonObject, ctx: RenderContext, timing: Timing): JsonObject {
	const now = Date.now();
	if (ctx.dialect === 'onPremises') return onPremises(data, timing, now, ctx);
	return CLOUD[ctx.product.family](data, recogInfo(ctx.options.requestId, timing, now), now - timing.startedAt, ctx);
}

export function failureBody(code: ErrorCode, detail: string | undefined, dialect: Dialect, requestId?: string, timing?: Timing): JsonObject {
	const body: JsonObject = { ErrorCode: dialect === 'onPremises' ? Number(code) : code, ErrorMessage: errorMessage(code, detail) };
	if (timing && dialect === 'cloud' && RECOGNITION_CODES.has(code)) {
		const now = Date.now();
		body.recogInfo = recogInfo(requestId ?? '', timing, now);
		body.totalMs = now - timing.startedAt;
	}
	return body;
}
