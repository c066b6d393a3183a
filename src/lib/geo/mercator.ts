/**
 * Web Mercator in "world units": the whole world is WORLD_SIZE units wide at zoom 0, MapLibre's
 * 512-pixel tile, so a zoom z shows 2^z pixels per unit. The shapes every map module measures in.
 */
import type { LonLat } from '../story/types';

export const WORLD_SIZE = 512;

export type Point = [x: number, y: number];

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface Camera {
	center: LonLat;
	zoom: number;
}

const MAX_LAT = 85.051129;

export function project([lon, lat]: LonLat): Point {
	const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
	const sin = Math.sin((clamped * Math.PI) / 180);
	return [
		((lon + 180) / 360) * WORLD_SIZE,
		(0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD_SIZE
	];
}

export function unproject([x, y]: Point): LonLat {
	const lon = (x / WORLD_SIZE) * 360 - 180;
	const n = Math.PI - (2 * Math.PI * y) / WORLD_SIZE;
	return [lon, (180 / Math.PI) * Math.atan(Math.sinh(n))];
}
