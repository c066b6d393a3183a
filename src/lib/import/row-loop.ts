/**
 * The importer's walk over a file's rows, whatever reads them (papaparse over CSV text, a
 * worksheet, a GeoJSON file's features): the first row picks the reader, blank lines are counted,
 * and every other row becomes an event or a rejected row with its column and reason. It is the
 * same walk as `npm run import`'s, kept here so that the studio's worker and the CLI account for
 * rows alike.
 */
import { chooseReader, type ReaderChoice } from './choose-reader';
import type { CountryIndex } from './country-index';
import type { GeocodeQuery, Geocoded } from './geocode';
import { MAX_CELL_CHARS } from './limits';
import type { DateFormat } from './parse-date';
import type { ImportedPlace, PlaceWarning } from './place-table';
import type { RowReader } from './reader';
import { RowsToEvents, type ImportedEvent } from './rows-to-events';

export interface RejectedRow {
	/** As a spreadsheet numbers it: the header is row 1. */
	row: number;
	column: string;
	reason: string;
	cells: string[];
}

export interface RowLoopOptions {
	choice: ReaderChoice;
	countries: CountryIndex;
	/** The places of the story an update keeps the ids of (place-table.ts). */
	places?: readonly ImportedPlace[];
	latest: number;
	dateFormat?: DateFormat;
	geocode?: (query: GeocodeQuery) => Geocoded;
	/** The whole file's states, for rows placed by name (rows-to-events.ts, ImportOptions). */
	states?: ReadonlyMap<string, number>;
	/** Called once the first row has picked the reader. */
	onReader?: (reader: RowReader, guessed: string[]) => void;
	onEvent: (event: ImportedEvent, line: string) => void;
	onRejected: (rejected: RejectedRow) => void;
}

/** How a row's cells failed to parse, as papaparse says it (or nothing). */
export type QuoteError = 'MissingQuotes' | 'InvalidQuotes' | null;

export type LoopEnd =
	| {
			ok: true;
			reader: RowReader;
			guessed: string[];
			rows: number;
			imported: number;
			rejected: number;
			blank: number;
			places: ImportedPlace[];
			placeWarnings: PlaceWarning[];
	  }
	/** Nothing can be imported: the file's first row, an ambiguous date, no rows. */
	| { ok: false; problem: string; ambiguousDate?: true };

/** A cell too long to show is cut in what is shown, with its length said. */
export function shownCells(cells: readonly string[]): string[] {
	return cells.map((cell) =>
		cell.length > MAX_CELL_CHARS
			? `${cell.slice(0, 1000)}… [cut here: the cell holds ${cell.length.toLocaleString('en-GB')} characters]`
			: cell
	);
}

export class RowLoop {
	#row = 0;
	#rows = 0;
	#imported = 0;
	#rejected = 0;
	#blank = 0;
	#pendingBlank = 0;
	#reader: RowReader | null = null;
	#guessed: string[] = [];
	#engine: RowsToEvents | null = null;
	#failure: { problem: string; ambiguousDate?: true } | null = null;

	constructor(private readonly options: RowLoopOptions) {}

	/** Rows seen so far, the header included: what a progress line can say. */
	get row(): number {
		return this.#row;
	}

	/** The states the rows named or were surely placed in (rows-to-events.ts). */
	get states(): ReadonlyMap<string, number> {
		return this.#engine?.states ?? new Map();
	}

	get imported(): number {
		return this.#imported;
	}

	get rejected(): number {
		return this.#rejected;
	}

	/** One row of cells, as the file gives it; false when the import must stop (see `end`). */
	push(cells: string[], quoteError: QuoteError = null): boolean {
		if (this.#failure) return false;
		this.#row++;
		const row = this.#row;
		if (!this.#engine) {
			const choice = chooseReader(cells, this.options.choice);
			if (!choice.ok) {
				this.#failure = { problem: choice.problems.join('\n') };
				return false;
			}
			this.#reader = choice.reader;
			this.#guessed = choice.guessed;
			this.#engine = new RowsToEvents({
				reader: choice.reader,
				countries: this.options.countries,
				...(this.options.places ? { places: this.options.places } : {}),
				latest: this.options.latest,
				...(this.options.dateFormat ? { dateFormat: this.options.dateFormat } : {}),
				...(this.options.geocode ? { geocode: this.options.geocode } : {}),
				...(this.options.states ? { states: this.options.states } : {})
			});
			this.options.onReader?.(choice.reader, choice.guessed);
			if (choice.header) return true;
		}
		// A line with nothing on it is no row of data; counted, and said.
		if (cells.length === 1 && cells[0] === '') {
			this.#pendingBlank++;
			return true;
		}
		this.#blank += this.#pendingBlank;
		this.#pendingBlank = 0;
		this.#rows++;
		if (quoteError) {
			this.#reject(
				row,
				cells,
				'(row)',
				quoteError === 'MissingQuotes'
					? 'a quoted cell opens on this line and is never closed; this line is rejected and the next line read as a new row.'
					: 'a quoted cell has text after its closing quote (a stray quote); this line is rejected and the next line read as a new row.'
			);
			return true;
		}
		const outcome = this.#engine.push(cells, row);
		if (outcome.ok) {
			this.#imported++;
			this.options.onEvent(outcome.event, outcome.line);
		} else if ('fatal' in outcome) {
			this.#failure = { problem: `row ${row}, column ${outcome.fatal}`, ambiguousDate: true };
			return false;
		} else {
			this.#reject(
				row,
				cells,
				outcome.problems.map((p) => p.column).join('; '),
				outcome.problems.map((p) => p.reason).join(' ')
			);
		}
		return true;
	}

	/**
	 * A row its format already refused (a GeoJSON feature that is not a point): counted and listed
	 * like any other. Never the header.
	 */
	refuse(cells: string[], column: string, reason: string): void {
		if (this.#failure || !this.#engine) return;
		this.#row++;
		this.#rows++;
		this.#reject(this.#row, cells, column, reason);
	}

	#reject(row: number, cells: readonly string[], column: string, reason: string) {
		this.#rejected++;
		this.options.onRejected({ row, column, reason, cells: shownCells(cells) });
	}

	end(): LoopEnd {
		if (this.#failure) return { ok: false, ...this.#failure };
		if (!this.#engine || !this.#reader)
			return { ok: false, problem: 'is empty: nothing to import.' };
		if (this.#rows === 0)
			return { ok: false, problem: 'has a header and no rows: nothing to import.' };
		return {
			ok: true,
			reader: this.#reader,
			guessed: this.#guessed,
			rows: this.#rows,
			imported: this.#imported,
			rejected: this.#rejected,
			blank: this.#blank,
			places: this.#engine.places,
			placeWarnings: this.#engine.placeWarnings
		};
	}
}
