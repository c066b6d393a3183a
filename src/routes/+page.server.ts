import { asset } from '$app/paths';
import { loadStoryPage } from '$lib/derive/load-story';
import type { PageServerLoad } from './$types';

/**
 * `/` is the default story, read from generated/story/ (scripts/prepare-static.ts) and validated
 * at build time, by the same rules as its page under /stories/: a small story is in the HTML, a
 * big one's first view is, and the browser reads its events.
 */
export const load: PageServerLoad = ({ fetch }) => loadStoryPage(fetch, asset('/generated'), null);
