// What the benchmark serves on 127.0.0.1:4174 and where each page is: the bench build as a CDN
// would serve it, and beside it the Leaflet peer page with Leaflet from node_modules (the peer is
// never part of the app's build). Both read the same story files from the build's generated/.
import { resolve } from 'node:path';
import { serveStatic } from '../lib/static-server.mjs';
import { BUILD_DIR, COLUMNAR, ROOT, sizeSlug } from './build.mjs';

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

/** The Leaflet peer page showing the same story files. */
export const peerUrl = (size) => `${BASE}peer/?story=../${storyFolder(size)}`;

/** Where the story's events are on disk, for the scrub windows: GeoJSON, or a columnar table. */
export const eventsFile = (size) =>
	resolve(BUILD_DIR, storyFolder(size), COLUMNAR.has(size) ? 'events.arrow' : 'events.geojson');
