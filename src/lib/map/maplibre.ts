/**
 * MapLibre as this app uses it, set up once: its worker is a file of the build (MapLibre 6 cannot
 * find it alone) and its stylesheet ships with it. The two maps (atlas-map.ts, studio-map.ts) get
 * MapLibre from here; other modules take only its types and pure helpers.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import stylesheetUrl from 'maplibre-gl/dist/maplibre-gl.css?url';

setWorkerUrl(workerUrl);

/**
 * MapLibre's stylesheet, linked when MapLibre itself arrives. Imported as CSS it would be in every
 * story page's head (SvelteKit links the CSS of lazy modules too), blocking the first paint for a
 * map that comes later. Settles either way: a map without its stylesheet still draws.
 */
export const stylesheetLoaded: Promise<void> = new Promise((resolve) => {
	if (typeof document === 'undefined') return resolve();
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = stylesheetUrl;
	link.onload = link.onerror = () => resolve();
	document.head.append(link);
});

export {
	Map as MapLibreMap,
	Marker,
	NavigationControl,
	type GeoJSONSource,
	type LngLatBoundsLike
} from 'maplibre-gl';
