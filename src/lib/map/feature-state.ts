import type { StoryLayers } from '../derive/story-layers';
import { categoryColor, placeRadiusScale } from '../scales/category';
import type { Category } from '../story/schema';
import { phaseOf, type PlaceTally } from '../time/phase';
import { SOURCES, type StorySource } from './style';

/** The slice of MapLibre's Map that feature-state needs; a stub stands in for it in tests. */
export interface FeatureStateTarget {
	setFeatureState(feature: FeatureKey, state: Record<string, unknown>): void;
}

/** Places are keyed by their own id (the style promotes it); links and outlines by position. */
export interface FeatureKey {
	source: StorySource;
	id: string | number;
}

type State = Record<string, number | string | boolean>;

export interface Focus {
	day: number;
	highlight: string | null;
	selected: string | null;
	/** What has happened by the day, per place (TimeIndex.tally). */
	tally: ReadonlyMap<string, PlaceTally>;
	/** The events the reader narrowed the story to ("Show what changed"), or null for all. */
	only?: FocusFilter | null;
}

/** A filter's events, by row (for the GPU's dots) and by id (for the links). */
export interface FocusFilter {
	rows: Int32Array;
	events: ReadonlySet<string>;
}

export type FeatureStates = Array<{ feature: FeatureKey; state: State }>;

/** Feature-state for every story feature on a day. */
export function storyStates(layers: StoryLayers, focus: Focus): FeatureStates {
	const { tally } = focus;
	const radius = placeRadiusScale(layers.maxPlaceTotal);
	const states: FeatureStates = [];
	for (const feature of layers.places.features) {
		const id = feature.properties.id;
		const t = tally.get(id);
		states.push({
			feature: { source: SOURCES.places, id },
			state: {
				radius: radius(t?.count ?? 0),
				color: categoryColor((t?.category ?? '') as Category),
				visible: Boolean(t),
				current: Boolean(t?.current),
				highlight: id === focus.highlight || id === focus.selected
			}
		});
	}
	for (const link of layers.links.features) {
		const phase = phaseOf(link.properties, focus.day);
		const kept = !focus.only || focus.only.events.has(link.properties.event);
		states.push({
			feature: { source: SOURCES.links, id: link.id as number },
			state: { visible: kept && phase !== 'future', current: kept && phase === 'current' }
		});
	}
	for (const outline of layers.outlines.features) {
		const place = outline.properties.place;
		states.push({
			feature: { source: SOURCES.outlines, id: outline.id as number },
			state: {
				visible: tally.has(place),
				selected: place === focus.highlight || place === focus.selected
			}
		});
	}
	return states;
}

/**
 * Writes feature-state, skipping what has not changed since the last call: a scrub across one day
 * touches a handful of features, not all of them.
 */
export class FeatureStateWriter {
	private last = new Map<string, State>();

	constructor(private readonly target: FeatureStateTarget) {}

	write(states: FeatureStates): number {
		let writes = 0;
		for (const { feature, state } of states) {
			const key = `${feature.source}/${feature.id}`;
			const before = this.last.get(key);
			if (before && Object.keys(state).every((k) => before[k] === state[k])) continue;
			this.target.setFeatureState(feature, state);
			this.last.set(key, state);
			writes++;
		}
		return writes;
	}

	/** After a lost context or a style reload feature-state is gone: write everything next time. */
	reset(): void {
		this.last.clear();
	}
}
