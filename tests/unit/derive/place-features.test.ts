import { describe, expect, it } from 'vitest';
import { placeFeatures } from '../../../src/lib/derive/place-features';
import type { PlaceRows } from '../../../src/lib/derive/place-rows';
import { placeRadiusScale } from '../../../src/lib/scales/category';
import type { Place } from '../../../src/lib/story/types';

const place = (id: string): Place => ({
	id,
	name: id.toUpperCase(),
	kind: 'city',
	coordinates: [0, 0]
});
/** Place rows with `counts[p]` rows at place p (the rows themselves do not matter here). */
const rows = (counts: number[]): PlaceRows => {
	const offsets = new Int32Array(counts.length + 1);
	counts.forEach((n, p) => (offsets[p + 1] = offsets[p]! + n));
	return { offsets } as unknown as PlaceRows;
};

describe('placeFeatures', () => {
	it.each([
		{ name: 'one place', counts: [3] },
		{ name: 'a big and a small place', counts: [40, 1] },
		{ name: 'a place no event names', counts: [0, 5, 2] }
	])('$name: each total from its rows, each radius on the story’s own scale', ({ counts }) => {
		const places = counts.map((_, p) => place(`p${p}`));
		const { features } = placeFeatures(places, rows(counts));
		const radius = placeRadiusScale(Math.max(...counts));
		expect(features.map((f) => f.properties)).toEqual(
			counts.map((n, p) => ({ id: `p${p}`, name: `P${p}`, total: n, radius: radius(n) }))
		);
	});

	it('without rows (the studio’s map), no totals and no radius', () => {
		const { features } = placeFeatures([place('a')]);
		expect(features[0]!.properties).toEqual({ id: 'a', name: 'A', total: 0, radius: 0 });
	});
});
