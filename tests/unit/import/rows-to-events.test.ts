import { describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import { chooseReader, type ReaderChoice } from '../../../src/lib/import/choose-reader';
import { ACLED_COLUMNS } from '../../../src/lib/import/presets';
import { RowsToEvents, type RowOutcome } from '../../../src/lib/import/rows-to-events';
import { parseIsoDate } from '../../../src/lib/story/dates';
import type { DateFormat } from '../../../src/lib/import/parse-date';

const countries = countryIndex(shippedBasemap());
const HEADER = ['id', 'date', 'lat', 'lon', 'category', 'place', 'summary', 'country'];

function engine(header = HEADER, choice: ReaderChoice = {}, dateFormat?: DateFormat) {
	const chosen = chooseReader(header, choice);
	if (!chosen.ok) throw new Error(chosen.problems.join(' '));
	return new RowsToEvents({
		reader: chosen.reader,
		countries,
		latest: parseIsoDate('2025-04-12')!,
		...(dateFormat ? { dateFormat } : {})
	});
}

/** A row of HEADER with the cells given changed. */
function row(cells: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
	const base: Record<string, string> = {
		id: 'e1',
		date: '2025-04-11',
		lat: '50.4501',
		lon: '30.5234',
		category: 'statement',
		place: 'Kyiv',
		summary: 'Something was said.',
		country: 'UA'
	};
	return HEADER.map((name) => cells[name] ?? base[name]!);
}

const problems = (outcome: RowOutcome) =>
	!outcome.ok && 'problems' in outcome ? outcome.problems : outcome.ok ? 'imported' : outcome;

describe('RowsToEvents: a good row', () => {
	it('becomes an event at its place, with its row number and a verbatim line', () => {
		const outcome = engine().push(row(), 7);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.event).toEqual({
			id: 'e1',
			title: 'statement in Kyiv',
			summary: 'Something was said.',
			category: 'statement',
			actors: ['not named in the data'],
			start: '2025-04-11',
			end: '2025-04-11',
			when: '2025-04-11',
			place: 'kyiv',
			source: 'Row 7 (e1): 2025-04-11, Kyiv. statement in Kyiv. statement.',
			row: 7,
			coordinates: [30.5234, 50.4501]
		});
		expect(outcome.line).toBe(
			'Row 7 (e1): 2025-04-11, Kyiv. statement in Kyiv. statement. Something was said.'
		);
	});

	it('reads a decimal comma and rounds to six decimals', () => {
		const outcome = engine().push(row({ lat: '50,45011119', lon: '30,5234' }), 2);
		expect(outcome.ok && outcome.event.coordinates).toEqual([30.5234, 50.450111]);
	});

	it('shares one place between rows at the same name and point', () => {
		const e = engine();
		e.push(row({ id: 'a' }), 2);
		e.push(row({ id: 'b' }), 3);
		e.push(row({ id: 'c', place: 'Kyiv centre' }), 4);
		expect(e.places.map((p) => p.id)).toEqual(['kyiv', 'kyiv-centre']);
	});

	it.each([
		// second row's point, places made, each event's point
		['3 km away', ['50.4701', '30.5234'], ['kyiv'], [30.5234, 50.4701]],
		['40 km away, past a town', ['50.8101', '30.5234'], ['kyiv', 'kyiv-2'], [30.5234, 50.8101]]
	] as const)(
		'a row of the same named place %s: places %j, and the event keeps its own point',
		(_, [lat, lon], places, point) => {
			const e = engine();
			const first = e.push(row({ id: 'a' }), 2);
			const second = e.push(row({ id: 'b', lat, lon }), 3);
			expect(e.places.map((p) => p.id)).toEqual(places);
			expect(first.ok && first.event.coordinates).toEqual([30.5234, 50.4501]);
			expect(second.ok && [second.event.place, second.event.coordinates]).toEqual([
				places.at(-1),
				point
			]);
		}
	);

	it("cuts a long summary to the validator's 800 characters, the line keeping all of it", () => {
		const notes = 'word '.repeat(1000).trim();
		const outcome = engine().push(row({ summary: notes }), 2);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.event.summary).toHaveLength(800);
		expect(outcome.event.summary.endsWith('…')).toBe(true);
		expect(outcome.line).toBe(`${outcome.event.source} ${notes}`);
	});

	it('cuts the excerpt at 2,000 characters, still a verbatim start of the line', () => {
		const outcome = engine(['date', 'lat', 'lon', 'category', 'source']).push(
			['2025-04-11', '50.4501', '30.5234', 'war', 's'.repeat(5000)],
			2
		);
		expect(outcome.ok && outcome.event.source).toHaveLength(2000);
		expect(outcome.ok && outcome.line.startsWith(outcome.event.source)).toBe(true);
	});

	it('keeps notes that look like HTML out of the summary, and in the line', () => {
		const outcome = engine().push(row({ summary: 'A <b>bold</b> claim.' }), 2);
		expect(outcome.ok && outcome.event.summary).toBe('statement in Kyiv.');
		expect(outcome.ok && outcome.line).toContain('A <b>bold</b> claim.');
	});
});

