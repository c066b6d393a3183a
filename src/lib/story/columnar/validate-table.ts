/**
 * The "dataset" profile of the validator, over the columnar form: the checks validate.ts makes of
 * each GeoJSON event, made of a whole EventTable at once. Each check is a loop over typed arrays
 * that builds nothing per event but a message for one that fails, so a million events take well
 * under a second. What differs from an article's story: an event's trace is its source row, not
 * an excerpt, so `row` must be 1 or more and name one event; and no event may end after the day
 * of publication (today, if the dataset has none). A point at 0, 0 is refused as the placeholder
 * datasets use for a missing place.
 */
import { parseIsoDate } from '../dates';
import { FieldReader } from '../fields';
import {
	endBeforeStart,
	endsTooLate,
	mainPlaceAgain,
	notARealDay,
	notInVocabulary,
	pointAtPlace,
	rowProblem,
	rowTaken,
	unknownPlace
} from '../rules';
import type { ProblemList } from '../problems';
import { MAX_SLUG_LENGTH } from '../slug';
import { quote } from '../text';
import { CATEGORIES, STORY_FIELDS, type PlaceKind } from '../schema';
import { readDatasetFile } from '../dataset-origin';
import type { Place } from '../types';
import { eventId, type EventTable } from '../event-table';
import type { TableMeta } from './layout';

/** 0001-01-01 and 9999-12-31 as day numbers: a story's dates are years 1 to 9999. */
export const FIRST_DAY = -719_162;
export const LAST_DAY = 2_932_896;

export interface TableOptions {
	/** Today as a day number: with no publication day, no event may end after it. */
	today: number;
	/**
	 * Every id the places file names, valid or not, so one bad place is reported once, in the
	 * places file, and not again at each of its events. Defaults to the ids of `places`.
	 */
	knownPlaceIds?: ReadonlySet<string>;
	/**
	 * The events the story's history withdraws (history.ts): they keep the row they last had, which
	 * a newer file of the dataset may give another event or no longer have, so the row rule is not
	 * theirs.
	 */
	withdrawn?: ReadonlySet<string>;
}

/** The letters, digits and hyphen of a slug (slug.ts), by byte. */
const SLUG_BYTE = new Uint8Array(128);
for (let c = 97; c <= 122; c++) SLUG_BYTE[c] = 1;
for (let c = 48; c <= 57; c++) SLUG_BYTE[c] = 1;
const HYPHEN = 45;

/** `isSlug` over an id's UTF-8 bytes, without decoding it. */
function isSlugBytes(bytes: Uint8Array, from: number, to: number): boolean {
	if (to <= from || to - from > MAX_SLUG_LENGTH) return false;
	let afterHyphen = true;
	for (let j = from; j < to; j++) {
		const c = bytes[j]!;
		if (c < 128 && SLUG_BYTE[c]) afterHyphen = false;
		else if (c === HYPHEN && !afterHyphen) afterHyphen = true;
		else return false;
	}
	return !afterHyphen;
}

