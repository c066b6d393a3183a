/**
 * The importer's CountryIndex built from a basemap already in memory: the studio's worker has the
 * atlas's own countries.geojson, the CLI reads the same file from disk (shippedBasemap). Pure, so
 * it runs in a worker.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import type { Countries } from '../geo/basemap';
import { COASTLINE_SLACK_KM, storyCountryLookup } from '../geo/countries';
import type { CountryIndex } from './country-index';
import { own } from './own';

// The browser entry of i18n-iso-countries ships no names; Node's registers them all. Either way
// English is what datasets write.
countries.registerLocale(en);

/** Names datasets use that i18n-iso-countries does not know (ACLED's spellings). */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
	'democratic republic of congo': 'CD',
	'democratic republic of the congo': 'CD',
	'republic of congo': 'CG',
	'ivory coast': 'CI',
	eswatini: 'SZ',
	'czech republic': 'CZ',
	palestine: 'PS',
	'north macedonia': 'MK',
	'bosnia and herzegovina': 'BA',
	'east timor': 'TL',
	'cape verde': 'CV',
	micronesia: 'FM',
	'united states': 'US',
	'united kingdom': 'GB'
};

export function countryIndex(basemap: Countries): CountryIndex {
	const lookup = storyCountryLookup(basemap);
	const outlines = basemap.features
		.filter((feature) => feature.properties.iso2)
		.map((feature) => ({ feature, box: bbox(feature) }));
	const basemapNames = new Map(
		basemap.features
			.filter((f) => f.properties.iso2)
			.map((f) => [f.properties.name.trim().toLowerCase(), f.properties.iso2] as const)
	);
	return {
		has: (iso2) => lookup.has(iso2),
		contains: (iso2, point) => lookup.contains(iso2, point),
		at(point) {
			const [lon, lat] = point;
			for (const { feature, box } of outlines) {
				if (lon < box[0] || lat < box[1] || lon > box[2] || lat > box[3]) continue;
				if (booleanPointInPolygon(point, feature)) return feature.properties.iso2;
			}
			// A port just off a 1:110m coastline (Odesa, Abu Dhabi) is in its country with the
			// validator's slack; the boxes grow by that much (in degrees of longitude at this latitude).
			const dLat = COASTLINE_SLACK_KM / 111;
			const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
			for (const { feature, box } of outlines) {
				if (
					lon < box[0] - dLon ||
					lat < box[1] - dLat ||
					lon > box[2] + dLon ||
					lat > box[3] + dLat
				)
					continue;
				if (lookup.contains(feature.properties.iso2, point)) return feature.properties.iso2;
			}
			return null;
		},
		byName(name) {
			const key = name.trim().toLowerCase();
			return (
				own(COUNTRY_ALIASES, key) ??
				countries.getAlpha2Code(name.trim(), 'en') ??
				basemapNames.get(key) ??
				null
			);
		},
		byNumeric(code) {
			return countries.numericToAlpha2(code.trim().padStart(3, '0')) ?? null;
		}
	};
}
