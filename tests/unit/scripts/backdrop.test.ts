import { describe, expect, it } from 'vitest';
import { landPath, simplifyRing } from '../../../scripts/lib/backdrop';
import type { Countries } from '../../../src/lib/geo/basemap';
import { project } from '../../../src/lib/geo/mercator';
import type { LonLat } from '../../../src/lib/story/types';

describe('simplifyRing', () => {
	it.each([
		{
			name: 'drops points on a straight line',
			ring: [
				[0, 0],
				[1, 0],
				[2, 0],
				[3, 0]
			],
			tolerance: 0.1,
			kept: [
				[0, 0],
				[3, 0]
			]
		},
		{
			name: 'keeps a corner farther than the tolerance',
			ring: [
				[0, 0],
				[1, 0.5],
				[2, 0]
			],
			tolerance: 0.1,
			kept: [
				[0, 0],
				[1, 0.5],
				[2, 0]
			]
		},
		{
			name: 'drops a bump within the tolerance',
			ring: [
				[0, 0],
				[1, 0.05],
				[2, 0]
			],
			tolerance: 0.1,
			kept: [
				[0, 0],
				[2, 0]
			]
		},
		{
			name: 'keeps the shape of a closed ring, which starts and ends at one point',
			ring: [
				[0, 0],
				[4, 0],
				[4, 4],
				[0, 4],
				[0, 0]
			],
			tolerance: 0.5,
			kept: [
				[0, 0],
				[4, 0],
				[4, 4],
				[0, 4],
				[0, 0]
			]
		},
		{
			name: 'leaves two points alone',
			ring: [
				[0, 0],
				[1, 1]
			],
			tolerance: 5,
			kept: [
				[0, 0],
				[1, 1]
			]
		}
	] as { name: string; ring: [number, number][]; tolerance: number; kept: [number, number][] }[])(
		'$name',
		({ ring, tolerance, kept }) => expect(simplifyRing(ring, tolerance)).toEqual(kept)
	);
});

const square = (corners: LonLat[]): Countries => ({
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: { name: 'Square', iso: 'SQ' } as never,
			// d3-geo wants the exterior ring clockwise on the sphere.
			geometry: { type: 'Polygon', coordinates: [[...corners, corners[0]!].reverse()] }
		}
	]
});

/** The absolute points of each ring of path data written by landPath, in world units. */
function rings(d: string, origin: { x: number; y: number }, step: number): number[][][] {
	return [...d.matchAll(/M([^l]+)l([^z]*)z/g)].map(([, start, moves]) => {
		const nums = (text: string) => (text.match(/-?\d+/g) ?? []).map(Number);
		let [x, y] = nums(start!) as [number, number];
		const points = [[x, y]];
		const deltas = nums(moves!);
		for (let i = 0; i < deltas.length; i += 2) {
			x += deltas[i]!;
			y += deltas[i + 1]!;
			points.push([x, y]);
		}
		return points.map(([px, py]) => [origin.x + px! * step, origin.y + py! * step]);
	});
}

describe('landPath', () => {
	const corners: LonLat[] = [
		[10, 40],
		[20, 40],
		[20, 50],
		[10, 50]
	];
	const rect = { x: 200, y: 100, width: 200, height: 200 };

	it.each([
		{ step: 0.1, tolerance: 0.05 },
		{ step: 0.5, tolerance: 0.25 },
		{ step: 0.02, tolerance: 0.01 }
	])(
		'writes a country as whole steps from the corner, within a step of its points (step $step)',
		({ step, tolerance }) => {
			const d = landPath(square(corners), rect, { step, tolerance });
			expect(d).toMatch(/^M-?\d+ -?\d+l[-\d ]+z$/);
			const [ring, ...more] = rings(d, rect, step);
			expect(more).toEqual([]);
			// Every corner of the country is a point of the path, to within a step (rounding) and the
			// tolerance (simplifying), and every point of the path lies on the square's outline.
			const projected = corners.map(project);
			for (const [cx, cy] of projected) {
				const nearest = Math.min(...ring!.map(([x, y]) => Math.hypot(x! - cx, y! - cy)));
				expect(nearest).toBeLessThanOrEqual(step + tolerance);
			}
			const xs = projected.map((p) => p[0]);
			const ys = projected.map((p) => p[1]);
			for (const [x, y] of ring!) {
				const off = Math.min(
					...[Math.min(...xs), Math.max(...xs)].map((e) => Math.abs(x! - e)),
					...[Math.min(...ys), Math.max(...ys)].map((e) => Math.abs(y! - e))
				);
				expect(off).toBeLessThanOrEqual(step + tolerance);
			}
		}
	);

	it('leaves out land outside the rectangle, and a country far smaller than a step', () => {
		expect(
			landPath(
				square(corners),
				{ x: 0, y: 0, width: 10, height: 10 },
				{ step: 0.1, tolerance: 0.05 }
			)
		).toBe('');
		expect(landPath(square(corners), rect, { step: 1000, tolerance: 0.05 })).toBe('');
	});
});
