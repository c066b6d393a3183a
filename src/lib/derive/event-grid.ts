/**
 * The map's aggregates at low zoom: one grid per zoom band, built once from the event table in the
 * worker. Each cell keeps the start days of its events in table order (already sorted by start),
 * so "how many by this day?" is one binary search per cell: a scrub costs cells × log(events),
 * never a pass over a million events.
 */
import type { EventTable } from '../story/event-table';

/** At this zoom and above the map draws each event; below it, the grid of the zoom's band. */
export const DOTS_ZOOM = 6;
/** A cell's side on screen at the start of its band, in CSS pixels. */
export const CELL_PX = 56;
/** MapLibre's world is 512 px wide at zoom 0. */
const WORLD_PX = 512;

export interface EventGrid {
	/** The lowest zoom this grid is drawn at; it is drawn up to the next band's. */
	zoom: number;
	/** Cells that hold events: where each is drawn (the mean of its events, as lon/lat). */
	lon: Float64Array;
	lat: Float64Array;
	/** Cell c's events are `starts[offsets[c]] … starts[offsets[c + 1] - 1]`, sorted. */
	offsets: Int32Array;
	starts: Int32Array;
}

export const mercatorX = (lon: number): number => (lon + 180) / 360;
export function mercatorY(lat: number): number {
	const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
	const phi = (clamped * Math.PI) / 180;
	return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
}
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** Cells across the world at `zoom`: the grid is square in Web Mercator. */
export const cellsAcross = (zoom: number): number =>
	Math.max(1, Math.floor((WORLD_PX * 2 ** zoom) / CELL_PX));

/**
 * The grid of one band. A counting sort by cell keeps each cell's events in table order, so their
 * starts come out sorted with no sort at all.
 */
export function buildGrid(
	table: EventTable,
	zoom: number,
	xy: { x: Float64Array; y: Float64Array } = mercatorOf(table)
): EventGrid {
	const { x, y } = xy;
	const n = cellsAcross(zoom);
	// n is at most a few hundred below DOTS_ZOOM: a dense array of n² counters beats a Map.
	const counts = new Int32Array(n * n);
	const cellOf = new Int32Array(table.length);
	for (let i = 0; i < table.length; i++) {
		const cx = Math.min(n - 1, Math.max(0, Math.floor(x[i]! * n)));
		const cy = Math.min(n - 1, Math.max(0, Math.floor(y[i]! * n)));
		const key = cy * n + cx;
		cellOf[i] = key;
		counts[key]!++;
	}
	const slot = new Int32Array(n * n).fill(-1);
	let cells = 0;
	for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) slot[key] = cells++;
	const offsets = new Int32Array(cells + 1);
	for (let key = 0; key < counts.length; key++) {
		const c = slot[key]!;
		if (c >= 0) offsets[c + 1] = offsets[c]! + counts[key]!;
	}
	const fill = offsets.slice(0, cells);
	const starts = new Int32Array(table.length);
	const sumX = new Float64Array(cells);
	const sumY = new Float64Array(cells);
	for (let i = 0; i < table.length; i++) {
		const c = slot[cellOf[i]!]!;
		starts[fill[c]!++] = table.start[i]!;
		sumX[c] = sumX[c]! + x[i]!;
		sumY[c] = sumY[c]! + y[i]!;
	}
	const lon = new Float64Array(cells);
	const lat = new Float64Array(cells);
	for (let c = 0; c < cells; c++) {
		const size = offsets[c + 1]! - offsets[c]!;
		lon[c] = lonOf(sumX[c]! / size);
		lat[c] = latOf(sumY[c]! / size);
	}
	return { zoom, lon, lat, offsets, starts };
}

/** Every event's Web Mercator position (0…1), computed once for all the grids. */
export function mercatorOf(table: EventTable): { x: Float64Array; y: Float64Array } {
	const x = new Float64Array(table.length);
	const y = new Float64Array(table.length);
	for (let i = 0; i < table.length; i++) {
		x[i] = mercatorX(table.lon[i]!);
		y[i] = mercatorY(table.lat[i]!);
	}
	return { x, y };
}

/** One grid per whole zoom below DOTS_ZOOM. */
export function buildGrids(
	table: EventTable,
	xy: { x: Float64Array; y: Float64Array } = mercatorOf(table)
): EventGrid[] {
	return Array.from({ length: DOTS_ZOOM }, (_, zoom) => buildGrid(table, zoom, xy));
}

/** The grid drawn at `zoom`, or null where the map draws each event. */
export function gridFor(grids: readonly EventGrid[], zoom: number): EventGrid | null {
	if (zoom >= DOTS_ZOOM || grids.length === 0) return null;
	const band = Math.max(0, Math.min(grids.length - 1, Math.floor(zoom)));
	return grids[band] ?? null;
}

/** The number of values ≤ `day` in `sorted[from … to)`. */
export function upperBound(sorted: Int32Array, day: number, from = 0, to = sorted.length): number {
	let lo = from;
	let hi = to;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! <= day) lo = mid + 1;
		else hi = mid;
	}
	return lo - from;
}

/** Each cell's count of events started by `day`, written into `out` (one slot per cell). */
export function cellCounts(grid: EventGrid, day: number, out: Int32Array): Int32Array {
	const cells = grid.offsets.length - 1;
	for (let c = 0; c < cells; c++) {
		out[c] = upperBound(grid.starts, day, grid.offsets[c]!, grid.offsets[c + 1]!);
	}
	return out;
}

/** The buffers of the grids, to transfer from the worker rather than copy. */
export const gridBuffers = (grids: readonly EventGrid[]): ArrayBuffer[] =>
	grids.flatMap((g) => [g.lon, g.lat, g.offsets, g.starts].map((a) => a.buffer as ArrayBuffer));
