/**
 * A big story's events as columns: typed arrays plus small string dictionaries, one slot per
 * event, sorted by start, then end, then id. This is what a worker builds from `events.arrow` and
 * transfers to the page without copying, and what the time index, the GPU vertices, the histogram
 * and the virtual list read by row index. A million events are a few dozen megabytes here, where
 * a million `StoryEvent` objects would not fit the page's memory budget.
 */
export interface EventTable {
	readonly length: number;
	readonly lon: Float64Array;
	readonly lat: Float64Array;
	/** Inclusive UTC day numbers (story/dates.ts). */
	readonly start: Int32Array;
	readonly end: Int32Array;
	/** Index into `categories`. */
	readonly category: Uint8Array;
	readonly categories: readonly string[];
	/** Index into `places`: the event's main place id. */
	readonly place: Int32Array;
	readonly places: readonly string[];
	/** The 1-based row of the source file the event came from; 0 when it came from no file. */
	readonly row: Int32Array;
	/** Event ids as UTF-8: id i is `idBytes[idOffsets[i] … idOffsets[i + 1]]`. */
	readonly idOffsets: Int32Array;
	readonly idBytes: Uint8Array;
}

const decoder = new TextDecoder();

export function eventId(table: EventTable, i: number): string {
	return decoder.decode(table.idBytes.subarray(table.idOffsets[i], table.idOffsets[i + 1]));
}

/** The buffers to list as a `postMessage` transfer: the table moves to the page, not a copy. */
export function transferables(table: EventTable): ArrayBuffer[] {
	const arrays = [
		table.lon,
		table.lat,
		table.start,
		table.end,
		table.category,
		table.place,
		table.row,
		table.idOffsets,
		table.idBytes
	];
	return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
