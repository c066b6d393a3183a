/**
 * Writes static/generated/: the Natural Earth basemap (cut at the antimeridian), one label point
 * per country, every story's files with an index of them, and the label font. Everything the page
 * needs ships with it.
 */
import { today } from '../src/lib/story/dates';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { BACKDROP_FILE, SHARE_CARD_FILE } from '../src/lib/derive/map-picture';
import { storyLayers } from '../src/lib/derive/story-layers';
import { storyData } from '../src/lib/story/story-data';
import { aggregatePicture, PICTURE_FILE } from '../src/lib/derive/aggregate-picture';
import { storyBounds } from '../src/lib/geo/bounds';
import { storyCountryLookup } from '../src/lib/geo/countries';
import { TEXT_FOLDER } from '../src/lib/story/columnar/layout';
import { validateColumnarStory } from '../src/lib/story/columnar/validate-columnar';
import type { Problem } from '../src/lib/story/problems';
import type { EventTable } from '../src/lib/story/event-table';
import type { LonLat, Story } from '../src/lib/story/types';
import { INLINE_EVENT_LIMIT } from '../src/lib/derive/load-story';
import { SLUG_FILE } from '../src/lib/derive/load-history';
import {
	STORY_FILE_NAMES,
	columnarIndexEntry,
	sortStoryIndex,
	storyIndexEntry,
	type StoryIndexEntry
} from '../src/lib/story/story-index';
import { validateStory, type StoryFiles } from '../src/lib/story/validate';
import { backdropSvg } from './lib/backdrop';
import { countryLabelPoints } from './lib/basemap';
import { isColumnarFolder, readColumnarFolder } from './lib/columnar-files';
import { hasHistory, readFolderHistory } from './lib/history-file';
import { eventId } from '../src/lib/story/event-table';
import { HISTORY_FILE, type HistoryEvents } from '../src/lib/story/history';
import { renderPng, shareCardSvg } from './lib/share-card';
import { shippedBasemap } from './lib/natural-earth';
import {
	DEFAULT_STORY,
	PROJECT_ROOT,
	STORIES_ROOT,
	listStories,
	readStoryFiles,
	storyFolderFiles
} from './lib/story-files';

