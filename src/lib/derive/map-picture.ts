/**
 * The picture of the map: what the page's HTML shows before MapLibre has drawn (and instead of it
 * without WebGL), and what the share card is made from. Places, arcs and outlines come from the
 * same layers and feature-state the map draws; the countries behind them are one SVG file per
 * story (`backdrop.svg`, written at build time), so the page's HTML carries only the story.
 */
import type { Bounds } from '../geo/bounds';
import { project, WORLD_SIZE, type Rect } from '../geo/mercator';
import { boundsRect, openingCamera, visibleRect } from '../geo/opening-view';
import { eastLabelRoom, LABEL_GAP_PX, LABEL_SIZE_PX, placeLabelWidth } from '../geo/place-labels';
import { BUTTON_SPACING_PX, spreadApart } from '../geo/spread';
import { geometryPath } from '../geo/svg-path';
import { storyStates, type Focus } from '../map/feature-state';
import { MAP_COLORS } from '../map/style';
import { NO_CATEGORY_COLOR } from '../scales/category';
import type { StoryLayers } from './story-layers';

export const BACKDROP_FILE = 'backdrop.svg';
/** The story's share card, a 1200×630 PNG made at build time (scripts/lib/share-card.ts). */
export const SHARE_CARD_FILE = 'share.png';
/** The size link previews ask for. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

/** The map area of a 1280×800 window: the picture in the HTML is drawn for it, then fitted. */
export const REFERENCE_SIZE = { width: 940, height: 640 } as const;

/** The radius of a place's link, as the map's button (geo/spread.ts). */
export const HIT_RADIUS_PX = BUTTON_SPACING_PX / 2;

/**
 * The part of the world any opening view can show: the story with room all round, so a wide or a
 * tall container still sees land, not an edge.
 */
export function backdropRect(bounds: Bounds): Rect {
	const story = boundsRect(bounds);
	// Three times the story's larger side covers a 6:1 container; a city-sized story at the
	// opening zoom cap needs 44 units each way for a 2,560-pixel screen, legend room included.
	const margin = Math.max(story.width * 3, story.height * 3, 44);
	const x = Math.max(0, story.x - margin);
	const y = Math.max(0, story.y - margin);
	return {
		x,
		y,
		width: Math.min(WORLD_SIZE, story.x + story.width + margin) - x,
		height: Math.min(WORLD_SIZE, story.y + story.height + margin) - y
	};
}

const overlaps = (a: Rect, b: Rect) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export type LabelAnchor = 'left' | 'right' | 'top' | 'bottom';

export interface PicturePlace {
	id: string;
	name: string;
	/** In world units. */
	x: number;
	y: number;
	/** In pixels, as the map's circle. */
	radius: number;
	color: string;
	count: number;
	current: boolean;
	highlight: boolean;
	/**
	 * Where its link takes the pointer, in world units: its point, drawn apart from a crowded
	 * neighbour's as the map's buttons are (geo/spread.ts).
	 */
	hit: { x: number; y: number };
	/** Where its label sits, as MapLibre's variable anchors; null when no spot is free. */
	label: { anchor: LabelAnchor; x: number; y: number } | null;
	/** Faded label, as the map's, for a place with nothing yet by the day. */
	labelFaded: boolean;
}

export interface PictureShape {
	d: string;
	color: string;
	visible: boolean;
	current: boolean;
}

export interface MapPicture {
	/** The world rectangle the container shows: the SVG's viewBox. */
	view: Rect;
	/** Pixels per world unit. */
	scale: number;
	places: PicturePlace[];
	links: PictureShape[];
	outlines: PictureShape[];
}

/**
 * Label placement as MapLibre does it: most events first, each trying the anchors in the map's
 * order and taking the first spot that collides with no label placed before it.
 */
