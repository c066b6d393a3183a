/**
 * The map's opening view, computed once for both of its pictures: the SVG drawn in the page's HTML
 * and MapLibre's canvas that fades in over it. Both place the story's bounds in the container the
 * same way (the padding fitBounds used), so a place sits at the same pixel in each.
 * Both also leave clear what floats over the map, so no place opens under the legend.
 */
import type { Bounds } from './bounds';
import { project, unproject, type Camera, type Padding, type Point, type Rect } from './mercator';
import { PLACE_MARGIN_PX, uncoveredPadding, withMargin } from './room';

/** A story in one city opens at this zoom, not on an empty square of land. */
export const OPENING_MAX_ZOOM = 5;

/** Below this size the legend starts folded (Legend.svelte): open, it would hide a third of the map. */
export function legendStartsFolded(width: number, height: number): boolean {
	return width < 700 || height < 480;
}

/** The legend's box as its stylesheet draws it: 0.6rem from the left, 1.6rem from the bottom. */
const LEGEND = {
	left: 9,
	bottom: 26,
	open: { width: 226, height: 234 },
	folded: { width: 79, height: 30 }
};

/**
 * What floats over the map when it opens, in container pixels: the legend (open or folded), the
 * zoom buttons and the attribution, where the stylesheets put them. The picture is drawn before
 * any of them exists, so they are known here rather than measured.
 */
export function floatingOver(width: number, height: number): Rect[] {
	const legend = legendStartsFolded(width, height) ? LEGEND.folded : LEGEND.open;
	return [
		{ x: LEGEND.left, y: height - LEGEND.bottom - legend.height, ...legend },
		{ x: width - 40, y: 10, width: 30, height: 59 },
		{ x: width - 118, y: height - 35, width: 108, height: 25 }
	];
}

/**
 * The opening fit's padding: clear of everything floating over the map, with a margin, and on the
 * right at least `eastRoom` pixels, for the labels of the east-most places (place-labels.ts).
 */
export function fitPadding(width: number, height: number, eastRoom = 0): Padding {
	const size = { width, height };
	const pad = withMargin(
		uncoveredPadding(size, floatingOver(width, height)),
		PLACE_MARGIN_PX,
		size
	);
	// Never more than a third of the width: a narrow map still shows the story.
	return { ...pad, right: Math.max(pad.right, Math.min(eastRoom, width / 3)) };
}

/** The story's bounds in world units, north at the top. */
export function boundsRect([west, south, east, north]: Bounds): Rect {
	const [x0, y0] = project([west, north]);
	const [x1, y1] = project([east, south]);
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * What fitBounds does, in closed form: the zoom at which the story fits inside the padded
 * container (never past OPENING_MAX_ZOOM), centred in the room the padding leaves; `eastRoom` as
 * in fitPadding.
 */
export function openingCamera(bounds: Bounds, width: number, height: number, eastRoom = 0): Camera {
	const story = boundsRect(bounds);
	const pad = fitPadding(width, height, eastRoom);
	const room = {
		width: Math.max(1, width - pad.left - pad.right),
		height: Math.max(1, height - pad.top - pad.bottom)
	};
	const scale = Math.min(
		room.width / Math.max(story.width, 1e-9),
		room.height / Math.max(story.height, 1e-9),
		2 ** OPENING_MAX_ZOOM
	);
	// The story's centre sits at the centre of the room, which the padding shifts off the container's.
	const shift: Point = [(pad.left - pad.right) / 2, (pad.top - pad.bottom) / 2];
	const center = unproject([
		story.x + story.width / 2 - shift[0] / scale,
		story.y + story.height / 2 - shift[1] / scale
	]);
	return { center, zoom: Math.log2(scale) };
}

/** The world rectangle a camera shows in a container: the picture's viewBox. */
export function visibleRect(camera: Camera, width: number, height: number): Rect {
	const scale = 2 ** camera.zoom;
	const [cx, cy] = project(camera.center);
	return {
		x: cx - width / 2 / scale,
		y: cy - height / 2 / scale,
		width: width / scale,
		height: height / scale
	};
}
