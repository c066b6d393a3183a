import { getContext, setContext } from 'svelte';
import { upperBound } from '../derive/event-grid';
import {
	buildPlaceRows,
	placeSummary,
	tallyPlaces,
	type PlaceRows,
	type PlaceSummary
} from '../derive/place-rows';
import type { StoryLayers } from '../derive/story-layers';
import { boundsOf } from '../geo/bounds';
import type { AtlasMap, CameraMove } from '../map/atlas-map';
import { formatDay } from '../story/dates';
import { eventId, otherPlacesOf, type EventTable } from '../story/event-table';
import { findEventRow } from '../story/find-event';
import { CATEGORIES, type Category } from '../story/schema';
import { eventAt, type StoryData } from '../story/story-data';
import type { LonLat, Place, StoryEvent, TourStep } from '../story/types';
import { eventHistory, type EventChange } from '../story/history';
import type { FileContents } from '../story/json-file';
import { histogram, type Histogram } from '../time/histogram';
import type { PlaceTally } from '../time/phase';
import type { StoryTimeScale } from '../time/scale';
import { timeline } from '../time/timeline';
import { tourSteps } from '../tour/tour';
import type { MapView, ViewState } from '../url/view-state';
import type { OpenedHistory, ReaderChanges } from './story-changes';
import { readVisit, recordVisit } from './visits';

/**
 * Where the map should go, asked by the state and carried out by the map. `seq` grows with every
 * request, so asking for the same place twice flies twice.
 */
export type CameraRequest = CameraMove & { seq: number };

export type SidePanel = 'events' | 'article';

/** What the reader may narrow the story to: the events other reporting corrects, or what changed. */
export type RowFilterKind = 'corrected' | 'changed';

/** A filter's rows (in table order) and what the map and the slider draw from them. */
export interface RowFilter {
	kind: RowFilterKind;
	rows: Int32Array;
	/** The rows' event ids, for the map's links. */
	events: ReadonlySet<string>;
	byPlace: PlaceRows;
	bars: Histogram;
}

const count = (n: number, word: string) =>
	`${n.toLocaleString('en-GB')} ${n === 1 ? word : `${word}s`}`;

/**
 * The state every panel, the slider and the map share, over one story of any size and either
 * form (story-data.ts). Events are rows of the table and places indices into its places; the
 * questions the slider asks are binary searches over the table and its place index. The story and
 * its layers are large and immutable: plain fields, never proxied.
 */
export class Atlas {
	readonly data: StoryData;
	readonly table: EventTable;
	readonly layers: StoryLayers;
	readonly extent: { first: number; last: number };
	/** The one time scale, built once per story, read by the slider, the map and the list. */
	readonly time: StoryTimeScale;
	readonly changeDays: number[];
	/** The slider's histogram: of every event, or of the filter's. */
	bars: Histogram;
	readonly #bars: Histogram;
	/** The categories the story uses, in the legend's fixed order. */
	readonly categories: Category[];
	/** The guided tour's steps: the authors' tour, or the story in time order where its words are here. */
	readonly steps: TourStep[];
	/**
	 * The rows of the events other reporting corrects, in order, where the story's words are in
	 * memory; null where they come by chunk, which carry no such mark in the table.
	 */
	readonly corrected: Int32Array | null;
	/** Event rows by id, for the ids the tour and the URL name. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, never read reactively
	readonly #rows = new Map<string, number | null>();
	readonly #placeIndex: ReadonlyMap<string, number>;

	day = $state(0);
	/** The open place, as its index in `data.places`, and the open event, as its row. */
	place = $state<number | null>(null);
	event = $state<number | null>(null);
	/** The place a pointer or the keyboard is over, by id: the map lights its circle. */
	hover = $state<string | null>(null);
	side = $state<SidePanel>('events');
	/** Where the map is, as the map last reported it; null until the reader moves it. */
	view = $state.raw<MapView | null>(null);
	camera = $state.raw<CameraRequest | null>(null);
	/** The details should take the keyboard focus, as after choosing a place on the map by key. */
	focusDetails = $state(false);
	/** The map, once drawn; null while loading and when WebGL is missing. */
	map = $state.raw<AtlasMap | null>(null);
	/** The step on screen (from 0), or null when the reader explores on their own. */
	step = $state<number | null>(null);
	/** Where the reader left the tour, to resume from there. */
	leftAt = $state<number | null>(null);
	/**
	 * What the live region says instead of the count of events, until the date next changes: why
	 * keyboard focus moved on the map.
	 */
	note = $state<string | null>(null);
	/** Grows each time words arrive: whatever shows an event's words reads it to redraw. */
	textVersion = $state(0);
	/** The story's history, once it has come (after the page is on screen); null without one. */
	history = $state.raw<OpenedHistory | null>(null);
	/** The changes this reader is told of (since their last visit, or `?since=`); null for none. */
	changes = $state.raw<ReaderChanges | null>(null);
	/** What the list, the map and the slider's histogram are narrowed to; null for everything. */
	only = $state<RowFilterKind | null>(null);
	filter: RowFilter | null;

