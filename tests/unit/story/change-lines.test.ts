import { describe, expect, it } from 'vitest';
import { bannerText, changeLine, versionLine } from '../../../src/lib/story/change-lines';
import { changesBetween, type EventChange } from '../../../src/lib/story/history';
import { readHistory } from '../../../src/lib/story/history-read';
import { findEventRows } from '../../../src/lib/story/find-event';
import { tableOf } from '../../helpers/event-table';

const result = readHistory(
	JSON.stringify({
		versions: [
			{ id: '1', time: '2025-04-12', note: 'As published.' },
			{
				id: '2',
				time: '2025-04-13T08:00Z',
				note: 'Corrections.',
				changes: [
					{ event: 'a', kind: 'corrected', note: 0 },
					{ event: 'b', kind: 'withdrawn', reason: 'Not confirmed.' }
				]
			}
		]
	}),
	{ has: (id) => id === 'a' || id === 'b', notes: (id) => (id === 'a' ? 1 : 0) }
);
if (!result.ok) throw new Error('the history does not read');
const history = result.history;
const names: Record<string, string> = { washington: 'Washington', moscow: 'Moscow' };
const placeName = (id: string) => names[id] ?? id;
const entry = (change: EventChange['change']): EventChange => ({
	version: '2',
	time: '2025-04-13',
	at: Date.UTC(2025, 3, 13),
	change
});

describe('what the reader is told', () => {
	it('says the banner since a visit, and since a version a link names', () => {
		const set = changesBetween(history, '1')!;
		expect(
			bannerText({ kind: 'visit', at: Date.UTC(2025, 3, 11, 18), version: '1' }, set, history)
		).toBe('Since your last visit on 11 April 2025: 1 corrected, 1 withdrawn.');
		expect(bannerText({ kind: 'link', version: '1' }, set, history)).toBe(
			'Since version 1 of 12 April 2025: 1 corrected, 1 withdrawn.'
		);
	});

	it('gives each version its line', () => {
		expect(versionLine(history, 0).counts).toBe('first published');
		expect(versionLine(history, 1).counts).toBe('1 corrected, 1 withdrawn');
	});

	it.each<[string, EventChange['change'], string, string]>([
		[
			'a correction, in its note’s words',
			{ event: 'a', kind: 'corrected', note: 0 },
			'Corrected 13 April 2025',
			'It was Tuesday. (AP; Reuters)'
		],
		[
			'a revision, with its old values in words',
			{
				event: 'a',
				kind: 'revised',
				old: { start: '2025-02-01', end: '2025-02-28', place: 'washington', places: ['moscow'] },
				reason: 'Placed where it happened.'
			},
			'Revised 13 April 2025',
			'Before, it was dated sometime in February 2025; it was placed in Washington; its other places were Moscow. Placed where it happened.'
		],
		[
			'a withdrawal, with its reason',
			{ event: 'b', kind: 'withdrawn', reason: 'Not confirmed.' },
			'Withdrawn 13 April 2025',
			'Not confirmed.'
		],
		['an addition', { event: 'c', kind: 'added' }, 'Added 13 April 2025', '']
	])('tells %s', (_, change, head, text) => {
		const line = changeLine(
			entry(change),
			[{ correction: 'It was Tuesday.', reportedBy: 'AP; Reuters' }],
			placeName
		);
		expect([line.head, line.text]).toEqual([head, text]);
	});
});

describe('findEventRows', () => {
	it('finds many ids in one pass, and leaves out those the table lacks', () => {
		const at = { lon: 0, lat: 0, start: 0, place: 0, category: 0 };
		const table = tableOf(['x', 'yy', 'zz', 'é'].map((id) => ({ id, ...at })));
		expect(Object.fromEntries(findEventRows(table, ['zz', 'é', 'nope']))).toEqual({ zz: 2, é: 3 });
	});
});
