/**
 * The one module that owns the atlas's MapLibre instance, behind a small typed API: no component
 * touches the map, and the ~300 KB library is a chunk of its own, fetched while the story loads
 * (+page.ts) and never in the way of the list.
 */
import {
	MapLibreMap,
	Marker,
	NavigationControl,
	stylesheetLoaded,
	type GeoJSONSource,
	type LngLatBoundsLike
} from './maplibre';
import type { StoryLayers } from '../derive/story-layers';
import type { Bounds } from '../geo/bounds';
import type { Camera, Padding, Rect } from '../geo/mercator';
import { openingCamera } from '../geo/opening-view';
import {
	cameraToShow,
	PLACE_MARGIN_PX,
	roomRect,
	uncoveredPadding,
	withMargin,
	type Size
} from '../geo/room';
import { spreadApart } from '../geo/spread';
import { cellCounts, DOTS_ZOOM, gridFor, type EventGrid } from '../derive/event-grid';
import { drawnAsAggregates, type StoryData } from '../story/story-data';
import type { LonLat } from '../story/types';
import type { MapView } from '../url/view-state';
import { BENCH_HOOKS, exposeForBench } from './bench-hooks';
import { EventDotsLayer } from './event-dots-layer';
import { FeatureStateWriter, storyStates, type Focus } from './feature-state';
import { AGGREGATE_PAINT, bandFeatures, changedCells } from './aggregates';
import { cellKeys, placeKeys } from './big-keys';
import { CountLabels, type KeySource } from './count-labels';
import {
	atlasStyle,
	FONT,
	LAYERS,
	PLACE_ROOM_IMAGE,
	PLACE_ROOM_PX,
	placeRoomLayer,
	SOURCES,
	type BasemapAssets
} from './style';

/**
 * The sources and layers of a story whose places are too many to draw apart (story-data.ts), added
 * when it is drawn. Each zoom band's grid has a source and a circle layer of its own
 * (`big-aggregates-<band>`), shown at its band's zooms; the places come in at DOTS_ZOOM.
 */
const BIG = {
	aggregates: 'big-aggregates',
	aggregateCircles: 'big-aggregate-circles',
	places: 'big-places',
	placeCircles: 'big-place-circles',
	placeNames: 'big-place-names'
} as const;
const ofBand = (prefix: string, band: number) => `${prefix}-${band}`;

/**
 * The map's pixel ratio until its first settle (`sharpen`). Those frames are drawn under the page's
 * picture of the map, which the reader sees meanwhile; software GL pays for every pixel of each,
 * and a sixteenth of them draws the same tiles and labels.
 */
export const LOADING_PIXEL_RATIO = 0.25;

/** What a reader can choose on the map of a story drawn as aggregates. */
export interface AggregateHandlers {
	/** A cluster: the map zooms in on it. */
	onCluster(view: MapView): void;
	/** A place (its index in story.places), at the zoom where each event is drawn. */
	onPlace(place: number): void;
	/**
	 * What the map draws now: `aggregates` (how many cells, and the events they count) or each
	 * event as a `dots`. The page says so in the map's data attributes.
	 */
	onDraw?(drawn: { mode: 'aggregates' | 'dots'; cells: number; events: number }): void;
	/** Something for the page's live region: why keyboard focus moved on the map. */
	onNote?(message: string): void;
}

export interface AtlasMapOptions {
	container: HTMLElement;
	assets: BasemapAssets;
	/** Where to open: a view from the URL, else the story's bounds. */
	view: MapView | null;
	bounds: Bounds;
	/** The room the east-most places' labels need right of them (geo/place-labels.ts), in pixels. */
	eastLabelRoom?: number;
	/** After every move; `restored` when the move only carried out a URL (Back, Forward). */
	onMove(view: MapView, restored: boolean): void;
	onError(message: string): void;
	/** The GPU context was lost (`false`), or is back and the story redrawn (`true`). */
	onContext(drawn: boolean): void;
	/**
	 * Labels change at once, without MapLibre's fade: a big story's counts change on every move of
	 * the date, and a fade would hold each move's settled frame back by its length.
	 */
	instantLabels?: boolean;
}

