import { readFileSync } from 'node:fs';
import type { Story } from '../../src/lib/story/types';
import { validateStory, type StoryFiles } from '../../src/lib/story/validate';
import { naturalEarthCountries, shippedCountryLookup } from '../../scripts/lib/natural-earth';
import { DEFAULT_FILES, type Role } from '../../scripts/lib/story-files';

/** The sharper 1:50m outlines, for tests about shapes; stories are checked with `storyLookup`. */
export const countries50m = naturalEarthCountries('50m');
/** The one country check that check:data and the atlas share, on the basemap the atlas ships. */
export const storyLookup = shippedCountryLookup();

/** The project's story files, with some replaced by the given paths or texts. */
export function storyFiles(
	replace: Partial<Record<Role, { name: string; contents: string | Uint8Array }>> = {}
): StoryFiles {
	const own = (role: Role) => ({
		name: `${role}-file`,
		contents: new Uint8Array(readFileSync(DEFAULT_FILES[role]))
	});
	return {
		events: replace.events ?? own('events'),
		places: replace.places ?? own('places'),
		article: replace.article ?? own('article')
	};
}

export { badFile as fixture } from './bad-files';

export function projectStory(): Story {
	const result = validateStory(storyFiles(), storyLookup);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
	return result.story;
}
