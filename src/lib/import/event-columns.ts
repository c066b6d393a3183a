/**
 * Imported events gathered as columns, for the columnar form of a story (story/columnar): typed
 * arrays that grow as rows come in, so a million events cost some 40 bytes each and no object.
 * Their words are not kept here: the caller stores each event's text as it comes (in a file, for
 * the command line) and writes the chunks in the order `finish` gives.
 */
import { encodeIds } from '../story/columnar/arrow-table';
import type { EventTable } from '../story/columnar/event-table';
import type { EventText } from '../story/columnar/layout';
import { CATEGORIES } from '../story/types';
import type { ImportedEvent } from './rows-to-events';

const CATEGORY_INDEX = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
	const bigger = new (array.constructor as new (n: number) => T)(size);
	bigger.set(array);
	return bigger;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number of a date the importer wrote (`YYYY-MM-DD`, a real day): by arithmetic, since
 * a million rows make two million of them and a Date each would cost seconds. Days from civil,
 * after Howard Hinnant's algorithm, proleptic Gregorian like story/dates.ts.
 */
export function dayOf(text: string): number {
	const match = ISO_DAY.exec(text);
	if (!match) throw new Error(`the importer wrote "${text}" as a date`);
	const m = Number(match[2]);
	const d = Number(match[3]);
	const y = Number(match[1]) - (m <= 2 ? 1 : 0);
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

export class EventColumns {
	#length = 0;
	#lon = new Float64Array(1024);
	#lat = new Float64Array(1024);
	#start = new Int32Array(1024);
	#end = new Int32Array(1024);
	#category = new Uint8Array(1024);
	#place = new Int32Array(1024);
	#row = new Int32Array(1024);
	readonly #ids: string[] = [];
	readonly #placeIndex = new Map<string, number>();
	readonly #places: string[] = [];

	get length(): number {
		return this.#length;
	}

	add(event: ImportedEvent): void {
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
		}
		let place = this.#placeIndex.get(event.place);
		if (place === undefined) {
			place = this.#places.length;
			this.#placeIndex.set(event.place, place);
			this.#places.push(event.place);
		}
		this.#lon[i] = event.coordinates[0];
		this.#lat[i] = event.coordinates[1];
		this.#start[i] = dayOf(event.start);
		this.#end[i] = dayOf(event.end);
		this.#category[i] = CATEGORY_INDEX.get(event.category)!;
		this.#place[i] = place;
		this.#row[i] = event.row;
		this.#ids.push(event.id);
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
				row: pick(this.#row),
				...encodeIds(sorted.map((i) => ids[i]!))
			}
		};
	}
}

/** An event's words, as its text chunk holds them; the excerpt is its trace, "Row N (id): …". */
export function eventText(event: ImportedEvent): EventText {
	return {
		id: event.id,
		title: event.title,
		summary: event.summary,
		actors: event.actors,
		when: event.when,
		source: [event.source],
		notes: []
	};
}

/** One text chunk's file from its events' words, each already JSON, in table order. */
export function chunkJson(texts: readonly string[]): string {
	return `[\n${texts.join(',\n')}\n]\n`;
}
