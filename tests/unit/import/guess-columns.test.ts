import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMN_FIELDS, EVENT_FIELDS } from '../../../src/lib/story/schema';
import {
	columnName,
	FIELD_WORDS,
	FIELDS,
	guessColumns,
	parseMapping,
	type Field,
	type Mapping
} from '../../../src/lib/import/guess-columns';

/** The guess as { field: column names }, for the fields that got one. */
function guessed(header: string[], map: string[] = []) {
	const mapping = parseMapping(map);
	if (!mapping.ok) throw new Error(mapping.problem);
	const guess = guessColumns(header, mapping.map);
	if (!guess.ok) return guess.problems;
	return Object.fromEntries(
		Object.entries(guess.columns)
			.filter(([, columns]) => columns.length)
			.map(([field, columns]) => [field, columns.map((i) => header[i])])
	) as Partial<Record<Field, string[]>>;
}

describe('guessColumns', () => {
	it.each([
		[
			['Date', 'Lat', 'Lon', 'Category'],
			{ date: ['Date'], lat: ['Lat'], lon: ['Lon'], category: ['Category'] }
		],
		[
			['event date', 'LATITUDE', 'Longitude', 'Place name', 'End-Date', 'Headline', 'Description'],
			{
				date: ['event date'],
				lat: ['LATITUDE'],
				lon: ['Longitude'],
				place: ['Place name'],
				end: ['End-Date'],
				title: ['Headline'],
				summary: ['Description']
			}
		],
		[['day', 'y', 'x'], { date: ['day'], lat: ['y'], lon: ['x'] }]
	])('%j', (header, expected) => {
		expect(guessed(header)).toEqual(expected);
	});

	it('asks which of two longitude columns is meant', () => {
		expect(guessed(['day', 'y', 'x', 'lng'])).toEqual([
			'"x" and "lng" could each be the lon: say which with --map x=lon (and --map lng=ignore).'
		]);
	});

	it('takes several actor columns', () => {
		expect(guessed(['date', 'lat', 'lon', 'actor1', 'actor2'])).toMatchObject({
			actors: ['actor1', 'actor2']
		});
	});

	it('asks rather than picks when two columns could be the date', () => {
		expect(guessed(['date', 'start date', 'lat', 'lon'])).toEqual([
			'"date" and "start date" could each be the date: say which with --map date=date (and --map start date=ignore).'
		]);
	});

	it('settles the question with --map', () => {
		expect(guessed(['date', 'start date', 'lat', 'lon'], ['start date=date'])).toEqual({
			date: ['start date'],
			lat: ['lat'],
			lon: ['lon']
		});
		expect(guessed(['date', 'start date', 'lat', 'lon'], ['start date=ignore'])).toEqual({
			date: ['date'],
			lat: ['lat'],
			lon: ['lon']
		});
	});

	it('names each field it needs and cannot find, with the columns there are', () => {
		expect(guessed(['Datum', 'Breite', 'Länge'])).toEqual([
			'no column looks like the date: name it with --map COLUMN=date (the columns are "Datum", "Breite", "Länge").',
			'no column looks like the latitude: name it with --map COLUMN=lat (the columns are "Datum", "Breite", "Länge").',
			'no column looks like the longitude: name it with --map COLUMN=lon (the columns are "Datum", "Breite", "Länge").'
		]);
		expect(
			guessed(['Datum', 'Breite', 'Länge'], ['Datum=date', 'Breite=lat', 'Länge=lon'])
		).toEqual({
			date: ['Datum'],
			lat: ['Breite'],
			lon: ['Länge']
		});
	});

	it('says so when --map names a column the file lacks', () => {
		expect(guessed(['date', 'lat', 'lon'], ['Breite=lat'])).toEqual([
			'--map Breite=lat: there is no column "Breite" (the columns are "date", "lat", "lon").'
		]);
	});
});

describe('what a column may be comes from the event schema', () => {
	it('maps every schema field that declares a column, under its mapping name, and where a row is', () => {
		const fromSchema = Object.entries(EVENT_FIELDS).flatMap(([field, spec]) =>
			'column' in spec ? [(spec.column as { as?: string }).as ?? field] : []
		);
		expect(fromSchema).toContain('date');
		expect([...FIELDS].sort()).toEqual([...fromSchema, 'lat', 'lon', 'country', 'admin'].sort());
	});

	it('gives no header name to two fields, so a name is never a guess between them', () => {
		const owners = new Map<string, string>();
		for (const { name, column } of COLUMN_FIELDS)
			for (const header of column.names) {
				expect(owners.get(header), `"${header}"`).toBeUndefined();
				owners.set(header, name);
			}
	});

	it.each(COLUMN_FIELDS.map(({ name, column }) => [name, column.names] as const))(
		'%s: each of its header names is guessed as it',
		(field, names) => {
			for (const header of names) {
				// The date and coordinates a story needs, then the column under test.
				const columns =
					field === 'date'
						? ['latitude', 'longitude', header]
						: ['when', 'latitude', 'longitude', header];
				const mapping: Mapping = field === 'date' ? new Map() : new Map([['when', 'date']]);
				const guess = guessColumns(columns, mapping);
				expect(guess.ok && guess.columns[field as Field], `"${header}"`).toEqual([
					columns.length - 1
				]);
			}
		}
	);

	it('words each field for messages from the same table', () => {
		expect(FIELD_WORDS.date).toBe('date');
		expect(FIELD_WORDS.end).toBe('end date');
		expect(FIELD_WORDS.place).toBe('place name');
		expect(FIELD_WORDS.lat).toBe('latitude');
	});
});

