import { describe, expect, it } from 'vitest';
import { boundsOf } from '../../../src/lib/geo/bounds';
import { countryLookup } from '../../../src/lib/geo/countries';
import { eventLinks } from '../../../src/lib/geo/links';
import { countryOutlines } from '../../../src/lib/geo/outlines';
import { storyData } from '../../../src/lib/story/story-data';
import { countries50m, projectStory } from '../../helpers/story-files';

const story = projectStory();

describe('eventLinks', () => {
	const links = eventLinks(storyData(story).table, story.places);

	it.each([
		['dmitriev-washington', 'washington', 'moscow'],
		['prisoner-exchange', 'abu-dhabi', 'washington'],
		['prisoner-exchange', 'abu-dhabi', 'moscow'],
		['military-aid-pledge', 'brussels', 'ukraine']
	])('%s joins %s and %s', (event, from, to) => {
		expect(
			links.features.some(
				(l) => l.properties.event === event && l.properties.from === from && l.properties.to === to
			)
		).toBe(true);
	});

	it('draws great circles, bowing north of the straight line from Washington to Moscow', () => {
		const arc = links.features.find((l) => l.properties.event === 'dmitriev-washington')!;
		expect(arc.geometry.type).toBe('LineString');
		const coords = arc.geometry.type === 'LineString' ? arc.geometry.coordinates : [];
		const maxLat = Math.max(...coords.map((c) => c[1]!));
		expect(maxLat).toBeGreaterThan(60);
	});

	it('makes one link per other place, and none for single-place events', () => {
		const expected = story.events.reduce((n, e) => n + e.places.length, 0);
		expect(links.features).toHaveLength(expected);
	});
});

describe('countryOutlines', () => {
	const lookup = countryLookup(countries50m);
	const outlines = countryOutlines(story.places, lookup.outline);

	it('outlines the country-level places and nothing else', () => {
		expect(outlines.features.map((f) => f.properties.place).sort()).toEqual([
			'cyprus',
			'saudi-arabia',
			'ukraine'
		]);
	});

	it('skips a country the basemap lacks', () => {
		const places = [
			{
				id: 'x',
				name: 'X',
				kind: 'country' as const,
				country: 'ZZ',
				coordinates: [0, 0] as [number, number]
			}
		];
		expect(countryOutlines(places, lookup.outline).features).toEqual([]);
	});
});

describe('boundsOf', () => {
	it.each([
		[[], null],
		[[[1, 2]], [1, 2, 1, 2]],
		[
			[
				[-77, 38.9],
				[30.3, 59.9],
				[46.7, 24.7]
			],
			[-77, 24.7, 46.7, 59.9]
		]
	] as const)('%j → %j', (points, box) => {
		expect(boundsOf(points as unknown as [number, number][])).toEqual(box);
	});

	it("covers all of the story's places", () => {
		const [w, s, e, n] = boundsOf(story.places.map((p) => p.coordinates))!;
		for (const {
			coordinates: [lon, lat]
		} of story.places) {
			expect(lon >= w && lon <= e && lat >= s && lat <= n).toBe(true);
		}
	});
});
