/**
 * A gazetteer of a handful of places, written by hand, for stage tests that should not load the
 * full build: two countries, a state, a county and a few towns, with their hierarchy.
 */
import {
	GAZETTEER_FORMAT,
	GAZETTEER_VERSION,
	LEVELS,
	NAME_FIELDS,
	PLACE_FIELDS,
	parseGazetteer,
	type Gazetteer,
	type GazetteerPlace,
	type PlaceLevel,
	type PlaceRow
} from '../../src/lib/draft/gazetteer/gazetteer';

type Row = [
	name: string,
	lon: number,
	lat: number,
	country: string,
	level: PlaceLevel,
	parent: string
];

const ROWS: Row[] = [
	['Ukraine', 31.2, 48.4, 'UA', 'country', ''],
	['Dnipropetrovsk Oblast', 34.9, 48.4, 'UA', 'state', 'Ukraine'],
	['Kryvyi Rih', 33.4, 47.9, 'UA', 'city', 'Dnipropetrovsk Oblast'],
	['Kyiv', 30.5, 50.5, 'UA', 'city', 'Ukraine'],
	['United States', -77.0, 38.9, 'US', 'country', ''],
	['Georgia', -83.5, 32.7, 'US', 'state', 'United States'],
	['Bibb County', -83.7, 32.8, 'US', 'county', 'Georgia'],
	['Macon', -83.6, 32.8, 'US', 'city', 'Bibb County'],
	['Atlanta', -84.4, 33.7, 'US', 'city', 'Georgia']
];

export const fixtureGazetteer: Gazetteer = parseGazetteer({
	format: GAZETTEER_FORMAT,
	version: GAZETTEER_VERSION,
	credit: 'hand-written test fixture',
	fields: { places: PLACE_FIELDS, names: NAME_FIELDS },
	places: ROWS.map(([name, lon, lat, country, level, parent]): PlaceRow => [
		name,
		lon,
		lat,
		country,
		LEVELS.indexOf(level),
		100_000,
		ROWS.findIndex((r) => r[0] === parent),
		0
	]),
	// Each place is found by its own name; no other names are needed here.
	names: []
});

/** The fixture's place of that name; throws on a typo. */
export function fixturePlace(name: string): GazetteerPlace {
	const place = fixtureGazetteer.places.find((p) => p.name === name);
	if (!place) throw new Error(`no fixture place "${name}"`);
	return place;
}
