import type { FeatureCollection, Point } from 'geojson';
import type { Place } from '../story/types';
import { placeRadiusScale } from '../scales/category';
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
 * total (the events there or joining it, as its details count them) and its circle's radius on the
 * story's scale; without it, none.
 */
export function placeFeatures(places: readonly Place[], byPlace?: PlaceRows): PlaceFeatures {
	const totals = places.map((_, p) =>
		byPlace ? byPlace.offsets[p + 1]! - byPlace.offsets[p]! : 0
	);
	// A loop, not a spread: a story may have hundreds of thousands of places.
	let most = 0;
	for (const total of totals) most = Math.max(most, total);
	const radius = placeRadiusScale(most);
	return {
		type: 'FeatureCollection',
		features: places.map((place, p) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: place.coordinates },
			properties: {
				id: place.id,
				name: place.name,
				total: totals[p]!,
				radius: byPlace ? radius(totals[p]!) : 0
			}
		}))
	};
}
