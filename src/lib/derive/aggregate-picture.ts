/**
 * The picture of a big story's map for its page's HTML: its events summed into circles on a grid
 * of the opening view, so a story of a million events draws at most a few hundred circles, and
 * its first view costs the same bytes as a small story's. Written at build time (prepare-static)
 * beside the countries behind it (`backdrop.svg`), in the same view MapLibre then opens on.
 */
import type { Bounds } from '../geo/bounds';
import { project, type Rect } from '../geo/mercator';
import { openingCamera, visibleRect } from '../geo/opening-view';
import type { LonLat } from '../story/types';
import type { PlaceTally } from '../time/phase';
import { REFERENCE_SIZE } from './map-picture';

export const PICTURE_FILE = 'picture.json';

/** One cell of the grid: where its events are (their weighted centre), how many, and its circle. */
export interface PictureDot {
	x: number;
	y: number;
	/** In pixels of the reference view. */
	r: number;
	count: number;
}

export interface AggregatePicture {
	bounds: Bounds;
	/** What the reference view shows, in Web Mercator units (geo/mercator.ts). */
	view: Rect;
	scale: number;
	dots: PictureDot[];
	events: number;
}

/** A cell of the grid, in pixels: near circles merge, so the picture never crowds. */
const CELL_PX = 36;
const MAX_RADIUS_PX = 22;
const MIN_RADIUS_PX = 3;

/**
 * Sums each place's events into the grid cell its point falls in. `counts[p]` is the number of
 * events at `places[p]`.
 */
export function aggregatePicture(
	places: readonly { coordinates: LonLat }[],
	counts: ArrayLike<number>,
	bounds: Bounds,
	{ width, height }: { width: number; height: number } = REFERENCE_SIZE
): AggregatePicture {
	const camera = openingCamera(bounds, width, height);
	const scale = 2 ** camera.zoom;
	const view = visibleRect(camera, width, height);
	const cells = new Map<string, { sx: number; sy: number; count: number }>();
	let events = 0;
	places.forEach((place, p) => {
		const count = counts[p] ?? 0;
		if (count <= 0) return;
		events += count;
		const [x, y] = project(place.coordinates);
		const key = `${Math.floor(((x - view.x) * scale) / CELL_PX)},${Math.floor(((y - view.y) * scale) / CELL_PX)}`;
		const cell = cells.get(key) ?? { sx: 0, sy: 0, count: 0 };
		cell.sx += x * count;
		cell.sy += y * count;
		cell.count += count;
		cells.set(key, cell);
	});
	const most = Math.max(1, ...[...cells.values()].map((c) => c.count));
	const dots = [...cells.values()]
		.map((c) => ({
			x: c.sx / c.count,
			y: c.sy / c.count,
			// By area: a circle of twice the events has twice the ink.
			r: Math.max(MIN_RADIUS_PX, MAX_RADIUS_PX * Math.sqrt(c.count / most)),
			count: c.count
		}))
		// The biggest first, so the smaller circles are drawn over them and stay visible.
		.sort((a, b) => b.count - a.count);
	return { bounds, view, scale, dots, events };
}

/** Each place's count of events by the reader's date, in `places` order: what `aggregatePicture` sums. */
export function tallyCounts(
	places: readonly { id: string }[],
	tally: ReadonlyMap<string, PlaceTally>
): Int32Array {
	return Int32Array.from(places, (place) => tally.get(place.id)?.count ?? 0);
}
