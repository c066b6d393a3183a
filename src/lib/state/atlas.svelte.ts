import { getContext, setContext } from 'svelte';
import { categoriesInUse, eventsByPlace } from '../derive/place-events';
import type { StoryLayers } from '../derive/story-layers';
import { boundsOf } from '../geo/bounds';
import type { AtlasMap, CameraMove } from '../map/atlas-map';
import { formatDay } from '../story/dates';
import { tourSteps } from '../tour/tour';
import type { Story, StoryEvent, TourStep } from '../story/types';
import type { Category } from '../story/schema';
import { buildEventTable } from '../story/table-builder';
import type { EventTable } from '../story/event-table';
import { dayCounts } from '../time/day-counts';
import type { Histogram } from '../time/histogram';
import { timeline, type Timeline } from '../time/timeline';
import type { PlaceTally } from '../time/phase';
import { TimeIndex } from '../time/time-index';
import type { StoryTimeScale } from '../time/scale';
import type { MapView, ViewState } from '../url/view-state';

/**
 * Where the map should go, asked by the state and carried out by the map. `seq` grows with every
 * request, so asking for the same place twice flies twice.
 */
export type CameraRequest = CameraMove & { seq: number };

export type SidePanel = 'events' | 'article';

const NO_EVENTS: readonly StoryEvent[] = [];

/**
 * The state every panel, the slider and the map share, and every answer derived from it, computed
 * once here. The story and its layers are large and immutable, so they are $state.raw: replaced
 * whole, never proxied.
 */
