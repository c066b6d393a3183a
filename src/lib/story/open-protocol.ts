/**
 * Opening a reader's story off the page's main thread: what the page and the worker say to each
 * other, and the pure parts of both sides, tested in Node.
 *
 * The worker reads the files (with progress by bytes), splits a bundle, validates the story and
 * derives its layers (`prepareStory`), then sends it back in pieces. One structured clone of a
 * 128,000-event story takes the page about a second to receive, all in one task: in pieces of a
 * bounded size, each is a short task and the page answers input between them.
 *
 *   page → worker  { type: 'open', countries, files }        once; the worker is the job's alone
 *   worker → page  { type: 'progress', phase, done?, total? } reading: bytes; checking: none
 *                  { type: 'problems', problems }             the end, when the story is not valid
 *                  { type: 'story', head, counts }            the story without its long lists…
 *                  { type: 'items', list, items }             …which follow in order, in pieces
 *                  { type: 'end' }                            the last piece has been sent
 *                  { type: 'failed', message }                the worker itself failed
 */
import type { LoadedStory } from '../derive/prepare-story';
import type { StoryLayers } from '../derive/story-layers';
import type { Countries } from '../geo/basemap';
import type { PickedFile } from './open-files';
import type { Problem } from './problems';
import { escapeUnsafe } from './text';
import type { Place, Story, StoryEvent } from './types';

export type OpenPhase = 'reading' | 'checking' | 'receiving';

export interface OpenProgress {
	phase: OpenPhase;
	/** Bytes read, or items received; absent while checking, which has no measure of its own. */
	done?: number;
	total?: number;
}

/** A file to open: a browser File, or anything with a name, a size and a stream of bytes. */
export interface OpenFile {
	name: string;
	size: number;
	stream(): ReadableStream<Uint8Array>;
}

export interface OpenRequest {
	type: 'open';
	countries: Countries;
	files: OpenFile[];
}

/** The lists that make up most of a story, sent after its head in pieces. */
export const LISTS = ['events', 'places', 'placeFeatures', 'links', 'outlines'] as const;
export type ListName = (typeof LISTS)[number];

/** The story and its layers with every long list empty: what the `items` messages fill. */
export interface StoryHead {
	story: Omit<Story, 'placeById' | 'eventById'>;
	layers: StoryLayers;
}

export type OpenResponse =
	| ({ type: 'progress' } & OpenProgress)
	| { type: 'problems'; problems: Problem[] }
	| { type: 'story'; head: StoryHead; counts: Record<ListName, number> }
	| { type: 'items'; list: ListName; items: unknown[] }
	| { type: 'end' }
	| { type: 'failed'; message: string };

type Opened = Extract<LoadedStory, { ok: true }>;

function listOf(target: { story: Pick<Story, 'events' | 'places'>; layers: StoryLayers }) {
	return {
		events: target.story.events as unknown[],
		places: target.story.places as unknown[],
		placeFeatures: target.layers.places.features as unknown[],
		links: target.layers.links.features as unknown[],
		outlines: target.layers.outlines.features as unknown[]
	} satisfies Record<ListName, unknown[]>;
}

/**
 * How much work a value is to clone, counted in values (a number, a string, an object), with a
 * long string counting for its length. The story is the validator's output, so it is shallow;
 * the depth limit keeps the count bounded even so.
 */
export function cloneWeight(value: unknown, depth = 0): number {
	if (typeof value === 'string') return 1 + (value.length >> 10);
	if (typeof value !== 'object' || value === null || depth > 12) return 1;
	let weight = 1;
	if (Array.isArray(value)) {
		for (const item of value) weight += cloneWeight(item, depth + 1);
	} else {
		for (const key in value) weight += 1 + cloneWeight((value as never)[key], depth + 1);
	}
	return weight;
}

/**
 * About 570 events of the synthetic story (35 values each) a piece. Opening its 128,000 events
 * in headless Chromium on two cores took 250 pieces, a median of 3 ms each on the page; what
 * runs longer is the garbage collector moving the story's new objects (about 40-70 ms), which
 * smaller pieces do not shorten (tests/e2e/open-big.spec.ts measures the longest task).
 */
export const PIECE_WEIGHT = 20_000;

/** The messages that carry an opened story to the page: its head, its lists in pieces, the end. */
export function* storyMessages(loaded: Opened, maxWeight = PIECE_WEIGHT): Generator<OpenResponse> {
	// placeById and eventById are rebuilt from the lists: sending them would clone it all twice.
	const story: Partial<Story> = { ...loaded.story, events: [], places: [] };
	delete story.placeById;
	delete story.eventById;
	const { layers } = loaded;
	const head: StoryHead = {
		story: story as StoryHead['story'],
		layers: {
			...layers,
			places: { ...layers.places, features: [] },
			links: { ...layers.links, features: [] },
			outlines: { ...layers.outlines, features: [] }
		}
	};
	const lists = listOf(loaded);
	const counts = Object.fromEntries(LISTS.map((name) => [name, lists[name].length])) as Record<
		ListName,
		number
	>;
	yield { type: 'story', head, counts };
	for (const list of LISTS) {
		let items: unknown[] = [];
		let weight = 0;
		for (const item of lists[list]) {
			items.push(item);
			weight += cloneWeight(item);
			if (weight >= maxWeight) {
				yield { type: 'items', list, items };
				items = [];
				weight = 0;
			}
		}
		if (items.length > 0) yield { type: 'items', list, items };
	}
	yield { type: 'end' };
}

