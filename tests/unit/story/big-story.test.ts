import { describe, expect, it } from 'vitest';
import { writeEventTable } from '../../../src/lib/story/columnar/arrow-table';
import {
	alignPlaces,
	bigStoryBuffers,
	prepareBigStory,
	tableProblem
} from '../../../src/lib/story/big-story';
import { findEventRow } from '../../../src/lib/story/find-event';
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
			properties: { id: 'kharkiv', name: 'Kharkiv' }
		},
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [30.5, 50.45] },
			properties: { id: 'kyiv', name: 'Kyiv' }
		},
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [24, 49.8] },
			properties: { id: 'lviv', name: 'Lviv' }
		}
	]
};
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const meta = {
	title: 'A dataset',
	published: '1970-05-01',
	origin: 'Tests',
	rows: null,
	chunks: []
};

describe('tableProblem', () => {
	it('accepts a table the page can draw', () => {
		expect(tableProblem(table)).toBeNull();
	});

	it.each([
		[
			'a place index past the dictionary',
			{ place: 5 },
			'row 2 names place 5, past the 2 places listed.'
		],
		['a category past the dictionary', { category: 9 }, 'row 2 has a category past the 3 listed.'],
		['a position off the globe', { lat: 123 }, 'row 2 lies off the globe.'],
		['an end before the start', { end: 50 }, 'row 2 ends before it starts.'],
		[
			'rows out of order',
			{ start: 99 },
			'row 2 starts before the row above it; the table must be sorted by start.'
		]
	])('refuses %s', (_, change, message) => {
		const bad = tableOf(
			rows.map((r, i) => (i === 1 ? { ...r, ...change } : r)),
			['kyiv', 'kharkiv']
		);
		expect(tableProblem(bad)).toBe(message);
	});
});

describe('alignPlaces', () => {
	it('puts places.geojson in the order of the table’s place dictionary', () => {
		const aligned = alignPlaces(places, ['kyiv', 'kharkiv']);
		expect(aligned).toEqual({
			ok: true,
			places: [
				// A dataset's place is a town unless its file gives another kind.
				{ id: 'kyiv', name: 'Kyiv', kind: 'city', coordinates: [30.5, 50.45] },
				{ id: 'kharkiv', name: 'Kharkiv', kind: 'city', coordinates: [36.2, 49.99] }
			]
		});
	});

	it.each([
		[{ nope: 1 }, ['kyiv'], 'is not a GeoJSON FeatureCollection.'],
		[places, ['kyiv', 'odesa', 'dnipro'], 'lacks 2 places the events name (odesa, dnipro).']
	])('refuses %j with a sentence', (value, ids, message) => {
		expect(alignPlaces(value, ids)).toEqual({ ok: false, message });
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
		// Every buffer listed once, to transfer.
		const buffers = bigStoryBuffers(story);
		expect(new Set(buffers).size).toBe(buffers.length);
		expect(buffers).toContain(story.table.start.buffer);
	});

	it.each([
		['bytes that are not Arrow', new Uint8Array([1, 2, 3]), bytes(places), 'events.arrow'],
		['places that are not JSON', null, new TextEncoder().encode('{'), 'places.geojson'],
		[
			'places missing one',
			null,
			bytes({ ...places, features: places.features.slice(1) }),
			'places.geojson'
		]
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
