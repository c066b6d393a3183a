import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { ucdpViolence } from '../../../src/lib/import/categories';
import { chooseReader } from '../../../src/lib/import/choose-reader';
import { countryIndex } from '../../../src/lib/import/countries';
import { PlaceTable } from '../../../src/lib/import/place-table';
import { inspectRows } from '../../../src/lib/import/inspect';
import { isUcdpHeader, ucdpPlaceName, UCDP_COLUMNS } from '../../../src/lib/import/presets';
import { dayText, RowsToEvents } from '../../../src/lib/import/rows-to-events';
import { parseIsoDate } from '../../../src/lib/story/dates';

const countries = countryIndex(shippedBasemap());
const fixture = Papa.parse<string[]>(
	readFileSync(join(import.meta.dirname, '../../fixtures/import/ucdp-ged.csv'), 'utf8').trimEnd()
).data;

function imported() {
	const chosen = chooseReader(fixture[0]!);
	if (!chosen.ok) throw new Error(chosen.problems.join(' '));
	const engine = new RowsToEvents({
		reader: chosen.reader,
		countries,
		latest: parseIsoDate('2025-04-12')!
	});
	const outcomes = fixture.slice(1).map((cells, i) => engine.push(cells, i + 2));
	return { chosen, outcomes, places: engine.places };
}

describe('a UCDP GED export', () => {
	it('is recognised by its header alone, with nothing guessed or asked', () => {
		expect(fixture[0]).toEqual([...UCDP_COLUMNS]);
		const { chosen } = imported();
		expect(chosen.ok && [chosen.reader.name, chosen.guessed]).toEqual(['a UCDP GED export', []]);
		// Read by name: a release with its columns in another order, in capitals, is one too.
		expect(isUcdpHeader([...UCDP_COLUMNS].reverse().map((c) => c.toUpperCase()))).toBe(true);
		expect(isUcdpHeader(UCDP_COLUMNS.filter((c) => c !== 'where_coordinates'))).toBe(false);
	});

	it('titles from source_headline, places from where_coordinates, both sides, deaths in the summary', () => {
		const { outcomes } = imported();
		const events = outcomes.flatMap((o) => (o.ok ? [o.event] : []));
		expect(events.map((e) => [e.title, e.place, e.actors, e.category, e.when, e.summary])).toEqual([
			[
				'Russian missile kills 20 in Kryvyi Rih, including 9 children',
				'kryvyi-rih',
				['Government of Russia (Soviet Union)', 'Government of Ukraine'],
				'war',
				'2025-04-04',
				"State-based armed conflict in Kryvyi Rih: Government of Russia (Soviet Union) against Government of Ukraine. 20 deaths (UCDP's best estimate)."
			],
			[
				'Clashes near Kupiansk',
				'kupiansk',
				['Government of Russia (Soviet Union)', 'Government of Ukraine'],
				'war',
				'2025-04-05 to 2025-04-07',
				"State-based armed conflict in Kupiansk: Government of Russia (Soviet Union) against Government of Ukraine. 5 deaths (UCDP's best estimate, 5 to 9)."
			],
			[
				'One-sided violence in Donetsk',
				'donetsk',
				['Government of Russia (Soviet Union)', 'Civilians'],
				'strike',
				'2025-04-08',
				"One-sided violence in Donetsk: Government of Russia (Soviet Union) against Civilians. 1 death (UCDP's best estimate)."
			],
			[
				'Kupiansk shelled again',
				'kupiansk',
				['Government of Russia (Soviet Union)', 'Government of Ukraine'],
				'war',
				'2025-04-09',
				"State-based armed conflict in Kupiansk: Government of Russia (Soviet Union) against Government of Ukraine. 0 deaths (UCDP's best estimate)."
			],
			[
				'Fighting in El Fasher',
				'el-fasher',
				['RSF', 'SAF'],
				'war',
				'2025-04-06',
				"Non-state conflict in El Fasher: RSF against SAF. 12 deaths (UCDP's best estimate, 10 to 15)."
			]
		]);
	});

	it('rejects a row whose date_end is before its date_start, saying so', () => {
		const { outcomes } = imported();
		expect(outcomes[4]).toEqual({
			ok: false,
			problems: [{ column: 'date_end', reason: '2025-04-02 is before the start, 2025-04-10.' }]
		});
	});

	it('makes one place of a town whose rows lie a little apart, and the others their own', () => {
		const { places } = imported();
		expect(places.map((p) => [p.id, p.name, p.kind, p.country])).toEqual([
			['kryvyi-rih', 'Kryvyi Rih', 'city', 'UA'],
			['kupiansk', 'Kupiansk', 'city', 'UA'],
			['donetsk', 'Donetsk', 'region', 'UA'],
			['el-fasher', 'El Fasher', 'city', 'SD']
		]);
	});

	it.each([
		['1', 'war', 'State-based armed conflict'],
		['2', 'war', 'Non-state conflict'],
		['3', 'strike', 'One-sided violence'],
		['4', null, null],
		['constructor', null, null]
	])('type_of_violence %s is %s', (code, category, label) => {
		const read = ucdpViolence(code);
		expect(read ? [read.category, read.label] : [null, null]).toEqual([category, label]);
	});

	it.each([
		['Kryvyi Rih town', 'Kryvyi Rih'],
		['Donetsk oblast', 'Donetsk'],
		['Ninawa governorate', 'Ninawa'],
		['Townsville', 'Townsville'],
		['Mogadishu', 'Mogadishu']
	])('where_coordinates %s names %s', (text, name) => {
		expect(ucdpPlaceName(text)).toBe(name);
	});
});

