/**
 * The size of a place's label as the map draws it (style.ts: 13 px Open Sans, to the right of its
 * circle first), estimated without measuring text, for what must leave room for it: the opening
 * view and the picture in the HTML.
 */
import type { Feature, Point } from 'geojson';
import type { Bounds } from './bounds';

export const LABEL_SIZE_PX = 13;
/** Open Sans at 13 px averages about 7 px a character: enough to keep labels apart and on screen. */
export const CHAR_WIDTH_PX = 7.1;
/** The gap between a circle and its label (style.ts's `text-radial-offset`: radius + this). */
export const LABEL_GAP_PX = 5;
/** The label's halo, on its far side. */
const HALO_PX = 2;

export const placeLabelWidth = (name: string): number => name.length * CHAR_WIDTH_PX;

/** A place as the map's places source holds it (derive/place-features.ts). */
export type LabelledPlace = Feature<Point, { name: string; radius: number }>;

/**
 * The room, in pixels, that the labels of the story's east-most places need right of them: the
 * map writes a label on its place's right when it can, and one that runs off the map is cut. A
 * place counts as east-most within a hundredth of the story's width of its east edge.
 */
export function eastLabelRoom(places: readonly LabelledPlace[], [west, , east]: Bounds): number {
	const near = Math.max((east - west) / 100, 1e-6);
	let room = 0;
	for (const { properties, geometry } of places) {
		const lon = geometry.coordinates[0] ?? -Infinity;
		if (east - lon > near) continue;
		room = Math.max(
			room,
			properties.radius + LABEL_GAP_PX + placeLabelWidth(properties.name) + HALO_PX
		);
	}
	return room;
}
