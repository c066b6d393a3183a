import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { Countries } from '../../src/lib/geo/basemap';
import { storyCountryLookup, type StoryCountryLookup } from '../../src/lib/geo/countries';
import { countriesFromTopology, type IsoCodeRows } from './basemap';

const require = createRequire(import.meta.url);

function readJson<T>(specifier: string): T {
	return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

/**
 * Natural Earth countries at 1:110m (the basemap) or 1:50m (sharper, for build-time work such as
 * the gazetteer's countries; never for checking a story, see shippedBasemap).
 */
export function naturalEarthCountries(
	scale: '110m' | '50m',
	digits = scale === '50m' ? 4 : 3
): Countries {
	const topology = readJson<Topology>(`world-atlas/countries-${scale}.json`);
	const codes = readJson<IsoCodeRows>('i18n-iso-countries/codes.json');
	return countriesFromTopology(topology, codes, digits);
}

/** Two decimals (about 1 km) is finer than Natural Earth's 1:110m lines themselves. */
const BASEMAP_DIGITS = 2;

/**
 * The basemap exactly as the atlas receives it: prepare-static writes this to
 * static/generated/countries.geojson, and check:data checks stories against it, so the two can
 * never disagree about a place.
 */
export function shippedBasemap(): Countries {
	return naturalEarthCountries('110m', BASEMAP_DIGITS);
}

/** The country check of `npm run check:data`: the atlas's own, on the basemap the atlas ships. */
export function shippedCountryLookup(): StoryCountryLookup {
	return storyCountryLookup(shippedBasemap());
}
