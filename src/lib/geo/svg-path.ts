import type { Geometry, Position } from 'geojson';
import { project } from './mercator';

/** Two decimals of a world unit: a third of a pixel at the opening view's closest zoom. */
const round = (v: number) => Math.round(v * 100) / 100;

function line(points: readonly Position[], closed: boolean): string {
	let d = '';
	for (const [i, [lon = 0, lat = 0]] of points.entries()) {
		const [x, y] = project([lon, lat]);
		d += `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`;
	}
	return closed && d ? `${d}Z` : d;
}

/** The story's geometries never change: the picture redraws on every move of the slider. */
const paths = new WeakMap<Geometry, string>();

/**
 * SVG path data for a GeoJSON geometry in Web Mercator world units (opening-view.ts). Geometries
 * must already be cut at the antimeridian, as the basemap and the story's arcs are.
 */
export function geometryPath(geometry: Geometry): string {
	let d = paths.get(geometry);
	if (d === undefined) {
		d = pathOf(geometry);
		paths.set(geometry, d);
	}
	return d;
}

function pathOf(geometry: Geometry): string {
	switch (geometry.type) {
		case 'Point':
		case 'MultiPoint':
			return '';
		case 'LineString':
			return line(geometry.coordinates, false);
		case 'MultiLineString':
			return geometry.coordinates.map((l) => line(l, false)).join('');
		case 'Polygon':
			return geometry.coordinates.map((r) => line(r, true)).join('');
		case 'MultiPolygon':
			return geometry.coordinates.flatMap((p) => p.map((r) => line(r, true))).join('');
		case 'GeometryCollection':
			return geometry.geometries.map(pathOf).join('');
	}
}
