/**
 * The rules an event is held to, declared once, whatever form it comes in. The record adapter
 * (validate-records.ts: a GeoJSON story, the studio's project) and the table adapter
 * (columnar/validate-table.ts: `events.arrow`, a million rows in typed arrays) each read their
 * form and ask these; each rule returns the sentence a journalist can act on, or null when the
 * event keeps it. The vocabulary and limits they check against are the schema's.
 */
import { formatDay } from './dates';
import { quote } from './text';
import type { LonLat } from './types';

/** An event's point within a micrometre of its place's is at it (coordinates have 6 decimals). */
const SAME = 1e-6;

/** An event's days: its end not before its start. */
export function endBeforeStart(start: number, end: number): string | null {
	return end < start ? `${formatDay(end)} is before the start, ${formatDay(start)}.` : null;
}

/**
 * An event's end not after the last day it may reach: the day of publication, or today where a
 * dataset has none.
 */
export function endsTooLate(
	end: number,
	last: number,
	lastIs: 'published' | 'today'
): string | null {
	if (end <= last) return null;
	const what = lastIs === 'published' ? "the story's publication" : 'today';
	return `${formatDay(end)} is after ${what}, ${formatDay(last)}.`;
}

/** A place an event names: one the places file has. */
export const unknownPlace = (id: string): string =>
	`${quote(id)} is not a place id in the places file.`;

/** An event's other places: not its main place again. */
export const mainPlaceAgain = (id: string): string => `${quote(id)} is already the main place.`;

/** An event's point is its main place's, and a point with the two numbers the other way round says so. */
export function pointAtPlace(point: LonLat, placeId: string, place: LonLat): string | null {
	const [lon, lat] = point;
	const [plon, plat] = place;
	if (Math.abs(lon - plon) <= SAME && Math.abs(lat - plat) <= SAME) return null;
	const swapped = Math.abs(lat - plon) <= SAME && Math.abs(lon - plat) <= SAME;
	return swapped
		? `[${lon}, ${lat}] is its place "${placeId}" with longitude and latitude swapped.`
		: `[${lon}, ${lat}] is not at its place "${placeId}" [${plon}, ${plat}]; an event's point is its main place.`;
}

/** A dataset's row makes one event: the message for the second event from the same row. */
export const rowTaken = (row: number, by: string): string =>
	`row ${row} is the row of ${by} too: one row of a file makes one event.`;

/** A dataset's event keeps the row it came from: 1 or more, the header being row 1. */
export function rowProblem(row: number, rows: number | null): string | null {
	if (row < 1)
		return `is ${row}; an event of a dataset keeps the row of the file it came from (1 or more).`;
	if (rows !== null && row > rows)
		return `is ${row.toLocaleString('en-GB')}, past the ${rows.toLocaleString('en-GB')} rows the table says its file had.`;
	return null;
}

/** A value that must be one of a vocabulary's words (a category, a place's kind). */
export const notInVocabulary = (value: string, allowed: readonly string[]): string =>
	`${quote(value)} is not one of: ${allowed.join(', ')}.`;

/** A story's date of publication, in the form its files give it. */
export const notARealDay = (text: string): string =>
	`${quote(text)} is not a real date in the form YYYY-MM-DD.`;
