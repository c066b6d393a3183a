/**
 * The map's opening view, computed once for both of its pictures: the SVG drawn in the page's HTML
 * and MapLibre's canvas that fades in over it. Both place the story's bounds in the container the
 * same way (the padding fitBounds used), so a place sits at the same pixel in each.
 *
 * Coordinates are Web Mercator "world units": the whole world is WORLD_SIZE units wide at zoom 0,
 * MapLibre's 512-pixel tile, so a zoom z shows 2^z pixels per unit.
 */
import type { LonLat } from '../story/types';
import type { Bounds } from './bounds';

export const WORLD_SIZE = 512;
/** A story in one city opens at this zoom, not on an empty square of land. */
export const OPENING_MAX_ZOOM = 5;

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

/** Room for the legend, which sits over the map's lower left corner on wide screens. */
export function fitPadding(width: number): Padding {
	return width < 700
		? { top: 30, bottom: 30, left: 30, right: 30 }
		: { top: 40, bottom: 30, left: 250, right: 50 };
}

/** The story's bounds in world units, north at the top. */
export function boundsRect([west, south, east, north]: Bounds): Rect {
	const [x0, y0] = project([west, north]);
	const [x1, y1] = project([east, south]);
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * What fitBounds does, in closed form: the zoom at which the story fits inside the padded
 * container (never past OPENING_MAX_ZOOM), centred in the room the padding leaves.
 */
export function openingCamera(bounds: Bounds, width: number, height: number): Camera {
	const story = boundsRect(bounds);
	const pad = fitPadding(width);
	const room = {
		width: Math.max(1, width - pad.left - pad.right),
		height: Math.max(1, height - pad.top - pad.bottom)
	};
	const scale = Math.min(
		room.width / Math.max(story.width, 1e-9),
		room.height / Math.max(story.height, 1e-9),
		2 ** OPENING_MAX_ZOOM
	);
	// The story's centre sits at the centre of the room, which the padding shifts off the container's.
	const shift: Point = [(pad.left - pad.right) / 2, (pad.top - pad.bottom) / 2];
	const center = unproject([
		story.x + story.width / 2 - shift[0] / scale,
		story.y + story.height / 2 - shift[1] / scale
	]);
	return { center, zoom: Math.log2(scale) };
}

/** The world rectangle a camera shows in a container: the picture's viewBox. */
export function visibleRect(camera: Camera, width: number, height: number): Rect {
	const scale = 2 ** camera.zoom;
	const [cx, cy] = project(camera.center);
	return {
		x: cx - width / 2 / scale,
		y: cy - height / 2 / scale,
		width: width / scale,
		height: height / scale
	};
}
