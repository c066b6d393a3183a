import { describe, expect, it } from 'vitest';
import {
	cellKeyName,
	nearestPlace,
	nearestTo,
	neighbour,
	placeKeyName,
	type Direction,
	type Point
} from '../../../src/lib/map/map-keys';

/**
 * A plus of keys round a centre (0), 100 px out, with a near key (5) low on the right, off the
 * right arrow's 45° cone but nearer than the key straight right:
 *
 *            1
 *       3    0    4
 *                    5
 *            2
 */
const plus: Point[] = [
	{ x: 200, y: 200 },
	{ x: 200, y: 100 },
	{ x: 200, y: 300 },
	{ x: 100, y: 200 },
	{ x: 300, y: 200 },
	{ x: 240, y: 260 }
];

describe('neighbour', () => {
	it.each<[string, Point[], number, Direction, number | null]>([
		['up from the centre', plus, 0, 'up', 1],
		[
			'down from the centre: straight down beats the nearer key off to the side',
			plus,
			0,
			'down',
			2
		],
		['left from the centre', plus, 0, 'left', 3],
		['right from the centre: the cone first, though 5 is nearer', plus, 0, 'right', 4],
		['nothing further up', plus, 1, 'up', null],
		['nothing further left', plus, 3, 'left', null],
		['right from the left key: the centre, not the far right', plus, 3, 'right', 0],
		[
			'outside every cone, a key ahead is still reached',
			[
				{ x: 0, y: 0 },
				{ x: 50, y: 200 }
			],
			0,
			'right',
			1
		],
		[
			'of two in the cone, less sideways wins over a little nearer',
			[
				{ x: 0, y: 0 },
				{ x: 100, y: 0 },
				{ x: 80, y: 40 }
			],
			0,
			'right',
			1
		],
		[
			'a tie goes to the lower index',
			[
				{ x: 0, y: 0 },
				{ x: 50, y: -20 },
				{ x: 50, y: 20 }
			],
			0,
			'right',
			1
		],
		['a key alone has no neighbour', [{ x: 5, y: 5 }], 0, 'down', null],
		['an unknown key has none', plus, -1, 'down', null]
	])('%s', (_, points, from, direction, expected) => {
		expect(neighbour(points, from, direction)).toBe(expected);
	});

	it('goes round the plus and back: every arrow from an arm returns to the centre', () => {
		const back: Record<Direction, Direction> = {
			up: 'down',
			down: 'up',
			left: 'right',
			right: 'left'
		};
		for (const [arm, way] of [
			[1, 'up'],
			[2, 'down'],
			[3, 'left'],
			[4, 'right']
		] as const) {
			expect(neighbour(plus, 0, way)).toBe(arm);
			expect(neighbour(plus, arm, back[way])).toBe(0);
		}
	});
});

describe('nearestTo', () => {
	it.each<[string, Point, number | null]>([
		['on a key', { x: 300, y: 200 }, 4],
		['between, nearer the centre', { x: 180, y: 190 }, 0],
		['far off to the lower right', { x: 900, y: 900 }, 5]
	])('%s', (_, at, expected) => {
		expect(nearestTo(plus, at)).toBe(expected);
	});

	it('has nothing to give when there are no keys', () => {
		expect(nearestTo([], { x: 0, y: 0 })).toBeNull();
	});
});

describe('nearestPlace', () => {
	const places = [
		{ coordinates: [36.23, 49.99] as [number, number] }, // Kharkiv
		{ coordinates: [30.52, 50.45] as [number, number] }, // Kyiv
		{ coordinates: [35.05, 48.46] as [number, number] } // Dnipro
	];
	it.each<[string, [number, number], number | null]>([
		['a cell east of Kharkiv', [36.8, 50.1], 0],
		['a cell round Kyiv', [30.7, 50.3], 1],
		['a cell near Dnipro', [35.2, 48.6], 2]
	])('%s', (_, at, expected) => {
		expect(nearestPlace(places, at)).toBe(expected);
	});

	it('counts a degree east for less than a degree north, away from the equator', () => {
		// At 60° north a degree of longitude is half a degree of latitude: 2° east is nearer than 1.6° north.
		const east = { coordinates: [12, 60] as [number, number] };
		const north = { coordinates: [10, 61.6] as [number, number] };
		expect(nearestPlace([north, east], [10, 60])).toBe(1);
	});

	it('has none without places', () => {
		expect(nearestPlace([], [0, 0])).toBeNull();
	});
});

describe('names', () => {
	it.each<[number, string | null, string]>([
		[1204, 'Kharkiv', '1,204 events near Kharkiv'],
		[1, 'Kyiv', '1 event near Kyiv'],
		[0, 'Kyiv', '0 events near Kyiv'],
		[1_000_000, null, '1,000,000 events']
	])('a cell of %i near %s', (count, near, name) => {
		expect(cellKeyName(count, near)).toBe(name);
	});

	it.each<[string, number, string]>([
		['Kyiv', 3, 'Kyiv: 3 events'],
		['Lviv', 1, 'Lviv: 1 event'],
		['Odesa', 12_345, 'Odesa: 12,345 events']
	])('the place %s with %i', (place, count, name) => {
		expect(placeKeyName(place, count)).toBe(name);
	});
});
