/**
 * The gazetteer as the studio loads it: a compact JSON file (static/generated/gazetteer.json,
 * built by scripts/build-gazetteer.ts) turned into an index from a name's first word to the names
 * that start with it. Pure and DOM-free, so it runs in a page, a Web Worker or Node alike.
 */
import { nameKey } from './text';

export const GAZETTEER_FORMAT = 'story-atlas-gazetteer';
export const GAZETTEER_VERSION = 1;

/** Kinds as stored in the file (numbers keep 25,000 rows small). */
export const KIND_CODES = ['city', 'country', 'region', 'sea'] as const;
export type GazetteerKind = (typeof KIND_CODES)[number];

export const FLAG_CAPITAL = 1;
export const FLAG_ADMIN_SEAT = 2;
export const FLAG_COMMON_WORD = 4;

/** How a name refers to its place. */
export const NAME_TYPES = ['name', 'alias', 'demonym', 'seat', 'abbreviation'] as const;
export type NameType = (typeof NAME_TYPES)[number];

/** [name, lon, lat, ISO2 or "" for seas, kind code, population, flags, admin code] */
export type PlaceRow = [string, number, number, string, number, number, number, string];
/** [extra name, index into places, index into NAME_TYPES] */
export type NameRow = [string, number, number];

export interface GazetteerFile {
	format: typeof GAZETTEER_FORMAT;
	version: number;
	credit: string;
	places: PlaceRow[];
	names: NameRow[];
}

export interface GazetteerPlace {
	index: number;
	name: string;
	lon: number;
	lat: number;
	/** ISO 3166-1 alpha-2; "" for seas. */
	country: string;
	kind: GazetteerKind;
	population: number;
	capital: boolean;
	adminSeat: boolean;
	commonWord: boolean;
	/** US state code for cities and states, else GeoNames' admin code. */
	admin: string;
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
	/** First normalised word → every name starting with it, longest first. */
	byFirstWord: ReadonlyMap<string, readonly NameEntry[]>;
	/** The country-level place of an ISO code. */
	countryOf(iso2: string): GazetteerPlace | undefined;
}

function isRow(value: unknown, length: number): value is unknown[] {
	return Array.isArray(value) && value.length === length;
}

/** Throws a one-line Error naming what is wrong when the JSON is not a gazetteer file. */
export function parseGazetteer(json: unknown): Gazetteer {
	if (typeof json !== 'object' || json === null) throw new Error('gazetteer: not a JSON object');
	const file = json as Partial<GazetteerFile>;
	if (file.format !== GAZETTEER_FORMAT || file.version !== GAZETTEER_VERSION) {
		throw new Error(
			`gazetteer: expected format "${GAZETTEER_FORMAT}" version ${GAZETTEER_VERSION}; rebuild it with npm run prepare:gazetteer`
		);
	}
	if (!Array.isArray(file.places) || !Array.isArray(file.names)) {
		throw new Error('gazetteer: "places" and "names" must be lists');
	}
	const places: GazetteerPlace[] = file.places.map((row: unknown, index) => {
		if (!isRow(row, 8)) throw new Error(`gazetteer: place row ${index} is malformed`);
		const [name, lon, lat, country, kind, population, flags, admin] = row as PlaceRow;
		return {
			index,
			name,
			lon,
			lat,
			country,
			kind: KIND_CODES[kind] ?? 'city',
			population,
			capital: (flags & FLAG_CAPITAL) !== 0,
			adminSeat: (flags & FLAG_ADMIN_SEAT) !== 0,
			commonWord: (flags & FLAG_COMMON_WORD) !== 0,
			admin
		};
	});
	const byFirstWord = new Map<string, NameEntry[]>();
	const add = (written: string, place: GazetteerPlace, type: NameType) => {
		const words = nameKey(written);
		const first = words[0];
		if (first === undefined) return;
		let list = byFirstWord.get(first);
		if (!list) byFirstWord.set(first, (list = []));
		list.push({ words, written, place, type });
	};
	for (const place of places) add(place.name, place, 'name');
	file.names.forEach((row: unknown, index) => {
		if (!isRow(row, 3)) throw new Error(`gazetteer: name row ${index} is malformed`);
		const [written, placeIndex, type] = row as NameRow;
		const place = places[placeIndex];
		const nameType = NAME_TYPES[type];
		if (!place || !nameType) throw new Error(`gazetteer: name row ${index} points nowhere`);
		add(written, place, nameType);
	});
	for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
	const countries = new Map(
		places.filter((p) => p.kind === 'country').map((p) => [p.country, p] as const)
	);
	return {
		credit: typeof file.credit === 'string' ? file.credit : '',
		places,
		byFirstWord,
		countryOf: (iso2) => countries.get(iso2)
	};
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
