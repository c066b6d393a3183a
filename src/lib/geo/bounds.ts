import bbox from '@turf/bbox';
import { featureCollection, point } from '@turf/helpers';
import type { LonLat } from '../story/types';

export type Bounds = [west: number, south: number, east: number, north: number];

/** The box around a set of points; null when there are none. */
export function boundsOf(points: readonly LonLat[]): Bounds | null {
	if (points.length === 0) return null;
	const [west, south, east, north] = bbox(featureCollection(points.map((p) => point(p))));
	return [west, south, east, north];
}
