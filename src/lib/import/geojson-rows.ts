/**
 * A GeoJSON FeatureCollection of points as rows: longitude and latitude from each point, then one
 * column per property any feature has, so its properties are mapped like a spreadsheet's columns.
 * A feature that is not a point stays a row, refused with its reason.
 */
import { quote } from '../story/text';
import { own } from './own';

/** The most property names the features may use between them: each is a column of every row. */
export const MAX_GEOJSON_KEYS = 2_000;

export type GeoJsonRows =
	| {
			ok: true;
			/** The header first; a feature's row number is its place in the file plus one. */
			rows: string[][];
			/** Rows refused before any mapping: not a point, or a point without numbers. */
			refused: Map<number, { column: string; reason: string }>;
	  }
	| { ok: false; problem: string };

const LON = 'longitude';
const LAT = 'latitude';

/**
 * How deep a property's objects may nest: deeper, its row is refused. A cell is text, and
 * JSON.stringify recurses: a property 10,000 levels deep would overflow the stack.
 */
export const MAX_PROPERTY_DEPTH = 64;

/** Whether `value` nests objects or arrays more than `limit` levels deep (walked without recursion). */
export function nestsDeeper(value: unknown, limit = MAX_PROPERTY_DEPTH): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [item, depth] = stack.pop()!;
		if (typeof item !== 'object' || item === null) continue;
		if (depth >= limit) return true;
		for (const child of Object.values(item)) stack.push([child, depth + 1]);
	}
	return false;
}

function text(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('; ');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

export function geojsonRows(json: string): GeoJsonRows {
	let data: unknown;
	try {
		data = JSON.parse(json.replace(/^\uFEFF/, ''));
	} catch (error) {
		return {
			ok: false,
			problem: `is not valid JSON (${error instanceof Error ? error.message : String(error)}).`
		};
	}
	const collection = data as { type?: unknown; features?: unknown };
	if (
		typeof data !== 'object' ||
		data === null ||
		collection.type !== 'FeatureCollection' ||
		!Array.isArray(collection.features)
	)
		return {
			ok: false,
			problem: 'is not a GeoJSON FeatureCollection: the importer takes one of Point features.'
		};
	return featureRows(collection.features as unknown[]);
}

/** A collection's features as rows (the header first), or why they cannot be. */
export function featureRows(features: readonly unknown[]): GeoJsonRows {
	if (features.length === 0) return { ok: false, problem: 'has no features: nothing to import.' };
	const keys: string[] = [];
	const seen = new Set<string>([LON, LAT]);
	for (const feature of features) {
		const properties = (feature as { properties?: unknown })?.properties;
		if (typeof properties !== 'object' || properties === null) continue;
		for (const key of Object.keys(properties))
			if (!seen.has(key)) {
				seen.add(key);
				keys.push(key);
			}
	}
	// Every feature becomes a row with a cell per key of any feature: a file of a few megabytes whose
	// features each hold a key of their own would otherwise make billions of cells.
	if (keys.length > MAX_GEOJSON_KEYS)
		return {
			ok: false,
			problem: `has ${keys.length.toLocaleString('en-GB')} different property names across its features; the importer reads up to ${MAX_GEOJSON_KEYS.toLocaleString('en-GB')}, as columns.`
		};
	const header = [LON, LAT, ...keys];
	const rows: string[][] = [header];
	const refused = new Map<number, { column: string; reason: string }>();
	features.forEach((raw, i) => {
		const row = i + 2;
		const feature = raw as {
			geometry?: { type?: unknown; coordinates?: unknown };
			properties?: unknown;
		};
		const properties = (
			typeof feature?.properties === 'object' && feature.properties !== null
				? feature.properties
				: {}
		) as Record<string, unknown>;
		const geometry = feature?.geometry;
		let lon = '';
		let lat = '';
		if (geometry === null || geometry === undefined) {
			// No geometry: the place name, if any, may still place it.
		} else if (geometry.type !== 'Point') {
			refused.set(row, {
				column: 'geometry',
				reason: `is a ${quote(String(geometry.type), 30)}; the importer takes Point features only.`
			});
		} else {
			const [x, y] = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
			if (typeof x === 'number' && typeof y === 'number') {
				lon = String(x);
				lat = String(y);
			} else
				refused.set(row, {
					column: 'geometry',
					reason: 'is a Point without two numbers for its coordinates.'
				});
		}
		const cells = keys.map((key) => {
			const value = own(properties, key);
			if (!nestsDeeper(value)) return text(value);
			if (!refused.has(row))
				refused.set(row, {
					column: key,
					reason: `nests objects more than ${MAX_PROPERTY_DEPTH} levels deep; a property the importer reads is a value, a list or a shallow object.`
				});
			return '';
		});
		rows.push([lon, lat, ...cells]);
	});
	return { ok: true, rows, refused };
}
