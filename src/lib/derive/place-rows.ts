/**
 * A story's events by place, as row indices into the event table: the events at each place and
 * those joining it to another (an exchange, a trip), as its details list them. A counting sort by
 * place keeps each place's rows in table order (by start), so "its events by this day" is a prefix
 * found by binary search, and a page of them is a slice. Built once, with the story's other indexes.
 */
import type { EventTable } from '../story/event-table';
import { dayToDate } from '../story/dates';
import type { PlaceTally } from '../time/phase';

export interface PlaceRows {
	/** Place p's rows are `rows[offsets[p]] … rows[offsets[p + 1] - 1]`, in table order. */
	offsets: Int32Array;
	rows: Int32Array;
	/**
	 * Per slot of `rows`: the latest end among the place's rows up to it. One of a place's first k
	 * events is going on at a day iff the k-th slot's reach is on or after it.
	 */
	reach: Int32Array;
}

/** Calls `visit` once per place event i involves: its own, then each other place not yet named. */
function eachPlace(table: EventTable, i: number, visit: (p: number) => void): void {
	const own = table.place[i]!;
	visit(own);
	const from = table.otherOffsets[i]!;
	const to = table.otherOffsets[i + 1]!;
	for (let k = from; k < to; k++) {
		const p = table.otherPlaces[k]!;
		if (p === own) continue;
		let seen = false;
		for (let j = from; j < k; j++) seen ||= table.otherPlaces[j] === p;
		if (!seen) visit(p);
	}
}

/**
 * The index of every event, or of only `subset` (rows in table order): the reader's filters,
 * such as "what changed", draw the map from the same index over fewer rows.
 */
export function buildPlaceRows(
	table: EventTable,
	subset: ArrayLike<number> | null = null
): PlaceRows {
	const places = table.places.length;
	const offsets = new Int32Array(places + 1);
	const n = subset ? subset.length : table.length;
	const rowAt = (k: number) => (subset ? subset[k]! : k);
	for (let k = 0; k < n; k++) eachPlace(table, rowAt(k), (p) => offsets[p + 1]!++);
	for (let p = 0; p < places; p++) offsets[p + 1]! += offsets[p]!;
	const fill = offsets.slice(0, places);
	const rows = new Int32Array(offsets[places]!);
	for (let k = 0; k < n; k++) {
		const i = rowAt(k);
		eachPlace(table, i, (p) => (rows[fill[p]!++] = i));
	}
	const reach = new Int32Array(rows.length);
	for (let p = 0; p < places; p++) {
		let latest = -0x7fffffff;
		for (let k = offsets[p]!; k < offsets[p + 1]!; k++) {
			latest = Math.max(latest, table.end[rows[k]!]!);
			reach[k] = latest;
		}
	}
	return { offsets, rows, reach };
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

/**
 * Where place p stands by `day`: how many of its events have started, whether one is going on, and
 * the category of the latest; null when none has started.
 */
export function placeTally(
	index: PlaceRows,
	table: EventTable,
	p: number,
	day: number
): PlaceTally | null {
	const count = placeCountBy(index, table, p, day);
	if (count === 0) return null;
	const last = index.offsets[p]! + count - 1;
	return {
		count,
		current: index.reach[last]! >= day,
		category: table.categories[table.category[index.rows[last]!]!] ?? null
	};
}

/** Every place with an event by `day`, by id: what the map's circles and buttons read. */
export function tallyPlaces(
	index: PlaceRows,
	table: EventTable,
	day: number
): Map<string, PlaceTally> {
	const tally = new Map<string, PlaceTally>();
	for (let p = 0; p < table.places.length; p++) {
		const t = placeTally(index, table, p, day);
		if (t) tally.set(table.places[p]!, t);
	}
	return tally;
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