describe('date cells with a time', () => {
	it.each([
		['2025-01-01 00:00:00.000', '2025-01-01'],
		['2025-01-01T00:00:00Z', '2025-01-01'],
		['2025-01-01 14:30:00', '2025-01-01 14:30'],
		['04 April 2025', '04 April 2025']
	])('%s reads as %s', (text, shown) => {
		expect(dayText(text)).toBe(shown);
	});
});

describe('places by name, state and country', () => {
	const table = () => new PlaceTable(countries);
	const us = { column: 'country', name: 'United States' };
	const fr = { column: 'country', name: 'France' };

	it('groups a town’s rows within 25 km, and keeps one 60 km off apart', () => {
		const places = table();
		const a = places.place(
			'Kupiansk',
			'city',
			[37.6153, 49.7104],
			{ column: 'c', name: 'Ukraine' },
			'Kharkiv'
		);
		const b = places.place(
			'Kupiansk',
			'city',
			[37.7, 49.75],
			{ column: 'c', name: 'Ukraine' },
			'Kharkiv'
		);
		const c = places.place(
			'Kupiansk',
			'city',
			[38.4, 49.7],
			{ column: 'c', name: 'Ukraine' },
			'Kharkiv'
		);
		expect([a.ok && a.place.id, b.ok && b.place.id, c.ok && c.place.id]).toEqual([
			'kupiansk',
			'kupiansk',
			'kupiansk-2'
		]);
	});

	it('keeps Paris, France and Paris, Kentucky apart, and names them apart', () => {
		const places = table();
		places.place('Paris', 'city', [2.3522, 48.8566], fr, 'Île-de-France');
		places.place('Paris', 'city', [-84.2527, 38.2098], us, 'Kentucky');
		places.place('Paris', 'city', [-95.5555, 33.6609], us, 'Texas');
		places.place('Lyon', 'city', [4.8357, 45.764], fr, 'Auvergne-Rhône-Alpes');
		expect(places.list().map((p) => [p.id, p.name, p.country])).toEqual([
			['paris', 'Paris, Île-de-France', 'FR'],
			['paris-2', 'Paris, Kentucky', 'US'],
			['paris-3', 'Paris, Texas', 'US'],
			['lyon', 'Lyon', 'FR']
		]);
	});
});

