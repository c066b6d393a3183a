/**
 * The checks of one text chunk (`text/<n>.json`): a JSON list of the words of CHUNK_SIZE events,
 * in the table's order, each held to the rules of the same fields in events.geojson (plain text,
 * lengths, no control characters or bidirectional overrides). A chunk is checked on its own, so
 * a million events' words never sit in memory at once.
 */
import { isRecord, parseJson, type FileContents } from '../json-file';
import type { ProblemList } from '../problems';
import { isSlug } from '../slug';
import { describe } from '../text';
import { readFields } from '../read-fields';
import { fieldsIn } from '../schema';
import { eventId, type EventTable } from '../event-table';
import { chunkChecksum } from '../checksum';
import { CHUNK_SIZE, EVENTS_ARROW, MAX_CHUNK_BYTES } from './layout';

/** The fields a chunk holds: the schema's words of an event. */
const TEXT_FIELDS = fieldsIn('text');

const mb = (bytes: number) =>
	`${(bytes / 1048576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/** Whether event `i`'s id is `text`, compared without decoding the table's bytes. */
function sameId(table: EventTable, i: number, text: string): boolean {
	const from = table.idOffsets[i]!;
	const to = table.idOffsets[i + 1]!;
	if (text.length === to - from) {
		let ascii = true;
		for (let j = 0; j < text.length; j++) {
			const byte = table.idBytes[from + j]!;
			if (byte >= 0x80) {
				ascii = false;
				break;
			}
			if (text.charCodeAt(j) !== byte) return false;
		}
		if (ascii) return true;
	}
	return eventId(table, i) === text;
}

/** The message for a chunk over MAX_CHUNK_BYTES, asked before it is read. */
export function chunkTooBig(bytes: number): string | null {
	return bytes > MAX_CHUNK_BYTES
		? `is ${mb(bytes)}; a text chunk may weigh ${mb(MAX_CHUNK_BYTES)}.`
		: null;
}

/** The events of chunk `chunk`: the first one's index and how many. */
export function chunkSpan(table: EventTable, chunk: number): { first: number; count: number } {
	const first = chunk * CHUNK_SIZE;
	return { first, count: Math.max(0, Math.min(CHUNK_SIZE, table.length - first)) };
}

/**
 * Checks chunk number `chunk` of `table`. `label` names event i as the table's problems do, so
 * a bad id is not quoted again for each of its fields.
 */
export function checkTextChunk(
	table: EventTable,
	chunk: number,
	contents: FileContents,
	checksum: string | undefined,
	problems: ProblemList,
	label: (i: number) => string = (i) => eventId(table, i)
): void {
	const { first, count } = chunkSpan(table, chunk);
	const tooBig = chunkTooBig(typeof contents === 'string' ? contents.length : contents.byteLength);
	if (tooBig) {
		problems.add(tooBig);
		return;
	}
	if (checksum !== undefined && chunkChecksum(contents) !== checksum) {
		problems.add(
			`does not match the checksum ${EVENTS_ARROW} keeps of it: these are not the words it was written with (another chunk's, or damaged). Import or export the story again.`
		);
		return;
	}
	const json = parseJson(contents, problems);
	if (json === undefined) return;
	const which = `events ${(first + 1).toLocaleString('en-GB')} to ${(first + count).toLocaleString('en-GB')}`;
	if (!Array.isArray(json)) {
		problems.add(`must be a list of the words of ${which}, in the order of the events table.`);
		return;
	}
	if (json.length !== count)
		problems.add(
			`holds the words of ${json.length.toLocaleString('en-GB')} events; it is for ${which} (${count.toLocaleString('en-GB')}).`
		);
	const n = Math.min(json.length, count);
	for (let k = 0; k < n; k++) {
		const i = first + k;
		const text: unknown = json[k];
		if (!isRecord(text)) {
			problems.add(
				'must be an object with the id, title, summary, actors, when, source and notes of the event.',
				label(i)
			);
			continue;
		}
		if (typeof text.id !== 'string' || !sameId(table, i, text.id)) {
			problems.add(
				`holds the words of ${describe(text.id)}, not of this event: a chunk follows the order of the events table.`,
				label(i),
				'id'
			);
			continue;
		}
		// The id is the table's: a slug names the event as it is, without decoding it again.
		const where = isSlug(text.id) ? text.id : label(i);
		readFields(text, TEXT_FIELDS, where, problems);
	}
}
