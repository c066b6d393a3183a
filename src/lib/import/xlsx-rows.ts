/**
 * The first worksheet of an Excel workbook as rows of text cells, the header first, so it goes
 * through the same mapping and checks as a CSV. exceljs (kept; not the abandoned `xlsx` release)
 * is loaded only when a workbook is opened: it is as big as the rest of the importer.
 */
import type { CellValue, Worksheet } from 'exceljs';

export type SheetRows =
	{ ok: true; rows: string[][]; sheet: string } | { ok: false; problem: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a CSV of it would hold. A date cell (exceljs reads Excel's day serials in
 * date-formatted cells as Dates, at midnight UTC) becomes YYYY-MM-DD, which the importer reads
 * without asking about the order of day and month; with a time of day, that is kept after it.
 */
export function cellText(value: CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '';
		const day = value.toISOString().slice(0, 10);
		const time =
			value.getUTCHours() || value.getUTCMinutes()
				? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`
				: '';
		return `${day}${time}`;
	}
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((run) => run.text).join('');
		if ('formula' in value || 'sharedFormula' in value)
			return cellText((value as { result?: CellValue }).result ?? null);
		if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
		if ('error' in value) return String(value.error);
		return '';
	}
	return String(value);
}

/**
 * A sheet's shape, read before its cells: exceljs makes an object for every row and cell it is
 * asked for, so a workbook of a few kilobytes with one value in A1 and one in XFD1048576 would ask
 * for seventeen billion of them.
 */
export const MAX_SHEET_COLUMNS = 2_000;
export const MAX_EMPTY_ROWS = 100_000;

function sheetRows(sheet: Worksheet): string[][] | string {
	if (sheet.columnCount > MAX_SHEET_COLUMNS)
		return `has ${sheet.columnCount.toLocaleString('en-GB')} columns in its first sheet; the importer reads up to ${MAX_SHEET_COLUMNS.toLocaleString('en-GB')}.`;
	if (sheet.rowCount - sheet.actualRowCount > MAX_EMPTY_ROWS)
		return `has ${(sheet.rowCount - sheet.actualRowCount).toLocaleString('en-GB')} empty rows in its first sheet before its last row (${sheet.rowCount.toLocaleString('en-GB')}); delete them in Excel, or save the sheet as CSV.`;
	const filled = new Map<number, string[]>();
	sheet.eachRow({ includeEmpty: false }, (row, n) => {
		const cells: string[] = [];
		row.eachCell({ includeEmpty: false }, (cell, column) => {
			while (cells.length < column - 1) cells.push('');
			cells.push(cellText(cell.value));
		});
		filled.set(n, cells);
	});
	const rows: string[][] = [];
	const width = Math.max(filled.get(1)?.length ?? 0, 1);
	for (let n = 1; n <= sheet.rowCount; n++) {
		const cells = filled.get(n) ?? [];
		while (cells.length < width) cells.push('');
		// Empty cells past the header's width are no cells; filled ones make a ragged row.
		while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
		rows.push(cells.every((cell) => cell === '') ? [''] : cells);
	}
	return rows;
}

export async function xlsxRows(bytes: ArrayBuffer): Promise<SheetRows> {
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes);
	} catch (error) {
		return {
			ok: false,
			problem: `is not an Excel workbook that can be read (${error instanceof Error ? error.message : String(error)}). Save it again from Excel as .xlsx, or as CSV.`
		};
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return { ok: false, problem: 'has no worksheet: nothing to import.' };
	const rows = sheetRows(sheet);
	if (typeof rows === 'string') return { ok: false, problem: rows };
	if (rows.length === 0 || rows.every((row) => row.length === 1 && row[0] === ''))
		return {
			ok: false,
			problem: `has nothing in its first sheet, "${sheet.name}": nothing to import.`
		};
	return { ok: true, rows, sheet: sheet.name };
}
