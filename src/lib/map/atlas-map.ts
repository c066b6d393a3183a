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
import { fitPadding, openingCamera, type Camera } from '../geo/opening-view';
import type { LonLat, Story } from '../story/types';
import type { MapView } from '../url/view-state';
import { BENCH_HOOKS, exposeForBench } from './bench-hooks';
import { eventDotVertices } from './event-dots';
import { EventDotsLayer } from './event-dots-layer';
import { FeatureStateWriter, storyStates, type Focus } from './feature-state';
import { atlasStyle, LAYERS, SOURCES, type BasemapAssets } from './style';

export interface AtlasMapOptions {
	container: HTMLElement;
	assets: BasemapAssets;
	/** Where to open: a view from the URL, else the story's bounds. */
	view: MapView | null;
	bounds: Bounds;
	/** After every move; `restored` when the move only carried out a URL (Back, Forward). */
	onMove(view: MapView, restored: boolean): void;
	onError(message: string): void;
	/** The GPU context was lost (`false`), or is back and the story redrawn (`true`). */
	onContext(drawn: boolean): void;
}

/** What the map can be asked to do with its camera. */
export type CameraMove =
	| { kind: 'fly'; to: LonLat }
	| { kind: 'jump'; view: MapView }
	| { kind: 'fit' }
	/** The tour's frame around an event's places, with room for the tour's card. */
	| { kind: 'frame'; bounds: Bounds };

/**
 * Room for the tour's card: over the map's top on a wide screen, over its lower half on a phone,
 * where the cards scroll over a full-screen map.
 */
function tourPadding(container: HTMLElement) {
	const height = container.clientHeight;
	return container.clientWidth < 700
		? { top: 50, bottom: height * 0.42, left: 30, right: 30 }
		: { ...fitPadding(container.clientWidth), top: Math.min(170, height * 0.35) };
}

/** The opening view of opening-view.ts, the one the page's picture of the map is drawn in. */
function opening(bounds: Bounds, container: HTMLElement): Camera {
	return openingCamera(bounds, container.clientWidth, container.clientHeight);
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
	/** True while the map moves on our account (a URL, a resize): every `moveend` fired then is ours. */
	#restoring = false;

	constructor(options: AtlasMapOptions) {
		this.#options = options;
		const { container, assets, view, bounds } = options;
		const map = new MapLibreMap({
			container,
			style: atlasStyle(assets),
			...(view ? { center: [view.lon, view.lat], zoom: view.zoom } : opening(bounds, container)),
			attributionControl: { compact: true, customAttribution: 'Natural Earth' },
			renderWorldCopies: false,
			maxZoom: 9,
			dragRotate: false,
			pitchWithRotate: false,
			touchPitch: false
		});
		this.#map = map;
		map.touchZoomRotate.disableRotation();
		map.keyboard.disableRotation();
		map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
		this.#writer = new FeatureStateWriter(map);
		map.on('moveend', () => options.onMove(this.view(), this.#restoring));
		map.on('error', (event) => options.onError(event.error?.message ?? 'unknown map error'));
		map.on('webglcontextlost', () => options.onContext(false));
		map.on('webglcontextrestored', () => this.#redraw());
		if (BENCH_HOOKS) exposeForBench(map, container, () => this.#layers !== null);
	}

	/** Resolves once the style, the sources and MapLibre's stylesheet are in, so the story can be drawn. */
	async loaded(): Promise<void> {
		await stylesheetLoaded;
		if (this.#map.loaded()) return;
		await new Promise<void>((resolve) => this.#map.once('load', () => resolve()));
	}

	/** Resolves when the map next comes to rest with everything drawn: tiles, layers and labels. */
	settled(): Promise<void> {
		return new Promise((resolve) => this.#map.once('idle', () => resolve()));
	}

	view(): MapView {
		const { lng, lat } = this.#map.getCenter();
		return { zoom: this.#map.getZoom(), lat, lon: lng };
	}

	/** Draws the story, once: time and selection then go through setFocus. */
	setStory(story: Pick<Story, 'events' | 'places'>, layers: StoryLayers): void {
		if (this.#layers) throw new Error('AtlasMap draws one story; make a new map for another.');
		this.#layers = layers;
		// A country that is a story place is labelled by the story; its basemap label would repeat it.
		this.#storyCountries = story.places.flatMap((p) =>
			p.kind === 'country' && p.country ? [p.country] : []
		);
		this.#vertices = eventDotVertices(story.events);
		this.#draw();
	}

	#draw(): void {
		const layers = this.#layers;
		if (!layers || !this.#vertices) return;
		const source = (id: string) => this.#map.getSource(id) as GeoJSONSource;
		source(SOURCES.places).setData(layers.places);
		source(SOURCES.links).setData(layers.links);
		source(SOURCES.outlines).setData(layers.outlines);
		this.#map.setFilter(LAYERS.countryLabels, [
			'!',
			['in', ['get', 'iso2'], ['literal', this.#storyCountries]]
		]);
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
		if (!this.#dots || !this.#map.getLayer(this.#dots.id)) this.#draw();
		this.#writer.reset();
		if (this.#focus) this.setFocus(this.#focus);
		this.#options.onContext(true);
	}

	/**
	 * Pins an element (a place's button, rendered by Svelte) to a point; MapLibre keeps it there
	 * as the map moves. Returns the function that unpins it.
	 */
	pin(element: HTMLElement, at: LonLat): () => void {
		const marker = new Marker({ element }).setLngLat(at).addTo(this.#map);
		return () => marker.remove();
	}

	/** Date, hover and selection as feature-state: a repaint, no re-tiling. */
	setFocus(focus: Focus): number {
		this.#focus = focus;
		if (!this.#layers) return 0;
		this.#dots?.setDay(focus.day);
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
		if (request.kind === 'fly') {
			const target = { center: request.to, zoom: Math.max(map.getZoom(), 4) };
			if (animate) map.flyTo({ ...target, duration: 900, essential: false });
			else map.jumpTo(target);
			return;
		}
		if (request.kind === 'frame') {
			map.fitBounds(request.bounds as LngLatBoundsLike, {
				padding: tourPadding(this.#options.container),
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

	/** The story's whole extent, exactly where the page's picture of the map shows it. */
	#fit(): void {
		this.#map.jumpTo(opening(this.#options.bounds, this.#options.container));
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

	/** A new size for the same view: not a move of the reader's, so the URL does not hear of it. */
	resize(): void {
		this.#restoring = true;
		try {
			this.#map.resize();
		} finally {
			this.#restoring = false;
		}
	}

	destroy(): void {
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
