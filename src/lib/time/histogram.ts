import { eventId, type EventTable } from '../story/event-table';

export interface DayColumn {
	day: number;
	count: number;
}
export interface RangeBar {
	id: string;
	start: number;
	end: number;
	row: number;
}

/**
 * The slider's small histogram. An event known to the day is a column on that day; an event known
 * only as a range ("last week", "in February") is a bar across the whole range, never a column on
 * a guessed day. Bars are packed into rows so that overlapping ranges stay apart, in the story's
 * order: by date, as the validator sorts it once.
 */
export interface Histogram {
	columns: DayColumn[];
	ranges: RangeBar[];
	rows: number;
}

/** The histogram of every event, or of only `subset` (rows in table order), for a filter. */
export function histogram(
	table: EventTable,
	maxRows = 8,
	maxBars = 400,
	subset: ArrayLike<number> | null = null
): Histogram {
	const counts = new Map<number, number>();
	/** The ranges as table rows: an id is decoded only for a bar drawn on its own. */
	const ranges: Array<Omit<RangeBar, 'id'> & { at: number }> = [];
	const rowEnds: number[] = [];
	const n = subset ? subset.length : table.length;
	for (let k = 0; k < n; k++) {
		const i = subset ? subset[k]! : k;
		const start = table.start[i]!;
		const end = table.end[i]!;
		if (start === end) {
			counts.set(start, (counts.get(start) ?? 0) + 1);
			continue;
		}
		let row = rowEnds.findIndex((last) => last < start);
		// With thousands of ranges, rows stop growing: the busiest bars then overlap in the last row.
		if (row === -1 && rowEnds.length >= maxRows) row = maxRows - 1;
		if (row === -1) row = rowEnds.push(end) - 1;
		else rowEnds[row] = Math.max(rowEnds[row]!, end);
		ranges.push({ at: i, start, end, row });
	}
	const columns = [...counts].map(([day, count]) => ({ day, count })).sort((a, b) => a.day - b.day);
	const bars = ranges.map(({ at, ...bar }) =>
		ranges.length > maxBars ? { ...bar, id: '' } : { ...bar, id: eventId(table, at) }
	);
	return {
		columns,
		ranges: ranges.length > maxBars ? mergeRows(bars) : bars,
		rows: rowEnds.length
	};
}

/** Thousands of bars say no more than their union per row, and cost the page far more to draw. */
function mergeRows(ranges: RangeBar[]): RangeBar[] {
	const merged: RangeBar[] = [];
	const open = new Map<number, RangeBar>();
	for (const bar of [...ranges].sort((a, b) => a.start - b.start)) {
		const current = open.get(bar.row);
		if (current && bar.start <= current.end + 1) current.end = Math.max(current.end, bar.end);
		else {
			const next = {
				id: `row-${bar.row}-${bar.start}`,
				start: bar.start,
				end: bar.end,
				row: bar.row
			};
			merged.push(next);
			open.set(bar.row, next);
		}
	}
	return merged;
}
