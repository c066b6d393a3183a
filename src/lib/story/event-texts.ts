/**
 * Where a story's words live, behind one interface the reader asks by row: in memory for a story
 * whose events came as objects (a GeoJSON story, a draft, the studio), fetched a chunk at a time for
 * a columnar one (text-chunks.ts). The panels never know which.
 */
import type { ChunkResult } from './text-chunks';
import { CHUNK_SIZE, type EventText } from './columnar/layout';

export type TextResult = { ok: true; text: EventText } | { ok: false; message: string };

export interface EventTexts {
	/** The words of row `row`, if they are here already. */
	peek(row: number): EventText | undefined;
	/** The words of row `row`, fetched if need be. */
	text(row: number): Promise<TextResult>;
	/** Makes sure the chunk of CHUNK_SIZE rows numbered `chunk` is here (a list asks before it draws). */
	chunk(chunk: number): Promise<ChunkResult>;
	/** `listener` hears each time more words have arrived: what `peek` reads has changed. */
	listen(listener: () => void): void;
}

/** A story's words already in memory, one entry per row of its table. */
export class MemoryTexts implements EventTexts {
	constructor(private readonly texts: readonly EventText[]) {}

	peek(row: number): EventText | undefined {
		return this.texts[row];
	}

	text(row: number): Promise<TextResult> {
		const text = this.texts[row];
		return Promise.resolve(
			text ? { ok: true, text } : { ok: false, message: `has no text for row ${row + 1}.` }
		);
	}

	/** Words in memory never change: there is nothing to hear of. */
	listen(): void {}

	chunk(chunk: number): Promise<ChunkResult> {
		return Promise.resolve({
			ok: true,
			texts: this.texts.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE)
		});
	}
}
