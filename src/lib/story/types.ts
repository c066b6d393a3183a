/** The validated, typed story every component reads. Dates are UTC day numbers (see dates.ts). */
import type { EventRecord, PlaceKind } from './schema';

export type LonLat = [number, number];

export interface Place {
	id: string;
	name: string;
	kind: PlaceKind;
	/** ISO 3166-1 alpha-2, absent for seas and other places outside any country. */
	country?: string;
	coordinates: LonLat;
}

/** An event of the reader's model: its fields (schema.ts) with days as day numbers, and its point. */
export type StoryEvent = EventRecord<number> & { coordinates: LonLat };

/**
 * The file an imported story's rows came from, as the story's metadata names it (events.geojson's
 * `file` and `notesColumn`, the same keys of events.arrow's metadata): kept once for the story, so
 * each event can say "Row 12 of acled-2025.csv" and show the row's notes as notes.
 */
export interface DatasetFile {
	/** The file's name: "acled-2025.csv". */
	file: string;
	/**
	 * The column whose cells are the rows' own notes ("notes"), each row's event's summary; absent
	 * when the importer wrote the summaries (UCDP, GDELT) or the file had no such column.
	 */
	notesColumn?: string;
}

export interface Story {
	title: string;
	/** Day number of publication, when the file gives one. */
	published: number | null;
	/** An imported story's source file, when its metadata names it. */
	datasetFile?: DatasetFile;
	article: string;
	/** Sorted by start, then end, then id: the order of the list and the slider. */
	events: StoryEvent[];
	places: Place[];
	/** The tour the story's authors gave (events.geojson's `tour`), when they gave one. */
	tour?: TourStep[];
	placeById: ReadonlyMap<string, Place>;
	eventById: ReadonlyMap<string, StoryEvent>;
}

export interface TourCamera {
	zoom: number;
	lat: number;
	lon: number;
}

/** A step of a guided tour (tour/tour.ts): one of the story's events, with its caption and camera. */
export interface TourStep {
	event: string;
	caption: string | null;
	camera: TourCamera | null;
}