	/** Events started by the chosen day: rows 0 … shown - 1 of the table. */
	shown: number;
	/** Per place with an event by the day, by id: read by the map's circles and its place buttons. */
	tally: Map<string, PlaceTally>;
	/** The open place's events by the day, by category and by month. */
	placeSummary: PlaceSummary | null;
	/** What a screen reader hears after the date moves, or once per step of the tour. */
	summary: string;

	constructor(data: StoryData, layers: StoryLayers) {
		this.data = data;
		this.table = data.table;
		this.layers = layers;
		const line = timeline(data.index, data.published);
		this.extent = line.extent;
		this.time = line.time;
		this.changeDays = line.changeDays;
		this.#bars = line.bars;
		this.categories = CATEGORIES.filter((c) => data.table.categories.includes(c));
		this.steps = tourSteps(data.events ?? [], data.tour);
		this.corrected = data.events
			? Int32Array.from(data.events.flatMap((e, row) => (e.notes.length > 0 ? [row] : [])))
			: null;
		// Built once and never changed: not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#placeIndex = new Map(data.places.map((p, i) => [p.id, i]));
		this.day = this.extent.last;
		data.texts.listen(() => this.textVersion++);
		this.shown = $derived(upperBound(this.table.start, this.day));
		this.filter = $derived.by(() => {
			const rows =
				this.only === 'corrected'
					? this.corrected
					: this.only === 'changed'
						? (this.changes?.rows ?? null)
						: null;
			if (!rows || this.only === null) return null;
			return {
				kind: this.only,
				rows,
				// Made once per filter and never changed: no reactive set.
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				events: new Set(Array.from(rows, (row) => eventId(this.table, row))),
				byPlace: buildPlaceRows(this.table, rows),
				bars: histogram(this.table, 8, 400, rows)
			};
		});
		this.bars = $derived(this.filter?.bars ?? this.#bars);
		this.tally = $derived(
			tallyPlaces(this.filter?.byPlace ?? this.data.index.byPlace, this.table, this.day)
		);
		this.placeSummary = $derived(
			this.place === null
				? null
				: placeSummary(this.data.index.byPlace, this.table, this.place, this.day)
		);
		this.summary = $derived.by(() => {
			const step = this.step === null ? undefined : this.steps[this.step];
			const row = step ? this.rowOf(step.event) : null;
			const event = row === null ? undefined : this.eventAt(row);
			if (this.step !== null && event)
				return `Step ${this.step + 1} of ${this.steps.length}: ${formatDay(event.end)}, ${event.title}`;
			return this.note ?? `${count(this.shown, 'event')} up to ${formatDay(this.day)}`;
		});
	}

	/**
	 * Takes the story's history, once fetched: tells a returning reader what changed since their
	 * last visit (or since the version `since` names), once, in the live region too, and remembers
	 * this visit. Storage that fails is a first visit: no banner, and the page works.
	 */
	async loadHistory(
		file: Promise<FileContents | null>,
		{
			key,
			storage,
			since,
			now
		}: { key: string; storage: Storage | null; since: string | null; now: number }
	): Promise<void> {
		// Its checker is a chunk of its own, fetched with the history, after the page is on screen.
		const [contents, { changesFrom, openHistory, readerChanges }] = await Promise.all([
			file,
			import('./story-changes')
		]);
		if (!contents) return;
		const opened = openHistory(contents, this.table, this.data.events);
		if (!opened) return;
		this.history = opened;
		const from = changesFrom(opened.history, readVisit(storage, key), since);
		this.changes = from ? readerChanges(opened, from) : null;
		recordVisit(storage, key, { version: opened.history.versions.at(-1)!.id, at: now });
		if (this.changes) this.announce(this.changes.text);
	}

	/** Narrows the list, the map and the histogram, or widens them again (null). */
	narrow(kind: RowFilterKind | null): void {
		this.only = kind;
	}

	/** Every change the history records of the event at `row`, oldest first. */
	changesOf(row: number): EventChange[] {
		return this.history ? eventHistory(this.history.history, eventId(this.table, row)) : [];
	}

	/** The withdrawal of the event at `row`, where it stands withdrawn. */
	withdrawalOf(row: number): EventChange | undefined {
		return this.history?.withdrawn.get(row);
	}

	/** The place with this id, as its index; null for an id the story does not have. */
	placeOf(id: string | null): number | null {
		return id === null ? null : (this.#placeIndex.get(id) ?? null);
	}

	placeAt(p: number | null): Place | undefined {
		return p === null ? undefined : this.data.places[p];
	}

	/** The row of the event with this id; null for an id the story does not have. */
	rowOf(id: string): number | null {
		if (!this.#rows.has(id)) this.#rows.set(id, findEventRow(this.table, id));
		return this.#rows.get(id)!;
	}

	eventIdOf(row: number): string {
		return eventId(this.table, row);
	}

	/** Row `row` whole, once its words are here; reading `textVersion` redraws when they come. */
	eventAt(row: number): StoryEvent | undefined {
		void this.textVersion;
		return eventAt(this.data, row);
	}

	/** The rows of the events at place p or joining it to another, in table order. */
	eventsAt(p: number | null): Int32Array {
		const { offsets, rows } = this.data.index.byPlace;
		return p === null ? rows.subarray(0, 0) : rows.subarray(offsets[p], offsets[p + 1]);
	}

	/** The reader's own move of the date: it leaves the tour, where the tour's own does not. */
	setDay(day: number): void {
		this.leaveTour();
		this.#setDay(day);
	}

	#setDay(day: number): void {
		const { first, last } = this.extent;
		this.day = Math.min(last, Math.max(first, Math.round(day)));
		this.note = null;
	}

	/** A sentence for the live region: why keyboard focus moved on the map. */
	announce(message: string): void {
		this.note = message;
	}

	/**
	 * Opens a place's details and brings it, with the places its events join, into view; with
	 * `focus`, the keyboard goes to the details.
	 */
	choosePlace(p: number | null, { focus = false, show = true } = {}): void {
		this.leaveTour();
		this.#choosePlace(p, show);
		this.focusDetails = this.place !== null && focus;
	}

	#choosePlace(p: number | null, show: boolean): void {
		this.place = p !== null && p >= 0 && p < this.data.places.length ? p : null;
		this.event = null;
		if (this.place !== null && show) this.#show(this.place, this.eventsAt(this.place));
	}

	/** Opens an event within its place's details, and brings its places into view. */
	chooseEvent(row: number, { show = true } = {}): void {
		this.leaveTour();
		this.#chooseEvent(row, show);
	}

	#chooseEvent(row: number, show: boolean): void {
		if (row < 0 || row >= this.table.length) return;
		this.place = this.table.place[row]!;
		this.event = row;
		if (show) this.#show(this.place, [row]);
	}

