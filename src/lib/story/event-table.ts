/**
 * The one event table: every story's events as columns, whatever file they came from (a GeoJSON
 * story, `events.arrow`, an import, a draft, the studio). Typed arrays plus small string
 * dictionaries, one slot per event, sorted by start, then end, then id. One builder makes it
 * (table-builder.ts); the worker that loads a story builds it and transfers it to the page
 * without copying; the time index, the GPU vertices, the histogram, the links and the list read it
 * by row index. A million events are a few dozen megabytes here, where a million `StoryEvent`
 * objects would not fit the page's memory budget. An event's words are not here: they sit in a
 * text store, in memory for a small story and fetched by chunk for a big one.
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
	/**
	 * The event's other places (a trip, an exchange), as indices into `places`: event i's are
	 * `otherPlaces[otherOffsets[i]] … otherPlaces[otherOffsets[i + 1] - 1]`. The map's links are
	 * drawn from these, so they survive at any size.
	 */
	readonly otherOffsets: Int32Array;
	readonly otherPlaces: Int32Array;
	/** The 1-based row of the source file the event came from; 0 when it came from no file. */
	readonly row: Int32Array;
	/** Event ids as UTF-8: id i is `idBytes[idOffsets[i] … idOffsets[i + 1]]`. */
	readonly idOffsets: Int32Array;
	readonly idBytes: Uint8Array;
}

/** The typed-array columns of the table, in the order the checksum and the transfer read them. */
export const TABLE_ARRAYS = [
	'lon',
	'lat',
	'start',
	'end',
	'category',
	'place',
	'otherOffsets',
	'otherPlaces',
	'row',
	'idOffsets',
	'idBytes'
] as const satisfies ReadonlyArray<keyof EventTable>;

const decoder = new TextDecoder();

export function eventId(table: EventTable, i: number): string {
	return decoder.decode(table.idBytes.subarray(table.idOffsets[i], table.idOffsets[i + 1]));
}

/** Event i's other places, as indices into `table.places`. */
export function otherPlacesOf(table: EventTable, i: number): Int32Array {
	return table.otherPlaces.subarray(table.otherOffsets[i], table.otherOffsets[i + 1]);
}

/** The buffers to list as a `postMessage` transfer: the table moves to the page, not a copy. */
export function transferables(table: EventTable): ArrayBuffer[] {
	return [...new Set(TABLE_ARRAYS.map((name) => table[name].buffer as ArrayBuffer))];
}
