/**
 * The one module that owns the MapLibre instance. Components call its methods; nothing else
 * imports maplibre-gl, so the ~300 KB library is a chunk of its own, fetched while the story loads
 * (+page.ts) and never in the way of the list.
 */
import {
	Map as MapLibreMap,
	Marker,
	NavigationControl,
	setWorkerUrl,
	type GeoJSONSource,
	type LngLatBoundsLike
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Bounds } from '../geo/bounds';
import type { Place, Story } from '../story/types';
import type { MapView } from '../url/view-state';
import { eventDotVertices } from './event-dots';
import { EventDotsLayer } from './event-dots-layer';
import { FeatureStateWriter, storyStates, type Focus } from './feature-state';
import type { StoryLayers } from './features';
import { atlasStyle, type BasemapAssets } from './style';

setWorkerUrl(workerUrl);

export interface AtlasMapOptions {
	container: HTMLElement;
	assets: BasemapAssets;
	/** Where to open: a view from the URL, else the story's bounds. */
	view: MapView | null;
	bounds: Bounds;
	onMove(view: MapView): void;
	onPlaceHover(id: string | null): void;
	onPlaceSelect(id: string): void;
}

export interface PlaceButton {
	place: Place;
	label: string;
	hidden: boolean;
}

/** Room for the legend, which sits over the map's lower left corner on wide screens. */
function padding(container: HTMLElement) {
	return container.clientWidth < 700
		? { top: 30, bottom: 30, left: 30, right: 30 }
		: { top: 40, bottom: 30, left: 250, right: 50 };
}

export class AtlasMap {
	readonly map: MapLibreMap;
	private readonly writer: FeatureStateWriter;
	private readonly markers = new Map<string, { marker: Marker; button: HTMLButtonElement }>();
	private layers: StoryLayers | null = null;
	private story: Pick<Story, 'events' | 'places'> | null = null;
	private focus: Focus | null = null;
	private dots: EventDotsLayer | null = null;

	constructor(private readonly options: AtlasMapOptions) {
		const { container, assets, view, bounds } = options;
		this.map = new MapLibreMap({
			container,
			style: atlasStyle(assets),
			...(view
				? { center: [view.lon, view.lat], zoom: view.zoom }
				: {
						bounds: bounds as LngLatBoundsLike,
						fitBoundsOptions: { padding: padding(container), maxZoom: 5 }
					}),
			attributionControl: { compact: true, customAttribution: 'Natural Earth' },
			renderWorldCopies: false,
			maxZoom: 9,
			dragRotate: false,
			pitchWithRotate: false,
			touchPitch: false
		});
		this.map.touchZoomRotate.disableRotation();
		this.map.keyboard.disableRotation();
		this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
		this.writer = new FeatureStateWriter(this.map);
		// `?bench` hands the benchmark (scripts/bench.mjs) this instance; readers never see it.
		if (new URLSearchParams(location.search).has('bench')) {
			(window as unknown as { storyAtlas?: AtlasMap }).storyAtlas = this;
		}
		// Tests and the benchmark wait on this: the story is drawn and the map has settled.
		this.map.on('idle', () => {
			if (this.story) container.dispatchEvent(new CustomEvent('atlas-idle', { bubbles: true }));
		});
		this.map.on('moveend', () => {
			this.options.onMove(this.view());
		});
	}

	/** Resolves once the style and sources are in, so feature-state can be written. */
	loaded(): Promise<void> {
		return this.map.loaded()
			? Promise.resolve()
			: new Promise((resolve) => this.map.once('load', () => resolve()));
	}

	view(): MapView {
		const { lng, lat } = this.map.getCenter();
		return { zoom: this.map.getZoom(), lat, lon: lng };
	}

