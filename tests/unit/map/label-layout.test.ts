import { describe, expect, it } from 'vitest';
import {
	LABEL_MARGIN_PX,
	labelWidth,
	MAX_LABELS,
	placeLabels,
	type LabelCandidate
} from '../../../src/lib/map/label-layout';

const view = { width: 400, height: 300 };
const at = (cell: number, x: number, y: number, count: number): LabelCandidate => ({
	cell,
	x,
	y,
	count,
	text: String(count)
});
/** A place's key: no text, the room of its 18 px button. */
const key = (cell: number, x: number, y: number, count: number): LabelCandidate => ({
	...at(cell, x, y, count),
	text: '',
	width: 18,
	height: 18
});
const cellsOf = (labels: LabelCandidate[]) => labels.map((l) => l.cell).sort((a, b) => a - b);

describe('placeLabels', () => {
	it.each<[string, LabelCandidate[], number[]]>([
		['nothing to label', [], []],
		['apart, both labelled', [at(0, 100, 100, 5), at(1, 200, 100, 7)], [0, 1]],
		[
			'overlapping: the bigger count keeps its label',
			[at(0, 100, 100, 50), at(1, 108, 104, 700)],
			[1]
		],
		['overlapping equals: the lower cell keeps it', [at(3, 100, 100, 9), at(2, 104, 100, 9)], [2]],
		[
			'side by side, just clear',
			[at(0, 100, 100, 99), at(1, 100 + labelWidth('99') + 3, 100, 99)],
			[0, 1]
		],
		['stacked, just clear', [at(0, 100, 100, 1), at(1, 100, 116, 1)], [0, 1]],
		['a cell with nothing by the day has no label', [at(0, 100, 100, 0)], []],
		[
			'a dropped label takes no room: the third is shown',
			[at(0, 100, 100, 30), at(1, 110, 100, 20), at(2, 120, 100, 10)],
			[0, 2]
		],
		['off screen: not drawn', [at(0, -30, 100, 5), at(1, 100, view.height + 30, 5)], []],
		['half on screen: drawn', [at(0, 2, 100, 5)], [0]],
		[
			"places' keys, 18 px square, 16 px apart down: the text's 13 px line would let both in",
			[key(0, 100, 100, 5), key(1, 100, 116, 4)],
			[0]
		],
		["places' keys 21 px apart down: both", [key(0, 100, 100, 5), key(1, 100, 121, 4)], [0, 1]]
	])('%s', (_, candidates, shown) => {
		expect(cellsOf(placeLabels(candidates, view))).toEqual(shown);
	});

	it('lets a bigger count just off screen keep its room, so panning does not swap labels', () => {
		const offScreen = at(0, -LABEL_MARGIN_PX / 2, 100, 1000);
		const onScreen = at(1, 1, 100, 10);
		expect(cellsOf(placeLabels([offScreen, onScreen], view))).toEqual([]);
		expect(cellsOf(placeLabels([onScreen], view))).toEqual([1]);
	});

	it('does not depend on the order the cells come in', () => {
		const cells = Array.from({ length: 60 }, (_, i) =>
			at(i, (i * 37) % view.width, (i * 53) % view.height, (i * 7919) % 500)
		);
		const forward = cellsOf(placeLabels(cells, view));
		expect(cellsOf(placeLabels([...cells].reverse(), view))).toEqual(forward);
		// And no two of the labels shown overlap.
		const shown = placeLabels(cells, view);
		for (const a of shown)
			for (const b of shown)
				if (a !== b)
					expect(
						Math.abs(a.x - b.x) >= (labelWidth(a.text) + labelWidth(b.text)) / 2 ||
							Math.abs(a.y - b.y) >= 13,
						`${a.cell} and ${b.cell}`
					).toBe(true);
	});

	it(`labels at most ${MAX_LABELS}, the biggest counts`, () => {
		const grid = Array.from({ length: 40 * 40 }, (_, i) =>
			at(i, (i % 40) * 40 + 20, Math.floor(i / 40) * 20 + 10, i + 1)
		);
		const shown = placeLabels(grid, { width: 1600, height: 800 });
		expect(shown).toHaveLength(MAX_LABELS);
		expect(Math.min(...shown.map((l) => l.count))).toBe(1600 - MAX_LABELS + 1);
	});
});