/** FNV-1a over an id's bytes: the key of the duplicate search. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
	let hash = 0x811c9dc5;
	for (let j = from; j < to; j++) hash = Math.imul(hash ^ bytes[j]!, 0x01000193);
	return hash >>> 0;
}

/** Byte order of two ids, which for slugs is the order of their text. */
function compareIds(table: EventTable, a: number, b: number): number {
	const { idOffsets: off, idBytes: bytes } = table;
	const aFrom = off[a]!;
	const aLength = off[a + 1]! - aFrom;
	const bFrom = off[b]!;
	const bLength = off[b + 1]! - bFrom;
	const n = Math.min(aLength, bLength);
	for (let j = 0; j < n; j++) {
		const d = bytes[aFrom + j]! - bytes[bFrom + j]!;
		if (d !== 0) return d;
	}
	return aLength - bLength;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** How problems name event `i`: its id when that is a slug, else its place in the table. */
type Label = (i: number) => string;

/**
 * Ids: slugs, and unique. Returns which events have a usable id (for labels), or null when the
 * id column is damaged and no id can be read.
 */
function checkIds(table: EventTable, problems: ProblemList): Uint8Array | null {
	const { idOffsets: off, idBytes: bytes, length } = table;
	if (off.length < length + 1 || off[0]! < 0) {
		problems.add('the id column is damaged: it has fewer offsets than events.', undefined, 'id');
		return null;
	}
	for (let i = 0; i < length; i++) {
		if (off[i + 1]! < off[i]! || off[i + 1]! > bytes.length) {
			problems.add(
				`the id column is damaged: the offsets of event ${i + 1} run backwards or past its end.`,
				undefined,
				'id'
			);
			return null;
		}
	}
	const usable = new Uint8Array(length);
	// Open addressing over the ids' hashes: no string and no Set entry per event.
	let size = 2;
	while (size < length * 2) size *= 2;
	const mask = size - 1;
	const slots = new Int32Array(size);
	const hashes = new Uint32Array(length);
	for (let i = 0; i < length; i++) {
		const from = off[i]!;
		const to = off[i + 1]!;
		if (!isSlugBytes(bytes, from, to)) {
			problems.add(
				to === from
					? 'has no id. Give it a unique slug like "ukr1234".'
					: `${quote(eventId(table, i))} is not a slug: use lower-case letters, digits and hyphens (at most ${MAX_SLUG_LENGTH}).`,
				`event ${(i + 1).toLocaleString('en-GB')}`,
				'id'
			);
			continue;
		}
		usable[i] = 1;
		const hash = hashBytes(bytes, from, to);
		hashes[i] = hash;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const other = slots[slot]! - 1;
			if (other < 0) {
				slots[slot] = i + 1;
				break;
			}
			if (hashes[other] === hash && compareIds(table, other, i) === 0) {
				problems.add(
					`${quote(eventId(table, i))} is used by more than one event (event ${(other + 1).toLocaleString('en-GB')} has it too); ids must be unique.`,
					eventId(table, i),
					'id'
				);
				break;
			}
		}
	}
	return usable;
}

function checkMeta(meta: TableMeta, problems: ProblemList): number | null {
	const read = new FieldReader(
		{
			title: meta.title || undefined,
			published: meta.published ?? undefined,
			origin: meta.origin || undefined,
			file: meta.datasetFile?.file,
			notesColumn: meta.datasetFile?.notesColumn
		},
		'metadata',
		problems
	);
	read.text('title', { optional: true, max: STORY_FIELDS.title.max, plain: true });
	read.text('origin', { optional: true, max: 2000, plain: true });
	readDatasetFile(read);
	const published = read.text('published', { optional: true, max: 40 });
	if (published === undefined) return null;
	const day = parseIsoDate(published);
	if (day === null) problems.add(notARealDay(published), 'metadata', 'published');
	return day;
}

