/**
 * Reading a date cell into a day number (story/dates.ts). Only forms that say which number is the
 * day and which the month are read on their own; 03/04/2025 is 3 April in London and 4 March in
 * New York, so it is read only with a format given, never guessed.
 */
import { MONTHS, parseIsoDate } from '../story/dates';
import { quote } from '../story/text';
import { saysNotKnown } from './not-known';

/** The order of day and month in dates written with numbers only, like 03/04/2025. */
export const DATE_FORMATS = ['dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type DateRead =
	| { ok: true; day: number }
	/** `ambiguous`: a numeric date that needs a DateFormat to be read at all. */
	| { ok: false; reason: string; ambiguous?: true };

const MONTH_BY_NAME = new Map<string, number>();
MONTHS.forEach((name, i) => {
	MONTH_BY_NAME.set(name.toLowerCase(), i + 1);
	MONTH_BY_NAME.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_BY_NAME.set('sept', 9);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function day(year: number, month: number, date: number, text: string): DateRead {
	const parsed = parseIsoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`);
	return parsed === null
		? { ok: false, reason: `${quote(text)} is not a real date.` }
		: { ok: true, day: parsed };
}

// A time of day after the date is dropped: a story's dates are days.
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/**
 * The day a cell names: 2025-04-04 (a time after it is ignored), 20250404 (GDELT's SQLDATE),
 * 04 April 2025, 4-Apr-2025, April 4, 2025, and 04/04/2025 or 4.4.2025 with `format`.
 */
export function parseDate(raw: string, format?: DateFormat): DateRead {
	const text = raw.trim();
	if (text === '') return { ok: false, reason: 'is empty: every event needs a date.' };
	let match = ISO.exec(text) ?? COMPACT.exec(text);
	if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]), text);
	match = DAY_MONTH_YEAR.exec(text);
	if (match) {
		const month = MONTH_BY_NAME.get(match[2]!.toLowerCase());
		if (month) return day(Number(match[3]), month, Number(match[1]), text);
	}
	match = MONTH_DAY_YEAR.exec(text);
	if (match) {
		const month = MONTH_BY_NAME.get(match[1]!.toLowerCase());
		if (month) return day(Number(match[3]), month, Number(match[2]), text);
	}
	match = NUMERIC.exec(text);
	if (match) {
		const [a, b, year] = [Number(match[1]), Number(match[2]), match[3]!];
		if (year.length === 2)
			return {
				ok: false,
				reason: `${quote(text)} has a two-digit year; write the year in full (2025).`
			};
		if (format === 'dmy') return day(Number(year), b, a, text);
		if (format === 'mdy') return day(Number(year), a, b, text);
		// Even 25/12/2025, which only one order can read: a column is one format, and the next
		// row's 03/04/2025 would be read by whichever order this one happened to suggest.
		const hint =
			a > 12 && b <= 12
				? ' (this one reads only as dmy)'
				: b > 12 && a <= 12
					? ' (this one reads only as mdy)'
					: '';
		return {
			ok: false,
			ambiguous: true,
			reason: `${quote(text)} could be day/month/year or month/day/year${hint}. Say which with --date-format dmy or --date-format mdy.`
		};
	}
	if (saysNotKnown(text))
		return {
			ok: false,
			reason: `${quote(text)} says the date is not known: every event needs one.`
		};
	if (/^\d{4}$/.test(text))
		return {
			ok: false,
			reason: `${quote(text)} is a year alone: every event needs its day (${text}-04-04, or 04 April ${text}).`
		};
	return {
		ok: false,
		reason: `${quote(text)} is not a date this importer reads (2025-04-04, 20250404, 04 April 2025, April 4, 2025, or 04/04/2025 with --date-format).`
	};
}

/** An ACLED time_precision 2 date: the source gives the week, and ACLED codes its middle day. */
export function weekAround(dayNumber: number): [number, number] {
	return [dayNumber - 3, dayNumber + 3];
}

/** An ACLED time_precision 3 date: the source gives only the month. */
export function monthOf(dayNumber: number): [number, number] {
	const date = new Date(dayNumber * 86_400_000);
	const first = new Date(0);
	first.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth(), 1);
	const next = new Date(0);
	next.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
	return [first.getTime() / 86_400_000, next.getTime() / 86_400_000 - 1];
}
