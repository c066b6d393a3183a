import { asset } from '$app/paths';
import { loadStoryIndex } from '$lib/derive/load-story';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch }) => loadStoryIndex(fetch, asset('/generated'));
