/**
 * The one story the reader reads, whatever file it came from: the event table and its indexes,
 * the places in the table's order, the story-wide facts, and where its words are. A GeoJSON story
 * (storyData) and a columnar one (big-story.ts, in its worker) both end here, so the atlas, its
 * panels and its map read rows by index and never ask which form a story was stored in. What a
 * story can show (a tour, the article, corrections) follows from what its data holds.
 */
import { importedOrigin } from './dataset-origin';
import { buildGrids, mercatorOf, type EventGrid } from '../derive/event-grid';
import { buildPlaceRows, type PlaceRows } from '../derive/place-rows';
import { eventDotVertices } from '../map/event-dots';
import { dayCounts, type DayCounts } from '../time/day-counts';
import { histogram, type Histogram } from '../time/histogram';
import type { EventText } from './columnar/layout';
import { formatDay } from './dates';
import type { EventTable } from './event-table';
import { MemoryTexts, type EventTexts } from './event-texts';
import type { DatasetFile, Story, StoryEvent, Place, TourStep } from './types';
import { buildEventTable } from './table-builder';

/**
 * The most places a map draws one by one, each with a button of its own. A story with more
 * (a dataset of thousands of villages) is drawn as counted aggregates at low zoom, where places
 * would pile up, and its places come apart as the reader zooms in.
 */
export const MAX_DRAWN_PLACES = 300;

export interface StoryIndex {
	counts: DayCounts;
	/** The aggregates' grids, one per zoom band; empty for a story whose places are drawn apart. */
	grids: EventGrid[];
	byPlace: PlaceRows;
	/** The GPU's vertices (map/event-dots.ts): built with the rest, so the page only uploads them. */
	dots: Float32Array;
	/** The slider's histogram of every event: a walk of the whole table, so the worker's for a big story. */
	bars: Histogram;
}

export interface StoryData {
	title: string;
	/** Day number of publication, when the story gives one. */
	published: number | null;
	/** Where a dataset's rows came from ("ACLED export, 31 columns"); null for an article's story. */
	origin: string | null;
	/** An imported story's source file, when its metadata names it: each event's "Row N of FILE". */
	datasetFile: DatasetFile | null;
	/** The article, when the story has one. */
	article: string | null;
	/** The tour the story's authors gave, when they gave one. */
	tour: TourStep[] | undefined;
	table: EventTable;
	/** Place p of the table is `places[p]`. */
	places: Place[];
	index: StoryIndex;
	texts: EventTexts;
	/**
	 * Row i's event whole, when every event's words are in memory (a GeoJSON story): what the
	 * article's marks, the corrections filter and the story-order tour read. Null for a story whose
	 * words come a chunk at a time.
	 */
	events: readonly StoryEvent[] | null;
}

/** Whether a story's map draws counted aggregates at low zoom: its index has their grids. */
export const drawnAsAggregates = (story: Pick<StoryData, 'index'>): boolean =>
	story.index.grids.length > 0;

/** The indexes every story's reader reads, built once from its table (in a worker for a big one). */
export function indexTable(table: EventTable): StoryIndex {
	const xy = mercatorOf(table);
	return {
		counts: dayCounts(table),
		grids: table.places.length > MAX_DRAWN_PLACES ? buildGrids(table, xy) : [],
		byPlace: buildPlaceRows(table),
		dots: eventDotVertices(table, xy),
		bars: histogram(table)
	};
}

const built = new WeakMap<Story, StoryData>();

/**
 * A validated GeoJSON story as the reader reads it: its events become the table's rows, in order.
 * Built once per story: the loader (for the map's layers) and the page ask for the same one.
 */
export function storyData(story: Story): StoryData {
	const known = built.get(story);
	if (known) return known;
	const table = buildEventTable(
		story.events,
		story.places.map((p) => p.id)
	);
	const data: StoryData = {
		title: story.title,
		published: story.published,
		// An imported story's dataset, its size and its period, as a columnar one's table says them.
		origin: importedOrigin(story.article, story.events),
		datasetFile: story.datasetFile ?? null,
		article: story.article,
		tour: story.tour,
		table,
		places: story.places,
		index: indexTable(table),
		texts: new MemoryTexts(story.events as readonly EventText[]),
		events: story.events
	};
	built.set(story, data);
	return data;
}

/**
 * Row `row` as an event object, from the table and its words: what the details and the tour show.
 * Undefined while its words have not come.
 */
export function eventAt(data: StoryData, row: number): StoryEvent | undefined {
	if (data.events) return data.events[row];
	const text = data.texts.peek(row);
	if (!text) return undefined;
	const { table } = data;
	const others = table.otherPlaces.subarray(table.otherOffsets[row], table.otherOffsets[row + 1]);
	return {
		...text,
		category: table.categories[table.category[row]!] as StoryEvent['category'],
		start: table.start[row]!,
		end: table.end[row]!,
		place: table.places[table.place[row]!]!,
		places: Array.from(others, (p) => table.places[p]!),
		background: false,
		inferred: [],
		...(table.row[row]! > 0 ? { row: table.row[row]! } : {}),
		coordinates: [table.lon[row]!, table.lat[row]!]
	};
}

/** Where a story's facts come from, as a picture's credits say it. */
export function sourceCredit(data: StoryData): string {
	if (data.article === null) return data.origin ?? 'the story’s data';
	const of = data.published === null ? '' : ` of ${formatDay(data.published)}`;
	const corrected = data.events?.some((e) => e.notes.length > 0) ?? false;
	return `the article${of}${corrected ? ', with corrections from other reporting' : ''}`;
}
