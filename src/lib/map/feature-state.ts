import type { StoryLayers } from './features';
import { categoryColor, placeRadiusScale } from '../scales/category';
import type { Category } from '../story/types';
import { phaseOf, type PlaceTally } from '../time/phase';

/** The slice of MapLibre's Map that feature-state needs; a stub stands in for it in tests. */
export interface FeatureStateTarget {
	setFeatureState(feature: { source: string; id: number }, state: Record<string, unknown>): void;
}

type State = Record<string, number | string | boolean>;

export interface Focus {
	day: number;
	highlight: string | null;
	selected: string | null;
	/** What has happened by the day, per place (TimeIndex.tally). */
	tally: ReadonlyMap<string, PlaceTally>;
}

/** Feature-state for every story feature on a day, keyed by "source/id". */
export function storyStates(layers: StoryLayers, focus: Focus): Map<string, State> {
	const { tally } = focus;
	const radius = placeRadiusScale(
		Math.max(...layers.places.features.map((f) => f.properties.total))
	);
	const states = new Map<string, State>();
	for (const feature of layers.places.features) {
		const id = feature.properties.id;
		const t = tally.get(id);
		states.set(`places/${feature.id}`, {
			radius: radius(t?.count ?? 0),
			color: categoryColor((t?.category ?? '') as Category),
			visible: Boolean(t),
			current: Boolean(t?.current),
			highlight: id === focus.highlight || id === focus.selected
		});
	}
	for (const link of layers.links.features) {
		const phase = phaseOf(link.properties, focus.day);
		states.set(`links/${link.id}`, { visible: phase !== 'future', current: phase === 'current' });
	}
	for (const outline of layers.outlines.features) {
		const place = outline.properties.place;
		states.set(`outlines/${outline.id}`, {
			visible: tally.has(place),
			selected: place === focus.highlight || place === focus.selected
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

	write(states: Map<string, State>): number {
		let writes = 0;
		for (const [key, state] of states) {
			const before = this.last.get(key);
			if (before && Object.keys(state).every((k) => before[k] === state[k])) continue;
			const slash = key.indexOf('/');
			this.target.setFeatureState(
				{ source: key.slice(0, slash), id: Number(key.slice(slash + 1)) },
				state
			);
			this.last.set(key, state);
			writes++;
		}
		return writes;
	}

	/** After a style reload feature-state is gone; write everything again next time. */
	reset(): void {
		this.last.clear();
	}
}