describe('parseMapping', () => {
	it.each([
		[['a=lat'], null],
		[['a=b=lat'], null],
		[
			['lat'],
			'--map "lat" is not COLUMN=FIELD (like --map Breite=lat, or --map 3=lat for the third column).'
		],
		[
			['=lat'],
			'--map "=lat" is not COLUMN=FIELD (like --map Breite=lat, or --map 3=lat for the third column).'
		],
		[
			['a=latitude'],
			/"latitude" is not a field; use one of date, end, lat, lon, place, country, admin, title/
		]
	])('%j', (specs, problem) => {
		const parsed = parseMapping(specs);
		if (problem === null) expect(parsed.ok).toBe(true);
		else expect(!parsed.ok && parsed.problem).toMatch(problem);
	});

	it('splits at the last "=", so a column name may hold one', () => {
		const parsed = parseMapping(['a=b=lat']);
		expect(parsed.ok && [...parsed.map]).toEqual([['a=b', 'lat']]);
	});
});

describe('two columns of one name', () => {
	// ACLED's 31 columns, not recognised as ACLED (no event_id_cnty), with its notes twice: a desk
	// that pasted its own notes beside ACLED's.
	const acled = readFileSync(join(import.meta.dirname, '../../fixtures/import/acled.csv'), 'utf8')
		.split('\r\n')[0]!
		.split(',');
	const header = [...acled.map((name) => (name === 'event_id_cnty' ? 'ref' : name)), 'notes'];
	const notes = [acled.indexOf('notes'), header.length - 1];
	const settle = ['region=ignore'];

	it('the ACLED layout has notes in column 28, and the second in 32', () => {
		expect(acled).toHaveLength(31);
		expect(notes.map((i) => i + 1)).toEqual([28, 32]);
	});

	it.each<[string, Mapping, number[] | string | RegExp]>([
		[
			'guessed: asked which, by number',
			new Map(),
			'"notes (column 28)" and "notes (column 32)" could each be the summary: say which with --map 28=summary (and --map 32=ignore).'
		],
		[
			'--map by the shared name: refused, both numbers named',
			new Map([['notes', 'summary']]),
			'--map notes=summary: 2 columns are named "notes" (columns 28 and 32): say which by its number, like --map 28=summary.'
		],
		[
			'--map by number: the second',
			new Map([
				['32', 'summary'],
				['28', 'ignore']
			]),
			[notes[1]!]
		],
		[
			'--map by number: the first',
			new Map([
				['28', 'summary'],
				['32', 'ignore']
			]),
			[notes[0]!]
		],
		[
			'the studio, by index: the second',
			new Map([
				[31, 'summary'],
				[27, 'ignore']
			]),
			[31]
		],
		[
			'the studio, by index: the first',
			new Map([
				[27, 'summary'],
				[31, 'ignore']
			]),
			[27]
		],
		[
			'a column number past the last',
			new Map([['40', 'summary']]),
			/^--map 40=summary: there is no column "40", nor a column 40 \(the file has 32: "ref", /
		],
		[
			'one column named twice',
			new Map([
				['latitude', 'lat'],
				['23', 'ignore']
			]),
			'--map names column 23 ("latitude") twice; give it one field.'
		]
	])('%s', (_, mapping, expected) => {
		const guess = guessColumns(header, new Map([...parseMap(settle), ...mapping]));
		if (typeof expected === 'string' || expected instanceof RegExp) {
			expect(guess.ok).toBe(false);
			const problems = guess.ok ? [] : guess.problems;
			if (typeof expected === 'string') expect(problems).toContain(expected);
			else expect(problems.some((p) => expected.test(p))).toBe(true);
		} else {
			expect(guess.ok && guess.columns.summary).toEqual(expected);
		}
	});

	it('a header name that is a number is its name first', () => {
		const years = ['date', 'lat', 'lon', '2', 'kind'];
		const guess = guessColumns(years, new Map([['2', 'category']]));
		expect(guess.ok && guess.columns.category).toEqual([3]);
		expect(guess.ok && guess.columns.lat).toEqual([1]);
	});

	it('names the column of every cell, with its number when its name is shared', () => {
		expect(header.map((_, i) => columnName(header, i)).filter((n) => n.includes('('))).toEqual([
			'notes (column 28)',
			'notes (column 32)'
		]);
	});
});

function parseMap(specs: string[]): Mapping {
	const parsed = parseMapping(specs);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.map;
}
