/**
 * The part of the map a reader can see and click: the container less what floats over it (the
 * legend, the zoom buttons, the attribution, the tour's card), and the camera that brings a chosen
 * place into it. Pure geometry in container pixels, shared by the opening view (opening-view.ts)
 * and the map's moves (atlas-map.ts).
 */
import type { LonLat } from '../story/types';
import { project, unproject, type Camera, type Padding, type Point, type Rect } from './mercator';

export interface Size {
	width: number;
	height: number;
}

/** A place's button is 24 px across: its centre needs this much clear room on every side. */
export const PLACE_MARGIN_PX = 24;

type Side = keyof Padding;
const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom'];

/** The room left of `room` once `cover` is kept out of it by cutting along one side. */
function cut(room: Padding, cover: Rect, side: Side, size: Size): Padding {
	switch (side) {
		case 'left':
			return { ...room, left: Math.max(room.left, cover.x + cover.width) };
		case 'right':
			return { ...room, right: Math.max(room.right, size.width - cover.x) };
		case 'top':
			return { ...room, top: Math.max(room.top, cover.y + cover.height) };
		case 'bottom':
			return { ...room, bottom: Math.max(room.bottom, size.height - cover.y) };
	}
}

const area = (pad: Padding, size: Size) =>
	Math.max(0, size.width - pad.left - pad.right) * Math.max(0, size.height - pad.top - pad.bottom);

/**
 * The largest rectangle of the container that none of `covers` overlaps, as padding: each cover is
 * cut off along one side, and every choice of sides is tried (there are a handful of covers).
 * A cover outside the container, or of no size (a folded or hidden panel), takes nothing.
 */
export function uncoveredPadding(size: Size, covers: readonly Rect[]): Padding {
	const inside = covers.filter(
		(c) =>
			c.width > 0 &&
			c.height > 0 &&
			c.x < size.width &&
			c.y < size.height &&
			c.x + c.width > 0 &&
			c.y + c.height > 0
	);
	let best: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
	let bestArea = -1;
	const visit = (i: number, room: Padding) => {
		if (i === inside.length) {
			const a = area(room, size);
			if (a > bestArea) [best, bestArea] = [room, a];
			return;
		}
		for (const side of SIDES) visit(i + 1, cut(room, inside[i]!, side, size));
	};
	visit(0, best);
	return best;
}

/** The padding grown by `margin` on every side, never past the container's middle. */
export function withMargin(pad: Padding, margin: number, size: Size): Padding {
	const grow = (a: number, b: number, length: number) => {
		const free = Math.max(0, length - a - b);
		const m = Math.min(margin, free / 2);
		return [a + m, b + m] as const;
	};
	const [left, right] = grow(pad.left, pad.right, size.width);
	const [top, bottom] = grow(pad.top, pad.bottom, size.height);
	return { top, right, bottom, left };
}

export function roomRect(pad: Padding, size: Size): Rect {
	return {
		x: pad.left,
		y: pad.top,
		width: Math.max(0, size.width - pad.left - pad.right),
		height: Math.max(0, size.height - pad.top - pad.bottom)
	};
}

/** Rounding aside: a point moved exactly onto the room's edge is inside it. */
const EPSILON_PX = 1e-6;

export function inside([x, y]: Point, room: Rect): boolean {
	const e = EPSILON_PX;
	return (
		x >= room.x - e &&
		x <= room.x + room.width + e &&
		y >= room.y - e &&
		y <= room.y + room.height + e
	);
}

/** Where a point is drawn in a container of `size` under `camera`, in pixels from its top left. */
export function toScreen(at: LonLat, camera: Camera, size: Size): Point {
	const scale = 2 ** camera.zoom;
	const [cx, cy] = project(camera.center);
	const [x, y] = project(at);
	return [(x - cx) * scale + size.width / 2, (y - cy) * scale + size.height / 2];
}

/** The smallest shift along one axis that brings [lo, hi] inside [from, to]; centred if too long. */
function shift(lo: number, hi: number, from: number, to: number): number {
	if (hi - lo > to - from) return (from + to) / 2 - (lo + hi) / 2;
	if (lo < from) return from - lo;
	if (hi > to) return to - hi;
	return 0;
}

/**
 * When the map has to move, the points land this much inside the room's edge where it has the
 * space: the place's label lands with it, and a small later pan does not push it out again.
 */
export const LANDING_PX = 80;

function landing(room: Rect): Rect {
	const dx = Math.min(LANDING_PX, room.width / 4);
	const dy = Math.min(LANDING_PX, room.height / 4);
	return {
		x: room.x + dx,
		y: room.y + dy,
		width: room.width - 2 * dx,
		height: room.height - 2 * dy
	};
}

/**
 * The camera at `zoom` that moves the points' box into the room's landing area by the least pan
 * (a box too big for it is centred, and still fits the room).
 */
function panInto(
	points: readonly LonLat[],
	camera: Camera,
	zoom: number,
	size: Size,
	within: Rect
) {
	const room = landing(within);
	const at = { center: camera.center, zoom };
	const screen = points.map((p) => toScreen(p, at, size));
	const xs = screen.map(([x]) => x);
	const ys = screen.map(([, y]) => y);
	const dx = shift(Math.min(...xs), Math.max(...xs), room.x, room.x + room.width);
	const dy = shift(Math.min(...ys), Math.max(...ys), room.y, room.y + room.height);
	const scale = 2 ** zoom;
	const [cx, cy] = project(camera.center);
	return { center: unproject([cx - dx / scale, cy - dy / scale]), zoom };
}

/** The zoom at which the points' extent just fills `room`. */
function fittingZoom(points: readonly LonLat[], room: Rect): number {
	const world = points.map(project);
	const w = Math.max(...world.map(([x]) => x)) - Math.min(...world.map(([x]) => x));
	const h = Math.max(...world.map(([, y]) => y)) - Math.min(...world.map(([, y]) => y));
	const scale = Math.min(room.width / Math.max(w, 1e-9), room.height / Math.max(h, 1e-9));
	return Math.log2(scale);
}

export interface ShowRequest {
	/** The chosen place: it must end inside the room. */
	place: LonLat;
	/** The places its events join: inside too, where they fit at a zoom no closer than now. */
	joins: readonly LonLat[];
	/** The farthest out the map may go to fit the joins (the story's opening zoom, say). */
	minZoom: number;
}

/**
 * The camera that brings the chosen place, and where they fit its joins, into `room`; null when
 * they are all in it already, so a place already in view does not move. Never zooms closer than
 * `camera`; zooms out only as far as `minZoom`, and only for the joins.
 */
export function cameraToShow(
	camera: Camera,
	size: Size,
	room: Rect,
	{ place, joins, minZoom }: ShowRequest
): Camera | null {
	const all = [place, ...joins];
	const seen = (p: LonLat) => inside(toScreen(p, camera, size), room);
	if (all.every(seen)) return null;
	const zoom = Math.min(camera.zoom, fittingZoom(all, room));
	if (joins.length > 0 && zoom >= Math.min(minZoom, camera.zoom))
		return panInto(all, camera, zoom, size, room);
	if (seen(place)) return null;
	return panInto([place], camera, camera.zoom, size, room);
}
