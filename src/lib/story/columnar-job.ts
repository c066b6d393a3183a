/**
 * The loader's job for a columnar story, apart from the worker (story.worker.ts): streams
 * `events.arrow` (telling the page how much has arrived), reads it into the event table, checks
 * and indexes it, and transfers it all to the page without a copy.
 */
import { bigStoryBuffers, prepareBigStory } from './big-story';
import { openFile, type BigStoryMessage, type BigStoryRequest } from './big-story-protocol';
import { withdrawnIds } from './history-read';

type Post = (message: BigStoryMessage, transfer?: Transferable[]) => void;

/** The file's bytes, read as they arrive, with progress at most every 50 ms. */
async function streamed(file: string | Blob, post: Post): Promise<Uint8Array | string> {
	const response = await openFile(file);
	if (!response.ok || !response.body) return `could not be loaded (HTTP ${response.status}).`;
	const length = Number(response.headers.get('content-length'));
	const total = Number.isFinite(length) && length > 0 ? length : null;
	const reader = response.body.getReader();
	let buffer = new Uint8Array(total ?? 1 << 20);
	let received = 0;
	let told = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (received + value.length > buffer.length) {
			const bigger = new Uint8Array(Math.max(buffer.length * 2, received + value.length));
			bigger.set(buffer.subarray(0, received));
			buffer = bigger;
		}
		buffer.set(value, received);
		received += value.length;
		const now = performance.now();
		if (now - told > 50) {
			told = now;
			post({ type: 'progress', phase: 'fetching', received, total });
		}
	}
	post({ type: 'progress', phase: 'reading', received, total });
	return buffer.subarray(0, received);
}

/** The events the story's history withdraws; none where it keeps no history or it cannot be had. */
async function withdrawnIn(history: string | Blob | undefined): Promise<Set<string>> {
	if (history === undefined) return new Set();
	try {
		const response = await openFile(history);
		return response.ok ? withdrawnIds(new Uint8Array(await response.arrayBuffer())) : new Set();
	} catch {
		return new Set();
	}
}

export async function columnarJob(
	{ arrow, places, history }: BigStoryRequest,
	post: Post
): Promise<void> {
	const fail = (file: string, message: string) =>
		post({ type: 'done', result: { ok: false, problems: [{ file, message }] } });
	try {
		// Fetched beside events.arrow; a failure of its own is a sentence, never an unhandled rejection.
		const placesFile = openFile(places).then(
			async (r) =>
				r.ok ? new Uint8Array(await r.arrayBuffer()) : `could not be loaded (HTTP ${r.status}).`,
			(error: unknown) => `could not be loaded (${(error as Error).message ?? 'network error'}).`
		);
		const withdrawn = withdrawnIn(history);
		const bytes = await streamed(arrow, post);
		if (typeof bytes === 'string') return fail('events.arrow', bytes);
		const placeBytes = await placesFile;
		if (typeof placeBytes === 'string') return fail('places.geojson', placeBytes);
		const result = prepareBigStory(bytes, placeBytes, { withdrawn: await withdrawn });
		post({ type: 'done', result }, result.ok ? bigStoryBuffers(result.story) : []);
	} catch (error) {
		fail('events.arrow', `could not be loaded (${(error as Error).message ?? 'network error'}).`);
	}
}
