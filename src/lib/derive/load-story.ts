/**
 * Loading a story page's data, shared by `/` (the default story) and `/stories/<slug>/`. Fetching
 * is the caller's `fetch` and every failure becomes a problem to show, never a throw.
 */
import type { Countries } from '../geo/basemap';
import { fetchFile } from '../story/fetch-file';
import type { Problem } from '../story/problems';
import type { StoryFiles } from '../story/validate';
import { parseStoryIndex, STORY_FILE_NAMES, type StoryIndexEntry } from '../story/story-index';
import { BACKDROP_FILE, SHARE_CARD_FILE } from './map-picture';
import { PICTURE_FILE, type AggregatePicture } from './aggregate-picture';
import type { LoadedStory } from './prepare-story';
import type { BigStoryLoad } from './big-load.svelte';
import { fetchHistory, loadHistorySource, type HistorySource } from './load-history';
import { HISTORY_FILE } from '../story/history';
import type { FolderSource } from '../story/big-story-protocol';

/**
 * What a story page's HTML says of a story it does not hold (a columnar story, or a GeoJSON one
 * past INLINE_EVENT_LIMIT): its index line and its first view; the browser reads its events.
 */
export interface StoryRef {
	form: 'geojson' | 'columnar';
	title: string;
	published: string | null;
	events: number;
	places: number;
	/** Its first view, drawn at build time; null when the build wrote none. */
	picture: AggregatePicture | null;
}

export interface StoryPageData {
	loaded: LoadedStory;
	/** The basemap, or null when the page shows problems instead of a map. */
	countries: Countries | null;
}

/**
 * What a story page renders. The story was validated where it was loaded (at build time for a
 * published story); the basemap arrives after the page is on screen, for the map and for opening
 * a reader's files, and is null on the server and when it cannot be read.
 */
export interface StoryView {
	/** Null only in the prerendered HTML of a story too big to inline (the browser fetches it). */
	loaded: LoadedStory | null;
	basemap: Promise<Countries | null>;
	/**
	 * The countries behind the picture of the map (prepare-static); null for a story that exists
	 * only in this browser.
	 */
	backdrop: string | null;
	/** The story's share card (prepare-static), for link previews. */
	shareCard: string | null;
	preview?: boolean;
	/**
	 * A big story, read from its columnar files in a worker: what the index says of it, and in the
	 * browser the load under way. Absent for a GeoJSON story.
	 */
	big?: { ref: StoryRef; load: BigStoryLoad | null; folder: FolderSource };
	/**
	 * A GeoJSON story too big for the HTML: what the HTML shows of it until the browser has fetched
	 * and checked it (`folder` is its URL, ending in `/`).
	 */
	fetching?: { ref: StoryRef; folder: string };
	/**
	 * The story's history, where it keeps one: its versions' lines, and in the browser the file
	 * itself, fetched after the page is on screen (null on the server).
	 */
	history?: HistorySource & { file: Promise<Uint8Array | null> | null };
}

type Fetched = Awaited<ReturnType<typeof fetchFile>>;

const failed = (problems: Problem[]): StoryPageData => ({
	loaded: { ok: false, problems },
	countries: null
});

const isProblem = (file: Fetched | Countries): file is Problem => 'message' in file;

