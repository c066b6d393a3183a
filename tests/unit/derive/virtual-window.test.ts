import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToRow } from '../../../src/lib/derive/virtual-window';

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