function checkPoints(
	table: EventTable,
	places: readonly Place[],
	known: ReadonlySet<string>,
	label: Label,
	problems: ProblemList
): void {
	const words = table.places;
	// Per word of the place dictionary: is it in the places file, and where is it.
	const isKnown = new Uint8Array(words.length);
	const placeLon = new Float64Array(words.length).fill(NaN);
	const placeLat = new Float64Array(words.length).fill(NaN);
	// A table is a dataset's: each event may keep its row's own point, near its place.
	const placeKind: (PlaceKind | undefined)[] = new Array(words.length);
	const byId = new Map(places.map((p) => [p.id, p]));
	words.forEach((word, w) => {
		isKnown[w] = known.has(word) ? 1 : 0;
		const place = byId.get(word);
		if (place) [placeLon[w], placeLat[w]] = place.coordinates;
		placeKind[w] = place?.kind;
	});
	for (let i = 0; i < table.length; i++) {
		const lon = table.lon[i]!;
		const lat = table.lat[i]!;
		let located = false;
		if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
			problems.add('longitude and latitude must be numbers.', label(i), 'lon, lat');
		} else if (lon < -180 || lon > 180) {
			problems.add(`longitude ${lon} is outside -180…180.`, label(i), 'lon');
		} else if (lat < -90 || lat > 90) {
			const hint =
				lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180
					? ' Are longitude and latitude swapped?'
					: '';
			problems.add(`latitude ${lat} is outside -90…90.${hint}`, label(i), 'lat');
		} else if (lon === 0 && lat === 0) {
			problems.add(
				'is 0, 0: a placeholder for a missing place, not a place.',
				label(i),
				'lon, lat'
			);
		} else if (round6(lon) !== lon || round6(lat) !== lat) {
			problems.add(
				`[${lon}, ${lat}] has more than 6 decimals (about 10 cm); more is false precision.`,
				label(i),
				'lon, lat'
			);
		} else located = true;

		const w = table.place[i]!;
		if (w < 0 || w >= words.length) {
			problems.add(
				`names no place: its index is outside the place dictionary of ${words.length.toLocaleString('en-GB')} words.`,
				label(i),
				'place'
			);
		} else if (!isKnown[w]) {
			problems.add(unknownPlace(words[w]!), label(i), 'place');
		} else if (located && !Number.isNaN(placeLon[w]!)) {
			const away = pointAtPlace([lon, lat], words[w]!, [placeLon[w]!, placeLat[w]!], placeKind[w]);
			if (away) problems.add(away, label(i), 'lon, lat');
		}
	}
}

function checkDates(
	table: EventTable,
	latest: number,
	published: boolean,
	label: Label,
	problems: ProblemList
): void {
	const outside = (day: number) => `day ${day} is not a day of the years 1 to 9999.`;
	const lastIs = published ? 'published' : 'today';
	for (let i = 0; i < table.length; i++) {
		const start = table.start[i]!;
		const end = table.end[i]!;
		if (start < FIRST_DAY || start > LAST_DAY) {
			problems.add(outside(start), label(i), 'start');
			continue;
		}
		if (end < FIRST_DAY || end > LAST_DAY) {
			problems.add(outside(end), label(i), 'end');
			continue;
		}
		const wrong = endBeforeStart(start, end) ?? endsTooLate(end, latest, lastIs);
		if (wrong) problems.add(wrong, label(i), end === start ? 'start' : 'end');
	}
}

function checkCategories(table: EventTable, label: Label, problems: ProblemList): void {
	const words = table.categories;
	const allowed = new Set<string>(CATEGORIES);
	const ok = new Uint8Array(256);
	words.forEach((word, c) => (ok[c] = allowed.has(word) ? 1 : 0));
	for (let i = 0; i < table.length; i++) {
		const c = table.category[i]!;
		if (ok[c]) continue;
		problems.add(
			c >= words.length
				? `names no category: its index is outside the category dictionary of ${words.length} words.`
				: notInVocabulary(words[c]!, CATEGORIES),
			label(i),
			'category'
		);
	}
}

/**
 * Each event's source row: 1 or more (the header is row 1), within the rows the file had where
 * the table says how many, and one event per row.
 */
function checkRows(
	table: EventTable,
	rows: number | null,
	label: Label,
	problems: ProblemList,
	withdrawn: ReadonlySet<string> | undefined
): void {
	const { length } = table;
	// Withdrawn events' rows become 0 here (no row): the uniqueness below passes them over.
	const row = withdrawn?.size ? table.row.slice() : table.row;
	for (let i = 0; i < length; i++) {
		if (row !== table.row && withdrawn!.has(eventId(table, i))) {
			row[i] = 0;
			continue;
		}
		const wrong = rowProblem(row[i]!, rows);
		if (wrong) problems.add(wrong, label(i), 'row');
	}
	const sorted = row.slice().sort();
	const repeated = new Set<number>();
	for (let i = 1; i < length; i++)
		if (sorted[i] === sorted[i - 1] && sorted[i]! >= 1) repeated.add(sorted[i]!);
	if (!repeated.size) return;
	const first = new Map<number, number>();
	for (let i = 0; i < length; i++) {
		const r = row[i]!;
		if (!repeated.has(r)) continue;
		const seen = first.get(r);
		if (seen === undefined) first.set(r, i);
		else problems.add(rowTaken(r, label(seen)), label(i), 'row');
	}
}

