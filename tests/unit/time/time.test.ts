import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { histogram } from '../../../src/lib/time/histogram';
import { phaseOf } from '../../../src/lib/time/phase';
import { tallyPlaces } from '../../../src/lib/derive/place-rows';
import { upperBound } from '../../../src/lib/derive/event-grid';
import { storyData } from '../../../src/lib/story/story-data';
import { buildTimeScale } from '../../../src/lib/time/scale';
import { keyStep } from '../../../src/lib/time/steps';
import { changeDays, dayCounts, storyExtent } from '../../../src/lib/time/day-counts';
import { buildEventTable } from '../../../src/lib/story/table-builder';
import { candidateTicks, fitTicks } from '../../../src/lib/time/ticks';
import { projectStory } from '../../helpers/story-files';

const d = (s: string) => parseIsoDate(s)!;
const story = projectStory();
const extent = { first: story.events[0]!.start, last: d('2025-04-12') };
const table = buildEventTable(story.events);
const time = buildTimeScale(dayCounts(table), extent);

/** Ranges as a table: what the histogram reads. */
const ranges = (list: Array<{ id: string; start: number; end: number }>) =>
	buildEventTable(
		list.map((r) => ({
			...r,
			category: 'war',
			place: 'p',
			coordinates: [0, 0] as [number, number]
		}))
	);

describe("the story's extent", () => {
	it('runs from its first event to its publication', () => {
		expect(storyExtent(dayCounts(table), story.published)).toEqual(extent);
	});
});

describe('phaseOf', () => {
	const range = { start: d('2025-03-31'), end: d('2025-04-06') };
	it.each([
		['2025-03-30', 'future'],
		['2025-03-31', 'current'],
		['2025-04-03', 'current'],
		['2025-04-06', 'current'],
		['2025-04-07', 'past']
	])('a last-week range on %s is %s', (day, phase) => {
		expect(phaseOf(range, d(day))).toBe(phase);
	});
});

describe('what has happened by a day, on the story', () => {
	const data = storyData(story);
	const upTo = (day: number) => story.events.slice(0, upperBound(data.table.start, day));
	const tally = (day: number) => tallyPlaces(data.index.byPlace, data.table, day);

	it('on 20 February 2025 lists the Saudi meeting but not the Kryvyi Rih strike', () => {
		const ids = upTo(d('2025-02-20')).map((e) => e.id);
		expect(ids).toContain('saudi-talks');
		expect(ids).not.toContain('kryvyi-rih-strike');
	});

	it('at the end lists every event', () => {
		expect(upTo(extent.last)).toHaveLength(story.events.length);
	});

	it('counts started events per place and marks current ones', () => {
		const byApril = tally(d('2025-04-11'));
		expect(byApril.get('kryvyi-rih')).toMatchObject({ count: 4, current: true });
		expect(byApril.get('cyprus')).toMatchObject({
			count: 1,
			current: false,
			category: 'detention'
		});
		expect(tally(d('2022-02-10')).get('ukraine')).toMatchObject({
			count: 1,
			current: true
		});
	});
});

describe('the story time scale', () => {
	it('runs from 0 at the first day to 1 at the last, monotonically', () => {
		let previous = -1;
		for (let day = extent.first; day <= extent.last; day++) {
			const p = time.position(day);
			expect(p).toBeGreaterThan(previous);
			previous = p;
		}
		expect(time.position(extent.first)).toBeGreaterThanOrEqual(0);
		expect(time.position(extent.last)).toBeLessThanOrEqual(1);
	});

	it('gives every day of April 2025 at least 12 px on a 1000 px slider, and maps each back to itself', () => {
		for (let day = d('2025-04-01'); day <= d('2025-04-12'); day++) {
			if (day < extent.last)
				expect((time.position(day + 1) - time.position(day)) * 1000).toBeGreaterThanOrEqual(12);
			expect(time.day(time.position(day))).toBe(day);
		}
	});

	it('still fits 2022, in a narrower share', () => {
		const feb2022 = time.position(d('2022-02-28')) - time.position(d('2022-02-01'));
		expect(feb2022).toBeGreaterThan(0.02);
		expect(feb2022).toBeLessThan(time.position(d('2025-04-12')) - time.position(d('2025-04-01')));
	});

	it('collapses empty stretches into gaps', () => {
		expect(time.segments.filter((s) => s.gap).length).toBeGreaterThan(0);
		expect(time.segments.at(-1)!.end).toBe(extent.last + 1);
	});

	it('clamps positions outside 0…1 to the ends', () => {
		expect(time.day(-1)).toBe(extent.first);
		expect(time.day(2)).toBe(extent.last);
	});
});

