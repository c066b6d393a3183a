/**
 * Imported events gathered as columns, for the columnar form of a story (story/columnar): typed
 * arrays that grow as rows come in, so a million events cost some 40 bytes each and no object.
 * Their words are not kept here: the caller stores each event's text as it comes (in a file, for
 * the command line) and writes the chunks in the order `finish` gives.
 */
import type { EventTable } from '../story/event-table';
import type { EventText } from '../story/columnar/layout';
import { TableBuilder } from '../story/table-builder';
import type { ImportedEvent } from './rows-to-events';

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

/** Imported events into the one table builder, their days read from the importer's text. */
export class EventColumns {
	readonly #builder = new TableBuilder();

	get length(): number {
		return this.#builder.length;
	}

	add(event: ImportedEvent): void {
		this.#builder.add({
			id: event.id,
			start: dayOf(event.start),
			end: dayOf(event.end),
			category: event.category,
			place: event.place,
			coordinates: event.coordinates,
			row: event.row
		});
	}

	/**
	 * The table in story order (start, then end, then id), and `order`: for each of its events,
	 * the number `add` gave it (0 for the first added), to write the words in the same order.
	 */
	finish(): { table: EventTable; order: Int32Array } {
		return this.#builder.finish();
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
