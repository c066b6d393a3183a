import { parseIsoDate, toIsoDate } from '../story/dates';
import { isSlug } from '../story/slug';

/**
 * What the URL holds: the map view in MapLibre's `#zoom/lat/lon` hash, the date and the open place
 * or event in the query. Anything malformed, out of range or oversized is dropped, never thrown:
 * a shared link may have been mangled by a chat app, or be hostile.
 */
export interface MapView {
	zoom: number;
	lat: number;
	lon: number;
}

export interface ViewState {
	view: MapView | null;
	day: number | null;
	place: string | null;
	event: string | null;
	/** The side panel, when it shows the article rather than the event list. */
	panel: 'article' | null;
	/** The step of the guided tour, counted from 1 as the reader sees it; null outside the tour. */
	step: number | null;
}

/**
 * `?embed`: the compact layout for an iframe in someone else's page, which hears about every
 * change by postMessage; `&parentOrigin=https://host` sends those messages to that origin only.
 * Read once: it describes the page, not the view, so it never changes while the page is open.
 */
export interface EmbedOptions {
	embed: boolean;
	parentOrigin: string | null;
}

const MAX_URL_PART = 2048;
const NUMBER = '-?\\d{1,3}(?:\\.\\d{1,8})?';
const HASH = new RegExp(`^#(${NUMBER})/(${NUMBER})/(${NUMBER})$`);

export function parseHash(hash: string): MapView | null {
	if (hash.length > 64) return null;
	const match = HASH.exec(hash);
	if (!match) return null;
	const [zoom, lat, lon] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (zoom < 0 || zoom > 22 || Math.abs(lat) > 85.06 || Math.abs(lon) > 180) return null;
	return { zoom, lat, lon };
}

export function formatHash({ zoom, lat, lon }: MapView): string {
	// MapLibre's own precision: enough for the zoom, no more.
	const digits = Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
	const round = (v: number, d: number) => String(Number(v.toFixed(d)));
	return `#${round(zoom, 2)}/${round(lat, digits)}/${round(lon, digits)}`;
}

function step(value: string | null): number | null {
	return value !== null && /^[1-9]\d{0,2}$/.test(value) ? Number(value) : null;
}

/**
 * Ids are lower-case slugs, but a link is often typed by hand or carries a dataset's own id in
 * capitals (ACLED's `UKR12345`): the case is not what the reader meant to say.
 */
function id(value: string | null): string | null {
	const lower = value?.toLowerCase();
	return lower !== undefined && isSlug(lower) ? lower : null;
}

/** `address` is a URL or its text, as `location.href` gives it. */
export function parseViewState(
	address: URL | string,
	range: { first: number; last: number }
): ViewState {
	const url = new URL(address);
	const view = parseHash(url.hash);
	if (url.search.length > MAX_URL_PART)
		return { view, day: null, place: null, event: null, panel: null, step: null };
	const q = url.searchParams;
	const dateText = q.get('date');
	const day = dateText === null || dateText.length > 10 ? null : parseIsoDate(dateText);
	return {
		view,
		day: day !== null && day >= range.first && day <= range.last ? day : null,
		place: id(q.get('place')),
		event: id(q.get('event')),
		panel: q.get('panel') === 'article' ? 'article' : null,
		step: step(q.get('step'))
	};
}

/**
 * The URL for a state, keeping query parameters that are not ours (?embed, a CMS's tracking).
 * The date is left out when it is the default, so the plain link stays plain.
 */
export function formatViewState(base: URL, state: ViewState, defaultDay: number): URL {
	const url = new URL(base);
	const q = url.searchParams;
	for (const [key, value] of [
		['date', state.day === null || state.day === defaultDay ? null : toIsoDate(state.day)],
		['place', state.place],
		['event', state.event],
		['panel', state.panel],
		['step', state.step === null ? null : String(state.step)]
	] as const) {
		if (value === null) q.delete(key);
		else q.set(key, value);
	}
	url.hash = state.view ? formatHash(state.view) : '';
	return url;
}

/** The same address with no view state: what a newly opened story starts from. */
export function withoutViewState(base: URL): URL {
	const url = new URL(base);
	for (const key of ['date', 'place', 'event', 'step']) url.searchParams.delete(key);
	url.hash = '';
	return url;
}

export function parseEmbedOptions(url: URL | null): EmbedOptions {
	const embed = url?.searchParams.has('embed') ?? false;
	const origin = url?.searchParams.get('parentOrigin') ?? null;
	let parentOrigin: string | null = null;
	if (embed && origin !== null && origin.length <= 200) {
		try {
			const parsed = new URL(origin);
			// Only an origin: a path or credentials would mean the link was built wrong, or hostile.
			if (/^https?:$/.test(parsed.protocol) && parsed.origin === origin) parentOrigin = origin;
		} catch {
			parentOrigin = null;
		}
	}
	return { embed, parentOrigin };
}
