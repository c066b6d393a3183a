/**
 * Rows of a spreadsheet in no known layout, read through a column choice (guess-columns.ts).
 */
import type { Category } from '../story/schema';
import { categoryFromText } from './categories';
import { columnName, FIELDS, type ColumnChoice, type Field } from './guess-columns';
import type { RowFields, RowReader } from './reader';

export interface GenericOptions {
	/** The category of rows whose file has no category column. */
	category?: Category;
}

export function genericReader(
	header: readonly string[],
	columns: ColumnChoice,
	{ category }: GenericOptions = {}
): RowReader {
	const one = (field: Field) => columns[field][0];
	// Two columns of one name are told apart in every message: "date (column 3)".
	const names = header.map((_, i) => columnName(header, i));
	return {
		name: 'a spreadsheet',
		width: header.length,
		widthFrom: 'the header',
		columns: header,
		// Coordinates are numbers, not text the story shows.
		used: FIELDS.filter((field) => field !== 'lat' && field !== 'lon').flatMap(
			(field) => columns[field]
		),
		...(one('summary') === undefined ? {} : { notes: names[one('summary')!]! }),
		read(cells): RowFields {
			const cell = (field: Field) => {
				const i = one(field);
				return i === undefined ? null : { column: names[i]!, text: (cells[i] ?? '').trim() };
			};
			const text = (field: Field) => cell(field)?.text ?? '';
			const categoryCell = cell('category');
			const place = text('place');
			const rawCategory = categoryCell?.text ?? '';
			return {
				id: cell('id'),
				date: cell('date'),
				end: cell('end')?.text ? cell('end') : null,
				span: 'day',
				lat: cell('lat'),
				lon: cell('lon'),
				placeName: place,
				...(cell('place') ? { placeColumn: cell('place')!.column } : {}),
				placeKind: 'city',
				admin: text('admin'),
				country: cell('country')?.text
					? /^[A-Za-z]{2}$/.test(text('country'))
						? { column: cell('country')!.column, name: '', alpha2: text('country').toUpperCase() }
						: { column: cell('country')!.column, name: text('country') }
					: null,
				category: categoryCell
					? {
							column: categoryCell.column,
							text: rawCategory,
							// An empty cell falls back to --category, a wrong one never does.
							value: rawCategory ? categoryFromText(rawCategory) : (category ?? null)
						}
					: category
						? { column: '--category', text: category, value: category }
						: null,
				title: text('title'),
				summary: cell('summary'),
				actors: columns.actors.flatMap((i) =>
					(cells[i] ?? '')
						.split(';')
						.map((name) => name.trim())
						.filter(Boolean)
				),
				source: text('source'),
				detail: rawCategory
			};
		}
	};
}
