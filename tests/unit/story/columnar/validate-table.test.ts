import { describe, expect, it } from 'vitest';
import { NO_PLACE } from '../../../../src/lib/story/columnar/arrow-table';
import { NO_CATEGORY, encodeIds } from '../../../../src/lib/story/table-builder';
import type { EventTable } from '../../../../src/lib/story/event-table';
import type { TableMeta } from '../../../../src/lib/story/columnar/layout';
import { FIRST_DAY, validateTable } from '../../../../src/lib/story/columnar/validate-table';
import { parseIsoDate } from '../../../../src/lib/story/dates';
import { MAX_PROBLEMS_PER_FILE, ProblemList } from '../../../../src/lib/story/problems';
import { CATEGORIES } from '../../../../src/lib/story/schema';
import {
	KHARKIV,
	KYIV,
	META,
	PLACES,
	ROWS,
	tableOf,
	type Row
} from '../../../helpers/event-tables';

const TODAY = parseIsoDate('2026-01-01')!;

function check(table: EventTable, meta: TableMeta = META, knownPlaceIds?: Set<string>) {
	const problems = new ProblemList('events.arrow');
	validateTable(table, meta, PLACES, problems, {
		today: TODAY,
		...(knownPlaceIds ? { knownPlaceIds } : {})
	});
	return problems;
}

/** ROWS with row `index` changed. */
const withRow = (index: number, change: Partial<Row>) =>
	ROWS.map((row, i) => (i === index ? { ...row, ...change } : row));

/** A table with one column replaced after it is built: what no well-behaved writer makes. */
function patched(change: (table: EventTable) => Partial<EventTable>): EventTable {
	const table = tableOf(ROWS);
	return { ...table, ...change(table) };
}

describe('validateTable: a good table', () => {
	it('has no problems', () => {
		expect(check(tableOf(ROWS)).list()).toEqual([]);
	});

	it("keeps each event's own point near its town: 5 km off is the row's point, not a mistake", () => {
		expect(check(tableOf(withRow(0, { lon: 30.6 }))).list()).toEqual([]);
	});

	it('accepts a dataset with no publication day up to today', () => {
		expect(
			check(tableOf(withRow(2, { start: '2025-12-31' })), { ...META, published: null }).count
		).toBe(0);
	});
});

type Case = [string, EventTable, { feature?: string; field?: string; says: RegExp }, TableMeta?];

