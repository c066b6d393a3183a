import { asset } from '$app/paths';
import { loadStoryPage } from '$lib/derive/load-story';
import { storySlugsFromPaths } from '$lib/story/story-index';
import type { EntryGenerator, PageServerLoad } from './$types';

/**
 * The stories to prerender: every folder under geodata/stories when the app is built (each has a
 * places.geojson, GeoJSON and columnar stories alike; globbing only that file keeps a big story's
 * tens of megabytes out of the server build). Here and not in +page.ts because this module runs
 * only at build time: the glob's files stay out of the reader's bundle.
 */
export const entries: EntryGenerator = () =>
	storySlugsFromPaths(
		Object.keys(import.meta.glob('/geodata/stories/*/places.geojson', { query: '?url' }))
	).map((slug) => ({ slug }));

/**
 * Read and validated at build time, like `/`: the page's HTML holds the story, or for a big
 * (columnar) story what the index says of it, and the browser reads the story in a worker.
 */
export const load: PageServerLoad = ({ fetch, params }) =>
	loadStoryPage(fetch, asset('/generated'), params.slug);
