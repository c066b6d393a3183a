/** Build-time basemap work: the browser receives its output, never this code. */
import { geoArea, geoCentroid, geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Countries, CountryFeature, CountryProperties } from '../../src/lib/geo/basemap';

/** Rows of [alpha-2, alpha-3, numeric, …], as in i18n-iso-countries' codes.json. */
export type IsoCodeRows = ReadonlyArray<readonly string[]>;

const ANTARCTICA = '010';

function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

function mapPositions(rings: Position[][], fn: (p: Position) => Position): Position[][] {
	return rings.map((ring) => ring.map(fn));
}

/**
 * Natural Earth countries from world-atlas, cut at the antimeridian. Russia and Fiji straddle 180°:
 * drawn as they are, their rings wrap the long way round and paint bands across the map. d3-geo
 * clips on the sphere while projecting to plate carrée at one unit per degree, which gives back
 * longitude/latitude with every ring split at ±180. Antarctica is dropped: the story never goes there.
 */
export function countriesFromTopology(
	topology: Topology,
	codes: IsoCodeRows,
	digits = 3
): Countries {
	const iso2ByNumeric = new Map(codes.map((row) => [row[2], row[0]]));
	const object = topology.objects.countries as GeometryCollection<{ name: string }>;
	const all = feature(topology, object) as FeatureCollection<
		Polygon | MultiPolygon,
		{ name: string }
	>;
	const sphere = all.features.filter((f) => f.geometry && String(f.id) !== ANTARCTICA);
	const projection = geoEquirectangular()
		.scale(180 / Math.PI)
		.translate([0, 0]);
	const cut = geoProject(
		{ type: 'FeatureCollection', features: sphere },
		projection
	) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
	const unproject = (p: Position): Position => [round(p[0]!, digits), round(-p[1]!, digits)];
	const features: CountryFeature[] = cut.features.map((f, index) => {
		const source = sphere[index]!;
		const geometry: Polygon | MultiPolygon =
			f.geometry.type === 'Polygon'
				? { type: 'Polygon', coordinates: mapPositions(f.geometry.coordinates, unproject) }
				: {
						type: 'MultiPolygon',
						coordinates: f.geometry.coordinates.map((poly) => mapPositions(poly, unproject))
					};
		return {
			type: 'Feature',
			id: index,
			properties: {
				iso2: iso2ByNumeric.get(String(source.id)) ?? '',
				name: source.properties.name
			},
			geometry
		};
	});
	return { type: 'FeatureCollection', features };
}

/**
 * One label point per country, at the centre of its largest part: labelling a MultiPolygon
 * directly repeats the name once per island.
 */
export function countryLabelPoints(
	countries: Countries,
	digits = 2
): FeatureCollection<Point, CountryProperties & { area: number }> {
	const STERADIAN_TO_SQ_DEGREES = (180 / Math.PI) ** 2;
	return {
		type: 'FeatureCollection',
		features: countries.features.map((country) => {
			const parts: Polygon[] =
				country.geometry.type === 'Polygon'
					? [country.geometry]
					: country.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
			let largest = parts[0]!;
			for (const part of parts) if (geoArea(part) > geoArea(largest)) largest = part;
			const [x, y] = geoCentroid(largest);
			return {
				type: 'Feature',
				properties: {
					...country.properties,
					// Square degrees, as before: only the order matters, for label priority.
					area: Math.round(geoArea(country) * STERADIAN_TO_SQ_DEGREES)
				},
				geometry: { type: 'Point', coordinates: [round(x, digits), round(y, digits)] }
			};
		})
	};
}