	/** Draws the story. Called once per story; time and selection then go through setFocus. */
	setStory(
		story: Pick<Story, 'events' | 'places'>,
		layers: StoryLayers,
		buttons: PlaceButton[]
	): void {
		this.story = story;
		this.layers = layers;
		(this.map.getSource('places') as GeoJSONSource).setData(layers.places);
		(this.map.getSource('links') as GeoJSONSource).setData(layers.links);
		(this.map.getSource('outlines') as GeoJSONSource).setData(layers.outlines);
		// A country that is a story place is labelled by the story; its basemap label would repeat it.
		const storyCountries = story.places
			.filter((p) => p.kind === 'country' && p.country)
			.map((p) => p.country!);
		this.map.setFilter('country-labels', [
			'!',
			['in', ['get', 'iso2'], ['literal', storyCountries]]
		]);
		this.writer.reset();
		const vertices = eventDotVertices(story.events);
		if (this.dots) this.dots.setVertices(vertices);
		else {
			this.dots = new EventDotsLayer(vertices);
			this.map.addLayer(this.dots, 'place-labels');
		}
		for (const { marker } of this.markers.values()) marker.remove();
		this.markers.clear();
		for (const { place, label } of buttons) {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'place-button';
			button.dataset.place = place.id;
			button.setAttribute('aria-label', label);
			button.addEventListener('click', () => this.options.onPlaceSelect(place.id));
			button.addEventListener('mouseenter', () => this.options.onPlaceHover(place.id));
			button.addEventListener('mouseleave', () => this.options.onPlaceHover(null));
			button.addEventListener('focus', () => this.options.onPlaceHover(place.id));
			button.addEventListener('blur', () => this.options.onPlaceHover(null));
			const marker = new Marker({ element: button }).setLngLat(place.coordinates).addTo(this.map);
			this.markers.set(place.id, { marker, button });
		}
		this.updateButtons(buttons);
		if (this.focus) this.setFocus(this.focus);
	}

	/** Labels and visibility of the place buttons follow the date. */
	updateButtons(buttons: PlaceButton[]): void {
		for (const { place, label, hidden } of buttons) {
			const entry = this.markers.get(place.id);
			if (!entry) continue;
			entry.button.setAttribute('aria-label', label);
			entry.button.hidden = hidden;
		}
	}

	/** Date, hover and selection as feature-state: a repaint, no re-tiling. */
	setFocus(focus: Focus): number {
		this.focus = focus;
		if (!this.story || !this.layers) return 0;
		for (const [id, { button }] of this.markers)
			button.classList.toggle('selected', id === focus.selected);
		this.dots?.setDay(focus.day);
		return this.writer.write(storyStates(this.layers, focus));
	}

	flyTo(coordinates: [number, number], zoom?: number): void {
		const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
		const target = { center: coordinates, zoom: Math.max(this.map.getZoom(), zoom ?? 4) };
		if (reduced) this.map.jumpTo(target);
		else this.map.flyTo({ ...target, duration: 900, essential: false });
	}

	jumpTo(view: MapView): void {
		this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
	}

	fitStory(bounds: Bounds): void {
		this.map.fitBounds(bounds as LngLatBoundsLike, {
			padding: padding(this.options.container),
			// A story in one city would otherwise open on an empty square of land.
			maxZoom: 5,
			animate: false
		});
	}

	/**
	 * A copy of what the map shows now. WebGL clears its buffer once a frame is on screen, so the
	 * copy is taken inside the render event of a fresh frame.
	 */
	snapshot(): Promise<{ canvas: HTMLCanvasElement; width: number; height: number }> {
		return new Promise((resolve) => {
			this.map.once('render', () => {
				const source = this.map.getCanvas();
				const copy = document.createElement('canvas');
				copy.width = source.width;
				copy.height = source.height;
				copy.getContext('2d')!.drawImage(source, 0, 0);
				const { clientWidth: width, clientHeight: height } = this.options.container;
				resolve({ canvas: copy, width, height });
			});
			this.map.triggerRepaint();
		});
	}

	resize(): void {
		this.map.resize();
	}

	destroy(): void {
		for (const { marker } of this.markers.values()) marker.remove();
		this.markers.clear();
		this.map.remove();
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
