import { getContext, setContext } from 'svelte';
import type { AtlasMap } from '../map/atlas-map';
import type { StoryLayers } from '../map/features';
import { formatDay } from '../story/dates';
import type { Story, StoryEvent } from '../story/types';
import { storyExtent } from '../time/extent';
import type { PlaceTally } from '../time/phase';
import { TimeIndex } from '../time/time-index';
import { buildTimeScale, type StoryTimeScale } from '../time/scale';
import { changeDays } from '../time/steps';
import type { MapView } from '../url/view-state';

export interface FlyRequest {
	coordinates: [number, number];
	/** Increments so that choosing the same place twice flies twice. */
	seq: number;
}

/**
 * The state every panel, the slider and the map share. The story and its layers are large and
 * immutable, so they are $state.raw: replaced whole, never proxied.
 */
export class Atlas {
	story = $state.raw<Story>() as Story;
	layers = $state.raw<StoryLayers>() as StoryLayers;
	/** From the first event to publication, or to the last event if the story has no date. */
	extent: { first: number; last: number } = $derived(storyExtent(this.story));
	/** The one time scale, built once per story, read by the slider, the map and the list. */
	time: StoryTimeScale = $derived(buildTimeScale(this.story.events, this.extent));
	changeDays: number[] = $derived(changeDays(this.story.events));

	day = $state(0);
	place = $state<string | null>(null);
	event = $state<string | null>(null);
	hover = $state<string | null>(null);
	view = $state.raw<MapView | null>(null);
	fly = $state.raw<FlyRequest | null>(null);
	/** The map, once drawn; null while loading and when WebGL is missing. */
	map = $state.raw<AtlasMap | null>(null);

	/** Built once per story; every question the slider asks of it is a binary search. */
	index: TimeIndex<StoryEvent> = $derived(new TimeIndex(this.story.events));
	visible: StoryEvent[] = $derived(this.index.upTo(this.day));
	/** Per place, on the chosen day: read by the map's circles and its place buttons alike. */
	tally: Map<string, PlaceTally> = $derived(this.index.tally(this.day));
	/** What a screen reader hears after the date moves. */
	summary: string = $derived(
		`${this.visible.length} ${this.visible.length === 1 ? 'event' : 'events'} up to ${formatDay(this.day)}`
	);

	constructor(story: Story, layers: StoryLayers) {
		this.story = story;
		this.layers = layers;
		this.day = this.extent.last;
	}

	setDay(day: number): void {
		const { first, last } = this.extent;
		this.day = Math.min(last, Math.max(first, Math.round(day)));
	}

	/** Opens a place's details; with `fly`, the map goes there. */
	choosePlace(id: string | null, { fly = false } = {}): void {
		const place = id === null ? undefined : this.story.placeById.get(id);
		this.place = place ? place.id : null;
		this.event = null;
		if (place && fly) this.fly = { coordinates: place.coordinates, seq: (this.fly?.seq ?? 0) + 1 };
	}

	/** Opens an event within its place's details, and flies there. */
	chooseEvent(id: string, { fly = true } = {}): void {
		const event = this.story.eventById.get(id);
		if (!event) return;
		this.place = event.place;
		this.event = event.id;
		if (fly) this.fly = { coordinates: event.coordinates, seq: (this.fly?.seq ?? 0) + 1 };
	}

	close(): void {
		this.place = null;
		this.event = null;
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