const require = createRequire(import.meta.url);
const out = resolve(PROJECT_ROOT, 'static/generated');
const FONT_CACHE = resolve(PROJECT_ROOT, 'node_modules/.cache/story-atlas');
// A story removed from geodata, or a default story replaced, must not live on in the build.
rmSync(resolve(out, 'stories'), { recursive: true, force: true });
rmSync(resolve(out, 'story'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const countries = shippedBasemap();
writeFileSync(resolve(out, 'countries.geojson'), JSON.stringify(countries));
writeFileSync(
	resolve(out, 'country-labels.geojson'),
	JSON.stringify(countryLabelPoints(countries))
);

/** Written, not copied, so a read-only source does not make the copy read-only. */
function writeStory(files: StoryFiles, to: string): void {
	mkdirSync(to, { recursive: true });
	for (const role of ['events', 'places', 'article'] as const) {
		writeFileSync(resolve(to, STORY_FILE_NAMES[role]), files[role].contents);
	}
}

/**
 * The story's pictures: the countries behind its picture of the map (derive/map-picture.ts), and
 * the share card a link preview shows.
 */
function writePictures(story: Story, slug: string): void {
	const files = {
		[BACKDROP_FILE]: backdropSvg(countries, storyBounds(story.places.map((p) => p.coordinates))),
		[SHARE_CARD_FILE]: renderPng(
			shareCardSvg(story, storyLayers(storyData(story), lookup.outline), countries),
			FONT_CACHE
		)
	};
	for (const [name, contents] of Object.entries(files)) {
		writeFileSync(resolve(out, 'stories', slug, name), contents);
		if (slug === DEFAULT_STORY) writeFileSync(resolve(out, 'story', name), contents);
	}
}

/**
 * The first view of a story its page's HTML does not hold (load-story.ts): its events summed into
 * circles, over the backdrop the story's folder has beside it. `places[p]` is the table's place
 * index p.
 */
function writeFirstView(
	to: string,
	table: Pick<EventTable, 'length' | 'place'>,
	places: readonly { coordinates: LonLat }[]
): void {
	const counts = new Int32Array(places.length);
	for (let i = 0; i < table.length; i++) counts[table.place[i]!]!++;
	const bounds = storyBounds(places.map((p) => p.coordinates));
	writeFileSync(
		resolve(to, PICTURE_FILE),
		JSON.stringify(aggregatePicture(places, counts, bounds))
	);
}

const { slugs, misnamed } = listStories();
for (const name of misnamed) {
	console.warn(`geodata/stories/${name}: skipped; a story's folder name is its URL, a slug.`);
}
if (!slugs.includes(DEFAULT_STORY)) {
	throw new Error(`the default story, geodata/stories/${DEFAULT_STORY}/, does not exist`);
}
// The index's titles and counts come from the same check as npm run check:data, so the list
// never promises what a story's page then refuses to show.
const lookup = storyCountryLookup(countries);
/**
 * A big story (events.arrow, places.geojson, article.txt and its text chunks) is checked as
 * npm run check:data checks it, then copied as it is: it is never inlined or pictured, and the
 * browser reads it in a worker.
 */
function columnarStory(slug: string, dir: string): StoryIndexEntry {
	const failed = (problems: Problem[]) => {
		console.warn(`geodata/stories/${slug}: problems; npm run check:data lists them.`);
		return storyIndexEntry(slug, { ok: false, problems });
	};
	const files = readColumnarFolder(dir, (path) => path);
	if ('unreadable' in files) {
		return failed(files.unreadable.map((message) => ({ file: slug, message })));
	}
	const result = validateColumnarStory(files, {
		today: today(),
		countries: lookup
	});
	if (!result.ok) return failed(result.problems);
	// Written from what was checked, never copied: a file swapped or linked since is not published.
	const to = resolve(out, 'stories', slug);
	mkdirSync(resolve(to, TEXT_FOLDER), { recursive: true });
	for (const file of [files.events, files.places, files.article])
		writeFileSync(resolve(to, basename(file.name)), file.contents);
	for (let n = 0; n < result.chunks; n++) {
		const chunk = files.text.read(`${n}.json`);
		if (typeof chunk === 'object' && 'unreadable' in chunk)
			return failed([{ file: slug, message: chunk.unreadable }]);
		writeFileSync(resolve(to, TEXT_FOLDER, `${n}.json`), chunk);
	}
	const placeOf = new Map(result.places.map((p) => [p.id, p]));
	const drawn = result.table.places.map(
		(id): { coordinates: LonLat } => placeOf.get(id) ?? { coordinates: [0, 0] }
	);
	// A GeoJSON story's backdrop comes with its share card (writePictures); this form has none.
	writeFileSync(
		resolve(to, BACKDROP_FILE),
		backdropSvg(countries, storyBounds(drawn.map((p) => p.coordinates)))
	);
	writeFirstView(to, result.table, drawn);
	const ids = new Set<string>();
	for (let i = 0; i < result.table.length; i++) ids.add(eventId(result.table, i));
	writeHistory(slug, { has: (id) => ids.has(id) }, [to]);
	return columnarIndexEntry(slug, {
		title: result.meta.title || slug,
		published: result.meta.published,
		events: result.table.length,
		places: result.places.length
	});
}

/**
 * The story's history beside its files, where it keeps one and it checks out: the reader fetches
 * it after the page is on screen. Written from what was checked, as the story's files are.
 */
function writeHistory(slug: string, events: HistoryEvents, to: string[]): void {
	const dir = resolve(STORIES_ROOT, slug);
	if (!hasHistory(dir)) return;
	const result = readFolderHistory(dir, events);
	if (!result.ok) {
		console.warn(
			`geodata/stories/${slug}/${HISTORY_FILE}: problems; npm run check:data lists them.`
		);
		return;
	}
	for (const folder of to)
		writeFileSync(resolve(folder, HISTORY_FILE), JSON.stringify(result.history));
}

const index = slugs.map((slug) => {
	if (slug !== DEFAULT_STORY && isColumnarFolder(resolve(STORIES_ROOT, slug))) {
		return columnarStory(slug, resolve(STORIES_ROOT, slug));
	}
	const read = readStoryFiles(storyFolderFiles(resolve(STORIES_ROOT, slug)));
	if ('unreadable' in read) {
		// Its page then says which file could not be loaded, as for any broken story.
		for (const line of read.unreadable) console.warn(line);
		const problems = read.unreadable.map((message) => ({ file: slug, message }));
		return storyIndexEntry(slug, { ok: false, problems });
	}
	writeStory(read, resolve(out, 'stories', slug));
	// `/` reads the default story from generated/story/, where it always has: its URL, links and
	// embeds stay as they were, and the first view needs no request to learn the story's name.
	if (slug === DEFAULT_STORY) writeStory(read, resolve(out, 'story'));
	const result = validateStory(read, lookup);
	if (!result.ok) console.warn(`geodata/stories/${slug}: problems; npm run check:data lists them.`);
	else {
		writePictures(result.story, slug);
		const { eventById } = result.story;
		writeHistory(
			slug,
			{ has: (id) => eventById.has(id), notes: (id) => eventById.get(id)?.notes.length },
			[resolve(out, 'stories', slug), ...(slug === DEFAULT_STORY ? [resolve(out, 'story')] : [])]
		);
		if (result.story.events.length > INLINE_EVENT_LIMIT) {
			const { table, places } = storyData(result.story);
			writeFirstView(resolve(out, 'stories', slug), table, places);
		}
	}
	return storyIndexEntry(slug, result);
});
writeFileSync(resolve(out, 'stories/index.json'), JSON.stringify(sortStoryIndex(index)));
// `/` shows the default story: its visits are remembered under its slug (load-history.ts).
writeFileSync(resolve(out, 'story', SLUG_FILE), `${DEFAULT_STORY}\n`);

copyFileSync(
	require.resolve('@fontsource/open-sans/files/open-sans-latin-400-normal.woff2'),
	resolve(out, 'open-sans-latin-400.woff2')
);
console.log(
	`static/generated: ${countries.features.length} countries, ${slugs.length} ${slugs.length === 1 ? 'story' : 'stories'} (default ${DEFAULT_STORY}) and the label font.`
);