const cases: Case[] = [
	[
		'an id that is not a slug',
		tableOf(withRow(0, { id: 'UKR 1' })),
		{ feature: 'event 1', field: 'id', says: /^"UKR 1" is not a slug: use lower-case letters/ }
	],
	[
		'an empty id',
		tableOf(withRow(0, { id: '' })),
		{ feature: 'event 1', field: 'id', says: /^has no id\./ }
	],
	[
		'an id of 81 characters',
		tableOf(withRow(0, { id: 'a'.repeat(81) })),
		{ feature: 'event 1', field: 'id', says: /is not a slug.*at most 80/ }
	],
	[
		'an id with a trailing hyphen',
		tableOf(withRow(0, { id: 'ukr1-' })),
		{ feature: 'event 1', field: 'id', says: /"ukr1-" is not a slug/ }
	],
	[
		'a duplicate id',
		tableOf(withRow(2, { id: 'ukr1', start: '2025-04-01', end: '2025-04-08' })),
		{
			feature: 'ukr1',
			field: 'id',
			says: /^"ukr1" is used by more than one event \(event 1 has it too\); ids must be unique\.$/
		}
	],
	[
		'a longitude off the globe',
		tableOf(withRow(0, { lon: 200 })),
		{ feature: 'ukr1', field: 'lon', says: /^longitude 200 is outside -180…180\.$/ }
	],
	[
		'latitude and longitude swapped past 90',
		tableOf(withRow(1, { lon: 49.9935, lat: 136.2304 })),
		{ feature: 'ukr2', field: 'lat', says: /outside -90…90\. Are longitude and latitude swapped\?/ }
	],
	[
		'0, 0: a missing place',
		tableOf(withRow(0, { lon: 0, lat: 0 })),
		{ feature: 'ukr1', field: 'lon, lat', says: /^is 0, 0: a placeholder for a missing place/ }
	],
	[
		'a coordinate that is not a number',
		tableOf(withRow(0, { lat: NaN })),
		{ feature: 'ukr1', field: 'lon, lat', says: /^longitude and latitude must be numbers\.$/ }
	],
	[
		'seven decimals',
		tableOf(withRow(0, { lon: 30.5234001 })),
		{ feature: 'ukr1', field: 'lon, lat', says: /more than 6 decimals/ }
	],
	[
		// A dataset's event keeps its row's point, within 25 km of its town (5 km here is fine).
		'a point far from its place',
		tableOf(withRow(0, { lon: 31.2 })),
		{
			feature: 'ukr1',
			field: 'lon, lat',
			says: /^\[31\.2, 50\.4501\] is 48 km from its place "kyiv" .*within 25 km of its place, a city\.$/
		}
	],
	[
		'a point that is its place swapped',
		tableOf(withRow(0, { lon: KYIV.lat, lat: KYIV.lon })),
		{
			feature: 'ukr1',
			field: 'lon, lat',
			says: /is its place "kyiv" with longitude and latitude swapped/
		}
	],
	[
		'a place the places file lacks',
		tableOf(withRow(1, { place: 'odesa' })),
		{ feature: 'ukr2', field: 'place', says: /^"odesa" is not a place id in the places file\.$/ }
	],
	[
		'a place index outside the dictionary',
		patched(() => ({ place: Int32Array.from([0, NO_PLACE, 7]) })),
		{
			feature: 'ukr2',
			field: 'place',
			says: /^names no place: its index is outside the place dictionary of 2 words\.$/
		}
	],
	[
		'an end before the start',
		tableOf(withRow(1, { end: '2025-03-31' })),
		{ feature: 'ukr2', field: 'end', says: /^31 March 2025 is before the start, 1 April 2025\.$/ }
	],
	[
		'an end after publication',
		tableOf(withRow(2, { start: '2025-04-03', end: '2025-04-13' })),
		{
			feature: 'ukr10',
			field: 'end',
			says: /^13 April 2025 is after the story's publication, 12 April 2025\.$/
		}
	],
	[
		'a day after today, with no publication day',
		tableOf(withRow(2, { start: '2026-01-02' })),
		{ feature: 'ukr10', field: 'start', says: /^2 January 2026 is after today, 1 January 2026\.$/ },
		{ ...META, published: null }
	],
	[
		'a day before the year 1',
		patched((t) => ({ start: Int32Array.from([FIRST_DAY - 1, t.start[1]!, t.start[2]!]) })),
		{ feature: 'ukr1', field: 'start', says: /^day -719163 is not a day of the years 1 to 9999\.$/ }
	],
	[
		'a category the format does not have',
		tableOf(withRow(0, { category: 'riot' }), { categories: [...CATEGORIES, 'riot'] }),
		{ feature: 'ukr1', field: 'category', says: /^"riot" is not one of: war, strike,/ }
	],
	[
		'a category index outside the dictionary',
		patched(() => ({ category: Uint8Array.from([1, NO_CATEGORY, 5]) })),
		{
			feature: 'ukr2',
			field: 'category',
			says: new RegExp(
				`^names no category: its index is outside the category dictionary of ${CATEGORIES.length} words\\.$`
			)
		}
	],
	[
		'a row past the rows the table says its file had',
		patched(() => ({ row: Int32Array.from([2, 2_130_708_155, 4]) })),
		{ feature: 'ukr2', field: 'row', says: /^is 2,130,708,155, past the 4 rows the table says/ },
		{ ...META, rows: 4 }
	],
	[
		'another place outside the place dictionary',
		patched(() => ({
			otherOffsets: Int32Array.from([0, 0, 1, 1]),
			otherPlaces: Int32Array.from([7])
		})),
		{ feature: 'ukr2', field: 'places[0]', says: /^names no place: its index is outside/ }
	],
	[
		'another place that is the main place again',
		patched(() => ({
			otherOffsets: Int32Array.from([0, 1, 1, 1]),
			otherPlaces: Int32Array.from([0])
		})),
		{ feature: 'ukr1', field: 'places[0]', says: /^"kyiv" is already the main place\.$/ }
	],
	[
		'another place the places file does not have',
		patched(() => ({
			places: ['kyiv', 'kharkiv', 'odesa'],
			otherOffsets: Int32Array.from([0, 1, 1, 1]),
			otherPlaces: Int32Array.from([2])
		})),
		{
			feature: 'ukr1',
			field: 'places[0]',
			says: /^"odesa" is not a place id in the places file\.$/
		}
	],
	[
		'other places whose offsets do not match the events',
		patched(() => ({ otherOffsets: Int32Array.from([0, 1]) })),
		{ says: /^the table is damaged: its column of other places does not match its events\.$/ }
	],
	[
		'row 0: no source row',
		tableOf(withRow(1, { row: 0 })),
		{
			feature: 'ukr2',
			field: 'row',
			says: /^is 0; an event of a dataset keeps the row of the file it came from/
		}
	],
	[
		'two events from one row',
		tableOf(withRow(2, { row: 2 })),
		{
			feature: 'ukr10',
			field: 'row',
			says: /^row 2 is the row of ukr1 too: one row of a file makes one event\.$/
		}
	],
	[
		'out of order by start',
		tableOf([ROWS[2]!, ROWS[0]!, ROWS[1]!]),
		{
			feature: 'ukr1',
			field: 'start',
			says: /^is out of order: .* comes after ukr10 in the table but before it in that order\.$/
		}
	],
	[
		'out of order by id on the same days (ids compare as text: ukr10 before ukr2)',
		tableOf([
			{ id: 'ukr2', ...KHARKIV, start: '2025-04-01', category: 'war', row: 3 },
			{ id: 'ukr10', ...KYIV, start: '2025-04-01', category: 'war', row: 4 }
		]),
		{ feature: 'ukr10', field: 'start', says: /^is out of order/ }
	],
	[
		'metadata: a publication day that is no date',
		tableOf(ROWS),
		{
			feature: 'metadata',
			field: 'published',
			says: /^"soon" is not a real date in the form YYYY-MM-DD\.$/
		},
		{ ...META, published: 'soon' }
	],
	[
		'metadata: a title with HTML',
		tableOf(ROWS),
		{ feature: 'metadata', field: 'title', says: /^contains HTML/ },
		{ ...META, title: 'War <script>x</script>' }
	],
	[
		'metadata: an origin with a bidi override',
		tableOf(ROWS),
		{ feature: 'metadata', field: 'origin', says: /bidirectional control character U\+202E/ },
		{ ...META, origin: 'acled\u202Ecsv' }
	],
	[
		'metadata: a source file named with HTML',
		tableOf(ROWS),
		{ feature: 'metadata', field: 'file', says: /^contains HTML/ },
		{ ...META, datasetFile: { file: '<b>acled</b>.csv' } }
	],
	[
		'metadata: a notes column with no file',
		tableOf(ROWS),
		{ feature: 'metadata', field: 'notesColumn', says: /^names a column of no file/ },
		{ ...META, datasetFile: { file: '', notesColumn: 'notes' } }
	],
	['no events at all', tableOf([]), { says: /^has no events\.$/ }]
];

