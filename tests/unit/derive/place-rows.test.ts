import { describe, expect, it } from 'vitest';
import {
	buildPlaceRows,
	placeCountBy,
	placePage,
	placeSummary,
	tallyPlaces
} from '../../../src/lib/derive/place-rows';
import { eventId } from '../../../src/lib/story/event-table';
import { buildEventTable } from '../../../src/lib/story/table-builder';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { tableOf } from '../../helpers/event-table';

const d = (s: string) => parseIsoDate(s)!;
const at = { lon: 30, lat: 50 };
const table = tableOf([
	{ id: 'e1', ...at, start: d('2025-01-05'), place: 1, category: 0 },
	{ id: 'e2', ...at, start: d('2025-01-20'), place: 0, category: 1 },
	{ id: 'e3', ...at, start: d('2025-02-02'), place: 1, category: 1 },
	{ id: 'e4', ...at, start: d('2025-02-03'), place: 1, category: 1 },
	{ id: 'e5', ...at, start: d('2025-03-09'), place: 1, category: 2 }
]);
const index = buildPlaceRows(table);

describe('buildPlaceRows', () => {
	it('lists each place’s rows in table order', () => {
		const rowsOf = (p: number) =>
			Array.from(index.rows.subarray(index.offsets[p]!, index.offsets[p + 1]!));
		expect([rowsOf(0), rowsOf(1), rowsOf(2)]).toEqual([[1], [0, 2, 3, 4], []]);
	});

	it.each([
		['2025-01-04', 0],
		['2025-01-05', 1],
		['2025-02-03', 3],
		['2025-12-31', 4]
	])('place b by %s: %i events', (day, n) => {
		expect(placeCountBy(index, table, 1, d(day))).toBe(n);
	});
});

describe('buildPlaceRows over a filter’s rows', () => {
	it('indexes only those rows, so the tally counts only them', () => {
		const only = buildPlaceRows(table, Int32Array.from([1, 3]));
		const rowsOf = (p: number) =>
			Array.from(only.rows.subarray(only.offsets[p]!, only.offsets[p + 1]!));
		expect([rowsOf(0), rowsOf(1), rowsOf(2)]).toEqual([[1], [3], []]);
		const tally = tallyPlaces(only, table, d('2025-12-31'));
		expect([...tally].map(([id, t]) => [id, t.count])).toEqual([
			[table.places[0], 1],
			[table.places[1], 1]
		]);
	});
});

describe('placeSummary', () => {
	it('counts by category (most first) and by month, up to the day', () => {
		expect(placeSummary(index, table, 1, d('2025-02-28'))).toEqual({
			total: 4,
			shown: 3,
			byCategory: [
				{ category: 'strike', count: 2 },
				{ category: 'war', count: 1 }
			],
			byMonth: [
				{ month: 'Jan 2025', count: 1 },
				{ month: 'Feb 2025', count: 2 }
			]
		});
	});

	it.each([
		[
			['2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01'],
			[
				['Jan 2024', 1],
				['Feb 2024', 2],
				['Mar 2024', 1]
			]
		],
		[
			['2024-12-31', '2025-01-01', '2025-01-31'],
			[
				['Dec 2024', 1],
				['Jan 2025', 2]
			]
		],
		[
			['0050-03-31', '0050-04-01', '0050-04-30'],
			[
				['Mar 50', 1],
				['Apr 50', 2]
			]
		]
	])('counts %j by month: %j', (days, months) => {
		const rows = days.map((day, i) => ({ id: `m${i}`, ...at, start: d(day), place: 0 }));
		const own = tableOf(rows);
		const summary = placeSummary(buildPlaceRows(own), own, 0, d('2025-12-31'));
		expect(summary.byMonth.map((m) => [m.month, m.count])).toEqual(months);
	});

	it('says nothing for a place with no event yet', () => {
		const summary = placeSummary(index, table, 2, d('2025-12-31'));
		expect(summary).toEqual({ total: 0, shown: 0, byCategory: [], byMonth: [] });
	});
});

describe('placePage', () => {
	it.each([
		[0, 2, [4, 3]],
		[1, 2, [2, 0]],
		[2, 2, []],
		[0, 10, [4, 3, 2, 0]]
	])('page %i of %i rows, newest first: %j', (page, size, rows) => {
		expect(placePage(index, table, 1, d('2025-12-31'), page, size)).toEqual(rows);
	});

	it('pages only through the events by the day', () => {
		expect(placePage(index, table, 1, d('2025-02-02'), 0, 10)).toEqual([2, 0]);
	});
});

describe('a place’s events include those joining it', () => {
	// Built by the one builder: b joins Washington and Moscow to Abu Dhabi; c names its own place
	// again among its others, which counts once.
	const joined = buildEventTable(
		[
			{ id: 'a', coordinates: [30, 50], start: 10, end: 10, category: 'war', place: 'kyiv' },
			{
				id: 'b',
				coordinates: [54, 24],
				start: 11,
				end: 14,
				category: 'exchange',
				place: 'abu-dhabi',
				places: ['washington', 'moscow']
			},
			{
				id: 'c',
				coordinates: [-77, 39],
				start: 12,
				end: 12,
				category: 'statement',
				place: 'washington',
				places: ['washington']
			}
		],
		['kyiv', 'abu-dhabi', 'washington', 'moscow', 'london']
	);
	const rows = buildPlaceRows(joined);
	const ids = (p: number) =>
		Array.from(rows.rows.subarray(rows.offsets[p]!, rows.offsets[p + 1]!), (r) =>
			eventId(joined, r)
		);

	it.each([
		[0, ['a']],
		[2, ['b', 'c']],
		[3, ['b']],
		[4, []]
	])('place %i: %j', (p, expected) => {
		expect(ids(p)).toEqual(expected);
	});

	it.each([
		// Day, then each place's tally by it (absent: nothing has started there).
		[9, {}],
		[
			11,
			{
				kyiv: { count: 1, current: false, category: 'war' },
				'abu-dhabi': { count: 1, current: true, category: 'exchange' },
				washington: { count: 1, current: true, category: 'exchange' },
				moscow: { count: 1, current: true, category: 'exchange' }
			}
		],
		[
			13,
			{
				kyiv: { count: 1, current: false, category: 'war' },
				'abu-dhabi': { count: 1, current: true, category: 'exchange' },
				// c ended on the 12th, but b, which joins Washington, runs to the 14th.
				washington: { count: 2, current: true, category: 'statement' },
				moscow: { count: 1, current: true, category: 'exchange' }
			}
		],
		[
			15,
			{
				kyiv: { count: 1, current: false, category: 'war' },
				'abu-dhabi': { count: 1, current: false, category: 'exchange' },
				washington: { count: 2, current: false, category: 'statement' },
				moscow: { count: 1, current: false, category: 'exchange' }
			}
		]
	])('tally by day %i', (day, expected) => {
		expect(Object.fromEntries(tallyPlaces(rows, joined, day))).toEqual(expected);
	});
});
