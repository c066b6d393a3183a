import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { Countries } from '../../src/lib/geo/basemap';
import { countriesFromTopology, type IsoCodeRows } from './basemap';

const require = createRequire(import.meta.url);

function readJson<T>(specifier: string): T {
	return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

/** Natural Earth countries at 1:110m (the basemap) or 1:50m (the sharper check of coordinates). */
export function naturalEarthCountries(
	scale: '110m' | '50m',
	digits = scale === '50m' ? 4 : 3
): Countries {
	const topology = readJson<Topology>(`world-atlas/countries-${scale}.json`);
	const codes = readJson<IsoCodeRows>('i18n-iso-countries/codes.json');
	return countriesFromTopology(topology, codes, digits);
}
