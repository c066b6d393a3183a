import { asset } from '$app/paths';
import { loadStory } from '$lib/derive/load-story';
import type { PageLoad } from './$types';

/** `/` is the default story, read from generated/story/ (scripts/prepare-static.ts). */
export const load: PageLoad = ({ fetch }) => {
	// MapLibre is most of the first view's bytes and parse time: start on it while the story loads.
	void import('$lib/map/atlas-map');
	return loadStory(fetch, asset('/generated'), 'story');
};
