/** A small EventTable built by hand, for the tests of what reads big stories by row index. */
import { encodeIds } from '../../src/lib/story/table-builder';
import type { EventTable } from '../../src/lib/story/event-table';

export interface Row {
	id: string;
	lon: number;
	lat: number;
	start: number;
	end?: number;
	category?: number;
	place?: number;
}

export function tableOf(
	rows: readonly Row[],
	places = ['a', 'b', 'c'],
	categories = ['war', 'strike', 'aid']
): EventTable {
	return {
		length: rows.length,
		lon: Float64Array.from(rows, (r) => r.lon),
		lat: Float64Array.from(rows, (r) => r.lat),
		start: Int32Array.from(rows, (r) => r.start),
		end: Int32Array.from(rows, (r) => r.end ?? r.start),
		category: Uint8Array.from(rows, (r) => r.category ?? 0),
		categories,
		place: Int32Array.from(rows, (r) => r.place ?? 0),
		places,
		row: Int32Array.from(rows, (_, i) => i + 2),
		otherOffsets: new Int32Array(rows.length + 1),
		otherPlaces: new Int32Array(0),
		...encodeIds(rows.map((r) => r.id))
	};
}
