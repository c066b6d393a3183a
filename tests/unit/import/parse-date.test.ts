import { describe, expect, it } from 'vitest';
import {
	monthOf,
	parseDate,
	weekAround,
	type DateFormat
} from '../../../src/lib/import/parse-date';
import { parseIsoDate, toIsoDate } from '../../../src/lib/story/dates';

const iso = (text: string, format?: DateFormat) => {
	const read = parseDate(text, format);
	return read.ok ? toIsoDate(read.day) : null;
};

describe('parseDate', () => {
	it.each([
		['2025-04-04', '2025-04-04'],
		['2025-4-4', '2025-04-04'],
		['2025/04/04', '2025-04-04'],
		['2025-04-04T13:45:00Z', '2025-04-04'],
		['2025-04-04 13:45', '2025-04-04'],
		['20250404', '2025-04-04'],
		['04 April 2025', '2025-04-04'],
		['4 April 2025', '2025-04-04'],
		['4-Apr-2025', '2025-04-04'],
		['4 Sept 2025', '2025-09-04'],
		['4th April 2025', '2025-04-04'],
		['April 4, 2025', '2025-04-04'],
		['Apr. 4 2025', '2025-04-04'],
		['  2025-04-04  ', '2025-04-04'],
		['0001-01-01', '0001-01-01'],
		['2024-02-29', '2024-02-29']
	])('%j → %s', (text, day) => {
		expect(iso(text)).toBe(day);
	});

	it.each([
		['03/04/2025', 'dmy', '2025-04-03'],
		['03/04/2025', 'mdy', '2025-03-04'],
		['25.12.2025', 'dmy', '2025-12-25'],
		['12-25-2025', 'mdy', '2025-12-25']
	] as const)('%j with %s → %s', (text, format, day) => {
		expect(iso(text, format)).toBe(day);
	});

	it.each([
		['03/04/2025', ''],
		['25/12/2025', ' (this one reads only as dmy)'],
		['12/25/2025', ' (this one reads only as mdy)']
	])('asks for the format of %j, never guesses', (text, hint) => {
		expect(parseDate(text)).toEqual({
			ok: false,
			ambiguous: true,
			reason: `"${text}" could be day/month/year or month/day/year${hint}. Say which with --date-format dmy or --date-format mdy.`
		});
	});

	it.each([
		['', 'is empty: every event needs a date.'],
		['2025-02-30', '"2025-02-30" is not a real date.'],
		['31 February 2025', '"31 February 2025" is not a real date.'],
		['25/12/2025', '"25/12/2025" is not a real date.', 'mdy'],
		['03/04/25', '"03/04/25" has a two-digit year; write the year in full (2025).'],
		['4 Smarch 2025', /is not a date this importer reads/],
		['yesterday', /is not a date this importer reads/],
		['-0001-01-01', /is not a date this importer reads/]
	] as const)('refuses %j', (text, reason, format?: DateFormat) => {
		const read = parseDate(text, format);
		expect(read.ok).toBe(false);
		expect(!read.ok && read.reason).toMatch(reason);
		expect(!read.ok && read.ambiguous).toBeFalsy();
	});
});

describe('ranges for vague dates', () => {
	const day = (text: string) => parseIsoDate(text)!;
	it('a week is three days either side of the day ACLED codes (its middle)', () => {
		expect(weekAround(day('2025-04-09')).map(toIsoDate)).toEqual(['2025-04-06', '2025-04-12']);
	});

	it.each([
		['2025-04-15', '2025-04-01', '2025-04-30'],
		['2024-02-10', '2024-02-01', '2024-02-29'],
		['2025-12-31', '2025-12-01', '2025-12-31'],
		['0050-01-01', '0050-01-01', '0050-01-31']
	])('the month of %s is %s to %s', (text, first, last) => {
		expect(monthOf(day(text)).map(toIsoDate)).toEqual([first, last]);
	});
});
