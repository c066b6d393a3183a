import { scaleUtc } from 'd3-scale';
import { utcMonth } from 'd3-time';
import { dateToDay, dayToDate } from '../story/dates';
import type { DayCounts } from './day-counts';

/**
 * The story's one time scale: day number ↔ position along the slider, 0…1.
 *
 * Linear time would give February 2022 to April 2025 a thousand-odd equal days and leave the
 * week the story is about a few pixels wide. Instead each month gets width for what changes in
 * it (one share, plus one per event starting or ending there), and each run of empty months
 * collapses to a sliver. Inside a segment time stays linear, so every day of a busy month is
 * reachable and the order of things is never bent.
 */
export interface StoryTimeScale {
	first: number;
	last: number;
	position(day: number): number;
	/** The whole day nearest a position. */
	day(position: number): number;
	/** Where a day begins, 0…1: month and year ticks and the gap marks sit on edges, not middles. */
	edge(day: number): number;
	/** Segment boundaries as day numbers, and whether the segment before each is a collapsed gap. */
	segments: Array<{ start: number; end: number; gap: boolean }>;
}

const GAP_SHARE = 0.4;

const monthStart = (day: number): number => dateToDay(utcMonth.floor(dayToDate(day)));
const nextMonth = (day: number): number =>
	dateToDay(utcMonth.offset(utcMonth.floor(dayToDate(day)), 1));

/**
 * The scale from a story's counts per day (day-counts.ts): `starts[k]` events start and `ends[k]`
 * end on day `first + k`, so no event is visited here, whatever the story's size.
 */
export function buildTimeScale(
	counts: DayCounts,
	extent: { first: number; last: number }
): StoryTimeScale {
	const changes = new Map<number, number>();
	for (let k = 0; k < counts.starts.length; k++) {
		const n = counts.starts[k]! + counts.ends[k]!;
		if (n === 0) continue;
		const m = monthStart(counts.first + k);
		changes.set(m, (changes.get(m) ?? 0) + n);
	}
	return timeScaleFromChanges(changes, extent);
}

/** The scale from the number of starts and ends in each month (keyed by the month's first day). */
function timeScaleFromChanges(
	changes: ReadonlyMap<number, number>,
	extent: { first: number; last: number }
): StoryTimeScale {
	const { first, last } = extent;
	// Months from the first to the last day; the first and last may be partial.
	const months: Array<{ start: number; end: number; weight: number }> = [];
	for (let m = monthStart(first); m <= last; m = nextMonth(m)) {
		const start = Math.max(m, first);
		const end = Math.min(nextMonth(m), last + 1);
		const n = changes.get(m) ?? 0;
		months.push({ start, end, weight: n > 0 ? 1 + n : 0 });
	}
	const segments: Array<{ start: number; end: number; gap: boolean; weight: number }> = [];
	for (const month of months) {
		const gap = month.weight === 0;
		const previous = segments.at(-1);
		if (gap && previous?.gap) previous.end = month.end;
		else
			segments.push({
				start: month.start,
				end: month.end,
				gap,
				weight: gap ? GAP_SHARE : month.weight
			});
	}
	const total = segments.reduce((sum, s) => sum + s.weight, 0);
	const domain: Date[] = [dayToDate(segments[0]!.start)];
	const range: number[] = [0];
	let acc = 0;
	for (const s of segments) {
		acc += s.weight;
		domain.push(dayToDate(s.end));
		range.push(acc / total);
	}
	const scale = scaleUtc<number>().domain(domain).range(range).clamp(true);
	// A day occupies [day, day + 1) on the scale; its marker sits in the middle of that span.
	const position = (day: number) => scale(dayToDate(Math.min(Math.max(day, first), last) + 0.5));
	return {
		first,
		last,
		position,
		day: (p: number) =>
			Math.min(last, Math.max(first, Math.floor(scale.invert(p).getTime() / 86_400_000))),
		edge: (day: number) => scale(dayToDate(day)),
		segments: segments.map(({ start, end, gap }) => ({ start, end, gap }))
	};
}
