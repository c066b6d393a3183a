/**
 * The atlas's side of "Preview in the atlas": the studio leaves its story in IndexedDB, and the
 * atlas opened with `?preview` reads it from there, validates it like any story and shows it. The
 * story never leaves the browser, and the atlas is the real one.
 */
import { fetchBasemap, type StoryPageData } from '../derive/load-story';
import { prepareStory } from '../derive/prepare-story';
import type { Countries } from '../geo/basemap';
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
	const basemap = await fetchBasemap(fetcher, generated);
	if ('message' in basemap) return { loaded: { ok: false, problems: [basemap] }, countries: null };
	let saved;
	try {
		const db = await openStudioDb();
		saved = await loadProject(db, 'preview');
		db.close();
	} catch {
		return problem('cannot be read: this browser keeps no studio work (IndexedDB is off).');
	}
	if (!saved) return problem('is empty: choose "Preview in the atlas" in the studio first.');
	const countries = JSON.parse(new TextDecoder().decode(basemap.contents)) as Countries;
	return {
		loaded: prepareStory(toStoryFiles(toBundle(saved.project)), countries),
		countries
	};
}
