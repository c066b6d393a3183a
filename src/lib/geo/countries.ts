import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { CountryLookup } from '../story/country-lookup';
import type { LonLat } from '../story/types';
import type { CountryFeature, Countries } from './basemap';

/**
 * Natural Earth outlines by ISO code. `toleranceKm` forgives coarse coastlines: at 1:110m a port
 * like Abu Dhabi can sit just offshore, while a swapped or mistyped point misses by hundreds of km.
 */
export function countryLookup(
	countries: Countries,
	toleranceKm = 0
): CountryLookup & {
	outline(iso2: string): CountryFeature | undefined;
} {
	const byIso = new Map<string, CountryFeature>();
	for (const country of countries.features) {
		if (country.properties.iso2) byIso.set(country.properties.iso2, country);
	}
	return {
		has: (iso2) => byIso.has(iso2),
		outline: (iso2) => byIso.get(iso2),
		contains(iso2, point: LonLat) {
			const country = byIso.get(iso2);
			if (!country) return false;
			if (booleanPointInPolygon(point, country)) return true;
			if (toleranceKm <= 0 || Math.abs(point[1]) > 90) return false;
			return pointToPolygonDistance(point, country, { units: 'kilometers' }) <= toleranceKm;
		}
	};
}

/**
 * Coarse 1:110m coastlines put some ports just offshore (Abu Dhabi, Suva), while a swapped or
 * mistyped point misses by hundreds of km.
 */
export const COASTLINE_SLACK_KM = 25;

/**
 * The one country check of "is this story valid": the atlas, the studio, `npm run check:data`
 * and the build all ask it, of the basemap the atlas ships (Natural Earth 1:110m, see
 * scripts/lib/natural-earth.ts). A second, sharper map for the CLI once let places on small
 * islands pass there and fail in the atlas.
 */
export function storyCountryLookup(countries: Countries) {
	return countryLookup(countries, COASTLINE_SLACK_KM);
}

export type StoryCountryLookup = ReturnType<typeof storyCountryLookup>;
