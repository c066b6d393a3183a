/**
 * MapLibre as this app uses it, set up once: its worker is a file of the build (MapLibre 6 cannot
 * find it alone) and its stylesheet ships with it. The two maps (atlas-map.ts, studio-map.ts) get
 * MapLibre from here; other modules take only its types and pure helpers.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);

export {
	Map as MapLibreMap,
	Marker,
	NavigationControl,
	type GeoJSONSource,
	type LngLatBoundsLike
} from 'maplibre-gl';