/** What the map can be asked to do with its camera. */
export type CameraMove =
	/** A chosen place, and the places its events join, brought clear of whatever covers the map. */
	| { kind: 'show'; place: LonLat; joins: LonLat[] }
	| { kind: 'jump'; view: MapView }
	/** The reader's own zoom into a cluster: a view they chose, so it reaches the URL. */
	| { kind: 'zoom'; view: MapView }
	| { kind: 'fit' }
	/** The tour's frame around an event's places, with room for the tour's card. */
	| { kind: 'frame'; bounds: Bounds };

/**
 * What floats over the map (its own controls, and whatever the page marks `data-over-map`: the
 * legend, the tour's card), as rectangles in the container's pixels.
 */
function coversOf(container: HTMLElement): Rect[] {
	const frame = container.getBoundingClientRect();
	const floating = [
		...container.querySelectorAll('.maplibregl-ctrl'),
		...container.ownerDocument.querySelectorAll('[data-over-map]')
	];
	return floating.map((element) => {
		const box = element.getBoundingClientRect();
		return {
			x: box.left - frame.left,
			y: box.top - frame.top,
			width: box.width,
			height: box.height
		};
	});
}

const sizeOf = (container: HTMLElement): Size => ({
	width: container.clientWidth,
	height: container.clientHeight
});

/** The opening view of opening-view.ts, the one the page's picture of the map is drawn in. */
function opening({ bounds, container, eastLabelRoom }: AtlasMapOptions): Camera {
	return openingCamera(bounds, container.clientWidth, container.clientHeight, eastLabelRoom);
}

export class AtlasMap {
	readonly #map: MapLibreMap;
	readonly #writer: FeatureStateWriter;
	readonly #options: AtlasMapOptions;
	#layers: StoryLayers | null = null;
	#dots: EventDotsLayer | null = null;
	#vertices: Float32Array | null = null;
	#storyCountries: string[] = [];
	#focus: Focus | null = null;
	/** The place buttons pinned to the map, by place id, to be drawn apart where they crowd. */
	readonly #pins = new Map<string, { marker: Marker; at: LonLat }>();
	/** Set while the story is drawn as aggregates at low zoom: its data, its handlers, its day. */
	#big: { story: StoryData; handlers: AggregateHandlers; day: number } | null = null;
	/** The band and day the aggregates were last counted for: a move within a band recounts nothing. */
	#drawnAggregates: { band: number | null; day: number } | null = null;
	/**
	 * Per band: the counts its source holds as feature-state, and the counts of the day it was
	 * last counted for (a band is recounted only while it is drawn).
	 */
	#bands: Array<{ written: Int32Array; counts: Int32Array }> = [];
	/** The counts' labels over the map, redrawn in the frame after a move or a new count. */
	#labels: CountLabels | null = null;
	/** What the labels key: each band's cells, made when the band is first drawn, and the places. */
	#keys: { bands: Array<KeySource | undefined>; places: KeySource } | null = null;
	#labelsStale = false;
	/** True while the map moves on our account (a URL, a resize): every `moveend` fired then is ours. */
	#restoring = false;
	#styleLoaded: Promise<void>;
	#sharp = false;

