import { describe, expect, it } from 'vitest';
import { placeFeature } from '../../../src/lib/story/place-feature';
import type { Place } from '../../../src/lib/story/types';

describe('placeFeature', () => {
	it.each<[string, Place & Record<string, unknown>, Record<string, unknown>]>([
		[
			'a city with its country',
			{ id: 'kyiv', name: 'Kyiv', kind: 'city', country: 'UA', coordinates: [30.52, 50.45] },
			{ id: 'kyiv', name: 'Kyiv', kind: 'city', country: 'UA' }
		],
		[
			'a sea, with no country',
			{ id: 'black-sea', name: 'Black Sea', kind: 'sea', coordinates: [34, 43] },
			{ id: 'black-sea', name: 'Black Sea', kind: 'sea' }
		],
		[
			'a studio place, its own fields left behind',
			{
				id: 'x',
				name: 'Springfield',
				kind: 'city',
				country: 'US',
				coordinates: [-89.6, 39.8],
				unsure: { chosen: 'city in Illinois, US', others: [] }
			},
			{ id: 'x', name: 'Springfield', kind: 'city', country: 'US' }
		]
	])('%s', (_, place, properties) => {
		expect(placeFeature(place)).toEqual({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: place.coordinates },
			properties
		});
	});
});
