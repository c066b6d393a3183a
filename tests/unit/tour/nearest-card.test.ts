import { describe, expect, it } from 'vitest';
import { nearestCard } from '../../../src/lib/tour/nearest-card';

const box = (top: number, height: number) => ({
	getBoundingClientRect: () => ({ top, bottom: top + height, height }) as DOMRect
});
const column = box(0, 1000);
// Cards 300 px tall with 400 px between them, scrolled so the second starts at 500.
const cards = [box(-200, 300), box(500, 300), box(1200, 300)];

describe('nearestCard', () => {
	it.each([
		['the line inside the second card', 0.62, 1],
		['the line in the gap, nearer the second', 0.45, 1],
		['the line in the gap, nearer the first', 0.15, 0],
		['the line below the second card, nearer it than the third', 0.99, 1]
	])('%s', (_, line, expected) => {
		expect(nearestCard(column, cards, line)).toBe(expected);
	});

	it('finds nothing in an empty column', () => {
		expect(nearestCard(column, [], 0.5)).toBe(-1);
	});
});
