/**
 * The page's side of loading a big story: a worker streams and reads `events.arrow` and hands back
 * the table and its indexes (story/story.worker.ts). The progress and the outcome are state
 * the page shows; nothing is parsed on the page's thread.
 */
import type { BigStoryResult } from '../story/big-story';
import {
	folderFile,
	type BigLoadPhase,
	type BigStoryMessage,
	type FolderSource
} from '../story/big-story-protocol';
import { EVENTS_ARROW } from '../story/columnar/layout';
import { HISTORY_FILE } from '../story/history';
import { STORY_FILE_NAMES } from '../story/story-index';

export interface BigProgress {
	phase: BigLoadPhase;
	received: number;
	total: number | null;
}

/** What a loading bar says: "Loading the events: 12.3 of 46.0 MB" or "Reading 1,000,000 events…". */
export function progressText(progress: BigProgress, events: number): string {
	const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
	if (progress.phase === 'reading') {
		return `Reading and indexing ${events.toLocaleString('en-GB')} events…`;
	}
	return progress.total === null
		? `Loading the events: ${mb(progress.received)} MB`
		: `Loading the events: ${mb(progress.received)} of ${mb(progress.total)} MB`;
}

export class BigStoryLoad {
	progress = $state.raw<BigProgress>({ phase: 'fetching', received: 0, total: null });
	result = $state.raw<BigStoryResult | null>(null);
	#worker: Worker | null = null;

	/**
	 * `folder` is the story's URL under the app, ending in `/`, or its files; `history`, whether
	 * a folder at a URL keeps a history.json (the page knows from its index: no request to learn it).
	 */
	constructor(
		private readonly folder: FolderSource,
		private readonly history = false
	) {
		this.#start();
	}

	/**
	 * Starts again a load that was stopped before it finished: the page that shows it was left
	 * (the reader opened their own file) and came back.
	 */
	resume(): void {
		if (this.result === null && this.#worker === null) this.#start();
	}

	#start(): void {
		const folder = this.folder;
		this.progress = { phase: 'fetching', received: 0, total: null };
		const finish = (result: BigStoryResult) => {
			this.result = result;
			this.#worker?.terminate();
			this.#worker = null;
		};
		try {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite's worker import, not state
			this.#worker = new Worker(new URL('../story/story.worker.ts', import.meta.url), {
				type: 'module'
			});
		} catch (error) {
			finish({
				ok: false,
				problems: [{ file: EVENTS_ARROW, message: `could not be read here (${String(error)}).` }]
			});
			return;
		}
		this.#worker.onmessage = (event: MessageEvent<BigStoryMessage>) => {
			const message = event.data;
			if (message.type === 'progress') this.progress = message;
			// In a task of its own: taking the table in from the worker is one long task at a million
			// events, and showing the atlas over it another; run together they were one of 200 ms.
			else setTimeout(() => finish(message.result));
		};
		this.#worker.onerror = (event) => {
			event.preventDefault();
			finish({
				ok: false,
				problems: [
					{
						file: EVENTS_ARROW,
						message: `could not be read${event.message ? ` (${event.message})` : ''}; it may be too large for this browser's memory.`
					}
				]
			});
		};
		const arrow = folderFile(folder, EVENTS_ARROW, location.href);
		const places = folderFile(folder, STORY_FILE_NAMES.places, location.href);
		if (!arrow || !places) {
			finish({
				ok: false,
				problems: [{ file: arrow ? STORY_FILE_NAMES.places : EVENTS_ARROW, message: 'is missing.' }]
			});
			return;
		}
		const history =
			typeof folder === 'string' && !this.history
				? null
				: folderFile(folder, HISTORY_FILE, location.href);
		this.#worker.postMessage({ type: 'columnar', arrow, places, ...(history ? { history } : {}) });
	}

	cancel(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}
