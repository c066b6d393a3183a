import { describe, expect, it } from 'vitest';
import {
	buildGrid,
	buildGrids,
	cellCounts,
	DOTS_ZOOM,
	gridFor,
	mercatorY,
	upperBound
} from '../../../src/lib/derive/event-grid';
import { tableOf } from '../../helpers/event-table';

// Kyiv twice, Kharkiv, and Lisbon: at zoom 0 the Ukrainian three share a cell, Lisbon does not.
const table = tableOf([
	{ id: 'e1', lon: 30.5, lat: 50.45, start: 10 },
	{ id: 'e2', lon: 36.2, lat: 49.99, start: 12 },
	{ id: 'e3', lon: 30.5, lat: 50.45, start: 15 },
	{ id: 'e4', lon: -9.14, lat: 38.72, start: 20 }
]);

describe('upperBound', () => {
	it.each([
		[[1, 3, 3, 5], 0, 0],
		[[1, 3, 3, 5], 3, 3],
		[[1, 3, 3, 5], 4, 3],
		[[1, 3, 3, 5], 9, 4],
		[[], 9, 0]
	])('in %j, %i or less: %i', (values, day, expected) => {
		expect(upperBound(Int32Array.from(values), day)).toBe(expected);
	});

	it('counts within a slice only', () => {
		expect(upperBound(Int32Array.from([1, 2, 3, 1, 2, 3]), 2, 3, 6)).toBe(2);
	});
});

describe('buildGrid', () => {
	it('puts nearby events in one cell with its starts sorted, and far ones apart', () => {
		const grid = buildGrid(table, 0);
		expect(grid.offsets.length - 1).toBe(2);
		const sizes = Array.from({ length: 2 }, (_, c) => grid.offsets[c + 1]! - grid.offsets[c]!);
		expect(sizes.sort()).toEqual([1, 3]);
		const big = sizes.indexOf(3) === -1 ? 0 : grid.offsets[1]! - grid.offsets[0]! === 3 ? 0 : 1;
		const starts = Array.from(grid.starts.subarray(grid.offsets[big]!, grid.offsets[big + 1]!));
		expect(starts).toEqual([10, 12, 15]);
		// Drawn at the mean of its events, between Kyiv and Kharkiv.
		expect(grid.lon[big]).toBeCloseTo((30.5 + 36.2 + 30.5) / 3, 6);
		expect(grid.lat[big]).toBeGreaterThan(49.9);
		expect(grid.lat[big]).toBeLessThan(50.5);
	});

	it('splits the cell as the zoom grows', () => {
		const cells = buildGrids(table).map((g) => g.offsets.length - 1);
		expect(cells).toHaveLength(DOTS_ZOOM);
		expect(cells[0]).toBe(2);
		expect(cells.at(-1)).toBe(3);
	});

	it('counts by a day with one search per cell', () => {
		const grid = buildGrid(table, 0);
		const totals = (day: number) =>
			Array.from(cellCounts(grid, day, new Int32Array(2))).sort((a, b) => a - b);
		expect(totals(9)).toEqual([0, 0]);
		expect(totals(12)).toEqual([0, 2]);
		expect(totals(30)).toEqual([1, 3]);
	});
});

describe('gridFor', () => {
	const grids = buildGrids(table);
	it.each([
		[0, 0],
		[2.7, 2],
		[5.99, 5]
	])('zoom %f draws band %i', (zoom, band) => {
		expect(gridFor(grids, zoom)).toBe(grids[band]);
	});
	it('draws dots from DOTS_ZOOM on', () => {
		expect(gridFor(grids, DOTS_ZOOM)).toBeNull();
		expect(gridFor([], 1)).toBeNull();
	});
});

describe('mercatorY', () => {
	it('is 0.5 at the equator and clamps the poles', () => {
		expect(mercatorY(0)).toBeCloseTo(0.5, 10);
		expect(mercatorY(90)).toBeCloseTo(0, 3);
		expect(mercatorY(-90)).toBeCloseTo(1, 3);
	});
});
