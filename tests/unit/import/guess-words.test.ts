import { describe, expect, it } from 'vitest';
import { chooseReader } from '../../../src/lib/import/choose-reader';
import { adminRank, fieldOfWords, guessPartial } from '../../../src/lib/import/guess-columns';
import { UCDP_COLUMNS } from '../../../src/lib/import/presets';

/** Each field guessed, by the header name of its column(s). */
function guessed(header: string[], placeNames = true) {
	const { columns, problems } = guessPartial(header, new Map(), { placeNames });
	const named = Object.fromEntries(
		Object.entries(columns)
			.filter(([, list]) => list.length)
			.map(([field, list]) => [field, list.map((i) => header[i]).join(' + ')])
	);
	return { named, problems };
}

describe('columns guessed from the words of their names', () => {
	it.each<[string, string[], Record<string, string>]>([
		[
			'a names-only sheet of towns',
			['Date', 'Town', 'State/Region', 'Country', 'What happened', 'Link'],
			{
				date: 'Date',
				place: 'Town',
				admin: 'State/Region',
				country: 'Country',
				summary: 'What happened',
				source: 'Link'
			}
		],
		[
			'a casualty log',
			[
				'Incident date',
				'Headline',
				'Perpetrator group',
				'Target',
				'Location',
				'Province',
				'Latitude',
				'Longitude',
				'Type'
			],
			{
				date: 'Incident date',
				title: 'Headline',
				actors: 'Perpetrator group + Target',
				place: 'Location',
				admin: 'Province',
				lat: 'Latitude',
				lon: 'Longitude',
				category: 'Type'
			}
		],
		[
			'UCDP GED read as any sheet: two admin candidates, the narrower taken',
			[...UCDP_COLUMNS],
			{
				admin: 'adm_1',
				place: 'where_coordinates',
				title: 'source_headline',
				actors: 'side_a + side_b',
				category: 'type_of_violence'
			}
		]
	])('%s', (_, header, expected) => {
		const { named, problems } = guessed(header);
		expect(named).toMatchObject(expected);
		expect(problems.filter((p) => /admin|place|title|actors/.test(p))).toEqual([]);
	});

	it('says which admin it took of two, and why', () => {
		const chosen = chooseReader(['date', 'lat', 'lon', 'category', 'region', 'admin1'], {});
		expect(chosen.ok && chosen.guessed).toContain(
			'state or province from "admin1" (the narrower of "region" and "admin1")'
		);
	});

	it.each([
		['source_headline', 'title'],
		['event_type', 'category'],
		['side_b', 'actors'],
		['where_coordinates', 'place'],
		['State/Region', 'admin'],
		['Country name', 'country'],
		['Notes', 'summary'],
		['Weather', null]
	])('%s → %s', (name, field) => {
		expect(fieldOfWords(name)).toBe(field);
	});

	it.each([
		['adm_2', 3],
		['District', 3],
		['adm_1', 2],
		['State/Region', 2],
		['region', 1],
		['Weather', 0]
	])('%s is admin rank %i', (name, rank) => {
		expect(adminRank(name)).toBe(rank);
	});
});
