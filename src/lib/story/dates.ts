/**
 * Calendar days as integers (days since 1970-01-01, UTC). Story dates have no time of day, and
 * whole numbers make ranges, slider steps and comparisons exact in every time zone.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's day number, in UTC: the last day an undated dataset's events may reach. */
export const today = (): number => Math.floor(Date.now() / MS_PER_DAY);

/** Month names as the story's dates are written, January first. */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** The day number of a real `YYYY-MM-DD` date, or null for anything else (2025-02-30 included). */
export function parseIsoDate(text: string): number | null {
	const match = ISO_DATE.exec(text);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	// Not Date.UTC: it reads years 0 to 99 as 1900 to 1999, so 0050-04-11 would not round-trip.
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	const time = date.getTime();
	if (
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	) {
		return null;
	}
	return time / MS_PER_DAY;
}

export function toIsoDate(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayToDate(day: number): Date {
	return new Date(day * MS_PER_DAY);
}

export function dateToDay(date: Date): number {
	return Math.round(date.getTime() / MS_PER_DAY);
}

function parts(day: number): { d: number; month: string; year: number } {
	const date = dayToDate(day);
	return { d: date.getUTCDate(), month: MONTHS[date.getUTCMonth()]!, year: date.getUTCFullYear() };
}

/** "11 April 2025" */
export function formatDay(day: number): string {
	const { d, month, year } = parts(day);
	return `${d} ${month} ${year}`;
}

/**
 * A date or a range in words. A range is vague, not a duration: the event happened on one or
 * more days somewhere inside it, and the words say so.
 */
export function formatSpan(start: number, end: number): string {
	if (start === end) return formatDay(start);
	const a = parts(start);
	const b = parts(end);
	const whole = a.d === 1 && dayToDate(end + 1).getUTCDate() === 1;
	if (whole && a.year === b.year && a.month === b.month) return `sometime in ${a.month} ${a.year}`;
	if (whole && a.year === b.year && a.month === 'January' && b.month === 'December') {
		return `sometime in ${a.year}`;
	}
	const from =
		a.year === b.year ? (a.month === b.month ? `${a.d}` : `${a.d} ${a.month}`) : formatDay(start);
	return `sometime between ${from} and ${formatDay(end)}`;
}
