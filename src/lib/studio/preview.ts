/**
 * The atlas's side of "Preview in the atlas": the studio leaves its story in IndexedDB, and the
 * atlas opened with `?preview` reads it from there, validates it like any story and shows it. The
 * story never leaves the browser, and the atlas is the real one.
 */
import {
	decodeBasemap,
	fetchBasemap,
	loadBasemap,
	type StoryPageData,
	type StoryView
} from '../derive/load-story';
import { prepareStory } from '../derive/prepare-story';
import { loadFolderPreview, loadProject, openStudioDb, type FolderPreview } from './autosave';
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

/**
 * The story folder the studio wrote for an import too big to edit (`/studio/preview/?folder`): read
 * from this browser by the loader's worker, as a published columnar story is from its folder.
 */
export async function loadFolderPreviewView(
	fetcher: typeof fetch,
	generated: string
): Promise<StoryView> {
	const empty = (message: string): StoryView => ({
		loaded: { ok: false, problems: [{ file: 'studio preview', message }] },
		basemap: Promise.resolve(null),
		backdrop: null,
		shareCard: null,
		preview: true
	});
	let saved: FolderPreview | null;
	try {
		const db = await openStudioDb();
		saved = await loadFolderPreview(db);
		db.close();
	} catch {
		return empty('cannot be read: this browser keeps no studio work (IndexedDB is off).');
	}
	if (!saved)
		return empty(
			'is empty: import a big spreadsheet in the studio and choose "Preview in the atlas".'
		);
	const folder = new Map(Object.entries(saved.files));
	const { BigStoryLoad } = await import('../derive/big-load.svelte');
	return {
		loaded: null,
		basemap: loadBasemap(fetcher, generated),
		backdrop: null,
		shareCard: null,
		preview: true,
		big: {
			ref: {
				form: 'columnar',
				title: saved.title,
				published: saved.published,
				events: saved.events,
				places: saved.places,
				picture: null
			},
			load: new BigStoryLoad(folder),
			folder
		}
	};
}
