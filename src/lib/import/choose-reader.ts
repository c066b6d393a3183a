/**
 * Which reader a file's first row calls for: the preset asked for, a dataset recognised by its
 * columns, or a column mapping guessed from the header and completed with `--map`.
 */
import { CATEGORIES, type Category } from '../story/schema';
import { genericReader } from './generic-reader';
import { FIELD_WORDS, guessColumns, type Mapping } from './guess-columns';
import {
	GDELT_COLUMNS,
	acledDuplicates,
	acledReader,
	gdeltReader,
	isAcledHeader,
	isUcdpHeader,
	looksLikeGdelt,
	ucdpReader,
	type Preset
} from './presets';
import type { RowReader } from './reader';

export interface ReaderChoice {
	preset?: Preset;
	mapping?: Mapping;
	category?: Category;
	/** A gazetteer places rows by name: a place column may stand in for the coordinates. */
	placeNames?: boolean;
}

export type Chosen =
	| {
			ok: true;
			reader: RowReader;
			/** False for GDELT: its first row is already an event. */
			header: boolean;
			/** What was guessed, for the user to confirm: "latitude from "Breite"". */
			guessed: string[];
			/** A row without coordinates is placed by its place column's name (the gazetteer is needed). */
			byName: boolean;
	  }
	| { ok: false; problems: string[] };

export function chooseReader(firstRow: readonly string[], choice: ReaderChoice = {}): Chosen {
	const { preset, mapping, category, placeNames = false } = choice;
	if (preset && mapping?.size)
		return {
			ok: false,
			problems: [`--map is for spreadsheets in no known layout; --preset ${preset} needs none.`]
		};
	const gdeltHeader =
		firstRow.length === GDELT_COLUMNS.length && firstRow[0]?.trim() === GDELT_COLUMNS[0];
	// A GDELT table exported with its header (BigQuery, DuckDB: Parquet or CSV) is one too.
	if (preset === 'gdelt' || (!preset && (looksLikeGdelt(firstRow) || gdeltHeader))) {
		if (firstRow.length !== GDELT_COLUMNS.length)
			return {
				ok: false,
				problems: [
					`its first row has ${firstRow.length} columns; a GDELT 2.0 event file has ${GDELT_COLUMNS.length}, separated by tabs (GDELT 1.0 files have 57 or 58).`
				]
			};
		return { ok: true, reader: gdeltReader(), header: gdeltHeader, guessed: [], byName: false };
	}
	if (preset === 'acled' || (!preset && isAcledHeader(firstRow))) {
		if (!isAcledHeader(firstRow))
			return {
				ok: false,
				problems: [
					"its header is not an ACLED export's: it needs at least event_id_cnty, event_date, event_type, latitude and longitude."
				]
			};
		const twice = acledDuplicates(firstRow);
		if (twice.length)
			return {
				ok: false,
				problems: [
					`its header is an ACLED export's with a column twice: ${twice.join(', ')}. Delete or rename the one not to read.`
				]
			};
		return { ok: true, reader: acledReader(firstRow), header: true, guessed: [], byName: false };
	}
	if (preset === 'ucdp' || (!preset && isUcdpHeader(firstRow))) {
		if (!isUcdpHeader(firstRow))
			return {
				ok: false,
				problems: [
					"its header is not a UCDP GED export's: it needs at least date_start, type_of_violence, where_coordinates, latitude, longitude, side_a and side_b."
				]
			};
		return { ok: true, reader: ucdpReader(firstRow), header: true, guessed: [], byName: false };
	}
	const guess = guessColumns(firstRow, mapping, { placeNames });
	if (!guess.ok) return guess;
	if (!guess.columns.category.length && !category)
		return {
			ok: false,
			problems: [
				`no column looks like the category: name it with --map COLUMN=category, or give every row one with --category ${CATEGORIES.join('|')}.`
			]
		};
	return {
		ok: true,
		reader: genericReader(firstRow, guess.columns, category ? { category } : {}),
		header: true,
		byName: placeNames && guess.columns.place.length > 0,
		guessed: guess.guessed.map(
			({ field, column, note }) =>
				`${FIELD_WORDS[field]} from "${column}"${note ? ` (${note})` : ''}`
		)
	};
}
