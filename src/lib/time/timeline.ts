/**
 * What the slider and the list read of a story's time, for every story from its one event table:
 * its span, the time scale, the days Page Up and Page Down stop on, and the histogram. The day
 * counts and the histogram are the story's index (story-data.ts): a big story's worker builds
 * them, a small story's page.
 */
import { changeDays, storyExtent, type DayCounts } from './day-counts';
import type { Histogram } from './histogram';
import { buildTimeScale, type StoryTimeScale } from './scale';

export interface Timeline {
	/** From the first event to publication, or to the last event if later. */
	extent: { first: number; last: number };
	time: StoryTimeScale;
	changeDays: number[];
	bars: Histogram;
}

export function timeline(
	{ counts, bars }: { counts: DayCounts; bars: Histogram },
	published: number | null
): Timeline {
	const extent = storyExtent(counts, published);
	return { extent, time: buildTimeScale(counts, extent), changeDays: changeDays(counts), bars };
}
