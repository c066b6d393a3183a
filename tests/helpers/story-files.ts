import { readFileSync } from 'node:fs';
import { countryLookup } from '../../src/lib/geo/countries';
import type { Story } from '../../src/lib/story/types';
import { validateStory, type StoryFiles } from '../../src/lib/story/validate';
import { naturalEarthCountries } from '../../scripts/lib/natural-earth';
import { DEFAULT_FILES, type Role } from '../../scripts/lib/story-files';

export const countries50m = naturalEarthCountries('50m');
export const lookup50m = countryLookup(countries50m, 10);

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
	const result = validateStory(storyFiles(), lookup50m);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
	return result.story;
}
