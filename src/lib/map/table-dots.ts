/**
 * The GPU's vertices for a big story, straight from the event table: the same layout as
 * event-dots.ts (x, y, start, end, r, g, b, slot), with no event object, no per-event array and
 * no sort (the table is sorted by start already). Free of MapLibre, so the worker builds it.
 */
import { mercatorOf } from '../derive/event-grid';
import { categoryColor } from '../scales/category';
import type { EventTable } from '../story/event-table';
import type { Category } from '../story/schema';

/** Floats per event: as DOT_STRIDE in event-dots.ts. */
export const TABLE_DOT_STRIDE = 8;
/** As MAX_SLOTS in event-dots.ts: events beyond this many at one place reuse the spiral's slots. */
const MAX_SLOTS = 400;

function rgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export function tableDotVertices(
	table: EventTable,
	{ x, y }: { x: Float64Array; y: Float64Array } = mercatorOf(table)
): Float32Array {
	const data = new Float32Array(table.length * TABLE_DOT_STRIDE);
	const colors = table.categories.map((c) => rgb(categoryColor(c as Category)));
	const slots = new Int32Array(table.places.length);
	for (let i = 0; i < table.length; i++) {
		const at = i * TABLE_DOT_STRIDE;
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
