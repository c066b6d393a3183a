import { describe, expect, it } from 'vitest';
import { guessColumns, parseMapping, type Field } from '../../../src/lib/import/guess-columns';

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

describe('parseMapping', () => {
	it.each([
		[['a=lat'], null],
		[['a=b=lat'], null],
		[['lat'], '--map "lat" is not COLUMN=FIELD (like --map Breite=lat).'],
		[['=lat'], '--map "=lat" is not COLUMN=FIELD (like --map Breite=lat).'],
		[['a=latitude'], /"latitude" is not a field; use one of id, date, end, lat, lon/]
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
