/**
 * The atlas's side of "Preview in the atlas": the studio leaves its story in IndexedDB, and the
 * atlas opened with `?preview` reads it from there, validates it like any story and shows it. The
 * story never leaves the browser, and the atlas is the real one.
 */
import { decodeBasemap, fetchBasemap, type StoryPageData } from '../derive/load-story';
import { prepareStory } from '../derive/prepare-story';
import { loadProject, openStudioDb } from './autosave';
import { toBundle, toStoryFiles } from './story-files';

export async function loadPreview(
	fetcher: typeof fetch,
	generated: string
): Promise<StoryPageData> {
	const problem = (message: string): StoryPageData => ({
		loaded: { ok: false, problems: [{ file: 'studio preview', message }] },
		countries: null
	});
	const countries = decodeBasemap(await fetchBasemap(fetcher, generated));
	if ('message' in countries)
		return { loaded: { ok: false, problems: [countries] }, countries: null };
	let saved;
	try {
		const db = await openStudioDb();
		saved = await loadProject(db, 'preview');
		db.close();
	} catch {
		return problem('cannot be read: this browser keeps no studio work (IndexedDB is off).');
	}
	if (!saved) return problem('is empty: choose "Preview in the atlas" in the studio first.');
	return {
		loaded: prepareStory(toStoryFiles(toBundle(saved.project)), countries),
		countries
	};
}
