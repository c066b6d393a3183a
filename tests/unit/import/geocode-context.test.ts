import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { chooseReader } from '../../../src/lib/import/choose-reader';
import { countryIndex } from '../../../src/lib/import/countries';
import { cachedGeocoder, geocode } from '../../../src/lib/import/geocode';
import { RowsToEvents } from '../../../src/lib/import/rows-to-events';
import { openImport } from '../../../src/lib/import/import-session';
import { IMPORT_LIMITS } from '../../../src/lib/import/limits';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { UNSURE_BELOW } from '../../../src/lib/draft/toponyms/confidence';

const gazetteer = loadGazetteerForNode();

describe('a place name in its file’s context', () => {
	it.each([
		// [name, country, row's state, the file's states, the state chosen]
		['Paris', 'US', '', ['Kentucky'], 'Kentucky'],
		['Georgetown', 'US', '', ['Kentucky'], 'Kentucky'],
		['Paris', 'US', 'Texas', ['Kentucky'], 'Texas'],
		['Paris', 'US', '', ['Ohio', 'Kentucky'], 'Kentucky'],
		['Paris', 'FR', '', ['Kentucky'], 'Île-de-France']
	])('%s (%s, state "%s") in a file of %j is in %s', (name, country, admin, context, state) => {
		const found = geocode(gazetteer, { name, country, admin, context });
		expect(found.ok && found.state).toBe(state);
	});

	it.each([
		// [name, row's state, the file's states, what settled it]
		['Paris', 'Kentucky', [], 'row'],
		['Paris, Ky.', '', [], 'row'],
		['Paris', '', ['Kentucky'], 'file'],
		['Paris', '', [], 'name'],
		['Paris', '', ['Nevada'], 'name']
	])('%s (state "%s") in a file of %j is settled by its %s', (name, admin, context, by) => {
		const found = geocode(gazetteer, { name, country: 'US', admin, context });
		expect(found.ok && found.by).toBe(by);
	});
});

describe('a names-only sheet, read as a desk writes one', () => {
	const header = ['Date', 'Town', 'State/Region', 'Country', 'What happened', 'Link'];
	const rows = [
		['2025-03-01', 'Paris', 'Kentucky', 'United States', 'Tornado damage', 'https://example.com/1'],
		['2025-03-02', 'Georgetown', '', 'United States', 'Flooding', 'https://example.com/2'],
		['2025-03-03', 'Lexington', 'Kentucky', 'United States', 'Power cut', 'https://example.com/3'],
		['2025-03-04', 'Paris', '', 'United States', 'Road closed', 'https://example.com/4'],
		[
			'2025-03-06',
			'Nowhereville Zzq',
			'Kentucky',
			'United States',
			'Unknown',
			'https://example.com/6'
		],
		['2025-03-07', 'Paris', '', 'France', 'Not in Kentucky', 'https://example.com/7']
	];
	it('puts every town in its row’s or the file’s state, rejects an unknown one, names the two Paris apart', () => {
		const chosen = chooseReader(header, { placeNames: true, category: 'statement' });
		if (!chosen.ok) throw new Error(chosen.problems.join(' '));
		const engine = new RowsToEvents({
			reader: chosen.reader,
			countries: countryIndex(shippedBasemap()),
			latest: parseIsoDate('2025-12-31')!,
			geocode: cachedGeocoder(gazetteer)
		});
		const outcomes = rows.map((cells, i) => engine.push(cells, i + 2));
		expect(
			outcomes.map((o) => (o.ok ? o.event.place : 'problems' in o ? o.problems[0]!.reason : '?'))
		).toEqual([
			'paris',
			'georgetown',
			'lexington',
			'paris',
			'"Nowhereville Zzq" is not a place the studio\'s gazetteer knows, and the row has no coordinates.',
			'paris-2'
		]);
		expect(engine.places.map((p) => [p.name, p.country])).toEqual([
			['Paris, Kentucky', 'US'],
			['Georgetown', 'US'],
			['Lexington', 'US'],
			['Paris, Île-de-France', 'FR']
		]);
		const georgetown = engine.places.find((p) => p.id === 'georgetown')!;
		// Georgetown, Kentucky, not Texas.
		expect(georgetown.coordinates[0]).toBeGreaterThan(-86);
	});
});

