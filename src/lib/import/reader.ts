/**
 * What a row says, whatever the file's layout: the importer's one shape between a dataset's
 * columns (presets.ts, guess-columns.ts) and a story's event (rows-to-events.ts).
 */
import type { Category, PlaceKind } from '../story/schema';

/** A cell, named by its column for the messages about it. */
export interface Cell {
	column: string;
	text: string;
}

/** Why a row, or one of its cells, was not imported. */
export interface RowProblem {
	column: string;
	reason: string;
}

export type Span = 'day' | 'week' | 'month';

export interface RowFields {
	id: Cell | null;
	date: Cell | null;
	end: Cell | null;
	/** What the date stands for: the day itself, or the week or month around it (ACLED). */
	span: Span;
	lat: Cell | null;
	lon: Cell | null;
	placeName: string;
	/** The column the place name comes from, for the message when it cannot be placed. */
	placeColumn?: string;
	placeKind: PlaceKind;
	/** The state, province or oblast the row names, to tell same-named places apart. */
	admin?: string;
	/** The country the row names, to check the coordinates against: a name, or an ISO code. */
	country: { column: string; name: string; alpha2?: string; numeric?: string } | null;
	category: { column: string; text: string; value: Category | null } | null;
	/** The dataset's own headline, or '' for the importer to write one. */
	title: string;
	summary: Cell | null;
	actors: string[];
	/** Where the row's information comes from: an outlet, a URL. */
	source: string;
	/** What the row says beyond date, place, actors and source, for its line in article.txt. */
	detail: string;
}

/** Reads the rows of one layout of file. */
export interface RowReader {
	/** "an ACLED export", for the summary line. */
	name: string;
	/** How many cells a row has; more or fewer is a ragged row. */
	width: number;
	/** Whose width it is, for the message about a ragged row: "the header", "the GDELT 2.0 format". */
	widthFrom: string;
	/** Column names, for messages and rejected.csv. */
	columns: readonly string[];
	/** The columns whose text ends up in the story, held to the story's rules for text. */
	used: readonly number[];
	/**
	 * The column whose cells are the rows' own notes, each event's summary ("notes"), for the
	 * story to label them so; absent where the reader writes the summary itself (UCDP, GDELT).
	 */
	notes?: string;
	read(cells: readonly string[]): RowFields | RowProblem;
}
