import { asset } from '$app/paths';
import { loadHistorySource } from '$lib/derive/load-history';
import { inlined, loadStory } from '$lib/derive/load-story';
import type { PageServerLoad } from './$types';

/**
 * `/` is the default story, read from generated/story/ (scripts/prepare-static.ts) and validated
 * at build time: the page's HTML holds it, and the browser never fetches or checks it again.
 */
export const load: PageServerLoad = async ({ fetch }) => {
	const { loaded } = await loadStory(fetch, asset('/generated'), 'story');
	const history = loaded.ok
		? await loadHistorySource(fetch, asset('/generated'), 'story', loaded.story)
		: null;
	return { loaded: inlined(loaded), history };
};
