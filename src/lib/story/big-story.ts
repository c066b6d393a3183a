/**
 * A big story as the reader's page holds it: the event table (typed arrays, transferred from the
 * worker that read it), its places, its story-wide facts and the indexes the worker built over it.
 * No event exists here as an object; everything reads the table by row index, and an event's words
 * come from its text chunk when a reader opens it (text-chunks.ts).
 */
import { gridBuffers } from '../derive/event-grid';
import { storyLayers, type StoryLayers } from '../derive/story-layers';
import { transferables, type EventTable } from './event-table';
import { readEventTable } from './columnar/arrow-table';
import { chunkFile, EVENTS_ARROW, type TableMeta } from './columnar/layout';
import { validateTable } from './columnar/validate-table';
import { readPlacesFile } from './validate';
import { folderFile, openFile, type FolderSource } from './big-story-protocol';
import type { EventTexts } from './event-texts';
import { readChunk, TextChunks } from './text-chunks';
import { parseIsoDate, today } from './dates';
import { ProblemList, type Problem } from './problems';
import { quote } from './text';
import { indexTable, type StoryData, type StoryIndex } from './story-data';
import type { Place } from './types';

/** What a columnar story's worker hands the page: all of a StoryData but its words. */
export interface BigStory {
	meta: TableMeta;
	/** Day number of publication, when the table's metadata gives one. */
	published: number | null;
	table: EventTable;
	/** One per entry of `table.places`, in the same order: place index p is `places[p]`. */
	places: Place[];
	index: StoryIndex;
	/** What the map draws (derive/story-layers.ts), built in the worker with the indexes. */
	layers: StoryLayers;
}

export type BigStoryResult = { ok: true; story: BigStory } | { ok: false; problems: Problem[] };

const PLACES = 'places.geojson';

/**
 * Reads, checks and indexes a big story: what its worker does with the two files' bytes. The
 * checks are check:data's own (validateTable, readPlacesFile), so the page refuses what the build
 * would: a table whose rows, places or dates are wrong is a problem named by event, not a drawing.
 * `today` bounds an undated dataset's events, as check:data's does.
 */
export function prepareBigStory(
	arrow: Uint8Array,
	placesJson: Uint8Array,
	{ day = today(), withdrawn }: { day?: number; withdrawn?: ReadonlySet<string> } = {}
): BigStoryResult {
	const read = readEventTable(arrow);
	if (!read.ok) return { ok: false, problems: [{ file: EVENTS_ARROW, message: read.message }] };
	const { table, meta } = read;
	const file = readPlacesFile({ name: PLACES, contents: placesJson });
	const eventProblems = new ProblemList(EVENTS_ARROW);
	validateTable(table, meta, file.places, eventProblems, {
		today: day,
		...(file.knownPlaceIds ? { knownPlaceIds: file.knownPlaceIds } : {}),
		...(withdrawn ? { withdrawn } : {})
	});
	if (file.problems.count + eventProblems.count > 0) {
		return { ok: false, problems: [...file.problems.list(), ...eventProblems.list()] };
	}
	// The table's place dictionary orders the places: place index p is places[p].
	const byId = new Map(file.places.map((p) => [p.id, p]));
	const missing = table.places.filter((id) => !byId.has(id));
	if (missing.length > 0) {
		const named = missing
			.slice(0, 3)
			.map((id) => quote(id))
			.join(', ');
		const more = missing.length > 3 ? `, and ${missing.length - 3} more` : '';
		const message = `lacks ${missing.length === 1 ? 'a place' : `${missing.length} places`} that events.arrow lists: ${named}${more}.`;
		return { ok: false, problems: [{ file: PLACES, message }] };
	}
	const places = table.places.map((id) => byId.get(id)!);
	const index = indexTable(table);
	return {
		ok: true,
		story: {
			meta,
			published: meta.published ? parseIsoDate(meta.published) : null,
			table,
			places,
			index,
			layers: storyLayers({ table, places, index })
		}
	};
}

/** Every buffer of the story, to transfer from the worker to the page without a copy. */
export function bigStoryBuffers(story: BigStory): ArrayBuffer[] {
	const { counts, grids, byPlace, dots } = story.index;
	const own = [counts.starts, counts.ends, byPlace.offsets, byPlace.rows, byPlace.reach, dots].map(
		(a) => a.buffer as ArrayBuffer
	);
	return [...new Set([...transferables(story.table), ...own, ...gridBuffers(grids)])];
}

/** A columnar story as the reader reads it, its words fetched by chunk from its folder. */
export function bigStoryData(story: BigStory, texts: EventTexts): StoryData {
	const { meta, published, table, places, index } = story;
	return {
		title: meta.title,
		published,
		origin: meta.origin || null,
		datasetFile: meta.datasetFile ?? null,
		article: null,
		tour: undefined,
		table,
		places,
		index,
		texts,
		events: null
	};
}

/**
 * The words of a columnar story in `folder` (its URL, ending in `/`, or its files), a chunk at a
 * time, each checked against the table before it is shown.
 */
export function fetchedTexts(
	story: BigStory,
	folder: FolderSource,
	fetcher: typeof fetch = fetch
): TextChunks {
	return new TextChunks(async (chunk) => {
		const name = chunkFile(chunk);
		const response = await openFile(folderFile(folder, name, location.href), fetcher);
		if (!response.ok)
			return { ok: false, message: `${name} could not be loaded (HTTP ${response.status}).` };
		const bytes = new Uint8Array(await response.arrayBuffer());
		const parsed = readChunk(bytes, story.table, chunk, story.meta.chunks[chunk]);
		return parsed.ok ? parsed : { ok: false, message: `${name} ${parsed.message}` };
	}, 24);
}
