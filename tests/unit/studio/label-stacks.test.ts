import { describe, expect, it } from 'vitest';
import { labelStacks } from '../../../src/lib/studio/label-stacks';
import type { StudioPlace } from '../../../src/lib/studio/project';

const at = (id: string, lon: number, lat: number): StudioPlace => ({
	id,
	name: id,
	kind: 'city',
	coordinates: [lon, lat]
});

describe('labelStacks', () => {
	it.each([
		['one place', [at('a', 1, 1)], { a: 0 }],
		['two apart', [at('a', 1, 1), at('b', 2, 2)], { a: 0, b: 0 }],
		[
			'three at one point, one apart',
			[
				at('washington', -77, 38.9),
				at('united-states', -77, 38.9),
				at('x', 0, 0),
				at('us', -77, 38.9)
			],
			{ washington: 0, 'united-states': 1, x: 0, us: 2 }
		]
	])('%s', (_, places, expected) => {
		expect(Object.fromEntries(labelStacks(places))).toEqual(expected);
	});
});
