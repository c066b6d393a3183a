import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Place } from '../story/types';
import type { CountryFeature } from './basemap';

export type Outlines = FeatureCollection<Polygon | MultiPolygon, { place: string; name: string }>;

/**
 * The country shape of each country-level place ("Saudi Arabia", "Cyprus"): such a place is the
 * whole country, so it is drawn as one, with its pin at the capital.
 */
export function countryOutlines(
	places: readonly Place[],
	outline: (iso2: string) => CountryFeature | undefined
): Outlines {
	const features: Outlines['features'] = [];
	for (const place of places) {
		if (place.kind !== 'country' || !place.country) continue;
		const country = outline(place.country);
		if (!country) continue;
		features.push({
			type: 'Feature',
			id: features.length,
			geometry: country.geometry,
			properties: { place: place.id, name: place.name }
		});
	}
	return { type: 'FeatureCollection', features };
}
