import { describe, expect, it } from 'vitest';
import { readEventTable, writeEventTable } from '../../../src/lib/story/columnar/arrow-table';
import { eventId, otherPlacesOf, type EventTable } from '../../../src/lib/story/event-table';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { CATEGORIES } from '../../../src/lib/story/schema';
import {
	NO_CATEGORY,
	TableBuilder,
	buildEventTable,
	type TableRecord
} from '../../../src/lib/story/table-builder';
import { projectStory } from '../../helpers/story-files';

const day = (iso: string) => parseIsoDate(iso)!;

/** Every column of a table as plain values, to compare two tables whole. */
function plain(table: EventTable) {
	return {
		length: table.length,
		ids: Array.from({ length: table.length }, (_, i) => eventId(table, i)),
		lon: Array.from(table.lon),
		lat: Array.from(table.lat),
		start: Array.from(table.start),
		end: Array.from(table.end),
		category: Array.from(table.category, (c) => table.categories[c]),
		place: Array.from(table.place, (p) => table.places[p]),
		others: Array.from({ length: table.length }, (_, i) =>
			Array.from(otherPlacesOf(table, i), (p) => table.places[p])
		),
		row: Array.from(table.row)
	};
}

const record = (id: string, start: string, change: Partial<TableRecord> = {}): TableRecord => ({
	id,
	start: day(start),
	end: day(start),
	category: 'strike',
	place: 'kyiv',
	coordinates: [30.52, 50.45],
	...change
});

describe('TableBuilder', () => {
	it.each<[string, TableRecord[], ReturnType<typeof plain>['ids']]>([
		['by start', [record('b', '2025-04-02'), record('a', '2025-04-01')], ['a', 'b']],
		[
			'then by end',
			[
				record('a', '2025-04-01', { end: day('2025-04-07') }),
				record('b', '2025-04-01', { end: day('2025-04-01') })
			],
			['b', 'a']
		],
		['then by id', [record('b', '2025-04-01'), record('a', '2025-04-01')], ['a', 'b']]
	])('sorts into story order: %s', (_, records, ids) => {
		expect(plain(buildEventTable(records)).ids).toEqual(ids);
	});

	it("keeps each event's other places as offsets into one array, after sorting", () => {
		const table = buildEventTable(
			[
				record('trip', '2025-04-03', { place: 'moscow', places: ['washington', 'kyiv'] }),
				record('strike', '2025-04-01'),
				record('swap', '2025-04-02', { place: 'abu-dhabi', places: ['moscow'] })
			],
			['kyiv', 'moscow']
		);
		expect(plain(table).others).toEqual([[], ['moscow'], ['washington', 'kyiv']]);
		expect(Array.from(table.otherOffsets)).toEqual([0, 0, 1, 3]);
		// The places the caller named keep their order; the rest follow as they come.
		expect(table.places).toEqual(['kyiv', 'moscow', 'washington', 'abu-dhabi']);
	});

	it('names categories by the schema, and one outside it as NO_CATEGORY for the validator', () => {
		const table = buildEventTable([record('a', '2025-04-01', { category: 'picnic' })]);
		expect(table.categories).toEqual([...CATEGORIES]);
		expect(table.category[0]).toBe(NO_CATEGORY);
	});

	it('grows past its first allocation, and gives the order events came in', () => {
		const builder = new TableBuilder();
		const n = 5000;
		for (let i = n - 1; i >= 0; i--)
			builder.add(
				record(`e${String(i).padStart(4, '0')}`, '2025-01-01', {
					start: day('2025-01-01') + i,
					end: day('2025-01-01') + i,
					places: i % 2 ? ['lviv'] : [],
					row: i + 2
				})
			);
		const { table, order } = builder.finish();
		expect(table.length).toBe(n);
		expect(order[0]).toBe(n - 1);
		expect(table.row[n - 1]).toBe(n + 1);
		expect(table.otherPlaces.length).toBe(n / 2);
		expect(plain(table).others[1]).toEqual(['lviv']);
	});

	it('gives an empty table for no events', () => {
		const table = buildEventTable([]);
		expect(table.length).toBe(0);
		expect(Array.from(table.otherOffsets)).toEqual([0]);
	});
});

describe('one table, whatever the form', () => {
	it('the table built from a GeoJSON story equals the one read back from its Arrow form', () => {
		const story = projectStory();
		const table = buildEventTable(
			story.events,
			story.places.map((p) => p.id)
		);
		const arrow = writeEventTable(table, {
			title: story.title,
			published: null,
			origin: 'the seed story',
			rows: null,
			chunks: []
		});
		const read = readEventTable(arrow);
		if (!read.ok) throw new Error(read.message);
		expect(plain(read.table)).toEqual(plain(table));
		expect(read.table.places).toEqual(table.places);
		// The seed story's links survive the columnar form: every event that joins places keeps them.
		const joined = story.events.filter((e) => e.places.length > 0);
		expect(joined.length).toBeGreaterThan(0);
		const others = plain(read.table).others;
		for (const event of joined) {
			const i = plain(read.table).ids.indexOf(event.id);
			expect(others[i], event.id).toEqual(event.places);
		}
	});
});
