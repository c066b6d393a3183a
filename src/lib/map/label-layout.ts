/**
 * Which count labels to show over the aggregates: each label is centred on its circle, and where
 * two would overlap the bigger count keeps its label (the circles themselves are always drawn).
 * Pure, so the DOM overlay (count-labels.ts) only projects, lays out and moves elements.
 */

export interface LabelCandidate {
	/** The cell's index in its grid. */
	cell: number;
	/** The circle's centre on screen, in CSS pixels. */
	x: number;
	y: number;
	count: number;
	text: string;
	/** The room it takes across and down, in CSS pixels, where that is not its text's (a place's key). */
	width?: number;
	height?: number;
}

export interface View {
	width: number;
	height: number;
}

/** The labels' size: 11 px text, digits at most about 6.5 px wide. */
export const LABEL_FONT_PX = 11;
const CHAR_PX = 6.5;
const LINE_PX = 13;
/** Clear space kept between two labels. */
const GAP_PX = 2;
/** Past this many labels on screen, the smaller counts go unlabelled. */
export const MAX_LABELS = 500;
/** The widest label ("1.2M", "999k") and then some: cells this far off screen still take room. */
export const LABEL_MARGIN_PX = 40;

export const labelWidth = (text: string): number => text.length * CHAR_PX + 2;

interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

function boxOf(c: LabelCandidate): Box {
	const halfW = (c.width ?? labelWidth(c.text)) / 2 + GAP_PX / 2;
	const halfH = (c.height ?? LINE_PX) / 2 + GAP_PX / 2;
	return { left: c.x - halfW, top: c.y - halfH, right: c.x + halfW, bottom: c.y + halfH };
}

const overlaps = (a: Box, b: Box) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Buckets of a spatial hash, this many pixels square: a label overlaps at most a few. */
const BUCKET_PX = 32;

/**
 * The labels to draw, bigger counts first (then lower cell index, so the choice is stable): a
 * label that would overlap one already placed is left out. Candidates off screen (within
 * LABEL_MARGIN_PX) take part, so a label does not appear and vanish as its neighbour scrolls
 * in; only labels that reach into the view are returned, at most MAX_LABELS.
 */
export function placeLabels(candidates: readonly LabelCandidate[], view: View): LabelCandidate[] {
	const order = candidates
		.filter((c) => c.count > 0)
		.sort((a, b) => b.count - a.count || a.cell - b.cell);
	const buckets = new Map<number, Box[]>();
	const key = (bx: number, by: number) => by * 100_003 + bx;
	const shown: LabelCandidate[] = [];
	for (const candidate of order) {
		const box = boxOf(candidate);
		const x0 = Math.floor(box.left / BUCKET_PX);
		const x1 = Math.floor(box.right / BUCKET_PX);
		const y0 = Math.floor(box.top / BUCKET_PX);
		const y1 = Math.floor(box.bottom / BUCKET_PX);
		let clear = true;
		for (let by = y0; by <= y1 && clear; by++)
			for (let bx = x0; bx <= x1 && clear; bx++)
				clear = !(buckets.get(key(bx, by)) ?? []).some((other) => overlaps(box, other));
		if (!clear) continue;
		for (let by = y0; by <= y1; by++)
			for (let bx = x0; bx <= x1; bx++) {
				const bucket = buckets.get(key(bx, by));
				if (bucket) bucket.push(box);
				else buckets.set(key(bx, by), [box]);
			}
		const onScreen =
			box.right > 0 && box.left < view.width && box.bottom > 0 && box.top < view.height;
		if (onScreen) shown.push(candidate);
		if (shown.length === MAX_LABELS) break;
	}
	return shown;
}
