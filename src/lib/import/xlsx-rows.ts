/**
 * The first worksheet of an Excel workbook as rows of text cells, the header first, so it goes
 * through the same mapping and checks as a CSV. Read here from the workbook's XML rather than by a
 * library that inflates every entry of the archive and builds an object per cell: only the parts
 * the rows need are inflated (the workbook, its relations, styles, shared strings and the first
 * sheet), each within a bound, the sheet a piece at a time (zip-entries.ts). What it may take is
 * stated in limits.ts (XLSX_BUDGET).
 */
import type { RowEstimate } from './estimate-rows';
import { XLSX_BUDGET, type XlsxBudget } from './limits';
import {
	entryText,
	inflateText,
	zipEntries,
	ZipProblem,
	ZipTooBig,
	type ZipEntry
} from './zip-entries';

export type SheetRows =
	| {
			ok: true;
			rows: string[][];
			sheet: string;
			/** Rows whose cells cannot be read (a damaged shared string, a date past 9999), by row number. */
			refused: Map<number, { column: string; reason: string }>;
			/** Rows of data under the header: counted when every row was read, else estimated. */
			estimate: RowEstimate;
	  }
	| { ok: false; problem: string };

/**
 * A sheet's shape, checked as its rows come: a workbook of a few kilobytes with one value in A1
 * and one in XFD1048576 would otherwise ask for seventeen billion cells.
 */
export const MAX_SHEET_COLUMNS = 2_000;
export const MAX_EMPTY_ROWS = 100_000;

/** Excel's last day, 31 December 9999, as its day number. */
const LAST_SERIAL = 2_958_465;

const pad = (n: number) => String(n).padStart(2, '0');

const ENTITIES: Readonly<Record<string, string>> = {
	lt: '<',
	gt: '>',
	amp: '&',
	quot: '"',
	apos: "'"
};

/** XML text as the text it stands for, with Excel's own _xHHHH_ escapes of control characters. */
export function xmlText(raw: string): string {
	return raw
		.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
			if (name[0] !== '#') return Object.hasOwn(ENTITIES, name) ? ENTITIES[name]! : whole;
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		})
		.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a shared string or an inline string: its runs, without their phonetic guides. */
function runsText(xml: string): string {
	let out = '';
	for (const match of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([^<]*)<\/t>/g))
		out += match[1]!;
	return xmlText(out);
}

/** "AB" → 28. */
function columnNumber(letters: string): number {
	let n = 0;
	for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
	return n;
}

function columnLetters(n: number): string {
	let out = '';
	for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
	return out;
}

/** Excel's built-in number formats that show a date or a time. */
const DATE_FORMAT_IDS = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57
]);

/** Whether a format code shows a date: a d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
	const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
	return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Which cell styles (the s="" of a cell) show dates. */
function dateStyles(styles: string): boolean[] {
	const custom = new Map<number, string>();
	for (const m of styles.matchAll(/<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g))
		custom.set(Number(m[1]), xmlText(m[2]!));
	const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
	return [...xfs.matchAll(/<xf\b([^>]*)/g)].map((m) => {
		const id = Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
		const code = custom.get(id);
		return code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code);
	});
}

