import type { StoryEvent } from '../story/types';

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
export function histogram(
	events: readonly Pick<StoryEvent, 'id' | 'start' | 'end'>[],
	maxRows = 8,
	maxBars = 400
): {
	columns: DayColumn[];
	ranges: RangeBar[];
	rows: number;
} {
	const counts = new Map<number, number>();
	const ranges: RangeBar[] = [];
	const rowEnds: number[] = [];
	for (const e of events) {
		if (e.start === e.end) {
			counts.set(e.start, (counts.get(e.start) ?? 0) + 1);
			continue;
		}
		let row = rowEnds.findIndex((end) => end < e.start);
		// With thousands of ranges, rows stop growing: the busiest bars then overlap in the last row.
		if (row === -1 && rowEnds.length >= maxRows) row = maxRows - 1;
		if (row === -1) row = rowEnds.push(e.end) - 1;
		else rowEnds[row] = Math.max(rowEnds[row]!, e.end);
		ranges.push({ id: e.id, start: e.start, end: e.end, row });
	}
	const columns = [...counts].map(([day, count]) => ({ day, count })).sort((a, b) => a.day - b.day);
	return {
		columns,
		ranges: ranges.length > maxBars ? mergeRows(ranges) : ranges,
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
