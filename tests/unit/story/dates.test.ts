import { describe, expect, it } from 'vitest';
import { formatDay, formatSpan, parseIsoDate, toIsoDate } from '../../../src/lib/story/dates';

describe('parseIsoDate', () => {
	it.each([
		['2025-04-11', 20189],
		['1970-01-01', 0],
		['2024-02-29', 19782],
		['2025-02-29', null],
		['2025-02-30', null],
		['2025-13-01', null],
		['2025-4-11', null],
		['11 April 2025', null],
		['2025-04-11T00:00Z', null],
		['', null],
		// Date.UTC reads years 0 to 99 as 1900 to 1999; these are the years themselves.
		['0000-01-01', -719528],
		['0000-02-29', -719469],
		['0050-04-11', -701165],
		['0050-02-29', null],
		['0004-02-29', -718008],
		['0099-12-31', -683004],
		['0100-02-29', null]
	])('%s → %s', (text, day) => {
		expect(parseIsoDate(text)).toBe(day);
	});

	it.each(['0000-01-01', '0001-12-31', '0050-04-11', '0099-12-31', '0100-01-01', '9999-12-31'])(
		'%s round-trips through toIsoDate',
		(text) => {
			expect(toIsoDate(parseIsoDate(text)!)).toBe(text);
		}
	);

	it('round-trips through toIsoDate', () => {
		expect(toIsoDate(parseIsoDate('2022-02-24')!)).toBe('2022-02-24');
	});
});

describe('formatting in words', () => {
	const d = (s: string) => parseIsoDate(s)!;
	it.each([
		[d('2025-04-11'), d('2025-04-11'), '11 April 2025'],
		[d('2025-03-31'), d('2025-04-06'), 'sometime between 31 March and 6 April 2025'],
		[d('2025-04-07'), d('2025-04-11'), 'sometime between 7 and 11 April 2025'],
		[d('2025-02-01'), d('2025-02-28'), 'sometime in February 2025'],
		[d('2024-01-01'), d('2024-12-31'), 'sometime in 2024'],
		[d('2024-12-30'), d('2025-01-02'), 'sometime between 30 December 2024 and 2 January 2025']
	])('%i..%i → %s', (start, end, words) => {
		expect(formatSpan(start, end)).toBe(words);
	});

	it('writes a day the British way', () => {
		expect(formatDay(d('2025-04-04'))).toBe('4 April 2025');
	});
});
