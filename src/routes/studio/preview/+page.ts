import { asset } from '$app/paths';
import { loadFolderPreviewView, loadPreview } from '$lib/studio/preview';
import type { PageLoad } from './$types';

/**
 * The story the studio left in this browser (`/studio/preview/`), or with `?folder` the story
 * folder it wrote for an import too big to edit.
 */
export const load: PageLoad = async ({ fetch, url }) => {
	if (url.searchParams.has('folder')) return loadFolderPreviewView(fetch, asset('/generated'));
	const { loaded, countries } = await loadPreview(fetch, asset('/generated'));
	return {
		loaded,
		basemap: Promise.resolve(countries),
		backdrop: null,
		shareCard: null,
		preview: true
	};
};
