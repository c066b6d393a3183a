import type { FeatureCollection, Point } from 'geojson';
import type { Links } from '../geo/links';
import type { Outlines } from '../geo/outlines';
import type { Story } from '../story/types';

export interface PlaceFeatureProperties {
	id: string;
	name: string;
	/** Events in the whole story, for label priority. */
	total: number;
}

/**
 * The story's places as a GeoJSON source. Feature ids are indexes into story.places, because
 * feature-state needs numeric ids; properties carry only what layout needs, since what changes
 * with time lives in feature-state.
 */
export function placeFeatures(
	story: Pick<Story, 'places' | 'events'>
): FeatureCollection<Point, PlaceFeatureProperties> {
	const totals = new Map<string, number>();
	for (const e of story.events) totals.set(e.place, (totals.get(e.place) ?? 0) + 1);
	return {
		type: 'FeatureCollection',
		features: story.places.map((place, index) => ({
			type: 'Feature',
			id: index,
			geometry: { type: 'Point', coordinates: place.coordinates },
			properties: { id: place.id, name: place.name, total: totals.get(place.id) ?? 0 }
		}))
	};
}

/** Everything the story draws, derived once from the validated story. */
export interface StoryLayers {
	places: FeatureCollection<Point, PlaceFeatureProperties>;
	links: Links;
	outlines: Outlines;
}
