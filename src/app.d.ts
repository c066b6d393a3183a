import type { ViewState } from '$lib/url/view-state';

declare global {
	namespace App {
		/**
		 * Each history entry the atlas makes carries the view it shows, so Back and Forward
		 * restore it from the entry itself (src/lib/state/url-sync.svelte.ts).
		 */
		interface PageState {
			atlas?: ViewState;
		}
	}
}

export {};