/** A day number of Excel's as the text a CSV would hold: YYYY-MM-DD, and the time if it has one. */
export function serialDate(serial: number, date1904: boolean): string | null {
	if (!Number.isFinite(serial) || serial < 0 || serial > LAST_SERIAL + 1) return null;
	const date = new Date(Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));
	if (Number.isNaN(date.getTime())) return null;
	const day = date.toISOString().slice(0, 10);
	const time =
		date.getUTCHours() || date.getUTCMinutes()
			? ` ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
			: '';
	return `${day}${time}`;
}

const attribute = (attributes: string, name: string) =>
	new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];

class Refusal extends Error {}

/**
 * XML text that comes in pieces, handed on in runs of whole elements: up to the last `close` tag
 * seen. Only the new piece is searched, so a long element costs its length once, not once a piece.
 */
class ElementRuns {
	#parts: string[] = [];
	#length = 0;

	constructor(
		private readonly close: string,
		private readonly what: string,
		private readonly onRun: (xml: string) => void
	) {}

	push(text: string): void {
		const tail = this.#parts.length
			? this.#parts[this.#parts.length - 1]!.slice(1 - this.close.length)
			: '';
		const at = (tail + text).lastIndexOf(this.close);
		if (at < 0) {
			this.#parts.push(text);
			this.#length += text.length;
			if (this.#length > MAX_ELEMENT_CHARS) throw tooLong(this.what);
			return;
		}
		const cut = at + this.close.length - tail.length;
		this.#parts.push(text.slice(0, cut));
		this.onRun(this.#parts.join(''));
		const rest = text.slice(cut);
		this.#parts = rest ? [rest] : [];
		this.#length = rest.length;
	}

	end(): void {
		if (this.#parts.length) this.onRun(this.#parts.join(''));
		this.#parts = [];
		this.#length = 0;
	}
}

/**
 * The most XML one row or one shared string may take. A cell holds at most 32,767 characters;
 * a row of 2,000 of them is far below this. Without it, a sheet of a gigabyte with no row end
 * would be held whole while waiting for one.
 */
const MAX_ELEMENT_CHARS = 64 * 1024 * 1024;

const tooLong = (what: string) =>
	new Refusal(
		`has a ${what} of more than ${MAX_ELEMENT_CHARS / 1048576} MB of XML in its first sheet, which no spreadsheet writes: the file is damaged or built to exhaust memory.`
	);

/** Reads a sheet's rows from its XML as it is inflated. */
class SheetReader {
	readonly filled = new Map<number, string[]>();
	readonly refused = new Map<number, { column: string; reason: string }>();
	#nextRow = 1;
	#lastRow = 0;
	#cells = 0;

	constructor(
		private readonly strings: readonly string[],
		private readonly dates: readonly boolean[],
		private readonly date1904: boolean,
		private readonly maxCells: number
	) {}

	get lastRow(): number {
		return this.#lastRow;
	}

	readonly #runs = new ElementRuns('</row>', 'row', (xml) => this.#rows(xml));

	push(text: string): void {
		this.#runs.push(text);
	}

	end(): void {
		this.#runs.end();
	}

	#rows(xml: string): void {
		for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
			const n = Number(attribute(row[1]!, 'r') ?? this.#nextRow);
			this.#nextRow = n + 1;
			if (!row[2]) continue;
			const cells = this.#cells_(row[2], n);
			if (!cells.length) continue;
			this.filled.set(n, cells);
			this.#lastRow = Math.max(this.#lastRow, n);
			const empty = this.#lastRow - this.filled.size;
			if (empty > MAX_EMPTY_ROWS)
				throw new Refusal(
					`has ${empty.toLocaleString('en-GB')} empty rows in its first sheet before its last row (${this.#lastRow.toLocaleString('en-GB')}); delete them in Excel, or save the sheet as CSV.`
				);
		}
	}

	#cells_(xml: string, row: number): string[] {
		const cells: string[] = [];
		let next = 1;
		for (const cell of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const attributes = cell[1]!;
			const ref = /^([A-Z]+)\d*$/.exec(attribute(attributes, 'r') ?? '');
			const column = ref ? columnNumber(ref[1]!) : next;
			next = column + 1;
			if (column > MAX_SHEET_COLUMNS)
				throw new Refusal(
					`has ${column.toLocaleString('en-GB')} columns in its first sheet; the importer reads up to ${MAX_SHEET_COLUMNS.toLocaleString('en-GB')}.`
				);
			const text = this.#value(attributes, cell[2] ?? '', row, column);
			if (text === '') continue;
			if (++this.#cells > this.maxCells)
				throw new Refusal(
					`has more than ${this.maxCells.toLocaleString('en-GB')} filled cells in its first sheet, more than a workbook is read whole for. Save the sheet as CSV: a CSV is streamed.`
				);
			while (cells.length < column - 1) cells.push('');
			cells[column - 1] = text;
		}
		return cells;
	}

	#value(attributes: string, inner: string, row: number, column: number): string {
		const type = attribute(attributes, 't') ?? 'n';
		if (type === 'inlineStr') return runsText(inner);
		const raw = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
		if (raw === undefined) return '';
		const where = `${columnLetters(column)}${row}`;
		switch (type) {
			case 's': {
				const index = Number(raw);
				const text = Number.isInteger(index) ? this.strings[index] : undefined;
				if (text === undefined) {
					this.#refuse(
						row,
						where,
						`refers to shared string ${raw.trim()}, and the workbook has ${this.strings.length.toLocaleString('en-GB')} (numbered from 0): the file is damaged. Open it in Excel and save it again.`
					);
					return '';
				}
				return text;
			}
			case 'b':
				return raw.trim() === '1' ? 'true' : 'false';
			case 'str':
			case 'e':
			case 'd':
				return xmlText(raw);
			default: {
				const number = Number(raw);
				const style = Number(attribute(attributes, 's') ?? 0);
				if (!this.dates[style]) return Number.isFinite(number) ? String(number) : xmlText(raw);
				const date = serialDate(number, this.date1904);
				if (date === null) {
					this.#refuse(
						row,
						where,
						`is a date cell holding ${Number.isFinite(number) ? number.toLocaleString('en-GB') : raw}, which is no day: Excel's dates run from 1 January 1900 to 31 December 9999.`
					);
					return '';
				}
				return date;
			}
		}
	}

	#refuse(row: number, column: string, reason: string): void {
		if (!this.refused.has(row)) this.refused.set(row, { column: `cell ${column}`, reason });
	}
}

