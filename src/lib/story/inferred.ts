import type { Inferable } from './schema';

/** What the reader is told when the article leaves an event's place or dates unsaid. */
export function inferredNote(inferred: readonly Inferable[], placeName: string): string {
	const place = inferred.includes('place');
	const date = inferred.includes('date');
	if (place && date)
		return `the article gives neither place nor date. It is shown at ${placeName}, and across the days its other facts allow, by the story's editors.`;
	if (place)
		return `the article does not say where this happened. It is shown at ${placeName} by the story's editors.`;
	if (date)
		return 'the article does not date this. The dates shown are the range its other facts allow.';
	return '';
}
