import { asset } from '$app/paths';
import type { Countries } from '$lib/geo/basemap';
import { prepareStory } from '$lib/derive/prepare-story';
import { fetchFile } from '$lib/story/fetch-file';
import type { Problem } from '$lib/story/problems';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	// MapLibre is most of the first view's bytes and parse time: start on it while the story loads.
	void import('$lib/map/atlas-map');
	const [events, places, article, basemap] = await Promise.all([
		fetchFile(fetch, asset('/generated/story/events.geojson'), 'events.geojson'),
		fetchFile(fetch, asset('/generated/story/places.geojson'), 'places.geojson'),
		fetchFile(fetch, asset('/generated/story/article.txt'), 'article.txt'),
		fetchFile(fetch, asset('/generated/countries.geojson'), 'countries.geojson')
	]);
	if ('message' in events || 'message' in places || 'message' in article || 'message' in basemap) {
		const problems = [events, places, article, basemap].filter((f): f is Problem => 'message' in f);
		return { loaded: { ok: false as const, problems }, countries: null };
	}
	let countries: Countries;
	try {
		countries = JSON.parse(new TextDecoder().decode(basemap.contents)) as Countries;
	} catch {
		const problems: Problem[] = [{ file: 'countries.geojson', message: 'is not valid JSON.' }];
		return { loaded: { ok: false as const, problems }, countries: null };
	}
	return { loaded: prepareStory({ events, places, article }, countries), countries };
};
