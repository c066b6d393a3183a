import type { StoryEvent } from '../story/types';

/**
 * Where an event stands on a given day: not yet (hidden), on it (emphasised: the day falls in its
 * range, so it is or may be happening), or before it (shown).
 */
export type Phase = 'future' | 'current' | 'past';

export function phaseOf(event: Pick<StoryEvent, 'start' | 'end'>, day: number): Phase {
	if (event.start > day) return 'future';
	return event.end >= day ? 'current' : 'past';
}

/**
 * The events a reader sees on a day: everything that has started by then. The app asks TimeIndex,
 * which answers the same by binary search; this plain scan is the definition it is tested against.
 */
export function eventsUpTo<T extends Pick<StoryEvent, 'start'>>(
	events: readonly T[],
	day: number
): T[] {
	return events.filter((e) => e.start <= day);
}

/** Per place: how many of its events have started, and whether one is current. */
export interface PlaceTally {
	count: number;
	current: boolean;
	/** Category of its most recent started event, for colour. */
	category: string | null;
}

/**
 * Per-place tally by a plain scan: the definition TimeIndex.tally is tested against. A place's
 * events are those at it and those joining it (`involves`), as its details list them.
 */
export function tallyPlaces(
	events: readonly Pick<StoryEvent, 'start' | 'end' | 'place' | 'places' | 'category'>[],
	day: number
): Map<string, PlaceTally> {
	const tally = new Map<string, PlaceTally>();
	for (const event of events) {
		const phase = phaseOf(event, day);
		if (phase === 'future') continue;
		for (const place of new Set([event.place, ...event.places])) {
			const entry = tally.get(place) ?? { count: 0, current: false, category: null };
			entry.count += 1;
			entry.current ||= phase === 'current';
			entry.category = event.category;
			tally.set(place, entry);
		}
	}
	return tally;
}
