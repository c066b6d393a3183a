import { describe, expect, it } from 'vitest';
import { eventDotVertices } from '../../../src/lib/map/event-dots';
import { tableDotVertices } from '../../../src/lib/map/table-dots';
import { tableOf } from '../../helpers/event-table';

describe('tableDotVertices', () => {
	it('gives the GPU what eventDotVertices gives for the same events, from the table alone', () => {
		const rows = [
			{ id: 'a', lon: 30.5, lat: 50.45, start: 10, end: 12, place: 0, category: 0 },
			{ id: 'b', lon: 36.2, lat: 49.99, start: 11, place: 1, category: 1 },
			{ id: 'c', lon: 30.5, lat: 50.45, start: 11, place: 0, category: 2 },
			{ id: 'd', lon: 30.5, lat: 50.45, start: 14, place: 0, category: 1 }
		];
		const categories = ['war', 'strike', 'aid'] as const;
		const table = tableOf(rows, ['kyiv', 'kharkiv'], [...categories]);
		const events = rows.map((r) => ({
			start: r.start,
			end: r.end ?? r.start,
			category: categories[r.category]!,
			place: ['kyiv', 'kharkiv'][r.place]!,
			coordinates: [r.lon, r.lat] as [number, number]
		}));
		const fromTable = Array.from(tableDotVertices(table));
		const fromEvents = Array.from(eventDotVertices(events));
		expect(fromTable).toHaveLength(fromEvents.length);
		fromTable.forEach((v, i) => expect(v).toBeCloseTo(fromEvents[i]!, 5));
		// The third event at Kyiv takes the spiral's third slot.
		expect(fromTable[3 * 8 + 7]).toBe(2);
	});

	it('draws a category no palette knows in the fallback grey', () => {
		const table = tableOf([{ id: 'a', lon: 0, lat: 0, start: 1 }], ['p'], ['Riots']);
		expect(Array.from(tableDotVertices(table).slice(4, 7)).map((c) => Math.round(c * 255))).toEqual(
			[0x66, 0x66, 0x66]
		);
	});
});
