import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { toIsoDate } from '../story/dates';
import { historyUpdate, type EmbedMessage } from '../url/history-policy';
import { parseViewState, type EmbedOptions, type ViewState } from '../url/view-state';
import type { Atlas } from './atlas.svelte';

/**
 * SvelteKit's router takes pushState only after its first navigation. Module state, not the
 * component's: a story opened later remounts the atlas without a navigation, and must not wait
 * for one that never comes.
 */
const router = $state({ started: false });

/**
 * The one owner of the URL, both ways. The URL → state: on load and whenever `page.url` changes
 * under us (Back, Forward), including the camera. State → URL: with the history policy of
 * `historyUpdate`, and, in an embed, a message to the parent page. Call during component init.
 */
export function syncUrl(atlas: Atlas, embed: EmbedOptions): void {
	/** The href this module last wrote or read: a change of `page.url` to it is our own echo. */
	let known = '';
	let written: ViewState | null = null;

	const read = (url: URL) => {
		known = url.href;
		written = parseViewState(url, atlas.extent);
		atlas.restore(written);
	};
	read(page.url);

	afterNavigate(() => {
		router.started = true;
	});

	$effect(() => {
		const url = page.url;
		if (!router.started || url.href === known) return;
		read(url);
	});

	$effect(() => {
		const state = atlas.urlState();
		if (!router.started) return;
		const update = historyUpdate(page.url, state, written, atlas.extent.last);
		written = state;
		if (!update) return;
		known = update.url.href;
		// The URL is this page's own, with a new query and hash: there is no route to resolve.
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		(update.mode === 'push' ? pushState : replaceState)(update.url, {});
		if (embed.embed && window.parent !== window) {
			const message: EmbedMessage = {
				source: 'story-atlas',
				type: 'state',
				url: update.url.href,
				date: toIsoDate(state.day ?? atlas.extent.last),
				place: state.place,
				event: state.event,
				view: state.view
			};
			window.parent.postMessage(message, embed.parentOrigin ?? '*');
		}
	});
}