describe('UCDP rows around 28 towns', () => {
	it('make 28 places, one per town, whatever the spread of their points', () => {
		const towns = Array.from({ length: 28 }, (_, i) => ({
			name: `Town ${String.fromCharCode(65 + i)}`,
			lat: 46.5 + (i % 7) * 0.7,
			lon: 30.5 + Math.floor(i / 7) * 1.6
		}));
		const header = [...UCDP_COLUMNS];
		const chosen = chooseReader(header);
		if (!chosen.ok) throw new Error(chosen.problems.join(' '));
		const engine = new RowsToEvents({
			reader: chosen.reader,
			countries,
			latest: parseIsoDate('2025-12-31')!
		});
		let imported = 0;
		for (let i = 0; i < 5_600; i++) {
			const town = towns[i % 28]!;
			// Within about 8 km of the town, as UCDP places a town's events.
			const jitter = (k: number) => (((i * 7919 + k * 104729) % 1000) / 1000 - 0.5) * 0.14;
			const cells: Record<string, string> = {
				id: String(i + 1),
				type_of_violence: '1',
				side_a: 'Government of Russia (Soviet Union)',
				side_b: 'Government of Ukraine',
				where_prec: '1',
				where_coordinates: `${town.name} town`,
				adm_1: 'Some oblast',
				country: 'Ukraine',
				latitude: (town.lat + jitter(1)).toFixed(4),
				longitude: (town.lon + jitter(2)).toFixed(4),
				date_start: '2025-03-01 00:00:00.000',
				date_end: '2025-03-01 00:00:00.000',
				best: '1'
			};
			if (
				engine.push(
					header.map((c) => cells[c] ?? ''),
					i + 2
				).ok
			)
				imported++;
		}
		expect(imported).toBe(5_600);
		expect(engine.places.map((p) => p.name)).toEqual(towns.map((t) => t.name));
	});
});

describe('UCDP GED in the studio', () => {
	it('is a known layout there too: no mapping asked', () => {
		expect(inspectRows(fixture.slice(0, 8))).toEqual({
			kind: 'preset',
			preset: 'ucdp',
			name: 'a UCDP GED export'
		});
	});
});

describe("an update keeps the story's place ids (import --into)", () => {
	const ua = { column: 'country', name: 'Ukraine' };
	const known = [
		{
			id: 'kupiansk',
			name: 'Kupiansk',
			kind: 'city' as const,
			country: 'UA',
			coordinates: [37.6153, 49.7104] as [number, number]
		},
		{
			id: 'kyiv',
			name: 'Kyiv, Kyiv City',
			kind: 'city' as const,
			country: 'UA',
			coordinates: [30.5234, 50.4501] as [number, number]
		}
	];

	it.each<[string, [string, [number, number], string], string]>([
		[
			'the same place, first in the newer file or not',
			['Kupiansk', [37.62, 49.71], 'Kharkiv'],
			'kupiansk'
		],
		[
			'a name told apart in the story, by its own part',
			['Kyiv', [30.5234, 50.4501], 'Kyiv City'],
			'kyiv'
		],
		[
			'another place of the name, far off: a new id, never a known one',
			['Kupiansk', [30.0, 46.0], 'Odesa'],
			'kupiansk-2'
		],
		['a new place', ['Sumy', [34.7981, 50.9077], 'Sumy'], 'sumy']
	])('%s', (_, [name, point, admin], id) => {
		const places = new PlaceTable(countries, known);
		const made = places.place(name, 'city', point, ua, admin);
		expect(made.ok && made.place.id).toBe(id);
	});

	it('gives a known id once', () => {
		const places = new PlaceTable(countries, known);
		const a = places.place('Kupiansk', 'city', [37.6153, 49.7104], ua, 'Kharkiv');
		const b = places.place('Kupiansk', 'city', [37.62, 49.71], ua, 'Donetsk');
		expect([a.ok && a.place.id, b.ok && b.place.id]).toEqual(['kupiansk', 'kupiansk-2']);
	});
});