	/** The points of the places `rows` involve, other than place p: where the map makes room for. */
	#joins(p: number, rows: ArrayLike<number>): LonLat[] {
		// A place of thousands of events joins no one worth framing: only a small place's are read.
		if (rows.length > 200) return [];
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- made and read in one call
		const others = new Set<number>();
		for (let k = 0; k < rows.length; k++) {
			const row = rows[k]!;
			const main = this.table.place[row]!;
			if (main !== p) others.add(main);
			for (const other of otherPlacesOf(this.table, row)) if (other !== p) others.add(other);
		}
		return [...others].map((o) => this.data.places[o]!.coordinates);
	}

	/** Asks the map to bring a place into view, and the other places of `rows` where they fit. */
	#show(p: number, rows: ArrayLike<number>): void {
		const place = this.data.places[p];
		if (!place) return;
		this.moveCamera({ kind: 'show', place: place.coordinates, joins: this.#joins(p, rows) });
	}

	close(): void {
		this.leaveTour();
		this.place = null;
		this.event = null;
	}

	/** The reader's switch between the event list and the article beside the map. */
	showSide(side: SidePanel): void {
		this.side = side;
	}

	/** Pointer or keyboard over something that stands for a place: its circle lights up. */
	hoverPlace(id: string | null): void {
		this.hover = id;
	}

	/** A cluster chosen on the map: the map zooms in on it, where its events come apart. */
	zoomTo(view: MapView): void {
		this.moveCamera({ kind: 'zoom', view });
	}

	/**
	 * Shows a step of the tour: its date on the slider, its event in the details and the article,
	 * and the map framing every place the event joins.
	 */
	goToStep(index: number): void {
		const n = Math.min(this.steps.length - 1, Math.max(0, Math.round(index)));
		const step = this.steps[n];
		const row = step ? this.rowOf(step.event) : null;
		if (!step || row === null) return;
		this.step = n;
		this.leftAt = null;
		this.#setDay(this.table.end[row]!);
		this.#chooseEvent(row, false);
		if (step.camera) this.moveCamera({ kind: 'jump', view: step.camera });
		else {
			const p = this.table.place[row]!;
			const points = [this.data.places[p]!.coordinates, ...this.#joins(p, [row])];
			const bounds = boundsOf(points);
			if (bounds) this.moveCamera({ kind: 'frame', bounds });
		}
	}

	startTour(): void {
		this.goToStep(this.leftAt ?? 0);
	}

	/** Leaves the tour exactly where it is: the reader explores on from this step. */
	leaveTour(): void {
		if (this.step === null) return;
		this.leftAt = this.step;
		this.step = null;
	}

	/**
	 * The whole view a URL describes: date, selection, panel and camera. Back and Forward restore
	 * the entry's camera as it was; an address opened afresh (`initial`) was written for another
	 * screen, so its place is then brought into view if that view leaves it out.
	 */
	restore(state: ViewState, { initial = false } = {}): void {
		if (state.step !== null && state.step <= this.steps.length) {
			this.goToStep(state.step - 1);
			this.side = state.panel ?? 'events';
			this.view = state.view;
			return;
		}
		this.step = null;
		this.leftAt = null;
		this.#setDay(state.day ?? this.extent.last);
		const row = state.event === null ? null : this.rowOf(state.event);
		if (row !== null) this.#chooseEvent(row, false);
		else this.#choosePlace(this.placeOf(state.place), false);
		this.focusDetails = false;
		this.side = state.panel === 'article' && this.data.article ? 'article' : 'events';
		const same =
			state.view !== null &&
			this.view !== null &&
			state.view.zoom === this.view.zoom &&
			state.view.lat === this.view.lat &&
			state.view.lon === this.view.lon;
		if (!same) this.moveCamera(state.view ? { kind: 'jump', view: state.view } : { kind: 'fit' });
		this.view = state.view;
		if (!initial || this.place === null) return;
		// A view in the address is the sharer's framing: keep it, unless it leaves the place out.
		const joining = state.view
			? []
			: this.event === null
				? this.eventsAt(this.place)
				: [this.event];
		this.#show(this.place, joining);
	}

	/** The state the URL holds. */
	urlState(): ViewState {
		return {
			view: this.view,
			day: this.day,
			place: this.place === null ? null : this.data.places[this.place]!.id,
			event: this.event === null ? null : eventId(this.table, this.event),
			panel: this.side === 'article' ? 'article' : null,
			step: this.step === null ? null : this.step + 1
		};
	}

	private moveCamera(request: CameraMove): void {
		this.camera = { ...request, seq: (this.camera?.seq ?? 0) + 1 };
	}
}

const KEY = Symbol('atlas');

export function setAtlas(atlas: Atlas): Atlas {
	return setContext(KEY, atlas);
}

export function getAtlas(): Atlas {
	const atlas = getContext<Atlas | undefined>(KEY);
	if (!atlas) throw new Error('getAtlas() needs an Atlas set by an ancestor with setAtlas().');
	return atlas;
}
