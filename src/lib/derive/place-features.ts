import type { FeatureCollection, Point } from 'geojson';
import type { Story } from '../story/types';

export interface PlaceFeatureProperties {
	id: string;
	name: string;
	/** Events in the whole story, for label priority and the circle scale's domain. */
	total: number;
}

export type PlaceFeatures = FeatureCollection<Point, PlaceFeatureProperties>;

/**
 * The story's places as a GeoJSON source. The map promotes `id` to the feature id, so
 * feature-state is keyed by the place's own id; properties carry only what layout needs, since
 * what changes with time lives in feature-state.
 */
export function placeFeatures(story: Pick<Story, 'places' | 'events'>): PlaceFeatures {
	const totals = new Map<string, number>();
	for (const e of story.events) totals.set(e.place, (totals.get(e.place) ?? 0) + 1);
	return {
		type: 'FeatureCollection',
		features: story.places.map((place) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: place.coordinates },
			properties: { id: place.id, name: place.name, total: totals.get(place.id) ?? 0 }
		}))
	};
}
