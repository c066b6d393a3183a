import { describe, expect, it } from 'vitest';
import { aggregatePicture, tallyCounts } from '../../../src/lib/derive/aggregate-picture';
import type { Bounds } from '../../../src/lib/geo/bounds';
import type { LonLat } from '../../../src/lib/story/types';

const bounds: Bounds = [22, 44, 41, 53];
const at = (coordinates: LonLat) => ({ coordinates });

describe('aggregatePicture', () => {
	it('sums places that fall in one cell into one circle at their weighted centre', () => {
		const picture = aggregatePicture([at([30.5, 50.45]), at([30.51, 50.46])], [3, 1], bounds);
		expect(picture.dots).toHaveLength(1);
		expect(picture.dots[0]!.count).toBe(4);
		expect(picture.events).toBe(4);
	});

	it('keeps far places apart, the biggest first, circles by area', () => {
		const picture = aggregatePicture(
			[at([24, 49.8]), at([36.2, 50]), at([30.5, 50.45])],
			[100, 25, 0],
			bounds
		);
		expect(picture.dots.map((d) => d.count)).toEqual([100, 25]);
		expect(picture.dots[0]!.r / picture.dots[1]!.r).toBeCloseTo(2, 5);
	});

	it('draws a bounded number of circles whatever the number of places', () => {
		const places = Array.from({ length: 8000 }, (_, i) =>
			at([22 + (i % 100) * 0.19, 44 + Math.floor(i / 100) * 0.11])
		);
		const picture = aggregatePicture(places, new Int32Array(8000).fill(125), bounds);
		expect(picture.events).toBe(1_000_000);
		expect(picture.dots.length).toBeLessThan(600);
		expect(picture.dots.reduce((sum, d) => sum + d.count, 0)).toBe(1_000_000);
	});
});

describe('tallyCounts: the places’ counts by the date, in the places’ order', () => {
	const tally = (n: number) => ({ count: n, current: false, category: null });
	it.each([
		{ name: 'no place has an event yet', entries: [], counts: [0, 0, 0] },
		{
			name: 'some places',
			entries: [
				['b', tally(4)],
				['a', tally(1)]
			] as const,
			counts: [1, 4, 0]
		},
		{
			name: 'an id the story does not have',
			entries: [['z', tally(9)]] as const,
			counts: [0, 0, 0]
		}
	])('$name', ({ entries, counts }) => {
		const places = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect([...tallyCounts(places, new Map(entries))]).toEqual(counts);
	});
});
