import { asset } from '$app/paths';
import type { Countries } from '$lib/geo/basemap';
import { fetchFile } from '$lib/story/fetch-file';
import type { PageLoad } from './$types';

/** The studio checks places against the same basemap the atlas draws, so what passes here opens there. */
export const load: PageLoad = async ({ fetch }) => {
	const basemap = await fetchFile(
		fetch,
		asset('/generated/countries.geojson'),
		'countries.geojson'
	);
	if ('message' in basemap) return { countries: null, problem: basemap };
	try {
		const countries = JSON.parse(new TextDecoder().decode(basemap.contents)) as Countries;
		return { countries, problem: null };
	} catch {
		return {
			countries: null,
			problem: { file: 'countries.geojson', message: 'is not valid JSON.' }
		};
	}
};
