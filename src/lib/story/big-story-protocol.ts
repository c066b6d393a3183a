/** The messages between the page and the loader (story.worker.ts) about a columnar story. */
import type { BigStoryResult } from './big-story';

export interface BigStoryRequest {
	type: 'columnar';
	/** The story's `events.arrow` and `places.geojson`: absolute URLs, or the files themselves. */
	arrow: string | Blob;
	places: string | Blob;
	/**
	 * Its `history.json`, where the folder may keep one: the events it withdraws keep their last row,
	 * outside the row rule. A story without one answers 404, and is checked as having none.
	 */
	history?: string | Blob;
}

/**
 * Where a columnar story's files are: its folder's URL, ending in `/` (a published story), or the
 * files themselves by their paths in the folder (a story the studio made, kept in this browser:
 * the page's policy lets it fetch from its own origin only, so no blob: URL is made of them).
 */
export type FolderSource = string | ReadonlyMap<string, Blob>;

/** A file of the folder: its absolute URL, the file itself, or undefined when it has none such. */
export function folderFile(
	folder: FolderSource,
	name: string,
	page: string
): string | Blob | undefined {
	return typeof folder === 'string' ? fileUrl(folder, name, page) : folder.get(name);
}

/** A file of the folder as a fetch answers it; a file the folder lacks is a 404. */
export function openFile(
	file: string | Blob | undefined,
	fetcher: typeof fetch = fetch
): Promise<Response> {
	if (typeof file === 'string') return fetcher(file);
	if (!file) return Promise.resolve(new Response(null, { status: 404 }));
	return Promise.resolve(new Response(file, { headers: { 'content-length': String(file.size) } }));
}

export type BigLoadPhase = 'fetching' | 'reading';

export type BigStoryMessage =
	| { type: 'progress'; phase: BigLoadPhase; received: number; total: number | null }
	| { type: 'done'; result: BigStoryResult };

/** A file of the story's folder as an absolute URL; `folder` ends in `/`, relative to the page. */
export const fileUrl = (folder: string, name: string, page: string): string =>
	new URL(name, new URL(folder, page)).href;
