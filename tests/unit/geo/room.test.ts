import { describe, expect, it } from 'vitest';
import type { Camera, Padding, Rect } from '../../../src/lib/geo/mercator';
import {
	cameraToShow,
	inside,
	LANDING_PX,
	roomRect,
	toScreen,
	uncoveredPadding,
	withMargin
} from '../../../src/lib/geo/room';
import type { LonLat } from '../../../src/lib/story/types';

const size = { width: 560, height: 600 };
const none: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

describe('uncoveredPadding: the largest rectangle nothing floats over', () => {
	it.each<[string, Rect[], Padding]>([
		['nothing floats', [], none],
		[
			'a legend at the lower left: the strip that loses least, here the left',
			[{ x: 9, y: 340, width: 226, height: 234 }],
			{ ...none, left: 235 }
		],
		[
			'a wide box at the top: cut along the top',
			[{ x: 100, y: 0, width: 400, height: 80 }],
			{ ...none, top: 80 }
		],
		[
			'zoom buttons in the top right corner: the thin strip on the right',
			[{ x: 520, y: 10, width: 30, height: 59 }],
			{ ...none, right: 40 }
		],
		[
			'legend, zoom buttons and attribution together',
			[
				{ x: 9, y: 340, width: 226, height: 234 },
				{ x: 520, y: 10, width: 30, height: 59 },
				{ x: 442, y: 565, width: 108, height: 25 }
			],
			{ ...none, bottom: 260, right: 40 }
		],
		[
			'a folded legend and a hidden box of no size',
			[
				{ x: 9, y: 544, width: 79, height: 30 },
				{ x: 0, y: 0, width: 0, height: 0 }
			],
			{ ...none, bottom: 56 }
		],
		['a box outside the map takes nothing', [{ x: 600, y: 0, width: 50, height: 50 }], none]
	])('%s', (_, covers, expected) => {
		expect(uncoveredPadding(size, covers)).toEqual(expected);
	});
});

describe('withMargin', () => {
	it.each<[Padding, number, Padding]>([
		[none, 24, { top: 24, right: 24, bottom: 24, left: 24 }],
		[{ ...none, bottom: 260 }, 10, { top: 10, right: 10, bottom: 270, left: 10 }],
		// Never past the middle: a margin wider than what is left splits what is left.
		[{ ...none, left: 540 }, 24, { top: 24, right: 10, bottom: 24, left: 550 }]
	])('%j grown by %i is %j', (pad, margin, expected) => {
		expect(withMargin(pad, margin, size)).toEqual(expected);
	});
});

const world: Camera = { center: [0, 0], zoom: 0 };
const square = { width: 512, height: 512 };

describe('toScreen and inside', () => {
	it.each<[LonLat, [number, number]]>([
		[
			[0, 0],
			[256, 256]
		],
		[
			[-90, 0],
			[128, 256]
		],
		[
			[90, 0],
			[384, 256]
		]
	])('%j is drawn at %j at zoom 0', (at, expected) => {
		const [x, y] = toScreen(at, world, square);
		expect(x).toBeCloseTo(expected[0], 6);
		expect(y).toBeCloseTo(expected[1], 6);
	});

	it.each<[[number, number], boolean]>([
		[[50, 50], true],
		[[10, 10], true],
		[[9.9, 50], false],
		[[50, 110.1], false]
	])('%j inside {10,10,100,100}: %s', (point, expected) => {
		expect(inside(point, { x: 10, y: 10, width: 100, height: 100 })).toBe(expected);
	});
});

describe('cameraToShow', () => {
	// The map at 1280×800 after the details opened: 560 px wide, the legend cut off the bottom.
	const room = roomRect(withMargin({ ...none, bottom: 260 }, 24, size), size);
	// The camera kept its centre as the map narrowed (the hash read #1.78/45.6/-31.9).
	const opening: Camera = { center: [-31.9, 45.6], zoom: 1.78 };
	const kryvyiRih: LonLat = [33.39, 47.91];
	const brussels: LonLat = [4.35, 50.85];
	const washington: LonLat = [-77.04, 38.9];
	const screen = (at: LonLat, camera: Camera) => toScreen(at, camera, size);

	it.each<[string, LonLat, LonLat[]]>([
		['a place off the right edge', kryvyiRih, []],
		['a place and a join that fit at this zoom', kryvyiRih, [brussels]],
		['a place whose joins need the map to zoom out', [46.68, 24.71], [washington]]
	])('brings %s into the room', (_, place, joins) => {
		expect(inside(screen(place, opening), room)).toBe(false);
		const camera = cameraToShow(opening, size, room, { place, joins, minZoom: 0.5 })!;
		expect(camera).not.toBeNull();
		expect(camera.zoom).toBeLessThanOrEqual(opening.zoom + 1e-9);
		for (const at of [place, ...joins]) expect(inside(screen(at, camera), room)).toBe(true);
	});

	it('a place already in the room does not move', () => {
		const camera: Camera = { center: brussels, zoom: 3 };
		expect(cameraToShow(camera, size, room, { place: brussels, joins: [], minZoom: 1 })).toBeNull();
	});

	it('never zooms closer than now, and moves by the least pan', () => {
		const camera = cameraToShow(opening, size, room, {
			place: kryvyiRih,
			joins: [],
			minZoom: 1
		})!;
		expect(camera.zoom).toBe(opening.zoom);
		// The least pan leaves the place just inside the room's right edge, not in its middle.
		expect(screen(kryvyiRih, camera)[0]).toBeCloseTo(room.x + room.width - LANDING_PX, 6);
	});

	it('joins that would need a zoom farther out than minZoom are left out', () => {
		const near: Camera = { center: [30, 50], zoom: 5 };
		const camera = cameraToShow(near, size, room, {
			place: kryvyiRih,
			joins: [washington],
			minZoom: 4
		})!;
		expect(camera.zoom).toBe(5);
		expect(inside(screen(kryvyiRih, camera), room)).toBe(true);
		expect(inside(screen(washington, camera), room)).toBe(false);
	});

	it('joins out of view move the map even when the chosen place is in it', () => {
		const camera: Camera = { center: [30, 50], zoom: 3 };
		const moved = cameraToShow(camera, size, room, {
			place: kryvyiRih,
			joins: [brussels],
			minZoom: 1
		})!;
		expect(inside(screen(brussels, moved), room)).toBe(true);
		expect(inside(screen(kryvyiRih, moved), room)).toBe(true);
	});
});
