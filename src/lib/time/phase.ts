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

/** Per place: how many of its events have started, and whether one is current. */
export interface PlaceTally {
	count: number;
	current: boolean;
	/** Category of its most recent started event, for colour. */
	category: string | null;
}