/** The first sheet's name and part, and whether its days count from 1904. */
async function firstSheet(
	bytes: Uint8Array,
	entries: Map<string, ZipEntry>,
	limit: number
): Promise<{ name: string; path: string; date1904: boolean }> {
	const part = (name: string) => {
		const entry = entries.get(name);
		if (!entry) throw new ZipProblem(`it has no ${name}`);
		return entryText(bytes, entry, limit);
	};
	const workbook = await part('xl/workbook.xml');
	const sheet = /<sheet\b([^>]*)/.exec(workbook)?.[1];
	if (!sheet) throw new Refusal('has no worksheet: nothing to import.');
	const id = /(?:^|\s)[\w]+:id="([^"]*)"/.exec(sheet)?.[1];
	const rels = await part('xl/_rels/workbook.xml.rels');
	let target: string | undefined;
	for (const m of rels.matchAll(/<Relationship\b([^>]*)/g))
		if (attribute(m[1]!, 'Id') === id) target = attribute(m[1]!, 'Target');
	if (!target) throw new ZipProblem('its first sheet is not where its workbook says');
	const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
	return {
		name: xmlText(attribute(sheet, 'name') ?? 'Sheet1'),
		path,
		date1904: /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook)
	};
}

/** A sheet read far enough: its first rows are all that were asked for. */
class Enough extends Error {}

/** The last row a sheet's <dimension ref="A1:F50001"/> states, or null where it states none. */
function dimensionRows(head: string): number | null {
	const ref = /<dimension\b[^>]*?\bref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head)?.[1];
	return ref ? Number(ref) : null;
}

/**
 * How many rows of data a sheet read only in part holds: its <dimension> where it states one (as
 * exact as the sheet keeps it: Excel writes its last row), else its inflated size at the rate its
 * first rows took. A dimension short of the rows already read ("A1", as some writers put) is none.
 */
