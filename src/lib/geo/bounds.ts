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

/** The inhabited world: what a story with no places opens on. */
const WORLD: Bounds = [-180, -60, 180, 75];

/** What the map opens on: the story's places, or the world when it has none. */
export function storyBounds(points: readonly LonLat[]): Bounds {
	return boundsOf(points) ?? WORLD;
}
