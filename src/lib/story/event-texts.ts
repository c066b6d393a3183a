/**
 * Where a story's words live, behind one interface the reader asks by row: in memory for a story
 * whose events came as objects (a GeoJSON story, a draft, the studio), fetched a chunk at a time for
 * a columnar one (text-chunks.ts). The panels never know which.
 */
import type { EventText } from './columnar/layout';

export type TextResult = { ok: true; text: EventText } | { ok: false; message: string };

export interface EventTexts {
	/** The words of row `row`, if they are here already. */
	peek(row: number): EventText | undefined;
	/** The words of row `row`, fetched if need be. */
	text(row: number): Promise<TextResult>;
	/** The words of these rows are about to be shown: fetch what is not here, once. */
	want(rows: Iterable<number>): void;
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

	/** Every word is here already. */
	want(): void {}
}
