/**
 * The words of a big story's events, fetched a chunk of CHUNK_SIZE events at a time when a reader
 * opens one (or scrolls the list to it), and kept in a small cache: the table carries no text.
 */
import { chunkChecksum } from './checksum';
import { CHUNK_SIZE, chunkOf, type EventText } from './columnar/layout';
import { eventId, type EventTable } from './event-table';
import type { EventTexts, TextResult } from './event-texts';

/** What fetching one chunk gives: its events' words, or a sentence saying what went wrong. */
export type ChunkResult = { ok: true; texts: EventText[] } | { ok: false; message: string };

export type ChunkFetcher = (chunk: number) => Promise<ChunkResult>;

const isText = (value: unknown): value is EventText => {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		typeof v.id === 'string' &&
		typeof v.title === 'string' &&
		typeof v.summary === 'string' &&
		Array.isArray(v.source) &&
		v.source.every((s) => typeof s === 'string')
	);
};

/**
 * A fetched chunk, checked against the table it belongs to: its bytes against the checksum
 * events.arrow keeps of it, then each entry's id against the table's row, so another chunk's words
 * are never shown under this one's events. Fields the page does not show are given empty defaults
 * rather than refused.
 */
export function readChunk(
	bytes: Uint8Array,
	table: EventTable,
	chunk: number,
	checksum: string | undefined
): ChunkResult {
	if (checksum === undefined || chunkChecksum(bytes) !== checksum)
		return {
			ok: false,
			message:
				'does not match the checksum events.arrow keeps of it: these are not the words of its events.'
		};
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		return { ok: false, message: 'is not valid JSON.' };
	}
	const expected = chunkLength(chunk, table.length);
	if (!Array.isArray(value)) return { ok: false, message: 'is not a list of event texts.' };
	if (value.length !== expected) {
		return { ok: false, message: `holds ${value.length} events where the table has ${expected}.` };
	}
	const bad = value.findIndex((v) => !isText(v));
	if (bad >= 0) return { ok: false, message: `entry ${bad + 1} is not an event’s text.` };
	const first = chunk * CHUNK_SIZE;
	const wrong = (value as EventText[]).findIndex((t, k) => t.id !== eventId(table, first + k));
	if (wrong >= 0)
		return {
			ok: false,
			message: `entry ${wrong + 1} holds the words of another event than row ${first + wrong + 1} of the table.`
		};
	const texts = (value as EventText[]).map((t) => ({
		id: t.id,
		title: t.title,
		summary: t.summary,
		actors: Array.isArray(t.actors) ? t.actors.filter((a) => typeof a === 'string') : [],
		when: typeof t.when === 'string' ? t.when : '',
		source: t.source,
		notes: Array.isArray(t.notes) ? t.notes : []
	}));
	return { ok: true, texts };
}

/** Rows in chunk `chunk` of a table of `length` events. */
export const chunkLength = (chunk: number, length: number): number =>
	Math.max(0, Math.min(CHUNK_SIZE, length - chunk * CHUNK_SIZE));

export class TextChunks implements EventTexts {
	readonly #fetch: ChunkFetcher;
	readonly #limit: number;
	/** In use order, oldest first: a Map keeps insertion order, so the first key is evicted. */
	readonly #done = new Map<number, ChunkResult>();
	readonly #pending = new Map<number, Promise<ChunkResult>>();

	readonly #listeners: Array<() => void> = [];

	constructor(fetch: ChunkFetcher, limit = 24) {
		this.#fetch = fetch;
		this.#limit = limit;
	}

	/** `listener` hears of each chunk once it is kept: what `peek` reads has changed. */
	listen(listener: () => void): void {
		this.#listeners.push(listener);
	}

	/** The words of row `row`, if its chunk is here already. */
	peek(row: number): EventText | undefined {
		const chunk = this.#done.get(chunkOf(row));
		return chunk?.ok ? chunk.texts[row % CHUNK_SIZE] : undefined;
	}

	/** The words of row `row`, fetching its chunk once however often it is asked for. */
	async text(row: number): Promise<TextResult> {
		const result = await this.chunk(chunkOf(row));
		if (!result.ok) return result;
		const text = result.texts[row % CHUNK_SIZE];
		return text ? { ok: true, text } : { ok: false, message: `has no text for row ${row}.` };
	}

	/** The chunks of these rows: the list's screenful, a place's page (a chunk is fetched once). */
	want(rows: Iterable<number>): void {
		const chunks = new Set<number>();
		for (const row of rows) chunks.add(chunkOf(row));
		for (const chunk of chunks) void this.chunk(chunk);
	}

	chunk(chunk: number): Promise<ChunkResult> {
		const done = this.#done.get(chunk);
		if (done) {
			this.#done.delete(chunk);
			this.#done.set(chunk, done);
			return Promise.resolve(done);
		}
		const pending = this.#pending.get(chunk);
		if (pending) return pending;
		const next = this.#fetch(chunk)
			.catch((error: unknown): ChunkResult => ({ ok: false, message: String(error) }))
			.then((result) => {
				this.#pending.delete(chunk);
				// A failed fetch is not kept: the next ask tries again.
				if (result.ok) {
					this.#done.set(chunk, result);
					while (this.#done.size > this.#limit) {
						this.#done.delete(this.#done.keys().next().value!);
					}
					for (const listener of this.#listeners) listener();
				}
				return result;
			});
		this.#pending.set(chunk, next);
		return next;
	}
}
