/**
 * Place buttons drawn apart: where two would overlap (Ukraine's over Kryvyi Rih's on a phone),
 * each is moved off its point just far enough that no button covers another's centre region, so
 * every place stays reachable by pointer. Pure, in pixels; the map and its picture both use it.
 */
import type { Point } from './mercator';

/**
 * Buttons are this many px square, the least WCAG 2.2 lets a target be (2.5.8, axe's
 * `target-size`); targets must not overlap, so centres end at least this far apart on one axis.
 */
export const BUTTON_SPACING_PX = 24;

const ROUNDS = 40;

/**
 * An offset for each point so that no two squares of `spacing` around them overlap: pairs too
 * close on both axes are pushed apart along the line between them, half each, until none is (or
 * after a few dozen rounds).
 * Points that coincide part along a direction fixed by their order, so the result is stable.
 */
export function spreadApart(points: readonly Point[], spacing = BUTTON_SPACING_PX): Point[] {
	const at = points.map(([x, y]): Point => [x, y]);
	for (let round = 0; round < ROUNDS; round++) {
		let moved = false;
		for (let i = 0; i < at.length; i++) {
			for (let j = i + 1; j < at.length; j++) {
				const a = at[i]!;
				const b = at[j]!;
				let dx = b[0] - a[0];
				let dy = b[1] - a[1];
				let d = Math.hypot(dx, dy);
				// Squares overlap unless their centres are `spacing` apart on at least one axis.
				let apart = Math.max(Math.abs(dx), Math.abs(dy));
				if (apart >= spacing - 1e-6) continue;
				if (d < 1e-6) {
					const angle = (i + j) * 2.399963; // the golden angle: no two pairs part the same way
					[dx, dy, d] = [Math.cos(angle), Math.sin(angle), 1];
					apart = Math.max(Math.abs(dx), Math.abs(dy));
				}
				const [ux, uy] = [dx / d, dy / d];
				// Along the line, the gap on the wider axis grows by max(|ux|, |uy|) per pixel.
				const push = (spacing - apart) / (2 * Math.max(Math.abs(ux), Math.abs(uy))) + 1e-3;
				a[0] -= ux * push;
				a[1] -= uy * push;
				b[0] += ux * push;
				b[1] += uy * push;
				moved = true;
			}
		}
		if (!moved) break;
	}
	return at.map(([x, y], i) => [x - points[i]![0], y - points[i]![1]]);
}
