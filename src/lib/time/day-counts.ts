/**
 * A story's time at the grain of days: how many events start and end on each day, counted once
 * from its table (in the worker, for a big story). The time scale, the slider's Page Up/Down stops
 * and the story's span read these few thousand numbers instead of a million events.
 */
import type { EventTable } from '../story/event-table';

export interface DayCounts {
	/** Day number of slot 0: the first event's start (the table is sorted by start). */
	first: number;
	/** `starts[k]`: events starting on day `first + k`; `ends[k]`: ending then, other than on their start. */
	starts: Int32Array;
	ends: Int32Array;
}

export function dayCounts(table: EventTable): DayCounts {
	if (table.length === 0) return { first: 0, starts: new Int32Array(0), ends: new Int32Array(0) };
	const first = table.start[0]!;
	let last = first;
	for (let i = 0; i < table.length; i++) if (table.end[i]! > last) last = table.end[i]!;
	const starts = new Int32Array(last - first + 1);
	const ends = new Int32Array(last - first + 1);
	for (let i = 0; i < table.length; i++) {
		const s = table.start[i]!;
		const e = table.end[i]!;
		starts[s - first]!++;
		if (e !== s) ends[e - first]!++;
	}
	return { first, starts, ends };
}

/** The story's span: its first start to the later of its last end and its publication. */
export function storyExtent(
	counts: DayCounts,
	published: number | null
): { first: number; last: number } {
	const lastEvent = counts.first + Math.max(0, counts.starts.length - 1);
	return { first: counts.first, last: Math.max(lastEvent, published ?? lastEvent) };
}

/** Sorted days on which something starts or ends: where Page Up and Page Down stop. */
export function changeDays(counts: DayCounts): number[] {
	const days: number[] = [];
	for (let k = 0; k < counts.starts.length; k++) {
		if (counts.starts[k]! > 0 || counts.ends[k]! > 0) days.push(counts.first + k);
	}
	return days;
}
