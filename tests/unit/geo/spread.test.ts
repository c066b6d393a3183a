import { describe, expect, it } from 'vitest';
import type { Point } from '../../../src/lib/geo/mercator';
import { BUTTON_SPACING_PX, spreadApart } from '../../../src/lib/geo/spread';

const moved = (points: Point[]) =>
	spreadApart(points).map(([dx, dy], i): Point => [points[i]![0] + dx, points[i]![1] + dy]);

describe('spreadApart: place buttons drawn apart', () => {
	it.each<[string, Point[]]>([
		['one point', [[10, 10]]],
		[
			'points already apart',
			[
				[0, 0],
				[30, 0],
				[0, 30]
			]
		]
	])('%s stay where they are', (_, points) => {
		for (const [dx, dy] of spreadApart(points)) expect(Math.hypot(dx, dy)).toBe(0);
	});

	it.each<[string, Point[]]>([
		// Ukraine over Kryvyi Rih, and the Black Sea below, at 360×740 before this fix.
		[
			'Ukraine, Kryvyi Rih and the Black Sea on a phone',
			[
				[276, 158],
				[282, 167],
				[283, 182]
			]
		],
		[
			'London and Brussels',
			[
				[206, 155],
				[216, 157]
			]
		],
		[
			'two places on the same pixel',
			[
				[100, 100],
				[100, 100]
			]
		],
		// Centres 24 px apart on a diagonal: their square targets still overlap (axe's target-size).
		[
			'two places on a diagonal',
			[
				[0, 0],
				[17, 17]
			]
		],
		[
			'a cluster of five',
			[
				[50, 50],
				[52, 50],
				[50, 53],
				[48, 49],
				[51, 51]
			]
		]
	])('%s end with no two targets overlapping, each moved no further than needed', (_, points) => {
		const after = moved(points);
		for (let i = 0; i < after.length; i++)
			for (let j = i + 1; j < after.length; j++) {
				const [a, b] = [after[i]!, after[j]!];
				// Square targets of the spacing's size, side by side at most.
				expect(Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]))).toBeGreaterThanOrEqual(
					BUTTON_SPACING_PX - 0.01
				);
			}
		for (const [dx, dy] of spreadApart(points))
			expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(BUTTON_SPACING_PX * points.length);
	});

	it('parts two close points along the line between them, half each', () => {
		const [a, b] = spreadApart([
			[0, 0],
			[10, 0]
		]);
		expect(a![0]).toBeCloseTo(-(BUTTON_SPACING_PX - 10) / 2, 2);
		expect(b![0]).toBeCloseTo((BUTTON_SPACING_PX - 10) / 2, 2);
		expect(a![1]).toBeCloseTo(0, 9);
	});
});
