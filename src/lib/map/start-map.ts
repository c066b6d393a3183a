/**
 * How a story's map comes up, for every story (MapView): MapLibre loaded only
 * when the page needs it, WebGL asked for first, the basemap handed over, the opening fit at the
 * real size, the story drawn, and the status the page shows at each step. A map that has not drawn
 * by GIVE_UP_MS (a worker that never starts, a GPU that fails) says so instead of waiting forever.
 */
import type { Countries } from '../geo/basemap';
import type { Bounds } from '../geo/bounds';
import type { MapView } from '../url/view-state';
import type { AtlasMap } from './atlas-map';

export type MapStatus = 'loading' | 'ready' | 'no-webgl' | 'failed' | 'lost';

export const GIVE_UP_MS = 10_000;

export interface MapStart {
	container: HTMLElement;
	basemap: Promise<Countries | null>;
	/** The address of a file the app ships (SvelteKit's `asset`), as the map fetches it. */
	asset(path: string): string;
	/** The view to open on (from the URL), asked again once the map has loaded; null fits the story. */
	view(): MapView | null;
	bounds: Bounds;
	/** The room the east-most places' labels need (geo/place-labels.ts), in pixels. */
	eastLabelRoom?: number;
	instantLabels?: boolean;
	/** A move the reader made: a move that only carried out the URL (the opening fit, Back) is not. */
	onView(view: MapView): void;
	onStatus(status: MapStatus): void;
	/** Puts the story on the loaded map; the map is then the page's to use. */
	draw(map: AtlasMap): void;
}

/** Starts the map; returns what stops it (the component's teardown). */
export function startMap(start: MapStart): () => void {
	let status: MapStatus = 'loading';
	const set = (next: MapStatus) => {
		status = next;
		start.onStatus(next);
	};
	let disposed = false;
	let instance: AtlasMap | null = null;
	(async () => {
		const [{ AtlasMap, webglAvailable }, countries] = await Promise.all([
			import('./atlas-map'),
			start.basemap
		]);
		if (disposed) return;
		if (!webglAvailable()) {
			set('no-webgl');
			return;
		}
		if (!countries) throw new Error('the basemap (countries.geojson) could not be read');
		const absolute = (path: string) => new URL(start.asset(path), location.href).href;
		instance = new AtlasMap({
			container: start.container,
			assets: {
				countries,
				countryLabels: absolute('/generated/country-labels.geojson'),
				font: absolute('/generated/open-sans-latin-400.woff2')
			},
			view: start.view(),
			bounds: start.bounds,
			...(start.eastLabelRoom ? { eastLabelRoom: start.eastLabelRoom } : {}),
			...(start.instantLabels ? { instantLabels: true } : {}),
			onMove: (view, restored) => {
				if (!restored) start.onView(view);
			},
			onError: (message) => console.warn('Map:', message),
			onContext: (drawn) => {
				if (status === 'ready' || status === 'lost') set(drawn ? 'ready' : 'lost');
			}
		});
		await instance.loaded();
		if (disposed) return;
		// The page's grid may have settled after the map measured itself: fit again at the real size.
		instance.resize();
		if (!start.view()) instance.move({ kind: 'fit' }, { animate: false });
		start.draw(instance);
		// The page's stand-in gives way only once the map shows the same, sharp: places, arcs and
		// labels. Until then the map draws under it at a fraction of its pixels (atlas-map.ts).
		await instance.settled();
		if (disposed) return;
		instance.sharpen();
		await instance.settled();
		if (disposed) return;
		performance.mark('story-map-drawn');
		set('ready');
	})().catch((error: unknown) => {
		console.warn('The map could not be created:', error);
		set('failed');
	});
	const giveUp = setTimeout(() => {
		if (status === 'loading') set('failed');
	}, GIVE_UP_MS);
	return () => {
		clearTimeout(giveUp);
		disposed = true;
		instance?.destroy();
	};
}
