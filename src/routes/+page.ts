import { asset } from '$app/paths';
import { loadStory } from '$lib/derive/load-story';
import type { PageLoad } from './$types';

/**
 * `/` is the default story, read from generated/story/ (scripts/prepare-static.ts); `/?preview`
 * is the story the studio left in this browser for a preview.
 */
export const load: PageLoad = async ({ fetch, url }) => {
	// MapLibre is most of the first view's bytes and parse time: start on it while the story loads.
	void import('$lib/map/atlas-map');
	if (url.searchParams.has('preview')) {
		const { loadPreview } = await import('$lib/studio/preview');
		return { ...(await loadPreview(fetch, asset('/generated'))), preview: true };
	}
	return { ...(await loadStory(fetch, asset('/generated'), 'story')), preview: false };
};
