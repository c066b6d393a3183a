import type { Countries } from '../geo/basemap';
import { countryLookup } from '../geo/countries';
import type { Problem } from '../story/problems';
import type { Story } from '../story/types';
import { validateStory, type StoryFiles } from '../story/validate';
import { storyLayers, type StoryLayers } from './story-layers';

export type LoadedStory =
	{ ok: true; story: Story; layers: StoryLayers } | { ok: false; problems: Problem[] };

/** Coarse 1:110m coastlines put some ports just offshore; a swapped point misses by far more. */
export const COASTLINE_SLACK_KM = 25;

/** Validates a story against the basemap and derives everything the map draws from it. */
export function prepareStory(files: StoryFiles, countries: Countries): LoadedStory {
	const lookup = countryLookup(countries, COASTLINE_SLACK_KM);
	const result = validateStory(files, lookup);
	if (!result.ok) return result;
	return { ok: true, story: result.story, layers: storyLayers(result.story, lookup.outline) };
}
