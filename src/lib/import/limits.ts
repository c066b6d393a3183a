/**
 * The limits of an import, each named in the message that enforces it.
 */

/**
 * The largest file the importer reads. A 1M-row ACLED export with notes is about 400 MB; past
 * 1 GB the story folder it makes could not be checked or opened anyway (a story file may weigh
 * 100 MB, see MAX_FILE_BYTES in story/json-file.ts).
 */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

/**
 * The largest workbook and GeoJSON file the importer reads, by kind: they are read whole (a workbook's
 * rows are held as text, see XLSX_BUDGET; JSON.parse holds all of it and more), where a CSV is streamed. Saved as CSV, the same rows go
 * up to MAX_IMPORT_BYTES.
 */
export const MAX_WHOLE_BYTES = {
	xlsx: 50 * 1024 * 1024,
	geojson: 100 * 1024 * 1024
} as const;

/**
 * The largest file of each kind `npm run import` takes: text, Parquet and Arrow are streamed up to
 * MAX_IMPORT_BYTES, a workbook or GeoJSON file is held whole.
 */
export const IMPORT_LIMITS = {
	text: MAX_IMPORT_BYTES,
	parquet: MAX_IMPORT_BYTES,
	arrow: MAX_IMPORT_BYTES,
	...MAX_WHOLE_BYTES
} as const;

/**
 * The longest cell taken: what one spreadsheet cell holds (Excel's limit). A longer cell is not a
 * value someone typed, and rejected.csv must still open in a spreadsheet.
 */
export const MAX_CELL_CHARS = 32_767;

const mb = (bytes: number) =>
	`${(bytes / 1048576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/** The message for a file that is too big, or null; asked of the size before a byte is read. */
export function sizeProblem(bytes: number, limit = MAX_IMPORT_BYTES): string | null {
	if (bytes === 0) return 'is empty: nothing to import.';
	if (bytes <= limit) return null;
	return `is ${mb(bytes)}; the importer takes files of up to ${mb(limit)} (${limit.toLocaleString('en-GB')} bytes). Split it, or import the columns and years you need.`;
}

/**
 * What a workbook may take. Its archive is at most MAX_WHOLE_BYTES.xlsx; of it, only the parts the
 * rows need are inflated (never xl/media or other sheets), each within a bound, so a "zip bomb" of
 * a few megabytes is refused after inflating at most these bytes. The sheet's XML is read a piece
 * at a time, never held whole; its rows are held as text, at most `cells` filled cells (each
 * about 50–100 bytes held: about 1 GB at the bound). A sheet past it is saved as CSV, and streamed.
 */
export const XLSX_BUDGET = {
	/** The first sheet's XML, inflated. */
	sheetBytes: 1024 * 1024 * 1024,
	/** The shared strings' XML, inflated; the strings themselves are held. */
	stringsBytes: 256 * 1024 * 1024,
	/** The workbook, its relations and its styles, each. */
	partBytes: 16 * 1024 * 1024,
	/** Filled cells in the first sheet. */
	cells: 10_000_000
} as const;

export type XlsxBudget = { readonly [K in keyof typeof XLSX_BUDGET]: number };
