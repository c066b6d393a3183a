import { describe, expect, it } from 'vitest';
import { backdropRect, HIT_RADIUS_PX, mapPicture } from '../../../src/lib/derive/map-picture';
import { BUTTON_SPACING_PX } from '../../../src/lib/geo/spread';
import { storyLayers } from '../../../src/lib/derive/story-layers';
import { storyBounds } from '../../../src/lib/geo/bounds';
import { countryLookup } from '../../../src/lib/geo/countries';
import type { Rect } from '../../../src/lib/geo/mercator';
import { visibleRect, openingCamera } from '../../../src/lib/geo/opening-view';
import { eastLabelRoom } from '../../../src/lib/geo/place-labels';
import { placeRadiusScale } from '../../../src/lib/scales/category';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { tallyPlaces } from '../../../src/lib/derive/place-rows';
import { storyData } from '../../../src/lib/story/story-data';
import { countries50m, projectStory } from '../../helpers/story-files';

const story = projectStory();
const data = storyData(story);
const layers = storyLayers(data, countryLookup(countries50m).outline);
const bounds = storyBounds(story.places.map((p) => p.coordinates));
const d = (s: string) => parseIsoDate(s)!;
const at = (day: string, selected: string | null = null) => ({
	day: d(day),
	highlight: null,
	selected,
	tally: tallyPlaces(data.index.byPlace, data.table, d(day))
});
const SIZES = [
	[940, 640],
	[1600, 900],
	[360, 380],
	[1280, 400]
] as const;

const overlaps = (a: Rect, b: Rect) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('mapPicture', () => {
	it.each([...SIZES, [360, 355] as const])(
		'in %i×%i every place link has its centre clear of the others, near its circle',
		(width, height) => {
			const picture = mapPicture(layers, bounds, at('2025-04-12'), width, height);
			const links = picture.places.filter((p) => p.count > 0);
			const px = (p: { x: number; y: number }) => [p.x * picture.scale, p.y * picture.scale];
			for (const a of links) {
				const [ax, ay] = px(a.hit);
				const [cx, cy] = px(a);
				expect(Math.hypot(ax! - cx!, ay! - cy!), a.id).toBeLessThan(BUTTON_SPACING_PX * 2);
				for (const b of links) {
					if (b === a) continue;
					const [bx, by] = px(b.hit);
					expect(Math.hypot(ax! - bx!, ay! - by!), `${a.id}/${b.id}`).toBeGreaterThan(
						HIT_RADIUS_PX
					);
				}
			}
		}
	);

	it.each(SIZES)('in %i×%i it shows what the map opens on', (width, height) => {
		const picture = mapPicture(layers, bounds, at('2025-04-12'), width, height);
		const camera = openingCamera(
			bounds,
			width,
			height,
			eastLabelRoom(layers.places.features, bounds)
		);
		expect(picture.view).toEqual(visibleRect(camera, width, height));
		expect(picture.scale).toBeCloseTo(2 ** camera.zoom, 9);
	});

	it.each(SIZES)(
		'in %i×%i the east-most place keeps its label on its right, as the map writes it first',
		(width, height) => {
			const picture = mapPicture(layers, bounds, at('2025-04-12'), width, height);
			const east = picture.places.reduce((a, b) => (b.x > a.x ? b : a));
			expect(east.label?.anchor, east.name).toBe('left');
		}
	);

	it('sizes and colours places as the map does, from the same feature-state', () => {
		const picture = mapPicture(layers, bounds, at('2025-04-12'), 940, 640);
		const radius = placeRadiusScale(layers.maxPlaceTotal);
		const kryvyi = picture.places.find((p) => p.id === 'kryvyi-rih')!;
		expect(kryvyi.radius).toBe(radius(kryvyi.count));
		expect(kryvyi.count).toBeGreaterThan(0);
	});

	it('on the first day only the invasion’s place has happened; later places are empty', () => {
		const picture = mapPicture(layers, bounds, at('2022-02-01'), 940, 640);
		const shown = picture.places.filter((p) => p.count > 0).map((p) => p.id);
		expect(shown).toEqual(['ukraine']);
		expect(picture.links.filter((l) => l.visible)).toEqual([]);
		expect(picture.places.find((p) => p.id === 'kryvyi-rih')!.labelFaded).toBe(true);
	});

	it('marks the chosen place', () => {
		const picture = mapPicture(layers, bounds, at('2025-04-12', 'cyprus'), 940, 640);
		expect(picture.places.filter((p) => p.highlight).map((p) => p.id)).toEqual(['cyprus']);
	});

	it.each(SIZES)('in %i×%i no two labels overlap and none is cut by the edge', (width, height) => {
		const picture = mapPicture(layers, bounds, at('2025-04-12'), width, height);
		const boxes = picture.places.flatMap((p) =>
			p.label
				? [
						{
							x: p.label.x * picture.scale,
							y: p.label.y * picture.scale - 13,
							width: p.name.length * 7.1,
							height: 15.6
						}
					]
				: []
		);
		expect(boxes.length).toBeGreaterThan(picture.places.length / 2);
		for (const [i, a] of boxes.entries()) {
			for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
			expect(a.x).toBeGreaterThanOrEqual(picture.view.x * picture.scale - 1e-6);
			expect(a.x + a.width).toBeLessThanOrEqual(
				(picture.view.x + picture.view.width) * picture.scale + 1e-6
			);
		}
	});
});

it.each(SIZES)('in %i×%i no label covers another place’s circle', (width, height) => {
	const picture = mapPicture(layers, bounds, at('2025-04-12'), width, height);
	const s = picture.scale;
	for (const p of picture.places) {
		if (!p.label) continue;
		const box = {
			x: p.label.x * s,
			y: p.label.y * s - 13,
			width: p.name.length * 7.1,
			height: 15.6
		};
		for (const other of picture.places) {
			if (other.id === p.id || other.radius === 0) continue;
			const r = other.radius;
			const circle = { x: other.x * s - r, y: other.y * s - r, width: 2 * r, height: 2 * r };
			expect(overlaps(box, circle), `${p.name} over ${other.name}`).toBe(false);
		}
	}
});

describe('backdropRect', () => {
	const cases = [
		['this story', bounds],
		['one city', [30.3, 59.9, 30.3, 59.9]],
		['a tall story', [20, 30, 22, 60]],
		['a wide story', [-10, 40, 40, 42]]
	] as const;
	const sizes = [...SIZES, [2560, 600], [600, 2000]] as const;
	it.each(cases.flatMap(([name, b]) => sizes.map(([w, h]) => [name, w, h, b] as const)))(
		'covers the opening view of %s in a %i×%i container',
		(_, width, height, storyBounds) => {
			const b = [...storyBounds] as [number, number, number, number];
			const view = visibleRect(openingCamera(b, width, height), width, height);
			const back = backdropRect(b);
			// The world's edge is the edge: nothing to cover past it.
			expect(back.x).toBeLessThanOrEqual(Math.max(0, view.x) + 1e-6);
			expect(back.y).toBeLessThanOrEqual(Math.max(0, view.y) + 1e-6);
			expect(back.x + back.width).toBeGreaterThanOrEqual(Math.min(512, view.x + view.width) - 1e-6);
			expect(back.y + back.height).toBeGreaterThanOrEqual(
				Math.min(512, view.y + view.height) - 1e-6
			);
		}
	);
});
