import { isRecord, parseJson, type FileContents } from './json-file';
import type { ProblemList } from './problems';
import { isSlug } from './slug';
import { describe, quote } from './text';
import type { LonLat } from './types';

/** One Point Feature whose structure is sound; its properties are still unchecked. */
export interface RawPointFeature {
	/**
	 * How problems name it: its id when that is a slug, else "feature N", with a short quote of
	 * the id when it has one that is not a slug.
	 */
	label: string;
	id: string | null;
	properties: Record<string, unknown>;
	coordinates: LonLat | null;
}

export interface RawCollection {
	members: Record<string, unknown>;
	features: RawPointFeature[];
}

const MAX_DECIMALS = 6;

function decimals(value: number): number {
	const text = String(value);
	if (text.includes('e')) return Infinity;
	const dot = text.indexOf('.');
	return dot === -1 ? 0 : text.length - dot - 1;
}

/** A Point's position: two plain numbers in range, with no false precision. */
export function checkPosition(
	position: unknown,
	label: string,
	problems: ProblemList
): LonLat | null {
	if (!Array.isArray(position) || position.length < 2 || position.length > 3) {
		problems.add('must be a position [longitude, latitude].', label, 'geometry.coordinates');
		return null;
	}
	const [lon, lat] = position as unknown[];
	if (typeof lon !== 'number' || typeof lat !== 'number' || !isFinite(lon) || !isFinite(lat)) {
		problems.add('longitude and latitude must be plain numbers.', label, 'geometry.coordinates');
		return null;
	}
	let ok = true;
	if (lon < -180 || lon > 180) {
		problems.add(`longitude ${lon} is outside -180…180.`, label, 'geometry.coordinates');
		ok = false;
	}
	if (lat < -90 || lat > 90) {
		const hint =
			lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180
				? ' Are longitude and latitude swapped? GeoJSON wants [longitude, latitude].'
				: '';
		problems.add(`latitude ${lat} is outside -90…90.${hint}`, label, 'geometry.coordinates');
		ok = false;
	}
	if (decimals(lon) > MAX_DECIMALS || decimals(lat) > MAX_DECIMALS) {
		problems.add(
			`use at most ${MAX_DECIMALS} decimals (about 10 cm); more is false precision.`,
			label,
			'geometry.coordinates'
		);
		ok = false;
	}
	return ok ? [lon, lat] : null;
}

export const EMPTY_COLLECTION = 'has no features: the collection is empty.';

/** A feature's id as its label may quote it: non-empty text, or null. */
export function usableId(properties: Record<string, unknown>): string | null {
	return typeof properties.id === 'string' && properties.id.trim() ? properties.id : null;
}

/**
 * How problems name the feature at `index`: its id when that is a slug, else "feature N", with a
 * short quote of the id when it has one. The raw id can be 10 MB or hold terminal escapes, and
 * every problem repeats the label.
 */
export function featureLabel(index: number, id: string | null): string {
	const numbered = `feature ${index + 1}`;
	if (!id) return numbered;
	return isSlug(id) ? id : `${numbered} (${quote(id, 40)})`;
}

/**
 * Reads an RFC 7946 FeatureCollection of Points. Reports every structural problem rather than the
 * first, and never throws: the input may be anything at all.
 */
export function readPointCollection(
	contents: FileContents,
	problems: ProblemList
): RawCollection | null {
	const json = parseJson(contents, problems);
	if (json === undefined) return null;
	if (!isRecord(json) || json.type !== 'FeatureCollection') {
		problems.add(
			'is not a GeoJSON FeatureCollection (its top level needs "type": "FeatureCollection").'
		);
		return null;
	}
	if ('crs' in json) {
		problems.add(
			'has a "crs" member. RFC 7946 GeoJSON is always WGS84 longitude/latitude: remove "crs" and make sure the coordinates are in degrees.',
			undefined,
			'crs'
		);
	}
	if (!Array.isArray(json.features)) {
		problems.add('has no "features" array.', undefined, 'features');
		return null;
	}
	if (json.features.length === 0) {
		problems.add(EMPTY_COLLECTION, undefined, 'features');
		return null;
	}
	const features: RawPointFeature[] = [];
	json.features.forEach((feature: unknown, index: number) => {
		if (!isRecord(feature) || feature.type !== 'Feature') {
			problems.add('is not a GeoJSON Feature ("type": "Feature").', featureLabel(index, null));
			return;
		}
		const properties = isRecord(feature.properties) ? feature.properties : null;
		const id = properties ? usableId(properties) : null;
		const label = featureLabel(index, id);
		if (!properties) {
			problems.add('has no "properties" object.', label, 'properties');
			return;
		}
		for (const where of ['crs', 'geometry.crs'] as const) {
			const owner = where === 'crs' ? feature : feature.geometry;
			if (isRecord(owner) && 'crs' in owner) {
				problems.add(
					'"crs" is not RFC 7946 GeoJSON: remove it; coordinates must be WGS84 degrees.',
					label,
					where
				);
			}
		}
		const geometry = feature.geometry;
		let coordinates: LonLat | null = null;
		if (!isRecord(geometry)) {
			problems.add('has no geometry; every feature needs a Point.', label, 'geometry');
		} else if (geometry.type !== 'Point') {
			problems.add(
				typeof geometry.type !== 'string'
					? `has a "type" that is ${describe(geometry.type)}; story features must be a Point.`
					: /^[A-Za-z]{1,40}$/.test(geometry.type)
						? `is a ${geometry.type}; story features must be a Point.`
						: `is a ${quote(geometry.type, 40)}; story features must be a Point.`,
				label,
				'geometry.type'
			);
		} else {
			coordinates = checkPosition(geometry.coordinates, label, problems);
		}
		features.push({ label, id, properties, coordinates });
	});
	return { members: json, features };
}
