import { browser } from '$app/environment';
import { asset } from '$app/paths';
import { storyFolder, storyView } from '$lib/derive/load-story';
import type { PageLoad } from './$types';

/** The basemap is the map's, which comes after the page is on screen: it is not waited for. */
export const load: PageLoad = ({ data, fetch }) => {
	// The page is on screen already (it is in the HTML): MapLibre's chunk can start now.
	if (browser) void import('$lib/map/atlas-map');
	return storyView(
		data.loaded,
		asset('/generated'),
		storyFolder(null),
		browser ? fetch : null,
		data.ref,
		data.history
	);
};
