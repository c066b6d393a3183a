import { describe, expect, it } from 'vitest';
import { findDates, resolveDate } from '../../../src/lib/draft/time/find-dates';
import { parseIsoDate } from '../../../src/lib/story/dates';

type Row = [phrase: string, published: string, start: string, end: string, exact: boolean];

/** Each phrase read from a publication day: a day only where the words fix one. */
const table: Row[] = [
	// A Saturday paper (12 April 2025), the project's article.
	['on Friday', '2025-04-12', '2025-04-11', '2025-04-11', true],
	['on Thursday', '2025-04-12', '2025-04-10', '2025-04-10', true],
	['the April 4 strike', '2025-04-12', '2025-04-04', '2025-04-04', true],
	['last week', '2025-04-12', '2025-03-31', '2025-04-06', false],
	['earlier this week', '2025-04-12', '2025-04-07', '2025-04-11', false],
	['earlier this month', '2025-04-12', '2025-04-01', '2025-04-11', false],
	['this year', '2025-04-12', '2025-01-01', '2025-04-12', false],
	['in February', '2025-04-12', '2025-02-01', '2025-02-28', false],
	['in February 2022', '2025-04-12', '2022-02-01', '2022-02-28', false],
	['last year', '2025-04-12', '2024-01-01', '2024-12-31', false],
	['since 2022', '2025-04-12', '2022-01-01', '2025-04-12', false],
	['yesterday', '2025-04-12', '2025-04-11', '2025-04-11', true],
	['last Friday', '2025-04-12', '2025-04-11', '2025-04-11', true],
	['next Friday', '2025-04-12', '2025-04-18', '2025-04-18', true],
	['they will meet on Monday', '2025-04-12', '2025-04-14', '2025-04-14', true],
	[
		'a delegation would travel to Cairo on Thursday',
		'2025-04-12',
		'2025-04-17',
		'2025-04-17',
		true
	],
	[
		'“It wouldn’t have happened,” he wrote on Friday',
		'2025-04-12',
		'2025-04-11',
		'2025-04-11',
		true
	],
	['mid-February', '2025-04-12', '2025-02-11', '2025-02-20', false],
	['in late 2023', '2025-04-12', '2023-09-01', '2023-12-31', false],
	['on 10 April 2024', '2025-04-12', '2024-04-10', '2024-04-10', true],
	['March 3-5', '2025-04-12', '2025-03-03', '2025-03-05', false],
	['last month', '2025-04-12', '2025-03-01', '2025-03-31', false],
	['last weekend', '2025-04-12', '2025-04-05', '2025-04-06', false],
	// Same weekday as the paper: that very day (documented in resolve-dates.ts).
	['on Saturday', '2025-04-12', '2025-04-12', '2025-04-12', true],
	['on Friday', '2025-04-11', '2025-04-11', '2025-04-11', true],
	// Across a year boundary: the most recent such month not after publication.
	['in February', '2025-01-15', '2024-02-01', '2024-02-29', false],
	['in December', '2025-01-15', '2024-12-01', '2024-12-31', false],
	['last year', '2025-01-15', '2024-01-01', '2024-12-31', false],
	['last week', '2025-01-01', '2024-12-23', '2024-12-29', false],
	['on Thursday', '2025-01-01', '2024-12-26', '2024-12-26', true],
	// A Monday paper: "earlier this week" has only that Monday to offer.
	['earlier this week', '2025-04-14', '2025-04-14', '2025-04-14', false],
	// Never after publication: a range the text gives is cut at the publication day.
	['in 2016', '2016-12-17', '2016-01-01', '2016-12-17', false],
	['in late 2016', '2016-12-17', '2016-09-01', '2016-12-17', false],
	['this month', '2016-12-17', '2016-12-01', '2016-12-17', false],
	['in December 2016', '2016-12-17', '2016-12-01', '2016-12-17', false],
	// A Wednesday paper: the speaker's own clause is past, whatever the sentence says next.
	['officials said on Wednesday', '2025-04-09', '2025-04-09', '2025-04-09', true],
	[
		'officials said on Wednesday that talks will resume',
		'2025-04-09',
		'2025-04-09',
		'2025-04-09',
		true
	],
	[
		'The minister, who will travel to Paris, met envoys on Monday',
		'2025-04-09',
		'2025-04-07',
		'2025-04-07',
		true
	],
	['officials said that they will meet on Monday', '2025-04-09', '2025-04-14', '2025-04-14', true],
	['next Wednesday', '2025-04-09', '2025-04-16', '2025-04-16', true],
	// A clause of intent looks ahead to a month or a calendar date soon after publication, but not
	// once a finite verb follows it, nor a year away, nor for a weekday.
	[
		'The council voted 5-2 to close the pool at the end of June',
		'2025-05-06',
		'2025-06-01',
		'2025-06-30',
		false
	],
	['Residents can comment at a hearing on May 19', '2025-05-06', '2025-05-19', '2025-05-19', true],
	[
		'A plan that aims to reopen the mill was approved by the council on May 2',
		'2025-05-06',
		'2025-05-02',
		'2025-05-02',
		true
	],
	[
		'The assembly voted to back the strikers on March 12',
		'2025-03-15',
		'2025-03-12',
		'2025-03-12',
		true
	],
	['The board voted to fund the clinic on Thursday', '2025-03-15', '2025-03-13', '2025-03-13', true]
];

