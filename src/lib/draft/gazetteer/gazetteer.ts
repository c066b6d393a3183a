/**
 * The gazetteer as the draft engine queries it. The file (static/generated/gazetteer.json, built
 * by scripts/build-gazetteer.ts from GeoNames, Natural Earth, the US Census and the tables in
 * geodata/gazetteer/) holds places with named fields and a hierarchy (country → state → county or
 * town), and the other names they go by. Stages ask it questions (`startingWith`, `candidates`,
 * `search`, `parent`, `contains`) and never read its index. Pure and DOM-free, so it runs in the
 * studio's worker and in Node alike.
 */
import type { PlaceKind } from '../../story/schema';
import { nameKey } from '../text';

export const GAZETTEER_FORMAT = 'story-atlas-gazetteer';
export const GAZETTEER_VERSION = 2;

/** Where a place sits in the hierarchy; each maps to one of the story format's kinds. */
export const LEVELS = ['country', 'state', 'county', 'city', 'continent', 'region', 'sea'] as const;
export type PlaceLevel = (typeof LEVELS)[number];

const KIND_OF_LEVEL: Record<PlaceLevel, PlaceKind> = {
	country: 'country',
	state: 'region',
	county: 'region',
	city: 'city',
	continent: 'region',
	region: 'region',
	sea: 'sea'
};

export const FLAG_CAPITAL = 1;
export const FLAG_ADMIN_SEAT = 2;
/** A one-word name that is also an English word ("Hope", "Mobile", "Union"). */
export const FLAG_COMMON_WORD = 4;

/**
 * How a name refers to its place. A `code` ("KY", "AB") names a state only right after a place
 * and a comma ("Paris, KY"); an `abbreviation` ("Ky.", "B.C.", "UAE") must match letter for letter.
 */
export const NAME_TYPES = ['name', 'alias', 'demonym', 'seat', 'abbreviation', 'code'] as const;
export type NameType = (typeof NAME_TYPES)[number];

export const PLACE_FIELDS = [
	'name',
	'lon',
	'lat',
	'country',
	'level',
	'population',
	'parent',
	'flags'
] as const;
export const NAME_FIELDS = ['name', 'place', 'type'] as const;

/** A place row, in PLACE_FIELDS order: level and type are indexes, parent is a row index or -1. */
export type PlaceRow = [string, number, number, string, number, number, number, number];
/** A name row, in NAME_FIELDS order. */
export type NameRow = [string, number, number];

export interface GazetteerFile {
	format: typeof GAZETTEER_FORMAT;
	version: number;
	credit: string;
	fields: { places: readonly string[]; names: readonly string[] };
	places: PlaceRow[];
	names: NameRow[];
}

export interface GazetteerPlace {
	index: number;
	name: string;
	lon: number;
	lat: number;
	/** ISO 3166-1 alpha-2; "" for seas and regions beyond one country. */
	country: string;
	level: PlaceLevel;
	kind: PlaceKind;
	population: number;
	/** The state a town or county is in, the country a state is in. */
	parent: GazetteerPlace | undefined;
	capital: boolean;
	adminSeat: boolean;
	commonWord: boolean;
}

export interface NameEntry {
	/** Normalised words of the name. */
	words: string[];
	/** As written in the gazetteer (abbreviations must match it exactly). */
	written: string;
	place: GazetteerPlace;
	type: NameType;
}

export interface Gazetteer {
	credit: string;
	places: readonly GazetteerPlace[];
	/** Every name whose first normalised word is `word`, longest first. */
	startingWith(word: string): readonly NameEntry[];
	/** The entries of exactly this name ("Paris": every Paris). */
	candidates(name: string): NameEntry[];
	/** Names each of whose typed words begins a word of the name, biggest places first. */
	search(query: string, limit?: number): NameEntry[];
	parent(place: GazetteerPlace): GazetteerPlace | undefined;
	/** Whether `inner` lies in `outer`, anywhere up the hierarchy (a town in its state or country). */
	contains(outer: GazetteerPlace, inner: GazetteerPlace): boolean;
	/** The country-level place of an ISO code. */
	countryOf(iso2: string): GazetteerPlace | undefined;
}

function isRow(value: unknown, length: number): value is unknown[] {
	return Array.isArray(value) && value.length === length;
}

const sameFields = (a: unknown, b: readonly string[]) =>
	Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/** Throws a one-line Error naming what is wrong when the JSON is not a gazetteer file. */
