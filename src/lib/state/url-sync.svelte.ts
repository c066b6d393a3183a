import { browser } from '$app/environment';
import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { untrack } from 'svelte';
import { toIsoDate } from '../story/dates';
import { historyUpdate, type EmbedMessage } from '../url/history-policy';
import { HistoryWriter } from '../url/history-writer';
import { parseViewState, type EmbedOptions, type ViewState } from '../url/view-state';

/**
 * SvelteKit's router takes pushState only after its first navigation. Module state, not the
 * component's: a story opened later remounts the atlas without a navigation, and must not wait
 * for one that never comes.
 */
const router = $state({ started: false });

/**
 * Notes the router's first navigation, from a component mounted with the page: a big story's atlas
 * mounts only once its worker is done, after that navigation, and would otherwise never hear of it.
 * Call during component init.
 */
export function trackRouter(): void {
	afterNavigate(() => {
		router.started = true;
	});
}

/**
 * Whether the page was reloaded or come back to through history: its address is then the reader's
 * own view on this screen, restored as it was, not a link written elsewhere to be fitted here.
 */
function returning(): boolean {
	const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
	return entry?.type === 'reload' || entry?.type === 'back_forward';
}

/** The writer of the atlas on the page: what `flushUrl` writes out. */
let current: HistoryWriter<ViewState> | null = null;

/**
 * Writes the view the URL is still waiting for (history-writer.ts): call before reading the
 * address to hand it on, as the share button does.
 */
export function flushUrl(): void {
	current?.flush();
}

/** What the URL reads into and writes out of: a GeoJSON story's Atlas and a big story's alike. */
export interface UrlModel {
	readonly extent: { first: number; last: number };
	restore(state: ViewState, options?: { initial?: boolean }): void;
	urlState(): ViewState;
}

/**
 * The one owner of the URL, both ways. Every history entry the atlas makes holds its view in
 * SvelteKit's page state (`page.state.atlas`), so Back and Forward restore the entry's own view,
 * camera included; the first entry, made by the browser, is read from its address. State → URL
 * follows the policy of `historyUpdate` and, in an embed, tells the parent page. Call during
 * component init.
 */
export function syncUrl(atlas: UrlModel, embed: EmbedOptions): void {
	/** The page state this module last wrote: its echo in `page.state` is not a Back. */
	let ours: ViewState | null = null;
	let written: ViewState | null = null;
	const writer = new HistoryWriter<ViewState>((url, mode, state) => {
		ours = state;
		// The URL is this page's own, with a new query and hash: there is no route to resolve.
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		(mode === 'push' ? pushState : replaceState)(url, { atlas: state });
	});
	current = writer;
	$effect(() => {
		// Back or Forward: a view still waiting would overwrite the entry the reader went to.
		const back = () => writer.cancel();
		const leave = () => writer.flush();
		window.addEventListener('popstate', back);
		window.addEventListener('pagehide', leave);
		return () => {
			window.removeEventListener('popstate', back);
			window.removeEventListener('pagehide', leave);
			writer.cancel();
			if (current === writer) current = null;
		};
	});

	const read = (state: ViewState, initial = false) => {
		atlas.restore(state, { initial });
		// What the entry means once the state has followed it: `?step=5` or `?event=x` also
		// opens a place, and writing that out is the same entry, not a new one.
		written = untrack(() => atlas.urlState());
	};
	// A prerendered page is the story's opening view; the address's own view is the browser's to read.
	if (browser) read(parseViewState(page.url, atlas.extent), !returning());

	afterNavigate(() => {
		router.started = true;
	});

	$effect(() => {
		const entry = page.state.atlas;
		void page.url;
		if (!router.started || (entry !== undefined && entry === ours)) return;
		// An entry of ours carries its view; the browser's first entry has only its address.
		untrack(() => read(entry ?? parseViewState(location.href, atlas.extent)));
	});

	$effect(() => {
		const state = atlas.urlState();
		if (!router.started) return;
		const update = historyUpdate(writer.address(location.href), state, written, atlas.extent.last);
		written = state;
		if (!update) return;
		writer.update(update.url, update.mode, state);
		if (embed.embed && window.parent !== window) {
			const message: EmbedMessage = {
				source: 'story-atlas',
				type: 'state',
				url: update.url.href,
				date: toIsoDate(state.day ?? atlas.extent.last),
				place: state.place,
				event: state.event,
				view: state.view,
				step: state.step
			};
			window.parent.postMessage(message, embed.parentOrigin ?? '*');
		}
	});
}
