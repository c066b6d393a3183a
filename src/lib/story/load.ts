import type { Countries } from '../geo/basemap';
import { countryLookup } from '../geo/countries';
import { eventLinks } from '../geo/links';
import { countryOutlines } from '../geo/outlines';
import { placeFeatures, type StoryLayers } from '../map/features';
import type { Problem } from './problems';
import type { Story } from './types';
import { validateStory, type StoryFiles } from './validate';

export type LoadedStory =
	{ ok: true; story: Story; layers: StoryLayers } | { ok: false; problems: Problem[] };

/** Coarse 1:110m coastlines put some ports just offshore; a swapped point misses by far more. */
const COASTLINE_SLACK_KM = 25;

/** Validates a story against the basemap and derives everything the map draws from it. */
export function prepareStory(files: StoryFiles, countries: Countries): LoadedStory {
	const lookup = countryLookup(countries, COASTLINE_SLACK_KM);
	const result = validateStory(files, lookup);
	if (!result.ok) return result;
	const { story } = result;
	return {
		ok: true,
		story,
		layers: {
			places: placeFeatures(story),
			links: eventLinks(story),
			outlines: countryOutlines(story.places, lookup.outline)
		}
	};
}

/** Fetches a file as bytes, turning a network failure or HTTP error into a problem, not a throw. */
export async function fetchFile(
	fetcher: typeof fetch,
	url: string,
	name: string
): Promise<{ name: string; contents: Uint8Array } | Problem> {
	try {
		const response = await fetcher(url);
		if (!response.ok)
			return { file: name, message: `could not be loaded (HTTP ${response.status}).` };
		return { name, contents: new Uint8Array(await response.arrayBuffer()) };
	} catch (error) {
		return {
			file: name,
			message: `could not be loaded (${error instanceof Error ? error.message : 'network error'}).`
		};
	}
}
