/**
 * What the slider and the list read of a story's time, for every story from its one event table:
 * its span, the time scale, the days Page Up and Page Down stop on, and the histogram. A big
 * story's worker counts the days; a small story's page counts them from its table.
 */
import type { EventTable } from '../story/event-table';
import { changeDays, storyExtent, type DayCounts } from './day-counts';
import { histogram, type Histogram } from './histogram';
import { buildTimeScale, type StoryTimeScale } from './scale';

export interface Timeline {
	/** From the first event to publication, or to the last event if later. */
	extent: { first: number; last: number };
	time: StoryTimeScale;
	changeDays: number[];
	bars: Histogram;
}

export function timeline(table: EventTable, counts: DayCounts, published: number | null): Timeline {
	const extent = storyExtent(counts, published);
	return {
		extent,
		time: buildTimeScale(counts, extent),
		changeDays: changeDays(counts),
		bars: histogram(table)
	};
}
