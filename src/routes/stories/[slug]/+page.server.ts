import { storySlugsFromPaths } from '$lib/story/story-index';
import type { EntryGenerator } from './$types';

/**
 * The stories to prerender: every folder under geodata/stories when the app is built. Here and not
 * in +page.ts because this module runs only at build time: the glob's files stay out of the
 * reader's bundle.
 */
export const entries: EntryGenerator = () =>
	storySlugsFromPaths(Object.keys(import.meta.glob('/geodata/stories/*/*', { query: '?url' }))).map(
		(slug) => ({ slug })
	);
