import { describe, expect, it } from 'vitest';
import {
	DRAWN_WHOLE,
	listWindow,
	MAX_VIEWPORT_PX,
	MAX_LIST_PX,
	listHeight,
	rowWindow,
	rowsTop,
	scrollFor,
	scrollToRow
} from '../../../src/lib/derive/virtual-window';

describe('rowWindow', () => {
	it.each([
		// scrollTop, viewport, row height, count, overscan → from, to
		[0, 300, 60, 1_000_000, 4, { from: 0, to: 10 }],
		[6000, 300, 60, 1_000_000, 4, { from: 96, to: 110 }],
		[0, 300, 60, 3, 4, { from: 0, to: 3 }],
		[59_999_940, 300, 60, 1_000_000, 0, { from: 999_999, to: 1_000_000 }],
		[0, 300, 60, 0, 4, { from: 0, to: 0 }],
		// A list that shrank under a scrolled viewport still renders its last rows.
		[90_000, 300, 60, 10, 2, { from: 7, to: 10 }]
	])(
		'at %i in %i px of %i px rows (%i rows, %i spare)',
		(top, viewport, row, count, overscan, window) => {
			expect(rowWindow(top, viewport, row, count, overscan)).toEqual(window);
		}
	);

	it('keeps the DOM small however long the list', () => {
		const { from, to } = rowWindow(123_456, 800, 64, 1_000_000);
		expect(to - from).toBeLessThan(30);
	});
});

describe('scrollToRow', () => {
	it.each([
		[4, 0, 300, 60, null],
		[5, 0, 300, 60, 60],
		[5, 60, 300, 60, null],
		[10, 0, 300, 60, 360],
		[1, 120, 300, 60, 60]
	])('row %i from %i in %i px (%i px rows): %s', (row, top, viewport, height, expected) => {
		expect(scrollToRow(row, top, viewport, height)).toBe(expected);
	});
});

describe('a list taller than a browser lays out', () => {
	it.each([
		// count, row height → the list's height
		[1_000, 64, 64_000],
		[125_000, 64, MAX_LIST_PX],
		[1_000_000, 64, MAX_LIST_PX]
	])('%i rows of %i px are %i px tall', (count, row, height) => {
		expect(listHeight(count, row)).toBe(height);
	});

	it.each([
		// scrollTop, viewport, row, count → the rows' own top
		[500, 400, 64, 1_000, 500],
		[0, 400, 64, 1_000_000, 0],
		// The end of the scroll bar's travel is the last row's bottom at the viewport's bottom.
		[MAX_LIST_PX - 400, 400, 64, 1_000_000, 64_000_000 - 400],
		[(MAX_LIST_PX - 400) / 2, 400, 64, 1_000_000, (64_000_000 - 400) / 2]
	])('scrolled to %i (%i px viewport, %i px rows, %i rows): rows from %i', (s, v, r, n, top) => {
		expect(rowsTop(s, v, r, n)).toBeCloseTo(top, 6);
	});

	it('the last of a million rows is reachable, and scrollFor undoes rowsTop', () => {
		const [viewport, row, count] = [400, 64, 1_000_000];
		// The bottom of the last row at the bottom of the viewport: the end of the scroll bar.
		const last = scrollFor(count * row - viewport, viewport, row, count);
		expect(last).toBeCloseTo(MAX_LIST_PX - viewport, 6);
		const window = rowWindow(rowsTop(last, viewport, row, count), viewport, row, count);
		expect(window.to).toBe(count);
		for (const top of [0, 1_234_567, 63_999_600]) {
			expect(rowsTop(scrollFor(top, viewport, row, count), viewport, row, count)).toBeCloseTo(
				top,
				6
			);
		}
	});
});

describe('listWindow', () => {
	it.each([
		['a short list, whole, wherever it is scrolled', 0, 400, 20, { from: 0, to: 20 }],
		['a short list scrolled down', 900, 400, 20, { from: 0, to: 20 }],
		['the longest list drawn whole', 0, 400, DRAWN_WHOLE, { from: 0, to: DRAWN_WHOLE }],
		['an empty list', 0, 400, 0, { from: 0, to: 0 }],
		// 400 px of 80 px rows is 6 rows, with 4 more below.
		['a long list, a screenful', 0, 400, 50_000, { from: 0, to: 10 }],
		// A box that grew with its content (no height of its own) draws no more than the cap.
		[
			'a long list in a box as tall as its rows',
			0,
			50_000 * 80,
			50_000,
			{ from: 0, to: Math.ceil(MAX_VIEWPORT_PX / 80) + 5 }
		]
	])('%s', (_, top, viewport, count, expected) => {
		expect(listWindow(top, viewport, 80, count)).toEqual(expected);
	});
});
