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

	interface ImportMetaEnv {
		/**
		 * The published site's address (`https://example.org/atlas/`), set when building: link
		 * previews need the canonical URL and the share card as absolute addresses.
		 */
		readonly VITE_SITE_URL?: string;
		/** A build for the benchmark (src/lib/map/bench-hooks.ts). */
		readonly VITE_BENCH_HOOKS?: string;
	}
}

export {};
