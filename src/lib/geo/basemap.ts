import { geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface CountryProperties {
	/** ISO 3166-1 alpha-2, or "" for Natural Earth units without one (N. Cyprus, Kosovo…). */
	iso2: string;
	name: string;
}
export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;
export type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProperties>;

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

function ringArea(ring: Position[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
	}
	return sum / 2;
}

function ringCentroid(ring: Position[]): Position {
	let x = 0;
	let y = 0;
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const f = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
		x += (ring[j]![0]! + ring[i]![0]!) * f;
		y += (ring[j]![1]! + ring[i]![1]!) * f;
		a += f;
	}
	return a === 0 ? ring[0]! : [x / (3 * a), y / (3 * a)];
}

/**
 * One label point per country, at the centre of its largest part: labelling a MultiPolygon
 * directly repeats the name once per island.
 */
export function countryLabelPoints(
	countries: Countries,
	digits = 2
): FeatureCollection<Point, CountryProperties & { area: number }> {
	return {
		type: 'FeatureCollection',
		features: countries.features.map((country) => {
			const outerRings =
				country.geometry.type === 'Polygon'
					? [country.geometry.coordinates[0]!]
					: country.geometry.coordinates.map((poly) => poly[0]!);
			let largest = outerRings[0]!;
			let total = 0;
			for (const ring of outerRings) {
				const area = Math.abs(ringArea(ring));
				total += area;
				if (area > Math.abs(ringArea(largest))) largest = ring;
			}
			const [x, y] = ringCentroid(largest);
			return {
				type: 'Feature',
				properties: { ...country.properties, area: Math.round(total) },
				geometry: { type: 'Point', coordinates: [round(x!, digits), round(y!, digits)] }
			};
		})
	};
}
