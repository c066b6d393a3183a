import type { Story } from '../story/types';

/** The story's span of days: from its first event to publication, or to its last event if later. */
export function storyExtent(story: Pick<Story, 'events' | 'published'>): {
	first: number;
	last: number;
} {
	let first = Infinity;
	let last = story.published ?? -Infinity;
	for (const event of story.events) {
		if (event.start < first) first = event.start;
		if (event.end > last) last = event.end;
	}
	return { first, last };
}
