/**
 * The page's side of opening a reader's story in the loader's worker (story.worker.ts). Nothing here
 * runs at import: the worker is made when a story is opened, so server rendering never meets it.
 */
import type { LoadedStory } from '../derive/prepare-story';
import type { Countries } from '../geo/basemap';
import type { StoryFiles } from './validate';
import { sizeProblems } from './open-files';
import { failure, StoryReceiver, type OpenProgress, type OpenResponse } from './open-protocol';

export type OpenOutcome = { type: 'opened'; loaded: LoadedStory } | { type: 'cancelled' };

export interface OpenJob {
	/** Settles once, never rejects: the story or its problems, or that it was cancelled. */
	readonly done: Promise<OpenOutcome>;
	/** Ends the worker where it is; `done` settles as cancelled. */
	cancel(): void;
}

const settled = (outcome: OpenOutcome): OpenJob => ({
	done: Promise.resolve(outcome),
	cancel: () => {}
});

/**
 * Opens the picked files in a new worker. Files too many or too big are refused from their sizes
 * before a byte is read, and before any worker starts.
 */
export function openStoryFiles(
	files: readonly File[],
	countries: Countries,
	onProgress: (progress: OpenProgress) => void
): OpenJob {
	const tooBig = sizeProblems(files);
	if (tooBig.length > 0)
		return settled({ type: 'opened', loaded: { ok: false, problems: tooBig } });

	let worker: Worker;
	try {
		worker = new Worker(new URL('./story.worker.ts', import.meta.url), { type: 'module' });
	} catch (error) {
		return settled({
			type: 'opened',
			loaded: failure(`this browser could not start the checker (${String(error)}).`)
		});
	}
	let settle!: (outcome: OpenOutcome) => void;
	const done = new Promise<OpenOutcome>((resolve) => (settle = resolve));
	let running = true;
	const finish = (outcome: OpenOutcome) => {
		if (!running) return;
		running = false;
		worker.terminate();
		settle(outcome);
	};
	const receiver = new StoryReceiver((progress) => {
		if (running) onProgress(progress);
	});
	worker.onmessage = (event: MessageEvent<OpenResponse>) => {
		if (!running) return;
		const loaded = receiver.receive(event.data);
		if (loaded) finish({ type: 'opened', loaded });
	};
	worker.onerror = (event) => {
		event.preventDefault();
		finish({
			type: 'opened',
			loaded: failure(
				`the checker stopped${event.message ? ` (${event.message})` : ''}; the files may be too large for this browser's memory.`
			)
		});
	};
	worker.onmessageerror = () =>
		finish({ type: 'opened', loaded: failure('a piece of the story could not be received.') });
	onProgress({ phase: 'reading', done: 0, total: files.reduce((sum, f) => sum + f.size, 0) });
	try {
		// The basemap goes once, with the files: File objects are handles, not their bytes.
		worker.postMessage({ type: 'open', countries, files: [...files] });
	} catch (error) {
		finish({
			type: 'opened',
			loaded: failure(`the files could not be handed to the checker (${String(error)}).`)
		});
	}
	return { done, cancel: () => finish({ type: 'cancelled' }) };
}

/**
 * A published story the page fetched (one too big for its HTML), checked in the loader's worker
 * as a reader's own files are: the page's thread only receives what the worker made of it.
 */
export async function checkFetchedStory(
	files: StoryFiles,
	countries: Countries,
	history: StoryFiles['events'] | null = null
): Promise<LoadedStory> {
	const picked = [files.events, files.places, files.article, ...(history ? [history] : [])].map(
		({ name, contents }) => new File([contents as BlobPart], name)
	);
	const outcome = await openStoryFiles(picked, countries, () => {}).done;
	return outcome.type === 'opened' ? outcome.loaded : failure('the check was stopped.');
}