export function parseGazetteer(json: unknown): Gazetteer {
	if (typeof json !== 'object' || json === null) throw new Error('gazetteer: not a JSON object');
	const file = json as Partial<GazetteerFile>;
	if (file.format !== GAZETTEER_FORMAT || file.version !== GAZETTEER_VERSION) {
		throw new Error(
			`gazetteer: expected format "${GAZETTEER_FORMAT}" version ${GAZETTEER_VERSION}; rebuild it with npm run prepare:gazetteer`
		);
	}
	if (
		!sameFields(file.fields?.places, PLACE_FIELDS) ||
		!sameFields(file.fields?.names, NAME_FIELDS)
	) {
		throw new Error(
			`gazetteer: expected fields ${PLACE_FIELDS.join(',')} and ${NAME_FIELDS.join(',')}`
		);
	}
	if (!Array.isArray(file.places) || !Array.isArray(file.names)) {
		throw new Error('gazetteer: "places" and "names" must be lists');
	}
	const rows = file.places;
	const places: GazetteerPlace[] = rows.map((row: unknown, index) => {
		if (!isRow(row, PLACE_FIELDS.length))
			throw new Error(`gazetteer: place row ${index} is malformed`);
		const [name, lon, lat, country, level, population, , flags] = row as PlaceRow;
		const placeLevel = LEVELS[level];
		if (placeLevel === undefined) throw new Error(`gazetteer: place row ${index} has no level`);
		return {
			index,
			name,
			lon,
			lat,
			country,
			level: placeLevel,
			kind: KIND_OF_LEVEL[placeLevel],
			population,
			parent: undefined,
			capital: (flags & FLAG_CAPITAL) !== 0,
			adminSeat: (flags & FLAG_ADMIN_SEAT) !== 0,
			commonWord: (flags & FLAG_COMMON_WORD) !== 0
		};
	});
	rows.forEach((row, index) => {
		const parent = (row as PlaceRow)[6];
		if (parent >= 0) places[index]!.parent = places[parent];
	});

	const byFirstWord = new Map<string, NameEntry[]>();
	const byKey = new Map<string, NameEntry[]>();
	const add = (written: string, place: GazetteerPlace, type: NameType) => {
		const words = nameKey(written);
		const first = words[0];
		if (first === undefined) return;
		const entry = { words, written, place, type };
		let list = byFirstWord.get(first);
		if (!list) byFirstWord.set(first, (list = []));
		list.push(entry);
		const key = words.join(' ');
		let same = byKey.get(key);
		if (!same) byKey.set(key, (same = []));
		same.push(entry);
	};
	for (const place of places) add(place.name, place, 'name');
	file.names.forEach((row: unknown, index) => {
		if (!isRow(row, NAME_FIELDS.length))
			throw new Error(`gazetteer: name row ${index} is malformed`);
		const [written, placeIndex, type] = row as NameRow;
		const place = places[placeIndex];
		const nameType = NAME_TYPES[type];
		if (!place || !nameType) throw new Error(`gazetteer: name row ${index} points nowhere`);
		add(written, place, nameType);
	});
	for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
	const countries = new Map(
		places.filter((p) => p.level === 'country').map((p) => [p.country, p] as const)
	);
	const contains = (outer: GazetteerPlace, inner: GazetteerPlace) => {
		if (outer === inner) return false;
		if (outer.level === 'country') return outer.country !== '' && inner.country === outer.country;
		for (let p = inner.parent; p; p = p.parent) if (p === outer) return true;
		return false;
	};
	return {
		credit: typeof file.credit === 'string' ? file.credit : '',
		places,
		startingWith: (word) => byFirstWord.get(word) ?? [],
		candidates: (name) => [...(byKey.get(nameKey(name).join(' ')) ?? [])],
		search: (query, limit = 8) => search(byFirstWord, query, limit),
		parent: (place) => place.parent,
		contains,
		countryOf: (iso2) => countries.get(iso2)
	};
}

/** Countries first; then size, where a capital counts double (Nicosia before a bigger namesake),
 * and a state, region or sea counts as a city of a million, a county as one of 50,000. */
const searchRank = ({ place }: NameEntry) => {
	if (place.level === 'country') return 1e12;
	if (place.level === 'county') return 5e4;
	if (place.level !== 'city') return 1e6;
	return place.population * (place.capital ? 2 : 1);
};

function search(
	byFirstWord: ReadonlyMap<string, readonly NameEntry[]>,
	query: string,
	limit: number
): NameEntry[] {
	const words = nameKey(query.slice(0, 100));
	if (words.length === 0) return [];
	const seen = new Set<number>();
	const hits: NameEntry[] = [];
	for (const [first, entries] of byFirstWord) {
		if (!first.startsWith(words[0]!)) continue;
		for (const entry of entries) {
			if (entry.type === 'demonym' || entry.type === 'code' || seen.has(entry.place.index))
				continue;
			if (!words.every((w, i) => entry.words[i]?.startsWith(w))) continue;
			seen.add(entry.place.index);
			hits.push(entry);
		}
	}
	return hits.sort((a, b) => searchRank(b) - searchRank(a)).slice(0, limit);
}

/**
 * Fetches and parses the built gazetteer (static/generated/gazetteer.json). The caller gives the
 * URL, which depends on where the app is served from; `fetcher` is there for tests and workers.
 */
export async function fetchGazetteer(
	url: string,
	fetcher: (
		url: string
	) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }> = fetch
): Promise<Gazetteer> {
	const response = await fetcher(url);
	if (!response.ok) throw new Error(`gazetteer: ${url} answered ${response.status}`);
	return parseGazetteer(await response.json());
}
