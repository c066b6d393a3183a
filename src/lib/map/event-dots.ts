/**
 * The GPU's vertices, one per event, straight from the event table, for every story: x, y (Web
 * Mercator 0…1), start, end, r, g, b, slot. Events at the same place get successive slots on a
 * sunflower spiral around it, in date order (the table's), so co-located events stay apart and fill
 * in as the slider moves forward; the day test itself happens in the shader, so a scrub changes one
 * uniform. No event object, no per-event array, no sort, and free of MapLibre, so a big story's
 * worker builds them.
 */
import { mercatorOf } from '../derive/event-grid';
import { categoryColor } from '../scales/category';
import type { EventTable } from '../story/event-table';
import type { Category } from '../story/schema';

/** Floats per event. */
export const DOT_STRIDE = 8;

/** Dots beyond this many at one place reuse the spiral's slots rather than spiral off the map. */
export const MAX_SLOTS = 400;

function rgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export function eventDotVertices(
	table: EventTable,
	{ x, y }: { x: Float64Array; y: Float64Array } = mercatorOf(table)
): Float32Array {
	const data = new Float32Array(table.length * DOT_STRIDE);
	const colors = table.categories.map((c) => rgb(categoryColor(c as Category)));
	const slots = new Int32Array(table.places.length);
	for (let i = 0; i < table.length; i++) {
		const at = i * DOT_STRIDE;
		const p = table.place[i]!;
		const color = colors[table.category[i]!] ?? [0.4, 0.4, 0.4];
		data[at] = x[i]!;
		data[at + 1] = y[i]!;
		data[at + 2] = table.start[i]!;
		data[at + 3] = table.end[i]!;
		data[at + 4] = color[0];
		data[at + 5] = color[1];
		data[at + 6] = color[2];
		data[at + 7] = slots[p]! % MAX_SLOTS;
		slots[p]!++;
	}
	return data;
}
