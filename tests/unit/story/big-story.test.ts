import { describe, expect, it } from 'vitest';
import { writeEventTable } from '../../../src/lib/story/columnar/arrow-table';
import { bigStoryBuffers, prepareBigStory } from '../../../src/lib/story/big-story';
import { findEventRow } from '../../../src/lib/story/find-event';
import { histogram } from '../../../src/lib/time/histogram';
import { tableOf } from '../../helpers/event-table';

const rows = [
	{ id: 'kyiv-1', lon: 30.5, lat: 50.45, start: 100, place: 0 },
	{ id: 'kharkiv-1', lon: 36.2, lat: 49.99, start: 101, end: 107, place: 1, category: 1 },
	{ id: 'kyiv-2', lon: 30.5, lat: 50.45, start: 103, place: 0 }
];
const table = tableOf(rows, ['kyiv', 'kharkiv']);
const places = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [36.2, 49.99] },
			properties: { id: 'kharkiv', name: 'Kharkiv', kind: 'city', country: 'UA' }
		},
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [30.5, 50.45] },
			properties: { id: 'kyiv', name: 'Kyiv', kind: 'city', country: 'UA' }
		},
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [24, 49.8] },
			properties: { id: 'lviv', name: 'Lviv', kind: 'city', country: 'UA' }
		}
	]
};
const noCountry = {
	...places.features[0]!,
	properties: { id: 'kharkiv', name: 'Kharkiv', kind: 'city' }
};
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const meta = {
	title: 'A dataset',
	published: '1970-05-01',
	origin: 'Tests',
	rows: null,
	chunks: []
};

/** The story's two files, the second row changed by `change`. */
function files(change: Partial<(typeof rows)[number]> = {}, placeFile: unknown = places) {
	const changed = tableOf(
		rows.map((r, i) => (i === 1 ? { ...r, ...change } : r)),
		['kyiv', 'kharkiv']
	);
	return [writeEventTable(changed, meta), bytes(placeFile)] as const;
}

describe('prepareBigStory checks the table as check:data does (validateTable)', () => {
	it('leaves an event its history withdraws out of the row rule: its last row may be taken', () => {
		const updated = tableOf(rows, ['kyiv', 'kharkiv']);
		updated.row[2] = updated.row[0]!;
		const arrow = writeEventTable(updated, meta);
		expect(prepareBigStory(arrow, bytes(places))).toMatchObject({
			ok: false,
			problems: [{ field: 'row' }]
		});
		expect(prepareBigStory(arrow, bytes(places), { withdrawn: new Set(['kyiv-2']) }).ok).toBe(true);
	});

	it.each([
		[
			'a place index past the dictionary',
			{ place: 5 },
			'place',
			'names no place: its index is outside the place dictionary of 2 words.'
		],
		[
			'a category past the dictionary',
			{ category: 9 },
			'category',
			'names no category: its index is outside the category dictionary of 3 words.'
		],
		['a position off the globe', { lat: 123 }, 'lat', /latitude 123 is outside -90…90/],
		['an end before the start', { end: 50 }, 'end', /is before the start/],
		['rows out of order', { start: 99 }, 'start', /is out of order/],
		['an event after publication', { end: 200 }, 'end', /after/]
	])('refuses %s, naming the event and its column', (_, change, field, message) => {
		const result = prepareBigStory(...files(change));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			{ file: 'events.arrow', feature: 'kharkiv-1', field, message: expect.stringMatching(message) }
		]);
	});

	it('an undated dataset: no event may end after today', () => {
		const undated = { ...meta, published: null };
		const table = tableOf(rows, ['kyiv', 'kharkiv']);
		const arrow = writeEventTable(table, undated);
		expect(prepareBigStory(arrow, bytes(places), { day: 200 }).ok).toBe(true);
		expect(prepareBigStory(arrow, bytes(places), { day: 105 })).toMatchObject({
			ok: false,
			problems: [{ file: 'events.arrow', feature: 'kharkiv-1', field: 'end' }]
		});
	});
});

describe('prepareBigStory reads places.geojson as check:data does', () => {
	it('orders the places by the table’s place dictionary, leaving out places no event names', () => {
		const result = prepareBigStory(...files());
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.story.places).toEqual([
			{ id: 'kyiv', name: 'Kyiv', kind: 'city', country: 'UA', coordinates: [30.5, 50.45] },
			{ id: 'kharkiv', name: 'Kharkiv', kind: 'city', country: 'UA', coordinates: [36.2, 49.99] }
		]);
	});

	it.each([
		['not a FeatureCollection', { nope: 1 }, 'places.geojson'],
		[
			'a place without its country',
			{ ...places, features: [noCountry, ...places.features.slice(1)] },
			'places.geojson'
		],
		[
			'a place the events name, missing',
			{ ...places, features: places.features.slice(1) },
			'events.arrow'
		]
	])('refuses places.geojson %s, with a problem in the file at fault', (_, value, file) => {
		const result = prepareBigStory(...files({}, value));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.file)).toContain(file);
	});
});

describe('prepareBigStory', () => {
	it('reads, checks and indexes a story’s two files', () => {
		const result = prepareBigStory(writeEventTable(table, meta), bytes(places));
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const { story } = result;
		expect(story.table.length).toBe(3);
		expect(story.published).toBe(120);
		expect(story.places.map((p) => p.name)).toEqual(['Kyiv', 'Kharkiv']);
		expect(Array.from(story.index.counts.starts.subarray(0, 4))).toEqual([1, 1, 0, 1]);
		// Two places are drawn apart: no aggregates are built for them.
		expect(story.index.grids).toEqual([]);
		expect(story.layers.places.features.map((f) => f.properties.total)).toEqual([2, 1]);
		expect(Array.from(story.index.byPlace.rows)).toEqual([0, 2, 1]);
		expect(story.index.dots.length).toBe(3 * 8);
		// The slider's histogram comes built from the worker: the page never walks the table for it.
		expect(story.index.bars).toEqual(histogram(story.table));
		// Every buffer listed once, to transfer.
		const buffers = bigStoryBuffers(story);
		expect(new Set(buffers).size).toBe(buffers.length);
		expect(buffers).toContain(story.table.start.buffer);
	});

	it.each([
		['bytes that are not Arrow', new Uint8Array([1, 2, 3]), bytes(places), 'events.arrow'],
		['places that are not JSON', null, new TextEncoder().encode('{'), 'places.geojson']
	])('gives a problem, not a throw, for %s', (_, arrow, placeBytes, file) => {
		const result = prepareBigStory(arrow ?? writeEventTable(table, meta), placeBytes);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]!.file).toBe(file);
	});
});

describe('findEventRow', () => {
	it.each([
		['kyiv-1', 0],
		['kyiv-2', 2],
		['kharkiv-1', 1],
		['kyiv', null],
		['kyiv-22', null]
	])('%s is row %s', (id, row) => {
		expect(findEventRow(table, id)).toBe(row);
	});
});
