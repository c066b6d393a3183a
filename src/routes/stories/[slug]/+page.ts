import { browser } from '$app/environment';
import { asset } from '$app/paths';
import { storyFolder, storyView } from '$lib/derive/load-story';
import type { PageLoad } from './$types';

/** As on `/`: the basemap comes after the page is on screen. */
export const load: PageLoad = ({ data, fetch, params }) => {
	// The page is on screen already (it is in the HTML): MapLibre's chunk can start now.
	if (browser) void import('$lib/map/atlas-map');
	return storyView(
		data.loaded,
		asset('/generated'),
		storyFolder(params.slug),
		browser ? fetch : null,
		data.ref,
		data.history
	);
};
