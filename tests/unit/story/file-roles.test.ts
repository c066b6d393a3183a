import { describe, expect, it } from 'vitest';
import { roleOf } from '../../../src/lib/story/file-roles';

describe('roleOf', () => {
	it.each([
		['geodata/article.txt', 'article'],
		['events.geojson', 'events'],
		['places.geojson', 'places'],
		['my-places.json', 'places'],
		['stories/draft/away-from-place.events.geojson', 'events'],
		['swapped.places.geojson', 'places'],
		['C:\\stories\\Places.GeoJSON', 'places'],
		['story.geojson', 'events']
	] as const)('%s is the %s', (path, role) => {
		expect(roleOf(path)).toBe(role);
	});
});
