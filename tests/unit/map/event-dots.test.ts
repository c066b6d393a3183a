import { describe, expect, it } from 'vitest';
import { DOT_STRIDE, MAX_SLOTS, eventDotVertices } from '../../../src/lib/map/event-dots';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { buildEventTable, type TableRecord } from '../../../src/lib/story/table-builder';
import { tableOf } from '../../helpers/event-table';

const d = (s: string) => parseIsoDate(s)!;
let n = 0;
const event = (place: string, start: string, end = start, category = 'meeting'): TableRecord => ({
	id: `e${n++}`,
	place,
	start: d(start),
	end: d(end),
	category,
	coordinates: [30, 50]
});

describe('eventDotVertices', () => {
	it('packs one vertex per event with its dates, colour and a slot per place in date order', () => {
		const data = eventDotVertices(
			buildEventTable([
				event('b', '2025-02-01', '2025-02-28'),
				event('a', '2025-04-04', '2025-04-04', 'strike'),
				event('a', '2025-04-11')
			])
		);
		expect(data).toHaveLength(3 * DOT_STRIDE);
		const rows = Array.from({ length: 3 }, (_, i) =>
			Array.from(data.slice(i * DOT_STRIDE, (i + 1) * DOT_STRIDE))
		);
		expect(rows.map((r) => [r[2], r[3], r[7]])).toEqual([
			[d('2025-02-01'), d('2025-02-28'), 0],
			[d('2025-04-04'), d('2025-04-04'), 0],
			[d('2025-04-11'), d('2025-04-11'), 1]
		]);
		expect(rows[1]!.slice(4, 7).map((c) => Math.round(c * 255))).toEqual([0xd7, 0x30, 0x1f]);
		// Web Mercator 0…1, north above the equator: (30°E, 50°N) is right of and above the centre.
		expect(rows[0]![0]).toBeCloseTo(210 / 360, 6);
		expect(rows[0]![1]).toBeLessThan(0.5);
	});

	it('wraps slots at a crowded place instead of spiralling off the map', () => {
		const many = Array.from({ length: MAX_SLOTS + 5 }, () => event('a', '2025-04-11'));
		const data = eventDotVertices(buildEventTable(many));
		const slots = Array.from({ length: many.length }, (_, i) => data[i * DOT_STRIDE + 7]!);
		expect(Math.max(...slots)).toBe(MAX_SLOTS - 1);
	});

	it('draws a category no palette knows in the fallback grey', () => {
		const table = tableOf([{ id: 'a', lon: 0, lat: 0, start: 1 }], ['p'], ['Riots']);
		expect(Array.from(eventDotVertices(table).slice(4, 7)).map((c) => Math.round(c * 255))).toEqual(
			[0x66, 0x66, 0x66]
		);
	});
});
