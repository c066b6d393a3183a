import type { Countries } from '../geo/basemap';
import { storyCountryLookup } from '../geo/countries';
import type { Problem } from '../story/problems';
import type { Story } from '../story/types';
import { storyData } from '../story/story-data';
import { validateStory, type StoryFiles } from '../story/validate';
import { storyLayers, type StoryLayers } from './story-layers';

export type LoadedStory =
	{ ok: true; story: Story; layers: StoryLayers } | { ok: false; problems: Problem[] };

/**
 * Validates a story against the basemap and derives everything the map draws from it. `withdrawn`:
 * the events its history withdraws, which keep their last row outside the row rule.
 */
export function prepareStory(
	files: StoryFiles,
	countries: Countries,
	withdrawn?: ReadonlySet<string>
): LoadedStory {
	const lookup = storyCountryLookup(countries);
	const result = validateStory(files, lookup, withdrawn);
	if (!result.ok) return result;
	return {
		ok: true,
		story: result.story,
		layers: storyLayers(storyData(result.story), lookup.outline)
	};
}
