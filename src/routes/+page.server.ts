import { asset } from '$app/paths';
import { inlined, loadStory } from '$lib/derive/load-story';
import type { PageServerLoad } from './$types';

/**
 * `/` is the default story, read from generated/story/ (scripts/prepare-static.ts) and validated
 * at build time: the page's HTML holds it, and the browser never fetches or checks it again.
 */
export const load: PageServerLoad = async ({ fetch }) => ({
	loaded: inlined((await loadStory(fetch, asset('/generated'), 'story')).loaded)
});
