import { describe, expect, it } from 'vitest';
import type { Bounds } from '../../../src/lib/geo/bounds';
import { project, unproject, WORLD_SIZE } from '../../../src/lib/geo/mercator';
import {
	fitPadding,
	floatingOver,
	legendStartsFolded,
	OPENING_MAX_ZOOM,
	openingCamera,
	visibleRect
} from '../../../src/lib/geo/opening-view';
import { PLACE_MARGIN_PX } from '../../../src/lib/geo/room';

describe('project and unproject', () => {
	it.each([
		[
			[0, 0],
			[256, 256]
		],
		[
			[-180, 0],
			[0, 256]
		],
		[
			[180, 0],
			[512, 256]
		],
		[
			[0, 85.051129],
			[256, 0]
		],
		[
			[0, -85.051129],
			[256, 512]
		]
	] as const)('%j → %j (MapLibre zoom 0, a 512-pixel world)', (lonLat, xy) => {
		const [x, y] = project([lonLat[0], lonLat[1]]);
		expect(x).toBeCloseTo(xy[0], 3);
		expect(y).toBeCloseTo(xy[1], 3);
	});

	it.each([
		[30.3158, 59.9391],
		[-77.0369, 38.9072],
		[54.3773, 24.4539],
		[-179.9, -60]
	])('round-trips %f, %f', (lon, lat) => {
		const [lon2, lat2] = unproject(project([lon, lat]));
		expect(lon2).toBeCloseTo(lon, 9);
		expect(lat2).toBeCloseTo(lat, 9);
	});
});

/** Where a point lands in a container, for a camera, in pixels. */
function pixel(
	camera: ReturnType<typeof openingCamera>,
	width: number,
	height: number,
	at: [number, number]
) {
	const view = visibleRect(camera, width, height);
	const scale = 2 ** camera.zoom;
	const [x, y] = project(at);
	return [(x - view.x) * scale, (y - view.y) * scale] as const;
}

describe('openingCamera: fitBounds in closed form', () => {
	const story: Bounds = [-77.04, 24.45, 54.38, 59.94];
	it.each([
		[940, 640],
		[1600, 900],
		[360, 380],
		[700, 1000]
	])('in %i×%i the story fills the padded room and touches it on one axis', (width, height) => {
		const camera = openingCamera(story, width, height);
		const pad = fitPadding(width, height);
		const [left, top] = pixel(camera, width, height, [story[0], story[3]]);
		const [right, bottom] = pixel(camera, width, height, [story[2], story[1]]);
		expect(left).toBeGreaterThanOrEqual(pad.left - 1e-6);
		expect(top).toBeGreaterThanOrEqual(pad.top - 1e-6);
		expect(right).toBeLessThanOrEqual(width - pad.right + 1e-6);
		expect(bottom).toBeLessThanOrEqual(height - pad.bottom + 1e-6);
		const touches = Math.abs(left - pad.left) < 1e-6 || Math.abs(top - pad.top) < 1e-6;
		expect(touches).toBe(true);
		// Centred in the room the padding leaves.
		expect((left + right) / 2).toBeCloseTo((pad.left + width - pad.right) / 2, 6);
		expect((top + bottom) / 2).toBeCloseTo((pad.top + height - pad.bottom) / 2, 6);
	});

	it.each([
		['one city', [30.3, 59.9, 30.3, 59.9] as Bounds],
		['two streets', [30.3, 59.9, 30.31, 59.91] as Bounds]
	])('a story in %s opens at zoom %i, not on a square of land', (_, bounds) => {
		expect(openingCamera(bounds, 940, 640).zoom).toBe(OPENING_MAX_ZOOM);
	});

	it.each([
		// The map at 1280×800, 1600×900, 1024×768 and 360×740, and at 1280×800 with the details open.
		[940, 606, 'open'],
		[1260, 742, 'open'],
		[684, 574, 'folded'],
		[360, 355, 'folded'],
		[560, 606, 'folded']
	])('in %i×%i (legend %s) the room is clear of all that floats over the map', (w, h, legend) => {
		expect(legendStartsFolded(w, h)).toBe(legend === 'folded');
		const pad = fitPadding(w, h);
		const room = { x: pad.left, y: pad.top, right: w - pad.right, bottom: h - pad.bottom };
		for (const box of floatingOver(w, h)) {
			const apart =
				box.x + box.width + PLACE_MARGIN_PX <= room.x + 1e-6 ||
				box.x >= room.right + PLACE_MARGIN_PX - 1e-6 ||
				box.y + box.height + PLACE_MARGIN_PX <= room.y + 1e-6 ||
				box.y >= room.bottom + PLACE_MARGIN_PX - 1e-6;
			expect(apart, JSON.stringify(box)).toBe(true);
		}
		// The room keeps most of the map: a strip is given up for each box, not a quadrant.
		expect((room.right - room.x) * (room.bottom - room.y)).toBeGreaterThan(0.45 * w * h);
	});

	it.each([
		// The seed's east-most label ("Abu Dhabi") at 1280×800 and on a phone, then one far too wide.
		[940, 606, 80, 80],
		[360, 355, 80, 80],
		[360, 355, 400, 120]
	])(
		'in %i×%i a label room of %i px on the east leaves %i px right of the story',
		(width, height, eastRoom, right) => {
			expect(fitPadding(width, height, eastRoom).right).toBeCloseTo(right, 6);
			const camera = openingCamera(story, width, height, eastRoom);
			const [east] = pixel(camera, width, height, [story[2], story[1]]);
			expect(width - east).toBeGreaterThanOrEqual(right - 1e-6);
		}
	);

	it('a label room narrower than the margin changes nothing', () => {
		expect(fitPadding(940, 606, 5)).toEqual(fitPadding(940, 606));
	});

	it('leaves the open legend a strip on the left of a wide map', () => {
		expect(fitPadding(940, 606).left).toBeGreaterThan(226);
		expect(fitPadding(360, 355).left).toBeLessThan(60);
	});

	it('visibleRect is the whole container at the camera’s scale', () => {
		const camera = { center: [0, 0] as [number, number], zoom: 1 };
		expect(visibleRect(camera, 1024, 512)).toEqual({
			x: 0,
			y: WORLD_SIZE / 4,
			width: WORLD_SIZE,
			height: WORLD_SIZE / 2
		});
	});
});
