/**
 * Writing CSV that a spreadsheet opens without running anything. A cell beginning with = + - or @
 * is read by Excel, LibreOffice and Google Sheets as a formula (`=HYPERLINK(…)`, `@SUM(…)`,
 * `-2+3`); so is one beginning with a tab or a carriage return, after the program strips it. Such
 * a cell is written with a single quote in front, which every one of them shows as text. This is
 * for every CSV the project writes: rejected.csv and any export.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as text a spreadsheet will not evaluate. */
export function neutralise(cell: string): string {
	return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One field of RFC 4180 CSV: quoted when it holds a comma, a quote or a line break. */
export function csvField(cell: string): string {
	const safe = neutralise(cell);
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, with the CRLF ending RFC 4180 asks for. */
export function csvLine(cells: readonly string[]): string {
	return `${cells.map(csvField).join(',')}\r\n`;
}