describe('RowsToEvents: bad rows are rejected with their column and reason', () => {
	it.each([
		[
			'ragged: too few cells',
			row().slice(0, 5),
			'(row)',
			'has 5 cells; the header has 8. A cell may hold a delimiter or a quote that is not escaped.'
		],
		[
			'ragged: a filled cell past the header',
			[...row(), 'extra'],
			'(row)',
			/has 9 cells; the header has 8/
		],
		[
			'a cell of 10 MB',
			row({ summary: 'x'.repeat(10 * 1024 * 1024) }),
			'summary',
			"is 10,485,760 characters long; a cell may hold 32,767 (a spreadsheet cell's limit)."
		],
		['no date', row({ date: '' }), 'date', 'is empty: every event needs a date.'],
		[
			'no latitude',
			row({ lat: '' }),
			'lat',
			'is empty: every event needs a place (latitude and longitude).'
		],
		[
			'no longitude',
			row({ lon: ' ' }),
			'lon',
			'is empty: every event needs a place (latitude and longitude).'
		],
		['a latitude in words', row({ lat: 'north' }), 'lat', '"north" is not a number of degrees.'],
		[
			'latitude off the globe',
			row({ lat: '130.5', lon: '50.4' }),
			'lat',
			'latitude 130.5, longitude 50.4 is off the globe: latitude and longitude look swapped.'
		],
		[
			'0, 0',
			row({ lat: '0', lon: '0' }),
			'lat, lon',
			'is 0, 0: a placeholder for a missing place, not a place.'
		],
		[
			'a date in the future',
			row({ date: '2025-05-01' }),
			'date',
			'2025-05-01 is in the future (after 2025-04-12).'
		],
		[
			'a date before the year 1',
			row({ date: '0000-12-31' }),
			'date',
			'"0000-12-31" is before the year 1.'
		],
		[
			'a date that does not exist',
			row({ date: '2025-02-30' }),
			'date',
			'"2025-02-30" is not a real date.'
		],
		[
			'an unknown category',
			row({ category: 'sports' }),
			'category',
			/^"sports" is not a category the importer knows/
		],
		[
			'an empty category',
			row({ category: '' }),
			'category',
			'is empty: every event needs a category.'
		],
		[
			'a terminal escape',
			row({ place: 'Kyiv\u001b[2J' }),
			'place',
			/contains the control character U\+001B/
		],
		[
			'a bidirectional override',
			row({ summary: 'abc\u202Edef' }),
			'summary',
			/bidirectional control character U\+202E/
		],
		['HTML in the place', row({ place: '<img src=x>' }), 'place', /looks like an HTML tag/],
		[
			'coordinates swapped against the country',
			row({ lat: '30.5234', lon: '50.4501' }),
			'latitude, longitude',
			/lies outside UA, but the two swapped lie inside it: latitude and longitude look swapped\./
		]
	])('%s', (_, cells, column, reason) => {
		const found = problems(engine().push(cells, 2));
		expect(Array.isArray(found)).toBe(true);
		expect(found).toEqual([
			{
				column,
				reason: expect.stringMatching(
					typeof reason === 'string'
						? new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
						: reason
				)
			}
		]);
	});

	it('quotes a long cell short, so rejected.csv stays readable', () => {
		expect(problems(engine().push(row({ date: '9'.repeat(20_000) }), 2))).toEqual([
			{
				column: 'date',
				reason: expect.stringMatching(/^"9{60}…" is not a date this importer reads \(/)
			}
		]);
	});

	it('names every problem of a row at once', () => {
		expect(problems(engine().push(row({ date: '', lat: '', category: 'x' }), 2))).toEqual([
			{ column: 'date', reason: 'is empty: every event needs a date.' },
			{ column: 'lat', reason: 'is empty: every event needs a place (latitude and longitude).' },
			{ column: 'category', reason: expect.stringMatching(/^"x" is not a category/) }
		]);
	});

	it('refuses a repeated id, naming the row that has it, also when only its slug repeats', () => {
		const e = engine();
		expect(e.push(row({ id: 'UKR-1' }), 2).ok).toBe(true);
		expect(problems(e.push(row({ id: 'UKR-1' }), 3))).toEqual([
			{
				column: 'id',
				reason: '"UKR-1" is the id of row 2 too; ids must be unique (as a slug it is "ukr-1").'
			}
		]);
		expect(problems(e.push(row({ id: 'ukr 1' }), 4))).toEqual([
			{
				column: 'id',
				reason: '"ukr 1" is the id of row 2 too; ids must be unique (as a slug it is "ukr-1").'
			}
		]);
	});

	it("does not hold a rejected row's id against a later row", () => {
		const e = engine();
		expect(e.push(row({ id: 'x', date: '' }), 2).ok).toBe(false);
		expect(e.push(row({ id: 'x' }), 3).ok).toBe(true);
	});

	it('stops the whole import at a date whose day and month could be either way round', () => {
		expect(engine().push(row({ date: '03/04/2025' }), 5)).toEqual({
			ok: false,
			fatal:
				'date: "03/04/2025" could be day/month/year or month/day/year. Say which with --date-format dmy or --date-format mdy.'
		});
		const dmy = engine(HEADER, {}, 'dmy').push(row({ date: '03/04/2025' }), 5);
		expect(dmy.ok && dmy.event.start).toBe('2025-04-03');
	});

	it('keeps a point outside its named country as a region without a country, and says so', () => {
		const e = engine();
		// Minsk, named as Ukraine's.
		const outcome = e.push(row({ lat: '53.9', lon: '27.5667', place: 'Minsk' }), 2);
		expect(outcome.ok).toBe(true);
		expect(e.places[0]).toEqual({
			id: 'minsk',
			name: 'Minsk',
			kind: 'region',
			coordinates: [27.5667, 53.9]
		});
		expect(e.placeWarnings).toEqual([
			{ place: 'Minsk', named: 'UA', message: "lies in BY on the atlas's map, not in UA" }
		]);
	});

	it('finds the country from the point when the row names none', () => {
		const e = engine(['date', 'lat', 'lon', 'category']);
		expect(e.push(['2025-04-11', '48.8566', '2.3522', 'visit'], 2).ok).toBe(true);
		expect(e.places[0]).toMatchObject({ name: '48.8566, 2.3522', kind: 'city', country: 'FR' });
		// The Black Sea: no country, so a region.
		expect(e.push(['2025-04-11', '43.0', '34.0', 'war'], 3).ok).toBe(true);
		expect(e.places[1]).toMatchObject({ kind: 'region' });
		expect(e.places[1]).not.toHaveProperty('country');
		// Odesa lies just off Natural Earth's 1:110m coast: inside Ukraine with the validator's slack.
		expect(e.push(['2025-04-11', '46.4825', '30.7233', 'strike'], 4).ok).toBe(true);
		expect(e.places[2]).toMatchObject({ kind: 'city', country: 'UA' });
	});
});

describe('RowsToEvents: ACLED', () => {
	const acled = (cells: Partial<Record<(typeof ACLED_COLUMNS)[number], string>>) =>
		ACLED_COLUMNS.map((name) => cells[name] ?? '');
	const base = {
		event_id_cnty: 'UKR1',
		event_date: '04 April 2025',
		time_precision: '1',
		event_type: 'Battles',
		sub_event_type: 'Armed clash',
		actor1: 'Military Forces of Russia (2000-)',
		assoc_actor_1: 'Wagner Group; Akhmat',
		actor2: 'Military Forces of Ukraine (2019-)',
		iso: '804',
		country: 'Ukraine',
		location: 'Kupiansk',
		latitude: '49.7104',
		longitude: '37.6153',
		geo_precision: '1',
		source: 'Ukrinform',
		notes: 'Forces clashed.'
	};

	it.each([
		['1', '04 April 2025', '2025-04-04', '2025-04-04', '04 April 2025'],
		['2', '2025-04-02', '2025-03-30', '2025-04-05', 'the week of 2025-04-02'],
		['3', '2025-03-15', '2025-03-01', '2025-03-31', 'sometime in the month of 2025-03-15'],
		// The week or month is cut at the last day: it had happened by then.
		['2', '2025-04-11', '2025-04-08', '2025-04-12', 'the week of 2025-04-11'],
		['3', '2025-04-01', '2025-04-01', '2025-04-12', 'sometime in the month of 2025-04-01']
	])('time_precision %s of %s is %s to %s', (precision, date, start, end, when) => {
		const outcome = engine([...ACLED_COLUMNS]).push(
			acled({ ...base, time_precision: precision, event_date: date }),
			2
		);
		expect(outcome.ok && [outcome.event.start, outcome.event.end, outcome.event.when]).toEqual([
			start,
			end,
			when
		]);
	});

	it('reads the actors, the category, the title and the place kind', () => {
		const e = engine([...ACLED_COLUMNS]);
		const outcome = e.push(acled({ ...base, geo_precision: '2' }), 2);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.event).toMatchObject({
			id: 'ukr1',
			title: 'Armed clash in Kupiansk',
			category: 'war',
			actors: [
				'Military Forces of Russia (2000-)',
				'Wagner Group',
				'Akhmat',
				'Military Forces of Ukraine (2019-)'
			],
			summary: 'Forces clashed.'
		});
		expect(e.places).toEqual([
			{
				id: 'kupiansk',
				name: 'Kupiansk',
				kind: 'region',
				country: 'UA',
				coordinates: [37.6153, 49.7104]
			}
		]);
	});

	it('refuses a time_precision that is not 1, 2 or 3', () => {
		expect(
			problems(engine([...ACLED_COLUMNS]).push(acled({ ...base, time_precision: '7' }), 2))
		).toEqual([
			{
				column: 'time_precision',
				reason: '"7" is not an ACLED time precision (1 the day, 2 the week, 3 the month).'
			}
		]);
	});
});
