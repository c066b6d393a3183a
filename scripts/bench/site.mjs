// What the benchmark serves on 127.0.0.1:4174 and where each page is: the bench build as a CDN
// would serve it, and beside it the Leaflet peer page with Leaflet from node_modules (the peer is
// never part of the app's build). Both read the same story files from the build's generated/.
import { resolve } from 'node:path';
import { serveStatic } from '../lib/static-server.mjs';
import { BUILD_DIR, ROOT } from './build.mjs';
import { geojsonSlug, sizeForms, sizeSlug } from './forms.mjs';

export const PORT = 4174;
export const BASE = `http://127.0.0.1:${PORT}/`;

export function serveBench() {
	return serveStatic(
		{
			'/': BUILD_DIR,
			'/peer/': resolve(ROOT, 'scripts/bench/peer-leaflet'),
			'/peer/leaflet/': resolve(ROOT, 'node_modules/leaflet/dist')
		},
		PORT
	);
}

/** The folder of a story's files inside the build: `story` is the one `/` shows. */
export const storyFolder = (size) =>
	size === 'story' ? 'generated/story' : `generated/stories/${sizeSlug(size)}`;

/** The atlas page of each size: the default story at `/`, the synthetic ones as stories. */
export const appUrl = (size) => (size === 'story' ? BASE : `${BASE}stories/${sizeSlug(size)}/`);

/**
 * The GeoJSON form of a size's events, for setFilter and the Leaflet page (forms.mjs): the
 * story's own files when it is GeoJSON, the twin built beside a columnar one, or null.
 */
export function geojsonForm(size) {
	const { baseline } = sizeForms(size);
	if (baseline === 'same') return { folder: storyFolder(size), url: appUrl(size) };
	if (baseline === 'twin') {
		return {
			folder: `generated/stories/${geojsonSlug(size)}`,
			url: `${BASE}stories/${geojsonSlug(size)}/`
		};
	}
	return null;
}

/** The Leaflet peer page showing the GeoJSON form of the size's events. */
export const peerUrl = (size) => `${BASE}peer/?story=../${geojsonForm(size).folder}`;

/** Where ours' events are on disk, for the scrub windows: GeoJSON, or a columnar table. */
export const eventsFile = (size) =>
	resolve(
		BUILD_DIR,
		storyFolder(size),
		sizeForms(size).ours === 'columnar' ? 'events.arrow' : 'events.geojson'
	);
