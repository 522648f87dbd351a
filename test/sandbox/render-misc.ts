import { PLATES, TICKETS, TicketKind } from './bodies';
import { productData } from './documents';
import { cropImage, fieldValue, JsonObject, place, RenderContext } from './render-common';

// The data members of VIN, plate and receipt bodies (envelope.ts adds recogInfo, ErrorCode, wrappers).
// VIN and plate members follow public client code (VIN, PlateNum, Plate [{车牌颜色, 车牌号}]); their position,
// quad and image_data are the sandbox's. pid 22 receipts are INVENTED: they mirror the plate shape
// (TicketNum + Ticket list, Chinese keys, 票据类型 naming the kind).

export function renderVin(ctx: RenderContext): JsonObject {
	const vin = productData(1)!.front.fields[0][2];
	return {
		VIN: vin,
		...(ctx.options.showPosition ? place(0, vin) : {}),
		...(ctx.crops ? { image_data: cropImage() } : {}),
	};
}

export function renderPlate(ctx: RenderContext): JsonObject {
	const count = ctx.markers.count ?? 1;
	const plates = Array.from({ length: count }, (_, i) => {
		const [color, number] = PLATES[i % PLATES.length];
		return {
			车牌颜色: color,
			车牌号: number,
			...(ctx.options.showPosition ? place(i, number) : {}),
			...(ctx.crops ? { image_data: cropImage() } : {}),
		};
	});
	return { PlateNum: count, Plate: plates };
}

export function renderReceipts(ctx: RenderContext): JsonObject {
	const kinds: TicketKind[] = ctx.markers.tickets ?? ['train'];
	const count = ctx.markers.count ?? kinds.length;
	const tickets = Array.from({ length: count }, (_, i) => {
		const page = TICKETS[kinds[i % kinds.length]];
		const out: JsonObject = { 票据类型: page.type };
		page.fields.forEach(([, chn, value], j) => {
			out[chn] = fieldValue(value, j, ctx);
		});
		if (ctx.crops) out.image_data = cropImage();
		return out;
	});
	return { TicketNum: count, Ticket: tickets };
}