describe('ticks', () => {
	it('label years, months and the days of April without overlapping', () => {
		const ticks = fitTicks(candidateTicks(time), time, 1000);
		const labels = ticks.map((t) => t.label);
		expect(labels).toContain('Feb 2022');
		expect(labels).toContain('Apr');
		expect(labels).toContain('11');
		const xs = ticks.map((t) => time.position(t.day) * 1000);
		for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(8);
	});

	it('thin out on a phone', () => {
		expect(fitTicks(candidateTicks(time), time, 320).length).toBeLessThan(
			fitTicks(candidateTicks(time), time, 1000).length
		);
	});
});

describe('histogram', () => {
	it('merges bars in a row into their union once there are too many to draw one by one', () => {
		const many = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, start: i, end: i + 5 }));
		const h = histogram(ranges(many), 2, 10);
		expect(h.ranges.length).toBeLessThanOrEqual(2);
		expect(Math.min(...h.ranges.map((r) => r.start))).toBe(0);
		expect(Math.max(...h.ranges.map((r) => r.end))).toBe(34);
	});

	it('stops adding rows at the limit, however many ranges overlap', () => {
		const many = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, start: 10, end: 20 }));
		const h = histogram(ranges(many), 4);
		expect(h.rows).toBe(4);
		expect(Math.max(...h.ranges.map((r) => r.row))).toBe(3);
	});

	it('draws only a filter’s rows when given them', () => {
		const rows = Int32Array.from(
			story.events.flatMap((e, i) =>
				e.id === 'dmitriev-washington' || e.id === 'kryvyi-rih-strike' ? [i] : []
			)
		);
		const h = histogram(table, 8, 400, rows);
		expect(h.ranges.map((r) => r.id)).toEqual(['dmitriev-washington']);
		expect(h.columns).toEqual([{ day: d('2025-04-04'), count: 1 }]);
	});

	it('draws exact days as columns and vague ranges as bars in separate rows', () => {
		const h = histogram(table);
		expect(h.columns.find((c) => c.day === d('2025-04-11'))!.count).toBeGreaterThanOrEqual(6);
		const lastWeek = h.ranges.find((r) => r.id === 'dmitriev-washington')!;
		expect([lastWeek.start, lastWeek.end]).toEqual([d('2025-03-31'), d('2025-04-06')]);
		const rowsOverlap = h.ranges.some((a) =>
			h.ranges.some((b) => a !== b && a.row === b.row && a.start <= b.end && b.start <= a.end)
		);
		expect(rowsOverlap).toBe(false);
	});
});

describe('keyStep', () => {
	const days = changeDays(dayCounts(table));
	it.each([
		['ArrowRight', '2025-04-04', '2025-04-05'],
		['ArrowLeft', '2025-04-04', '2025-04-03'],
		['ArrowRight', '2025-04-12', '2025-04-12'],
		['PageUp', '2025-02-20', '2025-02-28'],
		['PageDown', '2025-04-04', '2025-04-01'],
		['Home', '2025-04-04', '2022-02-01'],
		['End', '2022-02-04', '2025-04-12']
	])('%s from %s → %s', (key, from, to) => {
		expect(keyStep(key, d(from), extent, days)).toBe(d(to));
	});

	it('ignores other keys', () => {
		expect(keyStep('a', d('2025-04-04'), extent, days)).toBeNull();
	});
});
