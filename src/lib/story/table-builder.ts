/**
 * The one builder of the event table (event-table.ts), whatever the events came from: a GeoJSON
 * story's records, an import's rows streamed one at a time, the studio's project, a synthetic
 * dataset. Columns grow as records come in, so a million events cost some 50 bytes each and no
 * object; `finish` sorts them into story order once.
 */
import { CATEGORIES } from './schema';
import type { EventTable } from './event-table';
import type { LonLat } from './types';

/** What the table keeps of one event: the columns, never its words. */
export interface TableRecord {
	id: string;
	/** Day numbers. */
	start: number;
	end: number;
	category: string;
	place: string;
	/** The event's other places, by id. */
	places?: readonly string[];
	coordinates: LonLat;
	/** The source file's row; 0 or absent when it came from no file. */
	row?: number;
}

const CATEGORY_INDEX = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));

/** What a category outside the vocabulary becomes: the validator reports it, never the reader. */
export const NO_CATEGORY = 255;

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
	const bigger = new (array.constructor as new (n: number) => T)(size);
	bigger.set(array);
	return bigger;
}

/**
 * Builds the id columns from strings. Ids are mostly ASCII, written byte for byte; only an id
 * with other characters goes through the encoder.
 */
export function encodeIds(ids: readonly string[]): { idOffsets: Int32Array; idBytes: Uint8Array } {
	const encoder = new TextEncoder();
	const idOffsets = new Int32Array(ids.length + 1);
	let bytes = new Uint8Array(Math.max(16, ids.length * 12));
	let at = 0;
	ids.forEach((id, i) => {
		// A UTF-16 unit is at most 3 bytes of UTF-8.
		if (at + id.length * 3 > bytes.length) {
			const bigger = new Uint8Array(Math.max(bytes.length * 2, at + id.length * 3));
			bigger.set(bytes.subarray(0, at));
			bytes = bigger;
		}
		let ascii = true;
		for (let j = 0; j < id.length; j++) {
			const code = id.charCodeAt(j);
			if (code >= 0x80) {
				ascii = false;
				break;
			}
			bytes[at + j] = code;
		}
		at += ascii ? id.length : encoder.encodeInto(id, bytes.subarray(at)).written;
		idOffsets[i + 1] = at;
	});
	return { idOffsets, idBytes: bytes.slice(0, at) };
}

export class TableBuilder {
	#length = 0;
	#lon = new Float64Array(1024);
	#lat = new Float64Array(1024);
	#start = new Int32Array(1024);
	#end = new Int32Array(1024);
	#category = new Uint8Array(1024);
	#place = new Int32Array(1024);
	#row = new Int32Array(1024);
	/** Per event, where its other places begin in #others; the last slot is their end. */
	#otherStart = new Int32Array(1025);
	#others = new Int32Array(64);
	#otherCount = 0;
	readonly #ids: string[] = [];
	readonly #placeIndex = new Map<string, number>();
	readonly #places: string[] = [];

	/** `places`: the story's place ids in their file's order, so the dictionary follows it. */
	constructor(places: readonly string[] = []) {
		for (const id of places) this.#placeOf(id);
	}

	get length(): number {
		return this.#length;
	}

	#placeOf(id: string): number {
		let index = this.#placeIndex.get(id);
		if (index === undefined) {
			index = this.#places.length;
			this.#placeIndex.set(id, index);
			this.#places.push(id);
		}
		return index;
	}

	add(record: TableRecord): void {
		const i = this.#length;
		if (i === this.#lon.length) {
			const size = i * 2;
			this.#lon = grown(this.#lon, size);
			this.#lat = grown(this.#lat, size);
			this.#start = grown(this.#start, size);
			this.#end = grown(this.#end, size);
			this.#category = grown(this.#category, size);
			this.#place = grown(this.#place, size);
			this.#row = grown(this.#row, size);
			this.#otherStart = grown(this.#otherStart, size + 1);
		}
		this.#lon[i] = record.coordinates[0];
		this.#lat[i] = record.coordinates[1];
		this.#start[i] = record.start;
		this.#end[i] = record.end;
		this.#category[i] = CATEGORY_INDEX.get(record.category) ?? NO_CATEGORY;
		this.#place[i] = this.#placeOf(record.place);
		this.#row[i] = record.row ?? 0;
		this.#otherStart[i] = this.#otherCount;
		for (const other of record.places ?? []) {
			if (this.#otherCount === this.#others.length)
				this.#others = grown(this.#others, this.#others.length * 2);
			this.#others[this.#otherCount++] = this.#placeOf(other);
		}
		this.#ids.push(record.id);
		this.#length++;
	}

	/**
	 * The table in story order (start, then end, then id), and `order`: for each of its events,
	 * the number `add` gave it (0 for the first added), to write the words in the same order.
	 */
	finish(): { table: EventTable; order: Int32Array } {
		const n = this.#length;
		const start = this.#start;
		const end = this.#end;
		const ids = this.#ids;
		this.#otherStart[n] = this.#otherCount;
		const sorted = Array.from({ length: n }, (_, i) => i);
		// Ids are slugs (ASCII): their order as text is their order as bytes, as the validator reads.
		sorted.sort(
			(a, b) =>
				start[a]! - start[b]! ||
				end[a]! - end[b]! ||
				(ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0)
		);
		const order = Int32Array.from(sorted);
		const pick = <T extends Float64Array | Int32Array | Uint8Array>(column: T): T => {
			const out = new (column.constructor as new (n: number) => T)(n);
			for (let i = 0; i < n; i++) out[i] = column[order[i]!]!;
			return out;
		};
		const otherOffsets = new Int32Array(n + 1);
		const otherPlaces = new Int32Array(this.#otherCount);
		for (let i = 0, at = 0; i < n; i++) {
			const from = this.#otherStart[order[i]!]!;
			const to = this.#otherStart[order[i]! + 1]!;
			otherPlaces.set(this.#others.subarray(from, to), at);
			at += to - from;
			otherOffsets[i + 1] = at;
		}
		return {
			order,
			table: {
				length: n,
				lon: pick(this.#lon),
				lat: pick(this.#lat),
				start: pick(start),
				end: pick(end),
				category: pick(this.#category),
				categories: [...CATEGORIES],
				place: pick(this.#place),
				places: [...this.#places],
				otherOffsets,
				otherPlaces,
				row: pick(this.#row),
				...encodeIds(sorted.map((i) => ids[i]!))
			}
		};
	}
}

/** The table of records already in hand: a story's events, the studio's project. */
export function buildEventTable(
	records: Iterable<TableRecord>,
	places: readonly string[] = []
): EventTable {
	const builder = new TableBuilder(places);
	for (const record of records) builder.add(record);
	return builder.finish().table;
}
