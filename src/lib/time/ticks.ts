import { dayToDate } from '../story/dates';
import type { StoryTimeScale } from './scale';

const SHORT_MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
];

export type TickLevel = 'year' | 'month' | 'day';
export interface Tick {
	day: number;
	label: string;
	level: TickLevel;
}

const RANK: Record<TickLevel, number> = { year: 0, month: 1, day: 2 };

/**
 * Candidate ticks for the slider: a year at the first month shown of each year, a month at the
 * start of each month-wide segment, and every day of months whose days are wide enough to read.
 */
export function candidateTicks(time: StoryTimeScale): Tick[] {
	const ticks: Tick[] = [];
	let year = NaN;
	for (const segment of time.segments) {
		if (segment.gap) continue;
		const start = dayToDate(segment.start);
		const y = start.getUTCFullYear();
		const month = SHORT_MONTHS[start.getUTCMonth()]!;
		if (y !== year) ticks.push({ day: segment.start, label: `${month} ${y}`, level: 'year' });
		else ticks.push({ day: segment.start, label: month, level: 'month' });
		year = y;
		for (let day = segment.start + 1; day < segment.end; day++) {
			ticks.push({ day, label: String(dayToDate(day).getUTCDate()), level: 'day' });
		}
	}
	return ticks;
}

/** Day ticks only where a day is at least this wide: narrower days are not worth a number. */
const MIN_DAY_PX = 12;

/**
 * Keeps the ticks that fit at `width` pixels, most important first, so labels never overlap.
 * Year and month labels start at their tick; day numbers are centred on their day.
 */
export function fitTicks(
	ticks: readonly Tick[],
	time: StoryTimeScale,
	width: number,
	pxPerChar = 7
): Tick[] {
	const placed: Array<{ tick: Tick; x0: number; x1: number }> = [];
	const sorted = [...ticks].sort((a, b) => RANK[a.level] - RANK[b.level] || a.day - b.day);
	for (const tick of sorted) {
		const x = tickX(tick, time, width);
		const span = tick.label.length * pxPerChar;
		if (
			tick.level === 'day' &&
			(time.position(tick.day + 1) - time.position(tick.day)) * width < MIN_DAY_PX
		)
			continue;
		const [x0, x1] =
			tick.level === 'day' ? [x - span / 2 - 3, x + span / 2 + 3] : [x - 3, x + span + 6];
		if (x0 < -4 || x1 > width + 4) continue;
		if (placed.some((p) => x0 < p.x1 && x1 > p.x0)) continue;
		placed.push({ tick, x0, x1 });
	}
	return placed.map((p) => p.tick).sort((a, b) => a.day - b.day);
}

/** Where a tick sits: a day number over the middle of its day, a month or year at its first edge. */
export function tickX(tick: Tick, time: StoryTimeScale, width: number): number {
	return (tick.level === 'day' ? time.position(tick.day) : time.edge(tick.day)) * width;
}
