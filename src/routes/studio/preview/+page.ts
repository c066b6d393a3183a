import { asset } from '$app/paths';
import { loadPreview } from '$lib/studio/preview';
import type { PageLoad } from './$types';

/** The story the studio left in this browser (`/studio/preview/`). */
export const load: PageLoad = async ({ fetch }) => {
	const { loaded, countries } = await loadPreview(fetch, asset('/generated'));
	return {
		loaded,
		basemap: Promise.resolve(countries),
		backdrop: null,
		shareCard: null,
		preview: true
	};
};
