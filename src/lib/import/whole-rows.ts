/**
 * A workbook or a GeoJSON file as rows, read whole, and their walk through the RowLoop: the
 * studio and `npm run import` read them alike, with the same limits (xlsx-rows.ts,
 * geojson-rows.ts).
 */
import { isUtf8 } from './decode';
import type { RowEstimate } from './estimate-rows';
import { geojsonRows } from './geojson-rows';
import type { RowLoop } from './row-loop';
import { xlsxRows } from './xlsx-rows';

export interface WholeRows {
	/** The header first, as a CSV of the same data would have it. */
	rows: string[][];
	/** Rows the format already refused, by row number (the header is row 1). */
	refused: Map<number, { column: string; reason: string }>;
	/** "sheet "Events" of a workbook", for the summary line. */
	what: string;
}

const sheetName = (sheet: string) => `sheet "${sheet}" of a workbook`;

/**
 * The first `count` rows of a workbook, its sheet inflated no further than they are, and how many
 * rows it holds, estimated: a preview says a sheet's size without reading all of it.
 */
export async function workbookHead(
	bytes: ArrayBuffer,
	count: number
): Promise<{ rows: string[][]; what: string; estimate: RowEstimate } | string> {
	const sheet = await xlsxRows(bytes, undefined, { firstRows: count });
	if (!sheet.ok) return sheet.problem;
	return {
		rows: sheet.rows.slice(0, count),
		what: sheetName(sheet.sheet),
		estimate: sheet.estimate
	};
}

/** The rows of `bytes`, or why they cannot be read. */
export async function wholeRows(
	kind: 'xlsx' | 'geojson',
	bytes: ArrayBuffer
): Promise<WholeRows | string> {
	if (kind === 'xlsx') {
		const sheet = await xlsxRows(bytes);
		if (!sheet.ok) return sheet.problem;
		return {
			rows: sheet.rows,
			refused: sheet.refused,
			what: sheetName(sheet.sheet)
		};
	}
	const view = new Uint8Array(bytes);
	if (!isUtf8(view, false)) return 'is not UTF-8 text; GeoJSON is always UTF-8.';
	const read = geojsonRows(new TextDecoder().decode(view));
	if (!read.ok) return read.problem;
	return { rows: read.rows, refused: read.refused, what: 'GeoJSON' };
}

/**
 * Every row into the loop, a refused one as refused; stops where the loop does (an ambiguous
 * date). `progress` hears rows done every few thousand, and at the end.
 */
export function walkRows(
	loop: RowLoop,
	whole: WholeRows,
	progress?: (done: number, total: number) => void
): void {
	const total = whole.rows.length;
	for (let i = 0; i < total; i++) {
		const cells = whole.rows[i]!;
		const refused = whole.refused.get(i + 1);
		if (refused) loop.refuse(cells, refused.column, refused.reason);
		else if (!loop.push(cells)) break;
		if (i % 2000 === 0) progress?.(i, total);
	}
	progress?.(total, total);
}