export class Atlas {
	story = $state.raw<Story>() as Story;
	layers = $state.raw<StoryLayers>() as StoryLayers;
	/** The story's events as the one event table every story has, in the same order. */
	table: EventTable = $derived(
		buildEventTable(
			this.story.events,
			this.story.places.map((p) => p.id)
		)
	);
	#timeline: Timeline = $derived(timeline(this.table, dayCounts(this.table), this.story.published));
	/** From the first event to publication, or to the last event if the story has no date. */
	extent: { first: number; last: number } = $derived(this.#timeline.extent);
	/** The one time scale, built once per story, read by the slider, the map and the list. */
	time: StoryTimeScale = $derived(this.#timeline.time);
	changeDays: number[] = $derived(this.#timeline.changeDays);
	/** The slider's histogram. */
	bars: Histogram = $derived(this.#timeline.bars);
	categories: Category[] = $derived(categoriesInUse(this.story.events));
	/** Events at each place, or joining it to another: the details, the article and the map agree. */
	private byPlace: ReadonlyMap<string, StoryEvent[]> = $derived(eventsByPlace(this.story.events));

	day = $state(0);
	place = $state<string | null>(null);
	event = $state<string | null>(null);
	hover = $state<string | null>(null);
	side = $state<SidePanel>('events');
	/** Where the map is, as the map last reported it; null until the reader moves it. */
	view = $state.raw<MapView | null>(null);
	camera = $state.raw<CameraRequest | null>(null);
	/** The details should take the keyboard focus, as after choosing a place on the map by key. */
	focusDetails = $state(false);
	/** The map, once drawn; null while loading and when WebGL is missing. */
	map = $state.raw<AtlasMap | null>(null);
	/** The guided tour's steps: the authors' tour, or the story in time order. */
	steps: TourStep[] = $derived(tourSteps(this.story.events, this.story.tour));
	/** The step on screen (from 0), or null when the reader explores on their own. */
	step = $state<number | null>(null);
	/** Where the reader left the tour, to resume from there. */
	leftAt = $state<number | null>(null);

	/** Built once per story; every question the slider asks of it is a binary search. */
	index: TimeIndex<StoryEvent> = $derived(new TimeIndex(this.story.events));
	visible: StoryEvent[] = $derived(this.index.upTo(this.day));
	/** Per place, on the chosen day: read by the map's circles and its place buttons alike. */
	tally: Map<string, PlaceTally> = $derived(this.index.tally(this.day));
	/** What a screen reader hears after the date moves, or once per step of the tour. */
	summary: string = $derived.by(() => {
		const step = this.step === null ? undefined : this.steps[this.step];
		const event = step && this.story.eventById.get(step.event);
		if (this.step !== null && event)
			return `Step ${this.step + 1} of ${this.steps.length}: ${formatDay(event.end)}, ${event.title}`;
		return `${this.visible.length} ${this.visible.length === 1 ? 'event' : 'events'} up to ${formatDay(this.day)}`;
	});

	constructor(story: Story, layers: StoryLayers) {
		this.story = story;
		this.layers = layers;
		this.day = this.extent.last;
	}

	eventsAt(place: string | null): readonly StoryEvent[] {
		return (place !== null && this.byPlace.get(place)) || NO_EVENTS;
	}

	/** The reader's own move of the date: it leaves the tour, where the tour's own does not. */
	setDay(day: number): void {
		this.leaveTour();
		this.#setDay(day);
	}

	#setDay(day: number): void {
		const { first, last } = this.extent;
		this.day = Math.min(last, Math.max(first, Math.round(day)));
	}

	/**
	 * Opens a place's details and brings it, with the places its events join, into view; with
	 * `focus`, the keyboard goes to the details.
	 */
	choosePlace(id: string | null, { focus = false } = {}): void {
		this.leaveTour();
		this.#choosePlace(id, true);
		this.focusDetails = Boolean(this.place && focus);
	}

	#choosePlace(id: string | null, show: boolean): void {
		const place = id === null ? undefined : this.story.placeById.get(id);
		this.place = place ? place.id : null;
		this.event = null;
		if (place && show) this.#show(place.id, this.eventsAt(place.id));
	}

	/** Opens an event within its place's details, and brings its places into view. */
	chooseEvent(id: string): void {
		this.leaveTour();
		this.#chooseEvent(id, true);
	}

	#chooseEvent(id: string, show: boolean): void {
		const event = this.story.eventById.get(id);
		if (!event) return;
		this.place = event.place;
		this.event = event.id;
		if (show) this.#show(event.place, [event]);
	}

	/** Asks the map to bring a place into view, and the other places of `events` where they fit. */
	#show(id: string, events: readonly StoryEvent[]): void {
		const place = this.story.placeById.get(id);
		if (!place) return;
		const others = events
			.flatMap((e) => [e.place, ...e.places])
			.filter((other, i, all) => other !== id && all.indexOf(other) === i);
		const joins = others.flatMap((other) => {
			const at = this.story.placeById.get(other);
			return at ? [at.coordinates] : [];
		});
		this.moveCamera({ kind: 'show', place: place.coordinates, joins });
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

	/**
	 * Shows a step of the tour: its date on the slider, its event in the details and the article,
	 * and the map framing every place the event joins.
	 */
	goToStep(index: number): void {
		const n = Math.min(this.steps.length - 1, Math.max(0, Math.round(index)));
		const step = this.steps[n];
		const event = step && this.story.eventById.get(step.event);
		if (!step || !event) return;
		this.step = n;
		this.leftAt = null;
		this.#setDay(event.end);
		this.#chooseEvent(event.id, false);
		if (step.camera) this.moveCamera({ kind: 'jump', view: step.camera });
		else {
			const points = [event.place, ...event.places].flatMap((id) => {
				const place = this.story.placeById.get(id);
				return place ? [place.coordinates] : [];
			});
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
		if (state.event && this.story.eventById.has(state.event)) this.#chooseEvent(state.event, false);
		else this.#choosePlace(state.place, false);
		this.focusDetails = false;
		this.side = state.panel ?? 'events';
		const same =
			state.view !== null &&
			this.view !== null &&
			state.view.zoom === this.view.zoom &&
			state.view.lat === this.view.lat &&
			state.view.lon === this.view.lon;
		if (!same) this.moveCamera(state.view ? { kind: 'jump', view: state.view } : { kind: 'fit' });
		this.view = state.view;
		if (!initial || !this.place) return;
		// A view in the address is the sharer's framing: keep it, unless it leaves the place out.
		const event = this.event === null ? undefined : this.story.eventById.get(this.event);
		const joining = state.view ? [] : event ? [event] : this.eventsAt(this.place);
		this.#show(this.place, joining);
	}

	/** The state the URL holds. */
	urlState(): ViewState {
		return {
			view: this.view,
			day: this.day,
			place: this.place,
			event: this.event,
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
