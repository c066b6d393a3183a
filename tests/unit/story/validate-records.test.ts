import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../../src/lib/story/problems';
import type { Place } from '../../../src/lib/story/types';
import {
	profileOf,
	validateRecords,
	type EventRecordIn,
	type RecordProfile
} from '../../../src/lib/story/validate-records';
import { parseIsoDate } from '../../../src/lib/story/dates';

const kyiv: Place = {
	id: 'kyiv',
	name: 'Kyiv',
	kind: 'city',
	country: 'UA',
	coordinates: [30.5238, 50.4547]
};
const line = (row: number) => `Row ${row}: Shelling in Kyiv.`;
const article = [2, 3, 4].map(line).join('\n');

const record = (id: string, over: Record<string, unknown> = {}): EventRecordIn => ({
	label: id,
	coordinates: kyiv.coordinates,
	properties: {
		id,
		title: 'Shelling',
		summary: 'Shelling in Kyiv.',
		category: 'strike',
		actors: ['Military Forces of Russia'],
		start: '2025-04-04',
		end: '2025-04-04',
		when: '2025-04-04',
		place: 'kyiv',
		places: [],
		source: [line(2)],
		background: false,
		notes: [],
		...over
	}
});

const profile = (over: Partial<RecordProfile> = {}): RecordProfile => ({
	kind: 'dataset',
	article,
	placeById: new Map([['kyiv', kyiv]]),
	knownPlaceIds: new Set(['kyiv']),
	published: parseIsoDate('2025-04-12'),
	...over
});

function run(records: EventRecordIn[], p = profile()) {
	const problems = new ProblemList('events.geojson');
	const events = validateRecords(records, p, problems);
	return { events, problems: problems.list() };
}

describe('profileOf', () => {
	it.each<[string, EventRecordIn[], string]>([
		['events with rows are a dataset', [record('a', { row: 2 }), record('b')], 'dataset'],
		['events without are an article story', [record('a'), record('b')], 'article'],
		['no events at all', [], 'article']
	])('%s', (_, records, kind) => expect(profileOf(records)).toBe(kind));
});

describe('validateRecords, the dataset profile', () => {
	it('keeps the row of each event it accepts', () => {
		const { events, problems } = run([
			record('a', { row: 2 }),
			record('b', { row: 3, source: [line(3)] })
		]);
		expect(problems).toEqual([]);
		expect(events.map((e) => [e.id, e.row])).toEqual([
			['a', 2],
			['b', 3]
		]);
	});

	it.each<[string, EventRecordIn[], string, RegExp]>([
		[
			'an event without its row',
			[record('a', { row: 2 }), record('b')],
			'row',
			/is missing: an imported story/
		],
		[
			'two events from one row',
			[record('a', { row: 2 }), record('b', { row: 2 })],
			'row',
			/row 2 is the row of a too/
		],
		['a row of 0', [record('a', { row: 0 })], 'row', /1 or more/],
		['a row that is text', [record('a', { row: '2' })], 'row', /1 or more/],
		['a row with a fraction', [record('a', { row: 2.5 })], 'row', /1 or more/],
		[
			'an event after publication',
			[record('a', { row: 2, end: '2025-05-01' })],
			'end',
			/after the story's publication/
		],
		[
			'an excerpt not in the listing',
			[record('a', { row: 2, source: ['Row 9: made up.'] })],
			'source[0]',
			/not in the article/
		]
	])('refuses %s', (_, records, field, says) => {
		const { events, problems } = run(records);
		const found = problems.find((p) => p.field === field);
		expect(found?.message).toMatch(says);
		expect(events.length).toBeLessThan(records.length);
	});

	it('an article story may name no row', () => {
		const { problems } = run([record('a')], profile({ kind: 'article' }));
		expect(problems).toEqual([]);
	});
});

describe('validateRecords: nothing ends after publication unless planned', () => {
	const article = profile({ kind: 'article' });
	it.each<[string, Record<string, unknown>, RegExp | null]>([
		[
			'an event ending after publication',
			{ end: '2025-05-01' },
			/1 May 2025 is after the story's publication, 12 April 2025\. An event still to come then is marked "planned": true/
		],
		['a planned event ending after publication', { end: '2025-05-01', planned: true }, null],
		['an event ending on the publication day', { end: '2025-04-12' }, null],
		['planned that is not true or false', { planned: 'yes' }, /must be true or false/]
	])('%s', (_, over, says) => {
		const { events, problems } = run([record('a', over)], article);
		if (says === null) {
			expect(problems).toEqual([]);
			expect(events).toHaveLength(1);
		} else {
			expect(problems.map((p) => p.message).join(' ')).toMatch(says);
			expect(events).toHaveLength(0);
		}
	});

	it('keeps the mark on the event it accepts', () => {
		const { events } = run([record('a', { end: '2025-05-01', planned: true })], article);
		expect(events[0]?.planned).toBe(true);
	});
});

describe("an event's point", () => {
	// 5 km east of Kyiv's point, and 48 km.
	const near: [number, number] = [30.6, 50.4547];
	const far: [number, number] = [31.2, 50.4547];
	it.each<[string, RecordProfile['kind'], [number, number], RegExp | null]>([
		["a dataset's row at its own point near its town", 'dataset', near, null],
		["a dataset's row far from its town", 'dataset', far, /is 48 km from its place "kyiv"/],
		["an article's event off its place", 'article', near, /an event's point is its main place/]
	])('%s', (_, kind, coordinates, says) => {
		const { events, problems } = run(
			[{ ...record('a', kind === 'dataset' ? { row: 2 } : {}), coordinates }],
			profile({ kind })
		);
		if (says === null) {
			expect(problems).toEqual([]);
			expect(events[0]!.coordinates).toEqual(coordinates);
		} else expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(says));
	});
});

describe('validateRecords: withdrawn events are outside the row rule', () => {
	it.each<[string, string[], string[]]>([
		['a withdrawn event keeps a row another event now has', ['a'], []],
		['an event not withdrawn is held to it', ['c'], ['row 2 is the row of a too']]
	])('%s', (_, withdrawn, expected) => {
		const { problems } = run(
			[record('a', { row: 2 }), record('b', { row: 2 })],
			profile({ withdrawn: new Set(withdrawn) })
		);
		expect(problems.filter((p) => p.field === 'row').map((p) => p.message.slice(0, 25))).toEqual(
			expected
		);
	});
});
