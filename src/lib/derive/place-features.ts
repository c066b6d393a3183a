import type { FeatureCollection, Point } from 'geojson';
import type { Place } from '../story/types';
import type { PlaceRows } from './place-rows';

export interface PlaceFeatureProperties {
	id: string;
	name: string;
	/** Events in the whole story, for label priority and the circle scale's domain. */
	total: number;
	/** The circle's radius in pixels with every event shown: the room labels keep clear of. */
	radius: number;
}

export type PlaceFeatures = FeatureCollection<Point, PlaceFeatureProperties>;

/**
 * The story's places as a GeoJSON source, place p of the table as feature p. The map promotes `id`
 * to the feature id, so feature-state is keyed by the place's own id; properties carry only what
 * layout needs, since what changes with time lives in feature-state. `byPlace` gives each place's
 * total: the events there or joining it, as its details count them; without it, none.
 */
export function placeFeatures(places: readonly Place[], byPlace?: PlaceRows): PlaceFeatures {
	return {
		type: 'FeatureCollection',
		features: places.map((place, p) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: place.coordinates },
			properties: {
				id: place.id,
				name: place.name,
				total: byPlace ? byPlace.offsets[p + 1]! - byPlace.offsets[p]! : 0,
				radius: 0
			}
		}))
	};
}
