import { getContext, setContext } from 'svelte';
import { upperBound } from '../derive/event-grid';
import { placeSummary, type PlaceSummary } from '../derive/place-rows';
import type { AtlasMap, CameraMove } from '../map/atlas-map';
import type { BigStory } from '../story/big-story';
import { fileUrl } from '../story/big-story-protocol';
import { eventId, type EventTable } from '../story/event-table';
import { chunkFile, type EventText } from '../story/columnar/layout';
import { formatDay } from '../story/dates';
import { findEventRow } from '../story/find-event';
import { readChunk, TextChunks } from '../story/text-chunks';
import type { Histogram } from '../time/histogram';
import type { StoryTimeScale } from '../time/scale';
import { timeline } from '../time/timeline';
import type { MapView, ViewState } from '../url/view-state';
import type { CameraRequest } from './atlas.svelte';

/** What the date slider reads and sets: the Atlas of a GeoJSON story and a big story's alike. */
export interface SliderModel {
	readonly time: StoryTimeScale;
	readonly extent: { first: number; last: number };
	readonly day: number;
	readonly changeDays: readonly number[];
	readonly step: number | null;
	readonly bars: Histogram;
	setDay(day: number): void;
}

const count = (n: number, word: string) =>
	`${n.toLocaleString('en-GB')} ${n === 1 ? word : `${word}s`}`;

/**
 * The shared state of a big story's page: the date, the chosen event or place (as row and place
 * indices), the camera. Every answer is read from the table and the worker's indexes: the number
 * of events by a day is one binary search, a place's summary a pass over its own rows.
 */
export class BigAtlas implements SliderModel {
	readonly story: BigStory;
	readonly table: EventTable;
	readonly extent: { first: number; last: number };
	readonly time: StoryTimeScale;
	readonly changeDays: number[];
	readonly bars: SliderModel['bars'];
	readonly texts: TextChunks;
	readonly placeIndex: ReadonlyMap<string, number>;
	readonly step = null;

	day = $state(0);
	/** The open event's row, and the open place's index (into story.places). */
	event = $state<number | null>(null);
	place = $state<number | null>(null);
	view = $state.raw<MapView | null>(null);
	camera = $state.raw<CameraRequest | null>(null);
	map = $state.raw<AtlasMap | null>(null);
	/**
	 * What the live region says instead of the count of events, until the date next changes: why
	 * keyboard focus moved on the map.
	 */
	note = $state<string | null>(null);
	/** Grows each time a text chunk arrives: the rows that show titles read it to redraw. */
	textVersion = $state(0);

	/** Events started by the chosen day: rows 0 … shown - 1 of the table. */
	shown: number;
	summary: string;
	placeSummary: PlaceSummary | null;

	/** `folder`: the story's files' URL, ending in `/`, for its text chunks. */
	constructor(story: BigStory, folder: string, fetcher: typeof fetch = fetch) {
		this.story = story;
		this.table = story.table;
		const line = timeline(story.table, story.index.counts, story.published);
		this.extent = line.extent;
		this.time = line.time;
		this.changeDays = line.changeDays;
		this.bars = line.bars;
		// Built once and never changed: not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.placeIndex = new Map(story.places.map((p, i) => [p.id, i]));
		this.texts = new TextChunks(
			async (chunk) => {
				const name = chunkFile(chunk);
				const response = await fetcher(fileUrl(folder, name, location.href));
				if (!response.ok)
					return { ok: false, message: `${name} could not be loaded (HTTP ${response.status}).` };
				const bytes = new Uint8Array(await response.arrayBuffer());
				const parsed = readChunk(bytes, story.table, chunk, story.meta.chunks[chunk]);
				return parsed.ok ? parsed : { ok: false, message: `${name} ${parsed.message}` };
			},
			24,
			() => this.textVersion++
		);
		this.day = this.extent.last;
		this.shown = $derived(upperBound(this.table.start, this.day));
		this.summary = $derived(
			`${count(this.shown, 'event')} of ${this.table.length.toLocaleString('en-GB')} up to ${formatDay(this.day)}`
		);
		this.placeSummary = $derived(
			this.place === null
				? null
				: placeSummary(this.story.index.byPlace, this.table, this.place, this.day)
		);
	}

	setDay(day: number): void {
		const { first, last } = this.extent;
		this.day = Math.min(last, Math.max(first, Math.round(day)));
		this.note = null;
	}

	announce(message: string): void {
		this.note = message;
	}

	eventIdOf(row: number): string {
		return eventId(this.table, row);
	}

	/** The words of a row, if its chunk is here; reading `textVersion` redraws when it comes. */
	textOf(row: number): EventText | undefined {
		void this.textVersion;
		return this.texts.peek(row);
	}

	chooseEvent(row: number, { show = true } = {}): void {
		if (row < 0 || row >= this.table.length) return;
		this.event = row;
		this.place = this.table.place[row]!;
		if (show)
			this.#move({ kind: 'show', place: [this.table.lon[row]!, this.table.lat[row]!], joins: [] });
	}

	choosePlace(p: number | null, { show = true } = {}): void {
		this.event = null;
		this.place = p !== null && p >= 0 && p < this.story.places.length ? p : null;
		const place = this.place === null ? null : this.story.places[this.place]!;
		if (place && show) this.#move({ kind: 'show', place: place.coordinates, joins: [] });
	}

	close(): void {
		this.event = null;
		this.place = null;
	}

	/** A cluster chosen on the map: the map zooms in on it, where its events come apart. */
	zoomTo(view: MapView): void {
		this.#move({ kind: 'zoom', view });
	}

	restore(state: ViewState): void {
		this.setDay(state.day ?? this.extent.last);
		const row = state.event === null ? null : findEventRow(this.table, state.event);
		if (row !== null) this.chooseEvent(row, { show: false });
		else
			this.choosePlace(state.place === null ? null : (this.placeIndex.get(state.place) ?? null), {
				show: false
			});
		const same =
			state.view !== null &&
			this.view !== null &&
			state.view.zoom === this.view.zoom &&
			state.view.lat === this.view.lat &&
			state.view.lon === this.view.lon;
		if (!same) this.#move(state.view ? { kind: 'jump', view: state.view } : { kind: 'fit' });
		this.view = state.view;
	}

	urlState(): ViewState {
		return {
			view: this.view,
			day: this.day,
			place: this.place === null ? null : this.story.places[this.place]!.id,
			event: this.event === null ? null : eventId(this.table, this.event),
			panel: null,
			step: null
		};
	}

	#move(request: CameraMove): void {
		this.camera = { ...request, seq: (this.camera?.seq ?? 0) + 1 };
	}
}

const KEY = Symbol('big-atlas');

export function setBigAtlas(atlas: BigAtlas): BigAtlas {
	return setContext(KEY, atlas);
}

export function getBigAtlas(): BigAtlas {
	const atlas = getContext<BigAtlas | undefined>(KEY);
	if (!atlas) throw new Error('getBigAtlas() needs a BigAtlas set by an ancestor.');
	return atlas;
}
