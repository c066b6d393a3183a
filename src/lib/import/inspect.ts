/**
 * What a file's first rows say before it is read whole: a dataset the importer knows (no mapping
 * needed), or a spreadsheet whose columns are guessed for the user to confirm, with a sample of
 * each and the question of the date's order when its dates are written 03/04/2025.
 */
import { FIELDS, guessPartial, IGNORE, type Field } from './guess-columns';
import { parseDate, type DateFormat } from './parse-date';
import { isAcledHeader, isUcdpHeader, looksLikeGdelt } from './presets';

export type Inspection =
	| { kind: 'preset'; preset: 'acled' | 'gdelt' | 'ucdp'; name: string }
	| ({ kind: 'mapping' } & ColumnGuess);

export interface ColumnGuess {
	header: string[];
	/** Up to five rows under the header, to show what each column holds. */
	samples: string[][];
	/** The columns guessed for each field (several only for actors). */
	fields: Record<Field, number[]>;
	/** What the guess could not settle, in the CLI's words. */
	problems: string[];
	/** The date column's sample reads both ways (03/04/2025): the user must say which. */
	dateOrder: DateOrderQuestion | null;
}

export interface DateOrderQuestion {
	example: string;
	/** Only one order reads every sample (25/12/2025): suggested, still asked. */
	suggested: DateFormat | null;
}

const SAMPLES = 5;

/** The question about day and month order, if the samples of `column` raise it. */
export function dateOrderQuestion(
	samples: readonly (readonly string[])[],
	column: number | undefined
): DateOrderQuestion | null {
	if (column === undefined) return null;
	const values = samples.map((row) => row[column]?.trim() ?? '').filter(Boolean);
	const ambiguous = values.find((value) => {
		const read = parseDate(value);
		return !read.ok && read.ambiguous;
	});
	if (ambiguous === undefined) return null;
	const readsAs = (format: DateFormat) =>
		values.every((value) => {
			const plain = parseDate(value);
			return plain.ok || parseDate(value, format).ok;
		});
	const dmy = readsAs('dmy');
	const mdy = readsAs('mdy');
	return { example: ambiguous, suggested: dmy && !mdy ? 'dmy' : mdy && !dmy ? 'mdy' : null };
}

/** `rows`: the file's first rows as cells, the header (if any) first. */
export function inspectRows(rows: readonly string[][]): Inspection {
	const first = rows[0] ?? [];
	if (looksLikeGdelt(first))
		return { kind: 'preset', preset: 'gdelt', name: 'a GDELT 2.0 event file' };
	if (isAcledHeader(first)) return { kind: 'preset', preset: 'acled', name: 'an ACLED export' };
	if (isUcdpHeader(first)) return { kind: 'preset', preset: 'ucdp', name: 'a UCDP GED export' };
	const guess = guessPartial(first, new Map(), { placeNames: true });
	const samples = rows
		.slice(1)
		.filter((row) => !(row.length === 1 && row[0] === ''))
		.slice(0, SAMPLES);
	return {
		kind: 'mapping',
		header: [...first],
		samples,
		fields: guess.columns,
		problems: guess.problems,
		dateOrder: dateOrderQuestion(samples, guess.columns.date[0])
	};
}

/**
 * The user's choice of a column for each field, as the mapping the readers take: every column
 * given a field or IGNORE, so nothing more is guessed behind the user's back, and each by its
 * index, so that of two columns named "date" the one chosen is the one read.
 */
export function mappingFrom(
	header: readonly string[],
	fields: Readonly<Record<Field, readonly number[]>>
): [number, Field | typeof IGNORE][] {
	const fieldOf = new Map<number, Field>();
	for (const field of FIELDS)
		for (const i of fields[field]) if (!fieldOf.has(i)) fieldOf.set(i, field);
	return header.map((_, i) => [i, fieldOf.get(i) ?? IGNORE]);
}
