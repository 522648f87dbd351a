import { TABLES, TEXT_LINES } from './bodies';
import { Json, JsonObject, place, RenderContext } from './render-common';

// General text / handwriting ('page') and tables ('table'): INVENTED result lists (nothing is known of
// these answers); envelope.ts wraps them in a page. Text lines are {type:'text', value, score}; a table is
// {type:'table', RowCount, ColCount, CellList:[{row, col, rowSpan, colSpan, value}]} (rows and columns from 0,
// the header is row 0). position/quad with showPosition=1.

const page = (resultList: Json[]): JsonObject => ({ ResultList: resultList });

function textLine(value: string, index: number, ctx: RenderContext): JsonObject {
	return { type: 'text', value, score: 99.2 - index * 0.7, ...(ctx.options.showPosition ? place(index, value) : {}) };
}

export function renderPage(ctx: RenderContext): JsonObject {
	const lines = TEXT_LINES[ctx.product.pid] ?? [];
	return page(lines.map((line, i) => textLine(line, i, ctx)));
}

function cellPlace(row: number, col: number): JsonObject {
	const [left, top, width, height] = [60 + col * 180, 120 + row * 40, 180, 40];
	return {
		position: { left, top, width, height },
		quad: [left, top, left + width, top, left + width, top + height, left, top + height],
	};
}

export function renderTable(ctx: RenderContext): JsonObject {
	const table = TABLES[ctx.product.pid];
	const grid = [table.header, ...table.rows];
	const cells: Json[] = [];
	grid.forEach((row, r) =>
		row.forEach((value, c) =>
			cells.push({
				row: r,
				col: c,
				rowSpan: 1,
				colSpan: 1,
				value,
				...(ctx.options.showPosition ? cellPlace(r, c) : {}),
			}),
		),
	);
	return page([textLine(table.title, 0, ctx), { type: 'table', RowCount: grid.length, ColCount: table.header.length, CellList: cells }]);
}
