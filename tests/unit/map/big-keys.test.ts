import { describe, expect, it } from 'vitest';
import type { EventGrid } from '../../../src/lib/derive/event-grid';
import { buildPlaceRows } from '../../../src/lib/derive/place-rows';
import { cellKeys, PLACE_KEY_PX, placeKeys } from '../../../src/lib/map/big-keys';
import type { LabelMap } from '../../../src/lib/map/count-labels';
import { LABEL_MARGIN_PX } from '../../../src/lib/map/label-layout';
import { tableOf } from '../../helpers/event-table';

/** Flat, 20 px a degree, (30, 49) at (300, 200): a 600 × 400 view shows lon 15…45, lat 39…59. */
const map: LabelMap = {
	project: ([lon, lat]) => ({ x: 300 + (lon - 30) * 20, y: 200 - (lat - 49) * 20 }),
	unproject: ([x, y]) => ({ lng: 30 + (x - 300) / 20, lat: 49 - (y - 200) / 20 }),
	getCanvasContainer: () => {
		throw new Error('not used');
	},
	getCanvas: () => {
		throw new Error('not used');
	}
};
const view = () => ({ width: 600, height: 400 });

const places = [
	{
		id: 'kharkiv',
		name: 'Kharkiv',
		kind: 'city' as const,
		coordinates: [36.23, 49.99] as [number, number]
	},
	{
		id: 'kyiv',
		name: 'Kyiv',
		kind: 'city' as const,
		coordinates: [30.52, 50.45] as [number, number]
	},
	{
		id: 'lisbon',
		name: 'Lisbon',
		kind: 'city' as const,
		coordinates: [-9.14, 38.72] as [number, number]
	}
];

/** Three cells: by Kharkiv, by Kyiv, and one far off screen (Lisbon). */
const grid: EventGrid = {
	zoom: 3,
	lon: Float64Array.from([36.5, 30.1, -9]),
	lat: Float64Array.from([49.8, 50.2, 38.8]),
	offsets: Int32Array.from([0, 2, 3, 4]),
	starts: Int32Array.from([1, 2, 1, 1])
};

describe('cellKeys', () => {
	const chosen: number[] = [];
	const counts = Int32Array.from([1204, 0, 7]);
	const keys = cellKeys(map, view, grid, counts, places, (cell) => chosen.push(cell));

	it('offers the cells on screen with events by the day, where their circles are', () => {
		expect(keys.kind).toBe('counts');
		expect(keys.candidates()).toEqual([
			{ cell: 0, ...map.project([36.5, 49.8]), count: 1204, text: '1.2k' }
		]);
	});

	it.each<[string, number, string]>([
		['the count and the nearest place', 0, '1,204 events near Kharkiv'],
		['a cell with nothing by the day', 1, '0 events near Kyiv'],
		['a cell off screen, named all the same', 2, '7 events near Lisbon']
	])('names %s', (_, cell, name) => {
		expect(keys.name(cell)).toBe(name);
	});

	it('follows the day: the counts array is read when named and when drawn', () => {
		counts[1] = 1;
		expect(keys.name(1)).toBe('1 event near Kyiv');
		expect(keys.candidates().map((c) => c.cell)).toEqual([0, 1]);
		counts[1] = 0;
	});

	it('says where a cell is, and chooses it as a click would', () => {
		expect(keys.at(2)).toEqual([-9, 38.8]);
		keys.choose(0);
		expect(chosen).toEqual([0]);
	});
});

describe('placeKeys', () => {
	// Kharkiv: days 5 and 9; Kyiv: day 7; Lisbon: none.
	const table = tableOf(
		[
			{ id: 'a', lon: 36.23, lat: 49.99, place: 0, start: 5 },
			{ id: 'b', lon: 30.52, lat: 50.45, place: 1, start: 7 },
			{ id: 'c', lon: 36.23, lat: 49.99, place: 0, start: 9 }
		],
		['kharkiv', 'kyiv', 'lisbon']
	);
	let day = 8;
	const chosen: number[] = [];
	const keys = placeKeys(
		map,
		view,
		{ places, table, byPlace: buildPlaceRows(table) },
		() => day,
		(p) => chosen.push(p)
	);

	it('offers the places on screen with events, busiest first to keep their room', () => {
		expect(keys.kind).toBe('places');
		const candidates = keys.candidates();
		expect(candidates.map((c) => [c.cell, c.count, c.text, c.width])).toEqual([
			[0, 2, '', PLACE_KEY_PX],
			[1, 1, '', PLACE_KEY_PX]
		]);
		expect(candidates[0]).toMatchObject(map.project(places[0]!.coordinates));
	});

	it('keeps a place just past the edge, within the layout margin', () => {
		const narrow = placeKeys(
			map,
			() => ({ width: 300 + 6 * 20 - LABEL_MARGIN_PX / 2, height: 400 }),
			{ places, table, byPlace: buildPlaceRows(table) },
			() => day,
			() => {}
		);
		expect(narrow.candidates().map((c) => c.cell)).toEqual([0, 1]);
	});

	it.each<[number, number, string]>([
		[8, 0, 'Kharkiv: 1 event'],
		[9, 0, 'Kharkiv: 2 events'],
		[6, 1, 'Kyiv: 0 events']
	])('names a place by the day (%i): %s', (on, p, name) => {
		day = on;
		expect(keys.name(p)).toBe(name);
	});

	it('says where a place is, and opens it as a click would', () => {
		expect(keys.at(1)).toEqual([30.52, 50.45]);
		keys.choose(1);
		expect(chosen).toEqual([1]);
	});
});
