import { describe, expect, it } from 'vitest';
import { categoriesInUse, eventsByPlace, involves } from '../../../src/lib/derive/place-events';
import type { Category } from '../../../src/lib/story/schema';

const events = [
	{ id: 'a', place: 'kyiv', places: [], category: 'war' as Category },
	{
		id: 'b',
		place: 'abu-dhabi',
		places: ['washington', 'moscow'],
		category: 'exchange' as Category
	},
	{ id: 'c', place: 'washington', places: ['washington'], category: 'statement' as Category }
];

describe('place events', () => {
	it.each([
		['kyiv', ['a']],
		['washington', ['b', 'c']],
		['moscow', ['b']],
		['london', []]
	])('events involving %s: %j', (place, ids) => {
		expect((eventsByPlace(events).get(place) ?? []).map((e) => e.id)).toEqual(ids);
		expect(events.filter((e) => involves(e, place)).map((e) => e.id)).toEqual(ids);
	});

	it('lists categories in the fixed legend order, once each', () => {
		expect(categoriesInUse(events)).toEqual(['war', 'statement', 'exchange']);
		expect(categoriesInUse([])).toEqual([]);
	});
});
