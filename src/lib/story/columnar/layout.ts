/**
 * The columnar form of a story (geodata/README.md, "Big stories"): for a story of more events
 * than GeoJSON carries well. The folder holds `events.arrow`, the events' columns as an Apache
 * Arrow IPC file, and `text/<n>.json`, the words of each block of CHUNK_SIZE events, fetched
 * only when a reader opens one of them. `places.geojson` is the same as in every story.
 */
import type { EventRecord, StoredIn } from '../schema';
import type { DatasetFile } from '../types';

export const EVENTS_ARROW = 'events.arrow';
export const TEXT_FOLDER = 'text';

/** Events per text chunk: one fetch of some 200 KB when a reader opens an event. */
export const CHUNK_SIZE = 1000;

/** The schema's metadata key that marks the file as a story's, and its version. */
export const FORMAT_KEY = 'story-atlas';
export const FORMAT_VERSION = '2';

/** The text chunk that holds the event at row index `i` of the table. */
export const chunkOf = (i: number): number => Math.floor(i / CHUNK_SIZE);
export const chunkFile = (chunk: number): string => `${TEXT_FOLDER}/${chunk}.json`;

/** The columns of `events.arrow`, in order, with their Arrow types. */
export const COLUMNS = {
	id: 'Utf8',
	lon: 'Float64',
	lat: 'Float64',
	start: 'Int32',
	end: 'Int32',
	category: 'Dictionary<Utf8, Int8>',
	place: 'Dictionary<Utf8, Int32>',
	/** The event's other places, as indices into the place column's dictionary. */
	others: 'List<Int32>',
	row: 'Int32'
} as const;

/** The story-wide facts, kept in the Arrow schema's metadata. */
export interface TableMeta {
	title: string;
	/** `YYYY-MM-DD`, when the dataset has a date of publication. */
	published: string | null;
	/** Where the rows came from ("ACLED export, 31 columns"), shown in place of an article. */
	origin: string;
	/** The source file, by name, and its notes column: the `file` and `notesColumn` keys. */
	datasetFile?: DatasetFile;
	/** How many rows the source file had, its header included: no event's `row` is past it. */
	rows: number | null;
	/** The checksum (checksum.ts) of each text chunk's bytes, in order: the words belong to the table. */
	chunks: string[];
}

/** One event's words, in a text chunk: the chunk is a JSON array of these, in table order. */
export type EventText = { id: string } & Pick<EventRecord<string>, StoredIn<'text'>>;

/**
 * The most events an import writes as GeoJSON; a bigger one is written in the columnar form. A
 * few thousand events are a few megabytes of GeoJSON that open in well under a second, and the
 * GeoJSON form is the one a person can read and edit by hand.
 */
export const MAX_GEOJSON_EVENTS = 5000;

/**
 * The most `events.arrow` may weigh: about 2.8 million events at some 46 bytes each, more than
 * the importer's largest file (1 GB of CSV, limits.ts) makes. The reader's page holds the table
 * whole, so the limit is the page's memory, not the disk's.
 */
export const MAX_EVENTS_ARROW_BYTES = 128 * 1024 * 1024;

/**
 * The most one text chunk may weigh: what a reader fetches to open one event. An imported
 * event's words are under a kilobyte, so 1,000 of them are about 0.7 MB. The bound is the most
 * the importer can write (a title of 160 characters, a summary of 800, 50 actors of 120, an
 * excerpt of 2,000, no notes, at most 3 bytes of UTF-8 each: under 28 KB an event), so no chunk
 * it writes can fail it.
 */
export const MAX_CHUNK_BYTES = 32 * 1024 * 1024;

/** How many text chunks a table of `length` events has. */
export const chunkCount = (length: number): number => Math.ceil(length / CHUNK_SIZE);