function decodeJson(contents: Uint8Array): unknown {
	try {
		return JSON.parse(new TextDecoder().decode(contents)) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * The one decoder of the basemap, for the atlas, the studio and its preview: the countries, or
 * the problem with the file.
 */
export function decodeBasemap(file: Fetched): Countries | Problem {
	if (isProblem(file)) return file;
	const countries = decodeJson(file.contents) as Countries | undefined;
	return countries ?? { file: 'countries.geojson', message: 'is not valid JSON.' };
}

/** Starts fetching the basemap, which every story needs and which is the largest file. */
export function fetchBasemap(fetcher: typeof fetch, generated: string): Promise<Fetched> {
	return fetchFile(fetcher, `${generated}/countries.geojson`, 'countries.geojson');
}

/**
 * The story whose three files are in `${generated}/${folder}/`, validated against the basemap.
 * `generated` is the URL of static/generated/ as the app sees it (`asset('/generated')`), so the
 * page works under any sub-path.
 */
export async function loadStory(
	fetcher: typeof fetch,
	generated: string,
	folder: string,
	basemap: Promise<Fetched> = fetchBasemap(fetcher, generated),
	check: StoryCheck = checkHere,
	/** Whether to ask for its history.json: false where the page knows it keeps none (no 404). */
	askHistory = true
): Promise<StoryPageData> {
	const file = (role: keyof typeof STORY_FILE_NAMES) =>
		fetchFile(fetcher, `${generated}/${folder}/${STORY_FILE_NAMES[role]}`, STORY_FILE_NAMES[role]);
	const [events, places, article, countriesFile, history] = await Promise.all([
		file('events'),
		file('places'),
		file('article'),
		basemap,
		// Where the folder keeps a history, the events it withdraws keep their last row.
		askHistory ? fetchFile(fetcher, `${generated}/${folder}/${HISTORY_FILE}`, HISTORY_FILE) : null
	]);
	const countries = decodeBasemap(countriesFile);
	if (isProblem(events) || isProblem(places) || isProblem(article) || isProblem(countries)) {
		return failed([events, places, article, countries].filter(isProblem));
	}
	const withHistory = history === null || isProblem(history) ? null : history;
	return { loaded: await check({ events, places, article }, countries, withHistory), countries };
}

/** What checks a story's files (and its history, where it keeps one) and prepares it for the page. */
export type StoryCheck = (
	files: StoryFiles,
	countries: Countries,
	history: StoryFiles['events'] | null
) => Promise<LoadedStory>;

/** On this thread: at build time, and in tests. */
async function checkHere(
	files: StoryFiles,
	countries: Countries,
	history: StoryFiles['events'] | null
): Promise<LoadedStory> {
	// The validator and turf are a chunk of their own: a published story's page never needs them.
	const [{ prepareStory }, { withdrawnIds }] = await Promise.all([
		import('./prepare-story'),
		import('../story/history-read')
	]);
	return prepareStory(files, countries, history ? withdrawnIds(history.contents) : undefined);
}

/** In the loader's worker: a story the browser fetches is checked off the page's thread. */
async function checkInWorker(
	files: StoryFiles,
	countries: Countries,
	history: StoryFiles['events'] | null
): Promise<LoadedStory> {
	const { checkFetchedStory } = await import('../story/open-client');
	return checkFetchedStory(files, countries, history);
}

/** The basemap for the map, once the page is on screen; null when it cannot be had. */
export async function loadBasemap(
	fetcher: typeof fetch,
	generated: string
): Promise<Countries | null> {
	const countries = decodeBasemap(await fetchBasemap(fetcher, generated));
	return isProblem(countries) ? null : countries;
}

/**
 * A story the page's HTML holds whole, from the build; a bigger one (a newsroom's spreadsheet of
 * thousands of rows) would make every reader download it twice, as HTML and as data, before
 * anything shows: its page holds the headline and the browser fetches the story.
 */
export const INLINE_EVENT_LIMIT = 500;

/** What the build puts in a story page's HTML: the story, or null for the browser to fetch. */
export function inlined(loaded: LoadedStory): LoadedStory | null {
	return loaded.ok && loaded.story.events.length > INLINE_EVENT_LIMIT ? null : loaded;
}

/**
 * A story page's data in the browser and on the server alike. `fetcher` is null on the server,
 * where no map is drawn. A story the build did not inline is fetched and checked here.
 */
export async function storyView(
	loaded: LoadedStory | null,
	generated: string,
	folder: string,
	fetcher: typeof fetch | null,
	ref: StoryRef | null = null,
	source: HistorySource | null = null
): Promise<StoryView> {
	const history = source
		? { history: { ...source, file: fetcher ? fetchHistory(fetcher, source.url) : null } }
		: {};
	const files = {
		backdrop: `${generated}/${folder}/${BACKDROP_FILE}`,
		shareCard: `${generated}/${folder}/${SHARE_CARD_FILE}`,
		...history
	};
	if (ref?.form === 'columnar') {
		// No picture and no share card: those are drawn from a GeoJSON story at build time.
		const { BigStoryLoad } = fetcher ? await import('./big-load.svelte') : { BigStoryLoad: null };
		const files = `${generated}/${folder}/`;
		return {
			loaded: null,
			basemap: fetcher ? loadBasemap(fetcher, generated) : Promise.resolve(null),
			backdrop: null,
			shareCard: null,
			...history,
			big: {
				ref,
				load: BigStoryLoad ? new BigStoryLoad(files, source !== null) : null,
				folder: files
			}
		};
	}
	const fetching = ref ? { fetching: { ref, folder: `${generated}/${folder}/` } } : {};
	if (!fetcher) return { loaded, basemap: Promise.resolve(null), ...files, ...fetching };
	if (loaded === null) {
		const fetched = await loadStory(
			fetcher,
			generated,
			folder,
			fetchBasemap(fetcher, generated),
			checkInWorker,
			source !== null
		);
		return { loaded: fetched.loaded, basemap: Promise.resolve(fetched.countries), ...files };
	}
	return { loaded, basemap: loadBasemap(fetcher, generated), ...files };
}

/** The list of the project's stories that the build writes, or the problem with it. */
export async function loadStoryIndex(
	fetcher: typeof fetch,
	generated: string
): Promise<{ ok: true; stories: StoryIndexEntry[] } | { ok: false; problems: Problem[] }> {
	const name = 'stories/index.json';
	const file = await fetchFile(fetcher, `${generated}/${name}`, name);
	if (isProblem(file)) return { ok: false, problems: [file] };
	const stories = parseStoryIndex(decodeJson(file.contents));
	if (stories === null) {
		return { ok: false, problems: [{ file: name, message: 'is not a list of stories.' }] };
	}
	return { ok: true, stories };
}

/** A slug from the address bar, cut short enough to print. */
const shown = (slug: string) => (slug.length > 80 ? `${slug.slice(0, 79)}…` : slug);

/** What an address under /stories/ that nobody published says. */
export const noStoryAt = (slug: string): Problem => ({
	file: `stories/${shown(slug)}/`,
	message: 'there is no story at this address. All stories lists the ones there are.'
});

/** The folder under generated/ of the story a page shows: `/` shows the default story from story/. */
export const storyFolder = (slug: string | null): string =>
	slug === null ? DEFAULT_STORY_FOLDER : `stories/${slug}`;

/** Where the build copies the default story, so `/` and its embeds keep one address. */
const DEFAULT_STORY_FOLDER = 'story';

/**
 * What a story page's HTML holds: the story itself, small enough to inline; or for a bigger one
 * its index line and first view (`ref`), and the browser reads its events. `slug` null is `/`,
 * the default story, which follows the same rules whatever its size or form.
 */
export async function loadStoryPage(
	fetcher: typeof fetch,
	generated: string,
	slug: string | null
): Promise<{ loaded: LoadedStory | null; ref: StoryRef | null; history: HistorySource | null }> {
	const folder = storyFolder(slug);
	const index = await loadStoryIndex(fetcher, generated);
	const entry = index.ok
		? index.stories.find((story) => (slug === null ? story.default : story.slug === slug))
		: undefined;
	if (!entry) {
		const problems = !index.ok
			? index.problems
			: [slug === null ? noDefaultStory : noStoryAt(slug)];
		return { loaded: { ok: false, problems }, ref: null, history: null };
	}
	// `/` and `/stories/<slug>/` show one story: the browser remembers one visit of it.
	const visitKey = storyFolder(entry.slug);
	if (entry.problems === 0 && (entry.form === 'columnar' || entry.events > INLINE_EVENT_LIMIT)) {
		const { title, published, events, places } = entry;
		const file = await fetchFile(fetcher, `${generated}/${folder}/${PICTURE_FILE}`, PICTURE_FILE);
		const picture = isProblem(file)
			? null
			: ((decodeJson(file.contents) as AggregatePicture | undefined) ?? null);
		const form = entry.form ?? 'geojson';
		const history = await loadHistorySource(fetcher, generated, folder, null, visitKey);
		return { loaded: null, ref: { form, title, published, events, places, picture }, history };
	}
	const { loaded } = await loadStory(fetcher, generated, folder);
	const history = loaded.ok
		? await loadHistorySource(fetcher, generated, folder, loaded.story, visitKey)
		: null;
	return { loaded: inlined(loaded), ref: null, history };
}

const noDefaultStory: Problem = {
	file: 'stories/index.json',
	message: 'names no default story: the build writes one (scripts/prepare-static.ts).'
};
