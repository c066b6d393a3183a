/**
 * Delimited text split into rows, fed a piece of text at a time. Papaparse's reader was given up
 * here because it loses rows: a cell that opens with a quote and has text after its closing quote
 * (`"Aid" 1`) made it read on to the next quote in the file, a thousand rows later, as one cell;
 * and it takes one line break for a whole stream, so a CRLF file with some LF-only lines ran rows
 * together. Here a row ends at whatever line break it has (CRLF, LF or CR), and a quote that
 * cannot be read costs its own row only: that row is handed on with its quote error, and reading
 * starts again on the line after it, so every row of the file is either read or rejected.
 */
import type { QuoteError } from './row-loop';

/**
 * The longest a quoted cell may run before its opening quote is taken for a stray one. Excel's
 * own limit for a cell is 32,767 characters (MAX_CELL_CHARS); a longer cell is read, to be
 * rejected with its length said, but one far past it is not a cell but a quote that was never
 * closed, and reading on would swallow the rest of the file.
 */
export const MAX_QUOTED_CHARS = 16 << 20;

export type OnRow = (cells: string[], quoteError: QuoteError) => boolean;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where the line that holds `from` ends: the index after its line break, or -1 if not seen yet. */
function lineEnd(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === LF) return i + 1;
		if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
	}
	return -1;
}

/** A rejected row's cells, as well as they can be told: its text split at each delimiter. */
function rawCells(text: string, delimiter: string): string[] {
	return text.replace(/\r?\n$|\r$/, '').split(delimiter);
}

export class CsvRows {
	readonly #delimiter: string;
	readonly #code: number;
	readonly #onRow: OnRow;
	#pending = '';
	#halted = false;

	constructor(delimiter: string, onRow: OnRow) {
		this.#delimiter = delimiter;
		this.#code = delimiter.charCodeAt(0);
		this.#onRow = onRow;
	}

	/** False once a row's handler has stopped the reading. */
	push(text: string): boolean {
		if (this.#halted) return false;
		const buffer = this.#pending ? this.#pending + text : text;
		const at = this.#split(buffer, false);
		this.#pending = at < buffer.length ? buffer.slice(at) : '';
		return !this.#halted;
	}

	/** The text has ended: its last row, with or without a line break after it. */
	end(): boolean {
		if (this.#halted) return false;
		const buffer = this.#pending;
		this.#pending = '';
		if (buffer) this.#split(buffer, true);
		return !this.#halted;
	}

	#emit(cells: string[], error: QuoteError): void {
		if (!this.#onRow(cells, error)) this.#halted = true;
	}

	/** Hands on every whole row of `text`; returns where the first row not yet whole begins. */
	#split(text: string, final: boolean): number {
		const length = text.length;
		const delimiter = this.#code;
		let start = 0;
		rows: while (start < length && !this.#halted) {
			const cells: string[] = [];
			let i = start;
			for (;;) {
				if (text.charCodeAt(i) === QUOTE) {
					// A quoted cell: to its closing quote, a doubled quote being one quote.
					let value = '';
					let from = i + 1;
					for (;;) {
						const close = text.indexOf('"', from);
						if (close === -1 || close - i > MAX_QUOTED_CHARS) {
							if (!final && close === -1 && length - i <= MAX_QUOTED_CHARS) return start;
							// Never closed: its row is the line the quote opened on, and reading resumes after it.
							const end = lineEnd(text, i);
							if (end === -1 && !final) return start;
							const stop = end === -1 ? length : end;
							this.#emit(rawCells(text.slice(start, stop), this.#delimiter), 'MissingQuotes');
							start = stop;
							continue rows;
						}
						if (close + 1 === length && !final) return start;
						if (text.charCodeAt(close + 1) === QUOTE) {
							value += text.slice(from, close + 1);
							from = close + 2;
							continue;
						}
						value += text.slice(from, close);
						i = close + 1;
						break;
					}
					cells.push(value);
					const next = i < length ? text.charCodeAt(i) : -1;
					if (next === delimiter) {
						i++;
						continue;
					}
					if (next === -1) {
						if (!final) return start;
						this.#emit(cells, null);
						return length;
					}
					if (next === LF || next === CR) {
						if (next === CR && i + 1 === length && !final) return start;
						this.#emit(cells, null);
						start = i + (next === CR && text.charCodeAt(i + 1) === LF ? 2 : 1);
						continue rows;
					}
					// Text after the closing quote: this row cannot be read, the next line can.
					const end = lineEnd(text, i);
					if (end === -1 && !final) return start;
					const stop = end === -1 ? length : end;
					this.#emit(rawCells(text.slice(start, stop), this.#delimiter), 'InvalidQuotes');
					start = stop;
					continue rows;
				}
				// An unquoted cell: to the delimiter or the line break; a quote inside it is text.
				let j = i;
				let c = -1;
				while (j < length) {
					c = text.charCodeAt(j);
					if (c === delimiter || c === LF || c === CR) break;
					j++;
				}
				if (j === length) {
					if (!final) return start;
					cells.push(text.slice(i, j));
					this.#emit(cells, null);
					return length;
				}
				cells.push(text.slice(i, j));
				if (c === delimiter) {
					i = j + 1;
					continue;
				}
				if (c === CR && j + 1 === length && !final) return start;
				this.#emit(cells, null);
				start = j + (c === CR && text.charCodeAt(j + 1) === LF ? 2 : 1);
				continue rows;
			}
		}
		return start;
	}
}

/** The first `count` rows of a file's head, as the importer will read them (the studio's preview). */
export function previewRows(text: string, delimiter: string, count: number): string[][] {
	const rows: string[][] = [];
	const reader = new CsvRows(delimiter, (cells) => (rows.push(cells), rows.length < count));
	if (reader.push(text)) reader.end();
	return rows;
}
