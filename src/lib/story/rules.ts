/**
 * The rules an event is held to, declared once, whatever form it comes in. The record adapter
 * (validate-records.ts: a GeoJSON story, the studio's project) and the table adapter
 * (columnar/validate-table.ts: `events.arrow`, a million rows in typed arrays) each read their
 * form and ask these; each rule returns the sentence a journalist can act on, or null when the
 * event keeps it. The vocabulary and limits they check against are the schema's.
 */
import { formatDay } from './dates';
import type { PlaceKind } from './schema';
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

/**
 * How far a dataset's event may lie from its place, by the place's kind, in kilometres: a dataset
 * places each row of a town a little apart, and its rows are one place (import/place-table.ts)
 * while each event keeps its own point.
 */
export const OWN_POINT_KM: Readonly<Record<PlaceKind, number>> = {
	city: 25,
	venue: 5,
	region: 150,
	country: Infinity,
	sea: 300
};

/** Great-circle distance in kilometres. */
export function kmBetween([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
	const rad = Math.PI / 180;
	const a =
		Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
		Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
	return 12_742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * An article's event's point is its main place's; a dataset's event (`ownPoint`: its place's kind)
 * may keep its row's own point, within OWN_POINT_KM of its place. A point with the two numbers the
 * other way round says so.
 */
export function pointAtPlace(
	point: LonLat,
	placeId: string,
	place: LonLat,
	ownPoint?: PlaceKind
): string | null {
	const [lon, lat] = point;
	const [plon, plat] = place;
	if (Math.abs(lon - plon) <= SAME && Math.abs(lat - plat) <= SAME) return null;
	if (ownPoint && kmBetween(point, place) <= OWN_POINT_KM[ownPoint]) return null;
	const swapped = Math.abs(lat - plon) <= SAME && Math.abs(lon - plat) <= SAME;
	if (swapped)
		return `[${lon}, ${lat}] is its place "${placeId}" with longitude and latitude swapped.`;
	return ownPoint
		? `[${lon}, ${lat}] is ${Math.round(kmBetween(point, place)).toLocaleString('en-GB')} km from its place "${placeId}" [${plon}, ${plat}]; a dataset's event lies within ${OWN_POINT_KM[ownPoint]} km of its place, a ${ownPoint}.`
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