	constructor(options: AtlasMapOptions) {
		this.#options = options;
		const { container, assets, view } = options;
		const map = new MapLibreMap({
			container,
			style: atlasStyle(assets),
			...(view ? { center: [view.lon, view.lat], zoom: view.zoom } : opening(options)),
			attributionControl: { compact: true, customAttribution: 'Natural Earth' },
			renderWorldCopies: false,
			pixelRatio: LOADING_PIXEL_RATIO,
			...(options.instantLabels ? { fadeDuration: 0 } : {}),
			maxZoom: 9,
			dragRotate: false,
			pitchWithRotate: false,
			touchPitch: false
		});
		this.#map = map;
		// Registered before the style can load: a style given as an object loads a frame later.
		this.#styleLoaded = new Promise((resolve) => map.once('style.load', () => resolve()));
		map.touchZoomRotate.disableRotation();
		map.keyboard.disableRotation();
		map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
		this.#writer = new FeatureStateWriter(map);
		map.on('moveend', () => options.onMove(this.view(), this.#restoring));
		container.ownerDocument.addEventListener('mouseup', this.#releasedBeside);
		// Buttons crowd or part as the zoom changes; a pan moves them all alike.
		map.on('zoom', () => this.#spread());
		map.on('error', (event) => options.onError(event.error?.message ?? 'unknown map error'));
		map.on('webglcontextlost', () => options.onContext(false));
		map.on('webglcontextrestored', () => this.#redraw());
		map.on('zoom', () => this.#drawAggregates());
		if (BENCH_HOOKS) exposeForBench(map, container, () => this.#layers !== null && this.#sharp);
	}

	/**
	 * Resolves once the style and MapLibre's stylesheet are in, so the story can be drawn. It does not
	 * wait for the basemap's tiles: the story's sources are then tiled beside them, in one pass of the
	 * worker and one series of frames, instead of a second series after the basemap's.
	 */
	async loaded(): Promise<void> {
		await Promise.all([stylesheetLoaded, this.#styleLoaded]);
	}

	/**
	 * From now on the map draws at the screen's own pixel ratio: called once it has settled with the
	 * story drawn, under the picture, so the reader's first frame of the map is a sharp one.
	 */
	sharpen(): void {
		this.#sharp = true;
		this.#map.setPixelRatio(devicePixelRatio);
	}

	/** Resolves when the map next comes to rest with everything drawn: tiles, layers and labels. */
	settled(): Promise<void> {
		return new Promise((resolve) => this.#map.once('idle', () => resolve()));
	}

	view(): MapView {
		const { lng, lat } = this.#map.getCenter();
		return { zoom: this.#map.getZoom(), lat, lon: lng };
	}

	/**
	 * Draws the story, once: its places, links and outlines, and every event as a GPU dot. A story
	 * with more places than can be drawn apart (its index has grids) is drawn as counted aggregates
	 * below DOTS_ZOOM, with `handlers` for what a reader chooses there. Time and selection then go
	 * through setFocus.
	 */
	setStory(story: StoryData, layers: StoryLayers, day: number, handlers: AggregateHandlers): void {
		if (this.#layers) throw new Error('AtlasMap draws one story; make a new map for another.');
		// A country that is a story place is labelled by the story; its basemap label would repeat it.
		this.#storyCountries = story.places.flatMap((p) =>
			p.kind === 'country' && p.country ? [p.country] : []
		);
		this.#vertices = story.index.dots;
		if (drawnAsAggregates(story)) {
			// Its places are drawn by the aggregates' own layers, without feature-state per place.
			this.#layers = { ...layers, places: { type: 'FeatureCollection', features: [] } };
			this.#drawAggregated(story, day, handlers);
			this.#draw();
		} else {
			this.#layers = layers;
			this.#draw();
		}
	}

	#draw(): void {
		const layers = this.#layers;
		if (!layers || !this.#vertices) return;
		const source = (id: string) => this.#map.getSource(id) as GeoJSONSource;
		// The labels' room around each circle (style.ts): an empty image of its own.
		if (!this.#map.hasImage(PLACE_ROOM_IMAGE)) {
			const side = PLACE_ROOM_PX;
			this.#map.addImage(PLACE_ROOM_IMAGE, {
				width: side,
				height: side,
				data: new Uint8Array(side * side * 4)
			});
		}
		if (!this.#map.getLayer(LAYERS.placeRoom)) this.#map.addLayer(placeRoomLayer());
		source(SOURCES.places).setData(layers.places);
		source(SOURCES.links).setData(layers.links);
		source(SOURCES.outlines).setData(layers.outlines);
		this.#map.setFilter(LAYERS.countryLabels, [
			'!',
			['in', ['get', 'iso2'], ['literal', this.#storyCountries]]
		]);
		if (this.#big) return;
		this.#dots = new EventDotsLayer(this.#vertices);
		this.#map.addLayer(this.#dots, LAYERS.placeLabels);
	}

	/**
	 * After a lost GPU context MapLibre rebuilds its style from a snapshot, without the custom dots
	 * layer and without feature-state: once that style is in, draw the story and the chosen day
	 * again.
	 */
	#redraw(): void {
		if (!this.#map.isStyleLoaded()) {
			this.#map.once('idle', () => this.#redraw());
			return;
		}
		if (!this.#dots || !this.#map.getLayer(this.#dots.id)) {
			this.#draw();
			if (this.#big) {
				this.#forgetAggregates();
				this.#drawBig();
			}
		}
		this.#writer.reset();
		if (this.#focus) this.setFocus(this.#focus);
		this.#options.onContext(true);
	}

	/**
	 * The aggregates of a story of many places: below DOTS_ZOOM the grid of the zoom's band with
	 * their counts, following the date; above it, each event as a dot and each place as a circle.
	 */
	#drawAggregated(story: StoryData, day: number, handlers: AggregateHandlers): void {
		this.#big = { story, handlers, day };
		const { grids } = story.index;
		this.#bands = grids.map((grid) => {
			const cells = grid.offsets.length - 1;
			return { written: new Int32Array(cells), counts: new Int32Array(cells) };
		});
		const map = this.#map;
		const view = () => sizeOf(this.#options.container);
		this.#labels = new CountLabels(map, view, (message) => handlers.onNote?.(message));
		this.#keys = {
			bands: [],
			places: placeKeys(
				map,
				view,
				{ places: story.places, table: story.table, byPlace: story.index.byPlace },
				() => this.#big?.day ?? day,
				(place) => handlers.onPlace(place)
			)
		};
		const stale = () => (this.#labelsStale = true);
		map.on('move', stale);
		map.on('resize', stale);
		// In the frame MapLibre draws, so the labels move and change with their circles.
		map.on('render', () => {
			if (!this.#labelsStale) return;
			this.#labelsStale = false;
			this.#labels?.draw();
		});
		this.#drawBig();
		grids.forEach((grid, band) => {
			const layer = ofBand(BIG.aggregateCircles, band);
			map.on('click', layer, (event) => {
				// A cell with nothing by the day is drawn with no radius: it is not there to choose.
				const { counts } = this.#bands[band]!;
				const cell = event.features
					?.map((f) => f.id)
					.find((id): id is number => typeof id === 'number' && (counts[id] ?? 0) > 0);
				if (cell !== undefined) this.#zoomToCell(grid, cell);
			});
			this.#pointer(layer);
		});
		map.on('click', BIG.placeCircles, (event) => {
			const id = event.features?.[0]?.properties?.index;
			if (typeof id === 'number') handlers.onPlace(id);
		});
		this.#pointer(BIG.placeCircles);
	}

	/** A chosen cell, by pointer or by key: two zooms in, where it falls apart into the next band's, or into dots. */
	#zoomToCell(grid: EventGrid, cell: number): void {
		this.#big?.handlers.onCluster({
			lon: grid.lon[cell]!,
			lat: grid.lat[cell]!,
			zoom: Math.min(DOTS_ZOOM, Math.floor(this.#map.getZoom()) + 2)
		});
	}

	#pointer(layer: string): void {
		const map = this.#map;
		map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
		map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
	}

	/** Adds what the style lacks (all of it at first; after a lost context, what was not kept). */
	#drawBig(): void {
		const big = this.#big;
		if (!big) return;
		const map = this.#map;
		const { story } = big;
		const { grids } = story.index;
		grids.forEach((grid, band) => {
			const source = ofBand(BIG.aggregates, band);
			// Every cell of the band, once: a scrub then changes feature-state only.
			if (!map.getSource(source))
				map.addSource(source, { type: 'geojson', data: bandFeatures(grid) });
		});
		if (!map.getSource(BIG.places))
			map.addSource(BIG.places, {
				type: 'geojson',
				data: {
					type: 'FeatureCollection',
					features: story.places.map((place, index) => ({
						type: 'Feature',
						geometry: { type: 'Point', coordinates: place.coordinates },
						properties: { index, name: place.name }
					}))
				}
			});
		this.#dots = new EventDotsLayer(story.index.dots, DOTS_ZOOM);
		this.#dots.setDay(big.day);
		map.addLayer(this.#dots, LAYERS.placeLabels);
		if (!map.getLayer(BIG.placeCircles))
			map.addLayer({
				id: BIG.placeCircles,
				type: 'circle',
				source: BIG.places,
				minzoom: DOTS_ZOOM,
				paint: {
					'circle-radius': 6,
					'circle-color': '#ffffff',
					'circle-stroke-color': '#1d2328',
					'circle-stroke-width': 1.5
				}
			});
		if (!map.getLayer(BIG.placeNames))
			map.addLayer({
				id: BIG.placeNames,
				type: 'symbol',
				source: BIG.places,
				minzoom: DOTS_ZOOM + 1,
				layout: {
					'text-field': ['get', 'name'],
					'text-font': [FONT],
					'text-size': 12,
					'text-offset': [0.8, 0],
					'text-anchor': 'left'
				},
				paint: { 'text-color': '#1d2328', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
			});
		grids.forEach((_, band) => {
			const id = ofBand(BIG.aggregateCircles, band);
			if (map.getLayer(id)) return;
			// The zooms gridFor draws this band at.
			map.addLayer({
				id,
				type: 'circle',
				source: ofBand(BIG.aggregates, band),
				minzoom: band === 0 ? 0 : band,
				maxzoom: band === grids.length - 1 ? DOTS_ZOOM : band + 1,
				paint: AGGREGATE_PAINT
			});
		});
		this.#drawAggregates();
	}

	/** After a lost context the feature-state is gone: every band's counts are written again. */
	#forgetAggregates(): void {
		this.#drawnAggregates = null;
		this.#bands.forEach((band, i) => {
			band.written.fill(0);
			if (this.#map.getSource(ofBand(BIG.aggregates, i)))
				this.#map.removeFeatureState({ source: ofBand(BIG.aggregates, i) });
		});
	}

	/**
	 * The zoom's band counted by the day, as feature-state of the cells whose count changed;
	 * nothing when neither the band nor the day changed.
	 */
	#drawAggregates(): void {
		const big = this.#big;
		if (!big) return;
		const { grids } = big.story.index;
		const grid = gridFor(grids, this.#map.getZoom());
		const band = grid ? grids.indexOf(grid) : null;
		const drawn = this.#drawnAggregates;
		if (drawn && drawn.band === band && (band === null || drawn.day === big.day)) return;
		this.#drawnAggregates = { band, day: big.day };
		let cells = 0;
		let events = 0;
		if (grid && band !== null) {
			const { written, counts } = this.#bands[band]!;
			cellCounts(grid, big.day, counts);
			const source = ofBand(BIG.aggregates, band);
			for (const cell of changedCells(written, counts))
				this.#map.setFeatureState({ source, id: cell }, { count: counts[cell]! });
			for (const count of counts) {
				if (count === 0) continue;
				cells++;
				events += count;
			}
			this.#labels?.show(this.#cellKeys(band, grid));
		} else this.#labels?.show(this.#keys?.places ?? null);
		this.#labelsStale = true;
		big.handlers.onDraw?.({ mode: grid ? 'aggregates' : 'dots', cells, events });
	}

	#cellKeys(band: number, grid: EventGrid): KeySource | null {
		const keys = this.#keys;
		const big = this.#big;
		if (!keys || !big) return null;
		keys.bands[band] ??= cellKeys(
			this.#map,
			() => sizeOf(this.#options.container),
			grid,
			this.#bands[band]!.counts,
			big.story.places,
			(cell) => this.#zoomToCell(grid, cell)
		);
		return keys.bands[band];
	}

	/** What the count labels over the map say now, by cell of the zoom's band. */
	countLabels(): Map<number, string> {
		return this.#labels?.labels() ?? new Map();
	}

	/** The aggregates' day: recounted, and the keys renamed. */
	#setAggregatesDay(day: number): void {
		if (!this.#big || this.#big.day === day) return;
		this.#big.day = day;
		this.#drawAggregates();
		// Zoomed in, a new day moves no key, but the focused place's count may have changed.
		this.#labels?.rename();
	}

	/**
	 * Pins an element (a place's button, rendered by Svelte) to a point; MapLibre keeps it there
	 * as the map moves. Returns the function that unpins it.
	 */
	pin(element: HTMLElement, id: string, at: LonLat): () => void {
		const marker = new Marker({ element }).setLngLat(at).addTo(this.#map);
		this.#pins.set(id, { marker, at });
		this.#spread();
		return () => {
			marker.remove();
			this.#pins.delete(id);
			this.#spread();
		};
	}

	/**
	 * Buttons that would overlap are drawn apart (geo/spread.ts), so each place stays reachable by
	 * pointer; a place with nothing on the chosen day has no button and takes no room.
	 */
	#spread(): void {
		const tally = this.#focus?.tally;
		const shown = [...this.#pins.entries()].filter(([id]) => (tally?.get(id)?.count ?? 0) > 0);
		const offsets = spreadApart(
			shown.map(([, { at }]) => {
				const { x, y } = this.#map.project(at);
				return [x, y];
			})
		);
		shown.forEach(([, { marker }], i) => marker.setOffset(offsets[i]!));
	}

	/** Date, hover and selection as feature-state and one uniform: a repaint, no re-tiling. */
	setFocus(focus: Focus): number {
		this.#focus = focus;
		this.#spread();
		if (!this.#layers) return 0;
		this.#dots?.setDay(focus.day);
		this.#dots?.setRows(focus.only?.rows ?? null);
		this.#setAggregatesDay(focus.day);
		return this.#writer.write(storyStates(this.#layers, focus));
	}

	/** Carries out a camera request; without `animate` (reduced motion) every move is a jump. */
	move(request: CameraMove, { animate }: { animate: boolean }): void {
		const map = this.#map;
		// A flight cut short by this move is not a view the reader chose: end it quietly.
		this.#restoring = true;
		try {
			map.stop();
		} finally {
			this.#restoring = false;
		}
		if (request.kind === 'show') {
			const { container } = this.#options;
			const size = sizeOf(container);
			const target = cameraToShow(this.#camera(), size, roomRect(this.#clear(), size), {
				place: request.place,
				joins: request.joins,
				minZoom: opening(this.#options).zoom
			});
			if (!target) return;
			if (animate) map.easeTo({ ...target, duration: 700, essential: false });
			else map.jumpTo(target);
			return;
		}
		if (request.kind === 'zoom') {
			// A jump, not a flight: the keys on the map are laid out once, at the view it lands on.
			const { lon, lat, zoom } = request.view;
			map.jumpTo({ center: [lon, lat], zoom });
			return;
		}
		if (request.kind === 'frame') {
			map.fitBounds(request.bounds as LngLatBoundsLike, {
				padding: this.#tourPadding(),
				maxZoom: 5,
				duration: animate ? 800 : 0
			});
			return;
		}
		// Jumps and fits carry out a URL and end synchronously.
		this.#restoring = true;
		try {
			if (request.kind === 'jump') {
				const { lon, lat, zoom } = request.view;
				map.jumpTo({ center: [lon, lat], zoom });
			} else this.#fit();
		} finally {
			this.#restoring = false;
		}
	}

	#camera(): Camera {
		const { lng, lat } = this.#map.getCenter();
		return { center: [lng, lat], zoom: this.#map.getZoom() };
	}

	/** The map less what floats over it, with a margin for a place's button: as padding. */
	#clear(): Padding {
		const { container } = this.#options;
		const size = sizeOf(container);
		return withMargin(uncoveredPadding(size, coversOf(container)), PLACE_MARGIN_PX, size);
	}

	/**
	 * Room for the tour's card: on a wide screen it floats over the map and is measured with the
	 * rest; on a phone the cards scroll over the lower half of a full-screen map.
	 */
	#tourPadding(): Padding {
		const { width, height } = sizeOf(this.#options.container);
		return width < 700 ? { top: 50, bottom: height * 0.42, left: 30, right: 30 } : this.#clear();
	}

	/** The story's whole extent, exactly where the page's picture of the map shows it. */
	#fit(): void {
		this.#map.jumpTo(opening(this.#options));
	}

	/**
	 * A copy of what the map shows now. WebGL clears its buffer once a frame is on screen, so the
	 * copy is taken inside the render event of a fresh frame.
	 */
	snapshot(): Promise<{ canvas: HTMLCanvasElement; width: number; height: number }> {
		return new Promise((resolve) => {
			this.#map.once('render', () => {
				const source = this.#map.getCanvas();
				const copy = document.createElement('canvas');
				copy.width = source.width;
				copy.height = source.height;
				copy.getContext('2d')!.drawImage(source, 0, 0);
				const { clientWidth: width, clientHeight: height } = this.#options.container;
				resolve({ canvas: copy, width, height });
			});
			this.#map.triggerRepaint();
		});
	}

	/**
	 * A copy of the map drawn at `size` CSS pixels, on the same centre and zoom: the whole map,
	 * whatever covers or narrows it on screen. The canvas is drawn at that size off screen for the
	 * moment it takes, then put back where it was; the URL hears of none of it.
	 */
	async snapshotAt(size: Size): ReturnType<AtlasMap['snapshot']> {
		const { container } = this.#options;
		const camera = this.#camera();
		const style = container.style;
		const saved = [style.position, style.left, style.top, style.width, style.height];
		const place = (position: string, left: string, top: string, width: string, height: string) => {
			[style.position, style.left, style.top, style.width, style.height] = [
				position,
				left,
				top,
				width,
				height
			];
			this.#restoring = true;
			try {
				this.#map.resize();
				this.#map.jumpTo(camera);
			} finally {
				this.#restoring = false;
			}
		};
		place('fixed', `${-2 * size.width}px`, '0px', `${size.width}px`, `${size.height}px`);
		try {
			await this.settled();
			return await this.snapshot();
		} finally {
			place(...(saved as [string, string, string, string, string]));
		}
	}

	/** A new size for the same view: not a move of the reader's, so the URL does not hear of it. */
	resize(): void {
		this.#restoring = true;
		try {
			this.#map.resize();
		} finally {
			this.#restoring = false;
		}
	}

	/**
	 * MapLibre ends a mouse drag at a release over the map; released over the page beside it (the
	 * list, the slider), the drag lasted until the mouse next moved, and so did the view's way to
	 * the address. The release ends it, as over the map.
	 */
	#releasedBeside = (event: MouseEvent): void => {
		const canvas = this.#map.getCanvasContainer();
		if (!this.#map.dragPan.isActive() || canvas.contains(event.target as Node)) return;
		const { button, clientX, clientY } = event;
		canvas.dispatchEvent(new MouseEvent('mouseup', { button, clientX, clientY, bubbles: true }));
	};

	destroy(): void {
		this.#options.container.ownerDocument.removeEventListener('mouseup', this.#releasedBeside);
		this.#map.remove();
	}
}

/** WebGL is what MapLibre draws with; without it the rest of the page must still work. */
export function webglAvailable(): boolean {
	try {
		const canvas = document.createElement('canvas');
		return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
	} catch {
		return false;
	}
}