/** Each event's other places: named in the place dictionary, and not its main place again. */
function checkOthers(
	table: EventTable,
	known: ReadonlySet<string>,
	label: Label,
	problems: ProblemList
): void {
	const { otherOffsets: off, otherPlaces: others, length } = table;
	if (off.length !== length + 1 || off[0] !== 0 || off[length] !== others.length) {
		problems.add('the table is damaged: its column of other places does not match its events.');
		return;
	}
	for (let i = 0; i < length; i++) {
		if (off[i + 1]! < off[i]!) {
			problems.add('the table is damaged: its column of other places runs backwards.', label(i));
			return;
		}
		for (let k = off[i]!; k < off[i + 1]!; k++) {
			const p = others[k]!;
			if (p < 0 || p >= table.places.length)
				problems.add(
					`names no place: its index is outside the place dictionary of ${table.places.length} words.`,
					label(i),
					`places[${k - off[i]!}]`
				);
			else if (!known.has(table.places[p]!))
				problems.add(unknownPlace(table.places[p]!), label(i), `places[${k - off[i]!}]`);
			else if (p === table.place[i])
				problems.add(mainPlaceAgain(table.places[p]!), label(i), `places[${k - off[i]!}]`);
		}
	}
}

/** Sorted by start, then end, then id: the order of the list, the slider and the text chunks. */
function checkOrder(table: EventTable, label: Label, problems: ProblemList): void {
	const { start, end } = table;
	let misplaced = 0;
	let first = -1;
	for (let i = 1; i < table.length; i++) {
		const before =
			start[i]! < start[i - 1]! ||
			(start[i] === start[i - 1] &&
				(end[i]! < end[i - 1]! || (end[i] === end[i - 1] && compareIds(table, i - 1, i) > 0)));
		if (!before) continue;
		misplaced++;
		if (first < 0) first = i;
	}
	if (first < 0) return;
	problems.add(
		`is out of order: events are sorted by start, then end, then id, and it comes after ${label(first - 1)} in the table but before it in that order${misplaced > 1 ? ` (${misplaced.toLocaleString('en-GB')} events are out of order)` : ''}.`,
		label(first),
		'start'
	);
}

/**
 * Checks an events table against its places (those of places.geojson that passed) and adds every
 * problem to `problems`, each named by the event's id and the column.
 */
export function validateTable(
	table: EventTable,
	meta: TableMeta,
	places: readonly Place[],
	problems: ProblemList,
	{ today, knownPlaceIds, withdrawn }: TableOptions
): void {
	const published = checkMeta(meta, problems);
	// What readEventTable guarantees, checked again for a table built some other way.
	const columns = { lon: table.lon, lat: table.lat, start: table.start, end: table.end };
	const sized = { ...columns, category: table.category, place: table.place, row: table.row };
	for (const [name, column] of Object.entries(sized)) {
		if (column.length !== table.length) {
			problems.add(
				`the table is damaged: column "${name}" has ${column.length} values for ${table.length} events.`
			);
			return;
		}
	}
	if (table.length === 0) {
		problems.add('has no events.');
		return;
	}
	const usable = checkIds(table, problems);
	const label: Label = (i) => {
		if (usable?.[i]) return eventId(table, i);
		const n = `event ${(i + 1).toLocaleString('en-GB')}`;
		if (!usable) return n;
		const id = eventId(table, i);
		return id ? `${n} (${quote(id, 40)})` : n;
	};
	const known = knownPlaceIds ?? new Set(places.map((p) => p.id));
	checkPoints(table, places, known, label, problems);
	checkDates(table, published ?? today, published !== null, label, problems);
	checkCategories(table, label, problems);
	checkOthers(table, known, label, problems);
	checkRows(table, meta.rows, label, problems, withdrawn);
	if (usable) checkOrder(table, label, problems);
}
