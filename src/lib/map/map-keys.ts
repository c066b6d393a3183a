/**
 * The keyboard's way round a big story's map, free of the DOM and of MapLibre: which key an arrow
 * moves to, which key takes over when the focused one leaves the screen, and what a key is called.
 * The overlay (count-labels.ts) holds the elements; this says where focus goes and what is read.
 */
import type { LonLat } from '../story/types';

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The arrow keys a roving group of map keys moves by. */
export const ARROWS: Readonly<Record<string, Direction>> = {
	ArrowLeft: 'left',
	ArrowRight: 'right',
	ArrowUp: 'up',
	ArrowDown: 'down'
};

export interface Point {
	x: number;
	y: number;
}

/** Unit steps on screen (y grows downwards). */
const STEP: Record<Direction, Point> = {
	left: { x: -1, y: 0 },
	right: { x: 1, y: 0 },
	up: { x: 0, y: -1 },
	down: { x: 0, y: 1 }
};

/**
 * Sideways distance counts this much more than distance ahead, so an arrow prefers the key
 * nearly straight ahead to a nearer one far off to the side.
 */
const SIDEWAYS = 2;

/**
 * The key an arrow moves to from `points[from]`: of the keys ahead within 45° of the arrow, the
 * one with the least distance ahead plus SIDEWAYS × the distance sideways; when none is in that
 * cone, the same choice among every key ahead at all (a lone key off at an angle is still
 * reachable). Ties go to the lower index, so the choice does not depend on float noise in the
 * order. Null when nothing lies that way.
 */
export function neighbour(
	points: readonly Point[],
	from: number,
	direction: Direction
): number | null {
	const origin = points[from];
	if (!origin) return null;
	const step = STEP[direction];
	let best: { index: number; score: number; inCone: boolean } | null = null;
	for (let index = 0; index < points.length; index++) {
		if (index === from) continue;
		const dx = points[index]!.x - origin.x;
		const dy = points[index]!.y - origin.y;
		const ahead = dx * step.x + dy * step.y;
		if (ahead <= 0) continue;
		const sideways = Math.abs(dx * step.y - dy * step.x);
		const inCone = sideways <= ahead;
		const score = ahead + SIDEWAYS * sideways;
		const better =
			!best || (inCone ? !best.inCone || score < best.score : !best.inCone && score < best.score);
		if (better) best = { index, score, inCone };
	}
	return best?.index ?? null;
}

/** The key nearest to `at` (a focused key's old spot), lower index on a tie; null when none. */
export function nearestTo(points: readonly Point[], at: Point): number | null {
	let best: number | null = null;
	let bestDistance = Infinity;
	for (let index = 0; index < points.length; index++) {
		const distance = Math.hypot(points[index]!.x - at.x, points[index]!.y - at.y);
		if (distance < bestDistance) {
			best = index;
			bestDistance = distance;
		}
	}
	return best;
}

/**
 * The place nearest to a point on the map, by the flat-earth distance that is plenty to tell
 * near from far within a grid cell; null when there are no places.
 */
export function nearestPlace(
	places: readonly { coordinates: LonLat }[],
	[lon, lat]: LonLat
): number | null {
	const shrink = Math.cos((lat * Math.PI) / 180);
	let best: number | null = null;
	let bestDistance = Infinity;
	for (let index = 0; index < places.length; index++) {
		const [plon, plat] = places[index]!.coordinates;
		const distance = ((plon - lon) * shrink) ** 2 + (plat - lat) ** 2;
		if (distance < bestDistance) {
			best = index;
			bestDistance = distance;
		}
	}
	return best;
}

const events = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'event' : 'events'}`;

/** A cell's key: "1,204 events near Kharkiv", or only the count where no place is known. */
export const cellKeyName = (count: number, near: string | null): string =>
	near === null ? events(count) : `${events(count)} near ${near}`;

/** A place's key, as a GeoJSON story's place button says it: "Kharkiv: 3 events". */
export const placeKeyName = (name: string, count: number): string => `${name}: ${events(count)}`;