/**
 * The page's side: puts a story back together from the worker's messages. `receive` returns the
 * story (or its problems) with the last message, and null before.
 */
export class StoryReceiver {
	#head: StoryHead | null = null;
	#lists: Record<ListName, unknown[]> | null = null;
	#placeById = new Map<string, Place>();
	#eventById = new Map<string, StoryEvent>();
	/** Items received so far, and how many the story has. */
	done = 0;
	total = 0;

	constructor(private readonly onProgress: (progress: OpenProgress) => void = () => {}) {}

	receive(message: OpenResponse): LoadedStory | null {
		switch (message.type) {
			case 'progress':
				this.onProgress({ phase: message.phase, done: message.done, total: message.total });
				return null;
			case 'problems':
				return { ok: false, problems: message.problems };
			case 'failed':
				return failure(message.message);
			case 'story':
				this.#head = message.head;
				this.#lists = listOf(message.head);
				this.total = LISTS.reduce((sum, name) => sum + message.counts[name], 0);
				this.onProgress({ phase: 'receiving', done: 0, total: this.total });
				return null;
			case 'items': {
				if (!this.#lists) return failure('the story came in out of order.');
				const target = this.#lists[message.list];
				// A loop, not push(...items): a spread of 100,000 arguments overflows the stack.
				for (const item of message.items) target.push(item);
				if (message.list === 'events')
					for (const e of message.items as StoryEvent[]) this.#eventById.set(e.id, e);
				else if (message.list === 'places')
					for (const p of message.items as Place[]) this.#placeById.set(p.id, p);
				this.done += message.items.length;
				this.onProgress({ phase: 'receiving', done: this.done, total: this.total });
				return null;
			}
			case 'end': {
				if (!this.#head || this.done !== this.total)
					return failure('the story came back incomplete.');
				const { story, layers } = this.#head;
				return {
					ok: true,
					story: { ...story, placeById: this.#placeById, eventById: this.#eventById },
					layers
				};
			}
		}
	}
}

/** A failure of the opening itself (not of the files' contents), said as a problem. */
export function failure(detail: string): LoadedStory {
	return {
		ok: false,
		problems: [
			{
				file: '(your files)',
				message: `could not be opened: ${detail} Nothing was sent anywhere; try again, or check the files with npm run check:data.`
			}
		]
	};
}

/**
 * Reads the files in the worker with progress by bytes, reporting at most every `every` ms. A
 * file that changed or vanished since it was picked is named, not thrown.
 */
export async function readFiles(
	files: readonly OpenFile[],
	onProgress: (done: number, total: number) => void,
	{ every = 50, now = () => Date.now() } = {}
): Promise<{ ok: true; picked: PickedFile[] } | { ok: false; problems: Problem[] }> {
	let total = 0;
	for (const file of files) total += file.size;
	let done = 0;
	let reported = -Infinity;
	onProgress(0, total);
	const picked: PickedFile[] = [];
	for (const file of files) {
		let contents = new Uint8Array(file.size);
		let length = 0;
		try {
			const reader = file.stream().getReader();
			for (;;) {
				const { done: finished, value } = await reader.read();
				if (finished) break;
				if (length + value.byteLength > contents.byteLength) {
					// The file grew after it was picked: make room rather than fail.
					const grown = new Uint8Array(
						Math.max(contents.byteLength * 2, length + value.byteLength)
					);
					grown.set(contents.subarray(0, length));
					contents = grown;
				}
				contents.set(value, length);
				length += value.byteLength;
				done += value.byteLength;
				if (now() - reported >= every) {
					reported = now();
					onProgress(Math.min(done, total), total);
				}
			}
		} catch (error) {
			return {
				ok: false,
				problems: [
					{
						file: escapeUnsafe(file.name),
						message: `could not be read (${error instanceof Error ? error.name : 'unknown error'}). Was it moved or changed? Pick it again.`
					}
				]
			};
		}
		picked.push({
			name: file.name,
			contents: length === contents.byteLength ? contents : contents.subarray(0, length)
		});
	}
	onProgress(total, total);
	return { ok: true, picked };
}

const MB = 1048576;

/** What the progress bar says beside it: the phase and, where there is one, how far. */
export function progressText({ phase, done, total }: OpenProgress): string {
	const measured = done !== undefined && total !== undefined && total > 0;
	switch (phase) {
		case 'reading':
			return measured
				? `Reading your files: ${(done / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB`
				: 'Reading your files…';
		case 'checking':
			return 'Checking the story…';
		case 'receiving':
			return measured
				? `Preparing the map: ${Math.floor((100 * done) / total)}%`
				: 'Preparing the map…';
	}
}

/** What a screen reader hears, once per phase rather than at every step of the bar. */
export function phaseAnnouncement(phase: OpenPhase): string {
	switch (phase) {
		case 'reading':
			return 'Opening your story: reading the files.';
		case 'checking':
			return 'Checking the story.';
		case 'receiving':
			return 'Preparing the map.';
	}
}
