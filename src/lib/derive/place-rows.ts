/**
 * A big story's events by place, as row indices into the event table: a counting sort by place
 * keeps each place's rows in table order (by start), so "its events by this day" is a prefix found
 * by binary search, and a page of them is a slice. Built once, in the worker.
 */
import type { EventTable } from '../story/event-table';
import { dayToDate } from '../story/dates';

export interface PlaceRows {
	/** Place p's rows are `rows[offsets[p]] … rows[offsets[p + 1] - 1]`, in table order. */
	offsets: Int32Array;
	rows: Int32Array;
}

export function buildPlaceRows(table: EventTable): PlaceRows {
	const places = table.places.length;
	const offsets = new Int32Array(places + 1);
	for (let i = 0; i < table.length; i++) offsets[table.place[i]! + 1]!++;
	for (let p = 0; p < places; p++) offsets[p + 1]! += offsets[p]!;
	const fill = offsets.slice(0, places);
	const rows = new Int32Array(table.length);
	for (let i = 0; i < table.length; i++) rows[fill[table.place[i]!]!++] = i;
	return { offsets, rows };
}

/** How many of place p's events have started by `day`: they are the first that many of its rows. */
export function placeCountBy(index: PlaceRows, table: EventTable, p: number, day: number): number {
	let lo = index.offsets[p]!;
	const from = lo;
	let hi = index.offsets[p + 1]!;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (table.start[index.rows[mid]!]! <= day) lo = mid + 1;
		else hi = mid;
	}
	return lo - from;
}

export interface PlaceSummary {
	total: number;
	/** By day `day`: how many, by category (most first) and by month (in order). */
	shown: number;
	byCategory: Array<{ category: string; count: number }>;
	byMonth: Array<{ month: string; count: number }>;
}

const MONTH = new Intl.DateTimeFormat('en-GB', {
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});

/** A place's events up to `day`, summarised: thousands of rows said in a few lines. */
export function placeSummary(
	index: PlaceRows,
	table: EventTable,
	p: number,
	day: number
): PlaceSummary {
	const from = index.offsets[p]!;
	const total = index.offsets[p + 1]! - from;
	const shown = placeCountBy(index, table, p, day);
	const categories = new Int32Array(table.categories.length);
	const months = new Map<number, number>();
	// A place's rows come in date order: a month is worked out when a row leaves the last one,
	// not once per row, so a scrub with a busy place open makes a Date per month, not per event.
	let month = 0;
	let monthFrom = Infinity;
	let monthTo = -Infinity;
	for (let k = from; k < from + shown; k++) {
		const i = index.rows[k]!;
		categories[table.category[i]!]!++;
		const start = table.start[i]!;
		if (start < monthFrom || start >= monthTo) {
			const date = dayToDate(start);
			const [year, m] = [date.getUTCFullYear(), date.getUTCMonth()];
			month = year * 12 + m;
			monthFrom = start - (date.getUTCDate() - 1);
			// Not Date.UTC: it reads the years 0 to 99 as 1900 to 1999.
			monthTo = new Date(0).setUTCFullYear(year, m + 1, 1) / 86_400_000;
		}
		months.set(month, (months.get(month) ?? 0) + 1);
	}
	const byCategory = [...categories]
		.map((count, c) => ({ category: table.categories[c]!, count }))
		.filter((c) => c.count > 0)
		.sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
	const byMonth = [...months]
		.sort((a, b) => a[0] - b[0])
		.map(([month, count]) => ({
			month: MONTH.format(
				new Date(new Date(0).setUTCFullYear(Math.floor(month / 12), month % 12, 1))
			),
			count
		}));
	return { total, shown, byCategory, byMonth };
}

/**
 * One page of place p's events shown by `day`, newest first: row indices into the table.
 * `page` counts from 0.
 */
export function placePage(
	index: PlaceRows,
	table: EventTable,
	p: number,
	day: number,
	page: number,
	size: number
): number[] {
	const from = index.offsets[p]!;
	const shown = placeCountBy(index, table, p, day);
	const out: number[] = [];
	for (let k = shown - 1 - page * size; k >= Math.max(0, shown - (page + 1) * size); k--) {
		out.push(index.rows[from + k]!);
	}
	return out;
}
