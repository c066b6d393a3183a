import { asset } from '$app/paths';
import { inlined, loadStoryBySlug } from '$lib/derive/load-story';
import { storySlugsFromPaths } from '$lib/story/story-index';
import type { EntryGenerator, PageServerLoad } from './$types';

/**
 * The stories to prerender: every folder under geodata/stories when the app is built. Here and not
 * in +page.ts because this module runs only at build time: the glob's files stay out of the
 * reader's bundle.
 */
export const entries: EntryGenerator = () =>
	storySlugsFromPaths(Object.keys(import.meta.glob('/geodata/stories/*/*', { query: '?url' }))).map(
		(slug) => ({ slug })
	);

/** Read and validated at build time, like `/`: the page's HTML holds the story. */
export const load: PageServerLoad = async ({ fetch, params }) => ({
	loaded: inlined((await loadStoryBySlug(fetch, asset('/generated'), params.slug)).loaded)
});
