import { describe, expect, it } from 'vitest';
import { buildGrid, cellCounts } from '../../../src/lib/derive/event-grid';
import { bandFeatures, changedCells, shortCount } from '../../../src/lib/map/aggregates';
import { tableOf } from '../../helpers/event-table';

// Kyiv twice, Kharkiv, and Lisbon: at zoom 0 the Ukrainian three share a cell, Lisbon does not.
const table = tableOf([
	{ id: 'e1', lon: 30.5, lat: 50.45, start: 10 },
	{ id: 'e2', lon: 36.2, lat: 49.99, start: 12 },
	{ id: 'e3', lon: 30.5, lat: 50.45, start: 15 },
	{ id: 'e4', lon: -9.14, lat: 38.72, start: 20 }
]);

describe('bandFeatures', () => {
	it('gives every cell of the band a point, whatever the day, with the cell index as id', () => {
		const grid = buildGrid(table, 0);
		const { features } = bandFeatures(grid);
		expect(features.map((f) => f.id)).toEqual([0, 1]);
		features.forEach((f, c) => expect(f.geometry.coordinates).toEqual([grid.lon[c], grid.lat[c]]));
	});

	it('has a point per cell at a zoom where each city has its own', () => {
		expect(bandFeatures(buildGrid(table, 5)).features).toHaveLength(3);
	});
});

describe('changedCells', () => {
	it.each([
		['nothing written yet: every counted cell', [0, 0, 0], [2, 0, 5], [0, 2]],
		['the same counts: none', [2, 0, 5], [2, 0, 5], []],
		['one cell grows', [2, 0, 5], [2, 0, 6], [2]],
		['a cell empties, another fills', [2, 0, 5], [0, 1, 5], [0, 1]],
		['back to nothing', [2, 1, 5], [0, 0, 0], [0, 1, 2]]
	])('%s', (_, written, counts, changed) => {
		const w = Int32Array.from(written);
		expect(changedCells(w, Int32Array.from(counts))).toEqual(changed);
		// What was written is now the day's counts: a second call finds nothing.
		expect([...w]).toEqual(counts);
		expect(changedCells(w, Int32Array.from(counts))).toEqual([]);
	});

	it('follows a scrub over a real grid: only the cells whose count moved', () => {
		const grid = buildGrid(table, 0);
		const counts = new Int32Array(2);
		const written = new Int32Array(2);
		const kyivCell = grid.lon[0]! > 0 ? 0 : 1;
		const steps: Array<[number, number[]]> = [
			[9, []],
			[10, [kyivCell]],
			[11, []],
			[12, [kyivCell]],
			[20, [0, 1]],
			[10, [0, 1]]
		];
		for (const [day, changed] of steps)
			expect(changedCells(written, cellCounts(grid, day, counts)), `day ${day}`).toEqual(changed);
	});
});

describe('shortCount', () => {
	it.each([
		[7, '7'],
		[999, '999'],
		[1200, '1.2k'],
		[3000, '3k'],
		[34_567, '35k'],
		[1_000_000, '1M'],
		[1_250_000, '1.3M']
	])('writes %i as %s', (n, text) => expect(shortCount(n)).toBe(text));
});