function placeLabels(places: PicturePlace[], scale: number, view: Rect): void {
	const taken: Rect[] = [];
	// A label cut by the edge is no label: MapLibre keeps them inside the canvas too.
	const frame = {
		x: view.x * scale,
		y: view.y * scale,
		width: view.width * scale,
		height: view.height * scale
	};
	const inside = (box: Rect) =>
		box.x >= frame.x &&
		box.y >= frame.y &&
		box.x + box.width <= frame.x + frame.width &&
		box.y + box.height <= frame.y + frame.height;
	// A label never covers another place's circle: the reader would lose the place under it.
	const circles = new Map(
		places
			.filter((p) => p.radius > 0)
			.map((p) => {
				const r = p.radius;
				return [p.id, { x: p.x * scale - r, y: p.y * scale - r, width: 2 * r, height: 2 * r }];
			})
	);
	const covers = (box: Rect, own: string) =>
		[...circles].some(([id, circle]) => id !== own && overlaps(circle, box));
	const order = [...places].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
	// The halo's width on each side, so that two labels never touch.
	const height = LABEL_SIZE_PX * 1.2 + 4;
	for (const place of order) {
		const width = placeLabelWidth(place.name);
		// As the map's `text-radial-offset`: clear of the circle by the same gap.
		const offset = place.radius + LABEL_GAP_PX;
		const px = place.x * scale;
		const py = place.y * scale;
		const spots: Array<[LabelAnchor, Rect]> = [
			['left', { x: px + offset, y: py - height / 2, width, height }],
			['right', { x: px - offset - width, y: py - height / 2, width, height }],
			['top', { x: px - width / 2, y: py + offset - height / 2, width, height }],
			['bottom', { x: px - width / 2, y: py - offset - height / 2, width, height }]
		];
		const free = spots.find(
			([, box]) => inside(box) && !taken.some((t) => overlaps(t, box)) && !covers(box, place.id)
		);
		if (!free) continue;
		const [anchor, box] = free;
		taken.push(box);
		// SVG text is placed by its baseline: x at its start, y a third of the size below centre.
		place.label = { anchor, x: box.x / scale, y: (box.y + height / 2 + LABEL_SIZE_PX / 3) / scale };
	}
}

/** The picture of the story on `focus.day`, for a container of `width`×`height` pixels. */
export function mapPicture(
	layers: StoryLayers,
	bounds: Bounds,
	focus: Focus,
	width: number,
	height: number
): MapPicture {
	const camera = openingCamera(
		bounds,
		width,
		height,
		eastLabelRoom(layers.places.features, bounds)
	);
	const scale = 2 ** camera.zoom;
	const states = storyStates(layers, focus);
	const placeState = new Map<string, Record<string, unknown>>();
	const linkState: Array<Record<string, unknown>> = [];
	const outlineState: Array<Record<string, unknown>> = [];
	for (const { feature, state } of states) {
		if (feature.source === 'places') placeState.set(String(feature.id), state);
		else if (feature.source === 'links') linkState[Number(feature.id)] = state;
		else outlineState[Number(feature.id)] = state;
	}
	const places = layers.places.features.map((feature): PicturePlace => {
		const { id, name } = feature.properties;
		const state = placeState.get(id) ?? {};
		const [lon = 0, lat = 0] = feature.geometry.coordinates;
		const [x, y] = project([lon, lat]);
		return {
			id,
			name,
			x,
			y,
			radius: Number(state.radius ?? 0),
			color: String(state.color ?? NO_CATEGORY_COLOR),
			count: focus.tally.get(id)?.count ?? 0,
			current: Boolean(state.current),
			highlight: Boolean(state.highlight),
			hit: { x, y },
			label: null,
			labelFaded: !state.visible
		};
	});
	const view = visibleRect(camera, width, height);
	placeLabels(places, scale, view);
	const shown = places.filter((p) => p.count > 0);
	spreadApart(shown.map((p) => [p.x * scale, p.y * scale])).forEach(([dx, dy], i) => {
		const place = shown[i]!;
		place.hit = { x: place.x + dx / scale, y: place.y + dy / scale };
	});
	return {
		view,
		scale,
		places,
		links: layers.links.features.map((link, i) => ({
			d: geometryPath(link.geometry),
			color: link.properties.color,
			visible: Boolean(linkState[Number(link.id ?? i)]?.visible),
			current: Boolean(linkState[Number(link.id ?? i)]?.current)
		})),
		outlines: layers.outlines.features.map((outline, i) => ({
			d: geometryPath(outline.geometry),
			color: MAP_COLORS.outline,
			visible: Boolean(outlineState[Number(outline.id ?? i)]?.visible),
			current: Boolean(outlineState[Number(outline.id ?? i)]?.selected)
		}))
	};
}
