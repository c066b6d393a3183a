/** Small event tables for the columnar tests, built the way a writer builds them. */
import { encodeIds } from '../../src/lib/story/table-builder';
import type { EventTable } from '../../src/lib/story/event-table';
import type { EventText, TableMeta } from '../../src/lib/story/columnar/layout';
import { parseIsoDate } from '../../src/lib/story/dates';
import { type Place } from '../../src/lib/story/types';
import { CATEGORIES } from '../../src/lib/story/schema';

export interface Row {
	id: string;
	lon: number;
	lat: number;
	start: string;
	end?: string;
	category: string;
	place: string;
	row: number;
}

const day = (text: string) => {
	const value = parseIsoDate(text);
	if (value === null) throw new Error(`bad test date ${text}`);
	return value;
};

/** A table of `rows` in the order given; categories are the format's, places those named. */
export function tableOf(
	rows: readonly Row[],
	{
		categories = [...CATEGORIES] as string[],
		places
	}: { categories?: string[]; places?: string[] } = {}
): EventTable {
	const placeWords = places ?? [...new Set(rows.map((r) => r.place))];
	return {
		length: rows.length,
		lon: Float64Array.from(rows, (r) => r.lon),
		lat: Float64Array.from(rows, (r) => r.lat),
		start: Int32Array.from(rows, (r) => day(r.start)),
		end: Int32Array.from(rows, (r) => day(r.end ?? r.start)),
		category: Uint8Array.from(rows, (r) => categories.indexOf(r.category)),
		categories,
		place: Int32Array.from(rows, (r) => placeWords.indexOf(r.place)),
		places: placeWords,
		row: Int32Array.from(rows, (r) => r.row),
		otherOffsets: new Int32Array(rows.length + 1),
		otherPlaces: new Int32Array(0),
		...encodeIds(rows.map((r) => r.id))
	};
}

export const KYIV = { lon: 30.5234, lat: 50.4501, place: 'kyiv' };
export const KHARKIV = { lon: 36.2304, lat: 49.9935, place: 'kharkiv' };

/** Three good rows, sorted by start, end and id. */
export const ROWS: Row[] = [
	{ id: 'ukr1', ...KYIV, start: '2025-04-01', category: 'strike', row: 2 },
	{ id: 'ukr2', ...KHARKIV, start: '2025-04-01', end: '2025-04-07', category: 'war', row: 3 },
	{ id: 'ukr10', ...KYIV, start: '2025-04-03', category: 'statement', row: 4 }
];

export const META: TableMeta = {
	title: 'Imported from acled.csv',
	published: '2025-04-12',
	origin: 'acled.csv, an ACLED export',
	rows: null,
	chunks: []
};

export const PLACES: Place[] = [
	{ id: 'kyiv', name: 'Kyiv', kind: 'city', country: 'UA', coordinates: [30.5234, 50.4501] },
	{ id: 'kharkiv', name: 'Kharkiv', kind: 'city', country: 'UA', coordinates: [36.2304, 49.9935] }
];

/** places.geojson for PLACES. */
export const PLACES_GEOJSON = JSON.stringify({
	type: 'FeatureCollection',
	features: PLACES.map(({ coordinates, ...properties }) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates },
		properties
	}))
});

/** The words of an event, as the importer writes them. */
export function textOf(id: string, row: number): EventText {
	return {
		id,
		title: `Shelling in Kyiv`,
		summary: 'Shelling reported in Kyiv.\nTwo buildings hit.',
		actors: ['Military Forces of Russia (2000-)'],
		when: '2025-04-01',
		source: [`Row ${row} (${id.toUpperCase()}): 2025-04-01, Kyiv. Shelling in Kyiv.`],
		notes: []
	};
}
