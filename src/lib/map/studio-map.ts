/**
 * The studio's map: the atlas's offline basemap, with the draft's places as pins the editor drags
 * to where they belong, and clicks that add an event where the editor points. Like atlas-map.ts,
 * it owns its MapLibre instance and lets no one else touch it.
 */
import {
	MapLibreMap,
	Marker,
	NavigationControl,
	type GeoJSONSource,
	type LngLatBoundsLike
} from './maplibre';
import type { Bounds } from '../geo/bounds';
import type { LonLat } from '../story/types';
import { placeFeatures } from '../derive/place-features';
import type { Place } from '../story/types';
import { atlasStyle, SOURCES, type BasemapAssets } from './style';

export interface StudioMapOptions {
	container: HTMLElement;
	assets: BasemapAssets;
	bounds: Bounds | null;
	/** A click on the map itself, not on a pin: the editor adds an event there. */
	onPick(at: LonLat): void;
}

export class StudioMap {
	readonly #map: MapLibreMap;

	constructor({ container, assets, bounds, onPick }: StudioMapOptions) {
		this.#map = new MapLibreMap({
			container,
			style: atlasStyle(assets),
			...(bounds
				? { bounds: bounds as LngLatBoundsLike, fitBoundsOptions: { padding: 40, maxZoom: 5 } }
				: { center: [20, 40], zoom: 1.5 }),
			attributionControl: { compact: true, customAttribution: 'Natural Earth' },
			renderWorldCopies: false,
			maxZoom: 12,
			dragRotate: false,
			pitchWithRotate: false
		});
		this.#map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
		this.#map.on('click', (event) => {
			const target = event.originalEvent.target;
			if (target instanceof Element && target.closest('.maplibregl-marker')) return;
			onPick([event.lngLat.lng, event.lngLat.lat]);
		});
	}

	loaded(): Promise<void> {
		return this.#map.loaded()
			? Promise.resolve()
			: new Promise((resolve) => this.#map.once('load', () => resolve()));
	}

	/**
	 * Pins an element (a place's pin, rendered by Svelte) that the editor can drag; `onDrop` hears
	 * where it was let go. Returns the pin's controls.
	 */
	pin(
		element: HTMLElement,
		at: LonLat,
		onDrop: (to: LonLat) => void
	): { moveTo(at: LonLat): void; remove(): void } {
		const marker = new Marker({ element, draggable: true }).setLngLat(at).addTo(this.#map);
		marker.on('dragend', () => {
			const { lng, lat } = marker.getLngLat();
			onDrop([lng, lat]);
		});
		return { moveTo: (to) => marker.setLngLat(to), remove: () => marker.remove() };
	}

	/** Shows a place; without `animate` (reduced motion) the map jumps. */
	show(at: LonLat, { animate }: { animate: boolean }): void {
		const target = { center: at, zoom: Math.max(this.#map.getZoom(), 4) };
		if (animate) this.#map.easeTo({ ...target, duration: 500 });
		else this.#map.jumpTo(target);
	}

	resize(): void {
		this.#map.resize();
	}

	/**
	 * Names the places with the atlas's own label layer, so MapLibre keeps them from printing over
	 * one another; the pins themselves are elements the editor drags.
	 */
	setPlaces(places: Place[]): void {
		const features = placeFeatures(places);
		(this.#map.getSource(SOURCES.places) as GeoJSONSource | undefined)?.setData(features);
		for (const place of places)
			this.#map.setFeatureState({ source: SOURCES.places, id: place.id }, { visible: true });
	}

	/** Frames the places, once the map has its real size. */
	fit(bounds: Bounds): void {
		this.#map.fitBounds(bounds as LngLatBoundsLike, { padding: 50, maxZoom: 5, animate: false });
	}

	destroy(): void {
		this.#map.remove();
	}
}
