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
import { folderFile, openFile, type FolderSource } from './big-story-protocol';
import type { EventTexts } from './event-texts';
import { readChunk, TextChunks } from './text-chunks';
import { parseIsoDate } from './dates';
import type { Problem } from './problems';
import { PLACE_KINDS, type PlaceKind } from './schema';
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
const problem = (file: string, message: string): BigStoryResult => ({
	ok: false,
	problems: [{ file, message }]
});

/**
 * What the page needs of the table to draw and list it without crashing: every category and place
 * index inside its dictionary, positions on the globe, days in order. The full data check
 * (npm run check:data) says more; this says enough to refuse a file rather than draw nonsense.
 */
export function tableProblem(table: EventTable): string | null {
	const places = table.places.length;
	const categories = table.categories.length;
	for (let i = 0; i < table.length; i++) {
		const row = `row ${i + 1}`;
		const p = table.place[i]!;
		if (p < 0 || p >= places) return `${row} names place ${p}, past the ${places} places listed.`;
		if (table.category[i]! >= categories)
			return `${row} has a category past the ${categories} listed.`;
		const lon = table.lon[i]!;
		const lat = table.lat[i]!;
		if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return `${row} lies off the globe.`;
		if (table.end[i]! < table.start[i]!) return `${row} ends before it starts.`;
		if (i > 0 && table.start[i]! < table.start[i - 1]!) {
			return `${row} starts before the row above it; the table must be sorted by start.`;
		}
	}
	return null;
}

/**
 * The places of places.geojson, in the order the table's place dictionary names them. A place the
 * table names and the file lacks is a problem; places no event uses are left out.
 */
export function alignPlaces(
	value: unknown,
	ids: readonly string[]
): { ok: true; places: Place[] } | { ok: false; message: string } {
	const features = (value as { features?: unknown })?.features;
	if (!Array.isArray(features))
		return { ok: false, message: 'is not a GeoJSON FeatureCollection.' };
	const byId = new Map<string, Place>();
	for (const feature of features as Array<Record<string, unknown>>) {
		const props = (feature?.properties ?? {}) as Record<string, unknown>;
		const coords = (feature?.geometry as { coordinates?: unknown } | undefined)?.coordinates;
		if (typeof props.id !== 'string' || !Array.isArray(coords)) continue;
		const [lon, lat] = coords as number[];
		if (typeof lon !== 'number' || typeof lat !== 'number') continue;
		const name = typeof props.name === 'string' && props.name ? props.name : props.id;
		// A dataset's place is a town unless its file says otherwise.
		const kind = PLACE_KINDS.includes(props.kind as PlaceKind) ? (props.kind as PlaceKind) : 'city';
		const country = typeof props.country === 'string' ? { country: props.country } : {};
		byId.set(props.id, { id: props.id, name, kind, ...country, coordinates: [lon, lat] });
	}
	const missing = ids.filter((id) => !byId.has(id));
	if (missing.length > 0) {
		const shown = missing.slice(0, 3).join(', ');
		return {
			ok: false,
			message: `lacks ${missing.length} place${missing.length === 1 ? '' : 's'} the events name (${shown}${missing.length > 3 ? ', …' : ''}).`
		};
	}
	return { ok: true, places: ids.map((id) => byId.get(id)!) };
}

/** Reads, checks and indexes a big story: what its worker does with the two files' bytes. */
export function prepareBigStory(arrow: Uint8Array, placesJson: Uint8Array): BigStoryResult {
	const read = readEventTable(arrow);
	if (!read.ok) return problem(EVENTS_ARROW, read.message);
	const { table, meta } = read;
	const bad = tableProblem(table);
	if (bad) return problem(EVENTS_ARROW, bad);
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder().decode(placesJson));
	} catch {
		return problem(PLACES, 'is not valid JSON.');
	}
	const places = alignPlaces(json, table.places);
	if (!places.ok) return problem(PLACES, places.message);
	const index = indexTable(table);
	return {
		ok: true,
		story: {
			meta,
			published: meta.published ? parseIsoDate(meta.published) : null,
			table,
			places: places.places,
			index,
			layers: storyLayers({ table, places: places.places, index })
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
