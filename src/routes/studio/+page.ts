import { asset } from '$app/paths';
import { decodeBasemap, fetchBasemap } from '$lib/derive/load-story';
import type { PageLoad } from './$types';

/** The studio checks places against the same basemap the atlas draws, so what passes here opens there. */
export const load: PageLoad = async ({ fetch }) => {
	const countries = decodeBasemap(await fetchBasemap(fetch, asset('/generated')));
	return 'message' in countries
		? { countries: null, problem: countries }
		: { countries, problem: null };
};
