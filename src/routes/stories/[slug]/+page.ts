import { asset } from '$app/paths';
import { loadStoryBySlug } from '$lib/derive/load-story';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, params }) => {
	// As on `/`: MapLibre's chunk loads while the story does.
	void import('$lib/map/atlas-map');
	return loadStoryBySlug(fetch, asset('/generated'), params.slug);
};
