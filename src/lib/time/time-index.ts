import { bisectRight } from 'd3-array';
import { eventsByPlace } from '../derive/place-events';
import type { StoryEvent } from '../story/types';
import type { PlaceTally } from './phase';

type Indexed = Pick<StoryEvent, 'start' | 'end' | 'place' | 'places' | 'category'>;

/** The number of sorted values ≤ `day`. */
const upperBound = (sorted: Float64Array, day: number): number => bisectRight(sorted, day);

interface PlaceSeries {
	starts: Float64Array;
	/** Latest end among the place's first i+1 events: one of them is current iff it reaches the day. */
	reach: Float64Array;
	categories: string[];
}

/**
 * Answers "what has happened by this day?" in logarithmic time, for a slider that asks it on every
 * move. Built once per story from events sorted by start; a scan of 100,000 events per scrub is
 * what it replaces.
 */
export class TimeIndex<T extends Indexed> {
	private readonly starts: Float64Array;
	private readonly places = new Map<string, PlaceSeries>();

	constructor(private readonly events: readonly T[]) {
		for (let i = 1; i < events.length; i++) {
			if (events[i]!.start < events[i - 1]!.start)
				throw new Error('TimeIndex needs events sorted by start');
		}
		this.starts = Float64Array.from(events, (e) => e.start);
		// A place's events are those its details list (derive/place-events.ts): there, or joining it.
		for (const [place, list] of eventsByPlace(events)) {
			const reach = new Float64Array(list.length);
			list.forEach((e, i) => (reach[i] = Math.max(e.end, i > 0 ? reach[i - 1]! : -Infinity)));
			this.places.set(place, {
				starts: Float64Array.from(list, (e) => e.start),
				reach,
				categories: list.map((e) => e.category)
			});
		}
	}

	/** Every event that has started by `day`, in order. */
	upTo(day: number): T[] {
		return this.events.slice(0, upperBound(this.starts, day));
	}

	/** Per place with any started event: how many, whether one is current, the latest's category. */
	tally(day: number): Map<string, PlaceTally> {
		const tally = new Map<string, PlaceTally>();
		for (const [place, series] of this.places) {
			const count = upperBound(series.starts, day);
			if (count === 0) continue;
			tally.set(place, {
				count,
				current: series.reach[count - 1]! >= day,
				category: series.categories[count - 1]!
			});
		}
		return tally;
	}
}