describe('validateTable: each mistake is named at its event and column', () => {
	it.each(cases)('%s', (_, table, expected, meta) => {
		const problems = check(table, meta).list();
		expect(problems).toContainEqual({
			file: 'events.arrow',
			feature: expected.feature,
			field: expected.field,
			message: expect.stringMatching(expected.says)
		});
	});

	it('a bad id names the event by its place in the table, quoted, in its other problems', () => {
		const problems = check(tableOf(withRow(0, { id: 'UKR 1', lon: 200 }))).list();
		expect(problems.map((p) => p.feature)).toEqual(['event 1', 'event 1 ("UKR 1")']);
	});

	it('a place the places file names but could not take is not blamed again at each event', () => {
		const table = tableOf(withRow(1, { place: 'odesa' }));
		expect(check(table, META, new Set(['kyiv', 'kharkiv', 'odesa'])).count).toBe(0);
	});

	it('damaged id offsets are one problem, not a crash', () => {
		const table = patched((t) => ({ idOffsets: Int32Array.from([0, 4, 2, t.idBytes.length]) }));
		expect(check(table).list()).toEqual([
			expect.objectContaining({
				field: 'id',
				message: expect.stringMatching(/^the id column is damaged: the offsets of event 2/)
			})
		]);
	});
});

describe('validateTable on a big table', () => {
	/** `n` good events in order, all in Kyiv; `bad` says which to spoil. */
	function big(n: number, category: (i: number) => number = () => 1): EventTable {
		const day = parseIsoDate('2024-01-01')!;
		const ids = Array.from({ length: n }, (_, i) => `e${String(i).padStart(7, '0')}`);
		return {
			length: n,
			lon: new Float64Array(n).fill(KYIV.lon),
			lat: new Float64Array(n).fill(KYIV.lat),
			start: Int32Array.from({ length: n }, (_, i) => day + Math.floor(i / 1000)),
			end: Int32Array.from({ length: n }, (_, i) => day + Math.floor(i / 1000)),
			category: Uint8Array.from({ length: n }, (_, i) => category(i)),
			categories: [...CATEGORIES],
			place: new Int32Array(n),
			places: ['kyiv'],
			row: Int32Array.from({ length: n }, (_, i) => i + 2),
			otherOffsets: new Int32Array(n + 1),
			otherPlaces: new Int32Array(0),
			...encodeIds(ids)
		};
	}

	it('200,000 good events: no problems', () => {
		expect(check(big(200_000)).count).toBe(0);
	});

	it('200,000 bad events: every one counted, the first few hundred listed', () => {
		const problems = check(big(200_000, () => NO_CATEGORY));
		expect(problems.count).toBe(200_000);
		const list = problems.list();
		expect(list).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
		expect(list.at(-1)).toMatchObject({ more: 200_000 - MAX_PROBLEMS_PER_FILE });
	});

	it('finds the one duplicate among 200,000 ids', () => {
		const table = big(200_000);
		// Event 150,001 takes the id of event 1,001 (same length, so the offsets still hold).
		const bytes = table.idBytes.slice();
		bytes.copyWithin(table.idOffsets[150_000]!, table.idOffsets[1000]!, table.idOffsets[1001]!);
		const problems = check({ ...table, idBytes: bytes }).list();
		expect(problems).toContainEqual(
			expect.objectContaining({
				feature: 'e0001000',
				message: expect.stringMatching(/used by more than one event \(event 1,001 has it too\)/)
			})
		);
	});
});