function partEstimate(head: string, read: number, rows: number, size: number): RowEstimate {
	const last = dimensionRows(head);
	if (last !== null && last >= rows)
		return { rows: Math.max(0, last - 1), exact: true, stated: true };
	const perRow = read / Math.max(1, rows);
	return { rows: Math.max(rows - 1, Math.round(size / perRow) - 1), exact: false };
}

/**
 * `budget` is XLSX_BUDGET but in tests, which need no gigabyte to reach a bound. With
 * `firstRows`, the sheet is inflated only until that many rows are read (a preview), and its rows
 * are estimated rather than counted.
 */
export async function xlsxRows(
	buffer: ArrayBuffer,
	budget: XlsxBudget = XLSX_BUDGET,
	{ firstRows }: { firstRows?: number } = {}
): Promise<SheetRows> {
	const bytes = new Uint8Array(buffer);
	try {
		const entries = zipEntries(bytes);
		const sheet = await firstSheet(bytes, entries, budget.partBytes);
		const stringsEntry = entries.get('xl/sharedStrings.xml');
		const strings: string[] = [];
		if (stringsEntry) {
			const runs = new ElementRuns('</si>', 'shared string', (xml) => {
				for (const m of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\/>/g))
					strings.push(m[1] === undefined ? '' : runsText(m[1]));
			});
			await inflateText(bytes, stringsEntry, budget.stringsBytes, (text) => runs.push(text));
			runs.end();
		}
		const stylesEntry = entries.get('xl/styles.xml');
		const dates = stylesEntry
			? dateStyles(await entryText(bytes, stylesEntry, budget.partBytes))
			: [];
		const sheetEntry = entries.get(sheet.path);
		if (!sheetEntry) throw new ZipProblem(`its first sheet, ${sheet.path}, is missing`);
		const reader = new SheetReader(strings, dates, sheet.date1904, budget.cells);
		let read = 0;
		let head = '';
		let stopped = false;
		try {
			await inflateText(bytes, sheetEntry, budget.sheetBytes, (text) => {
				read += text.length;
				if (head.length < 4096) head += text.slice(0, 4096 - head.length);
				reader.push(text);
				if (firstRows !== undefined && reader.filled.size >= firstRows) throw new Enough();
			});
			reader.end();
		} catch (error) {
			if (!(error instanceof Enough)) throw error;
			// A sheet stored, or inflated in one piece, was read whole before it was stopped.
			if (read < sheetEntry.size) stopped = true;
			else reader.end();
		}
		const rows: string[][] = [];
		const width = Math.max(reader.filled.get(1)?.length ?? 0, 1);
		for (let n = 1; n <= reader.lastRow; n++) {
			const cells = reader.filled.get(n) ?? [];
			for (let i = 0; i < cells.length; i++) cells[i] ??= '';
			while (cells.length < width) cells.push('');
			// Empty cells past the header's width are no cells; filled ones make a ragged row.
			while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
			rows.push(cells.every((cell) => cell === '') ? [''] : cells);
		}
		if (rows.length === 0)
			return {
				ok: false,
				problem: `has nothing in its first sheet, "${sheet.name}": nothing to import.`
			};
		return {
			ok: true,
			rows,
			sheet: sheet.name,
			refused: reader.refused,
			estimate: stopped
				? partEstimate(head, read, reader.lastRow, sheetEntry.size)
				: { rows: rows.length - 1, exact: true }
		};
	} catch (error) {
		if (error instanceof Refusal) return { ok: false, problem: error.message };
		if (error instanceof ZipTooBig)
			return {
				ok: false,
				problem: `holds more than a workbook is read for: ${error.message}. Save the sheet as CSV: a CSV is streamed.`
			};
		const why = error instanceof ZipProblem ? error.message : String(error);
		return {
			ok: false,
			problem: `is not an Excel workbook that can be read (${why}). Save it again from Excel as .xlsx, or as CSV.`
		};
	}
}
