/** The messages between the page and the loader (story.worker.ts) about a columnar story. */
import type { BigStoryResult } from './big-story';

export interface BigStoryRequest {
	type: 'columnar';
	/** Absolute URLs of the story's `events.arrow` and `places.geojson`. */
	arrow: string;
	places: string;
}

export type BigLoadPhase = 'fetching' | 'reading';

export type BigStoryMessage =
	| { type: 'progress'; phase: BigLoadPhase; received: number; total: number | null }
	| { type: 'done'; result: BigStoryResult };

/** A file of the story's folder as an absolute URL; `folder` ends in `/`, relative to the page. */
export const fileUrl = (folder: string, name: string, page: string): string =>
	new URL(name, new URL(folder, page)).href;
