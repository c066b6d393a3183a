import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { changeDays, dayCounts, storyExtent } from '../../../src/lib/time/day-counts';
import { tableOf } from '../../helpers/event-table';

const d = (s: string) => parseIsoDate(s)!;
const events = [
	{ start: d('2025-01-30'), end: d('2025-01-30') },
	{ start: d('2025-01-30'), end: d('2025-02-05') },
	{ start: d('2025-04-02'), end: d('2025-04-02') }
];
const table = tableOf(events.map((e, i) => ({ id: `e${i}`, lon: 0, lat: 0, ...e })));
const counts = dayCounts(table);

describe('dayCounts', () => {
	it('counts starts, and ends other than on the start, per day', () => {
		expect(counts.first).toBe(d('2025-01-30'));
		expect(counts.starts.length).toBe(d('2025-04-02') - d('2025-01-30') + 1);
		expect(counts.starts[0]).toBe(2);
		expect(counts.ends[d('2025-02-05') - counts.first]).toBe(1);
		expect(counts.ends[0]).toBe(0);
	});

	it('gives the slider its stops and the story its extent', () => {
		expect(changeDays(counts)).toEqual([d('2025-01-30'), d('2025-02-05'), d('2025-04-02')]);
		expect(storyExtent(counts, d('2025-04-12'))).toEqual({
			first: d('2025-01-30'),
			last: d('2025-04-12')
		});
		expect(storyExtent(counts, null).last).toBe(d('2025-04-02'));
	});

	it('is empty for an empty table', () => {
		expect(dayCounts(tableOf([])).starts.length).toBe(0);
	});
});