describe('a names-only sheet with no state at all', () => {
	const header = ['Date', 'Town', 'State/Region', 'Country', 'What happened'];
	const engine = (rows: string[][]) => {
		const chosen = chooseReader(header, { placeNames: true, category: 'statement' });
		if (!chosen.ok) throw new Error(chosen.problems.join(' '));
		const rowsToEvents = new RowsToEvents({
			reader: chosen.reader,
			countries: countryIndex(shippedBasemap()),
			latest: parseIsoDate('2025-12-31')!,
			geocode: cachedGeocoder(gazetteer)
		});
		return rows.map((cells, i) => rowsToEvents.push(cells, i + 2));
	};
	const row = (town: string, state = '') => ['2025-03-01', town, state, 'United States', 'Storm'];

	it.each<[string, string[][], [string, string, boolean][]]>([
		[
			'an unsure first guess is no context for the names after it',
			[row('Paris'), row('Georgetown'), row('Richmond')],
			// Before: Paris guessed in Texas, then Georgetown and Richmond "surely" in Texas too.
			[
				['Paris', 'Texas', false],
				['Georgetown', 'Texas', false],
				['Richmond', 'Virginia', false]
			]
		],
		[
			'a state the rows name is context for the names after it',
			[row('Lexington', 'Kentucky'), row('Paris'), row('Georgetown')],
			[
				['Lexington', 'Kentucky', true],
				['Paris', 'Kentucky', true],
				['Georgetown', 'Kentucky', true]
			]
		],
		[
			'a name placed by the file is no context of its own',
			[
				row('Lexington', 'Kentucky'),
				row('Paris'),
				row('Georgetown'),
				row('Columbus', 'Ohio'),
				row('Dayton', 'Ohio'),
				row('London')
			],
			// Ohio named twice, Kentucky once: Paris and Georgetown, placed by the file, do not count.
			[
				['Lexington', 'Kentucky', true],
				['Paris', 'Kentucky', true],
				['Georgetown', 'Kentucky', true],
				['Columbus', 'Ohio', true],
				['Dayton', 'Ohio', true],
				['London', 'Ohio', true]
			]
		]
	])('%s', (_, rows, expected) => {
		const placed = engine(rows).map((o, i): [string, string, boolean] => {
			if (!o.ok) throw new Error(`row ${i + 2} was refused`);
			const found = o.event.geocoded!;
			const state = /^city in (.*), US$/.exec(found.detail)?.[1] ?? found.detail;
			return [rows[i]![1]!, state, found.confidence >= UNSURE_BELOW];
		});
		expect(placed).toEqual(expected);
	});
});

describe('a names-only sheet read through the import session', () => {
	/** The state each row was placed in, and whether surely, as the session reads the file. */
	async function placed(lines: string[]) {
		const text = new TextEncoder().encode(
			['Date,Town,State/Region,Country,What happened', ...lines].join('\n')
		);
		const session = await openImport(
			[{ name: 'towns.csv', size: text.length, read: async (a, b) => text.slice(a, b) }],
			{
				limits: IMPORT_LIMITS,
				category: 'statement',
				countries: () => countryIndex(shippedBasemap()),
				geocoder: () => cachedGeocoder(gazetteer),
				latest: parseIsoDate('2025-12-31')!
			}
		);
		if (!session.ok) throw new Error(session.problem);
		const events: [string, string, boolean][] = [];
		const end = await session.run(() => ({
			onEvent: (event) => {
				const found = event.geocoded!;
				const state = /^city in (.*), US$/.exec(found.detail)?.[1] ?? found.detail;
				events.push([event.place, state, found.confidence >= UNSURE_BELOW]);
			},
			onRejected: () => {}
		}));
		if (!end.ok) throw new Error(end.problem);
		return events;
	}

	it.each<[string, string[], [string, string, boolean][]]>([
		[
			'a first row with no state takes the state the rows after it name',
			[
				'2025-03-01,Paris,,United States,Road closed',
				'2025-03-02,Georgetown,,United States,Flooding',
				'2025-03-03,Lexington,Kentucky,United States,Power cut',
				'2025-03-04,Frankfort,Kentucky,United States,Storm'
			],
			[
				['paris', 'Kentucky', true],
				['georgetown', 'Kentucky', true],
				['lexington', 'Kentucky', true],
				['frankfort', 'Kentucky', true]
			]
		],
		[
			'the order of the rows does not change where they are placed',
			[
				'2025-03-03,Lexington,Kentucky,United States,Power cut',
				'2025-03-04,Frankfort,Kentucky,United States,Storm',
				'2025-03-01,Paris,,United States,Road closed',
				'2025-03-02,Georgetown,,United States,Flooding'
			],
			[
				['lexington', 'Kentucky', true],
				['frankfort', 'Kentucky', true],
				['paris', 'Kentucky', true],
				['georgetown', 'Kentucky', true]
			]
		],
		[
			'a sheet that names no state: each name asked about',
			[
				'2025-03-01,Paris,,United States,Road closed',
				'2025-03-02,Georgetown,,United States,Flooding'
			],
			[
				['paris', 'Texas', false],
				['georgetown', 'Texas', false]
			]
		]
	])('%s', async (_, lines, expected) => {
		expect(await placed(lines)).toEqual(expected);
	});
});