/** Whether a phrase is still to come at publication: only the text can say so. */
const ahead: Array<[phrase: string, published: string, ahead: boolean]> = [
	['next Wednesday', '2025-04-09', true],
	['they will meet on Monday', '2025-04-09', true],
	['the summit is due to open in 2030', '2025-04-09', true],
	['next week', '2025-04-09', true],
	['on Wednesday', '2025-04-09', false],
	['in 2016', '2016-12-17', false],
	['this month', '2016-12-17', false],
	['officials said on Wednesday that talks will resume', '2025-04-09', false]
];

describe('numbers that are not years', () => {
	it.each([
		'Chiquita Henry, 19, of 1935 Orchard St., Alexandria, was arrested.',
		'The fire at 2010 N. Main Street spread.',
		'He lives at 1999 Dublin Road.'
	])('%j names no year', (text) => {
		expect(findDates(text, parseIsoDate('2009-03-20')!).map((d) => d.text)).toEqual([]);
	});
});

describe('dates ahead of publication', () => {
	it.each(ahead)('"%s" published %s: ahead %s', (phrase, published, expected) => {
		expect(resolveDate(phrase, published)?.ahead).toBe(expected);
	});
});

describe('resolveDate', () => {
	it.each(table)(
		'"%s" published %s → %s … %s (exact: %s)',
		(phrase, published, start, end, exact) => {
			const read = resolveDate(phrase, published);
			expect(read).not.toBeNull();
			expect([read!.start, read!.end, read!.exact]).toEqual([start, end, exact]);
		}
	);

	it.each([
		'last week',
		'in February',
		'earlier this month',
		'last year',
		'this year',
		'since 2022'
	])('"%s" stays a range, never one day', (phrase) => {
		const read = resolveDate(phrase, '2025-04-12')!;
		expect(read.exact).toBe(false);
		expect(read.start < read.end).toBe(true);
	});

	it('keeps the article’s own words as "when"', () => {
		expect(resolveDate('a meeting in Saudi Arabia in February', '2025-04-12')?.when).toBe(
			'in February'
		);
		expect(resolveDate('met Putin on Friday', '2025-04-12')?.when).toBe('on Friday');
	});

	it.each([
		'Theresa May said',
		'they may meet',
		'within 24 hours',
		'sentenced to 12 years in prison',
		'2022 people died',
		'a march on the capital'
	])('finds no date in "%s"', (phrase) => {
		expect(resolveDate(phrase, '2025-04-12')).toBeNull();
	});

	it('reads "since" and "until" as frames, not event dates', () => {
		const [since] = findDates('the first senior visit since 2022', 20190);
		expect(since?.anchoring).toBe(false);
		const [on] = findDates('visited on Friday', 20190);
		expect(on?.anchoring).toBe(true);
	});

	it('rejects an impossible publication date', () => {
		expect(resolveDate('on Friday', '2025-13-40')).toBeNull();
	});
});