describe('validateTable: withdrawn events are outside the row rule', () => {
	const withdrawn = (ids: string[], table: EventTable, meta: TableMeta = META) => {
		const problems = new ProblemList('events.arrow');
		validateTable(table, meta, PLACES, problems, { today: TODAY, withdrawn: new Set(ids) });
		return problems.list().map((p) => `${p.feature} › ${p.field}: ${p.message.slice(0, 28)}`);
	};

	it.each<[string, string[], EventTable, TableMeta | undefined, string[]]>([
		[
			'a withdrawn event keeps a row another event now has',
			['ukr10'],
			tableOf(withRow(2, { row: 2 })),
			undefined,
			[]
		],
		[
			'its row past the rows of the newer file',
			['ukr10'],
			tableOf(withRow(2, { row: 99 })),
			{ ...META, rows: 4 },
			[]
		],
		[
			'an event not withdrawn is held to the rule as ever',
			['ukr2'],
			tableOf(withRow(2, { row: 2 })),
			undefined,
			['ukr10 › row: row 2 is the row of ukr1 too']
		],
		[
			'a withdrawn event is not held to it at all (row 0)',
			['ukr10'],
			tableOf(withRow(2, { row: 0 })),
			undefined,
			[]
		]
	])('%s', (_, ids, table, meta, expected) => {
		expect(withdrawn(ids, table, meta)).toEqual(expected);
	});
});
