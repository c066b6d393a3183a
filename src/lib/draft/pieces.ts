/**
 * Drafting a long article in pieces. The engine's cost grows faster than the text (a 3.4 MB
 * article took 25 s whole), and one call gives no sign of life; cut at paragraph ends into
 * pieces of about 100 KB, it grows linearly and reports progress after each piece. Every excerpt
 * is a slice of a piece, so it is still verbatim in the article.
 */
import { freeId } from '../story/slug';
import { draftStory, type Draft, type DraftOptions, type DraftPlace } from './draft';
import type { Gazetteer } from './gazetteer/gazetteer';

export const PIECE_CHARS = 100_000;
/** The longest article the draft takes: 2.5 million characters, about 400,000 words. */
export const MAX_ARTICLE_CHARS = 2_500_000;

/** Cut points at paragraph ends, each piece at most about `size` characters. */
export function pieces(text: string, size = PIECE_CHARS): Array<{ start: number; end: number }> {
	const cuts: Array<{ start: number; end: number }> = [];
	let start = 0;
	while (start < text.length) {
		let end = Math.min(text.length, start + size);
		if (end < text.length) {
			// A blank line ends a paragraph; in hard-wrapped text a lone line break does not.
			const window = text.slice(start, end);
			let blank = -1;
			for (const match of window.matchAll(/\n[ \t\r]*\n/g))
				blank = start + match.index + match[0].length;
			const newline = text.lastIndexOf('\n', end);
			// A paragraph longer than a piece is cut at a sentence end, or where it must be.
			end =
				blank > start
					? blank
					: newline > start
						? newline + 1
						: Math.max(text.lastIndexOf('. ', end) + 2, start + size);
		}
		cuts.push({ start, end });
		start = end;
	}
	return cuts;
}

export function draftInPieces(
	article: string,
	options: DraftOptions,
	gazetteer: Gazetteer,
	onProgress: (done: number, total: number) => void = () => {}
): Draft {
	const cuts = pieces(article);
	if (cuts.length <= 1) {
		const draft = draftStory(article, options, gazetteer);
		onProgress(1, 1);
		return draft;
	}
	// The number of parts at once: the first piece takes seconds on a slow machine.
	onProgress(0, cuts.length);
	const places = new Map<string, DraftPlace>();
	const merged: Draft = { title: '', published: '', mentions: [], placesUsed: [], events: [] };
	const eventIds = new Set<string>();
	cuts.forEach(({ start, end }, index) => {
		const part = draftStory(article.slice(start, end), options, gazetteer);
		merged.published = part.published;
		if (index === 0) merged.title = part.title;
		// The same id for another place (Georgia the state in one piece, the country in another).
		const rename = new Map<string, string>();
		for (const place of part.placesUsed) {
			const known = places.get(place.id);
			const same =
				known &&
				known.coordinates[0] === place.coordinates[0] &&
				known.coordinates[1] === place.coordinates[1];
			if (same) continue;
			const id = known ? freeId(new Set(places.keys()), place.id) : place.id;
			rename.set(place.id, id);
			places.set(id, { ...place, id });
		}
		const idOf = (id: string) => rename.get(id) ?? id;
		for (const mention of part.mentions)
			merged.mentions.push({
				...mention,
				start: mention.start + start,
				end: mention.end + start,
				place: idOf(mention.place)
			});
		for (const event of part.events) {
			const id = freeId(eventIds, event.id);
			eventIds.add(id);
			merged.events.push({
				...event,
				id,
				place: idOf(event.place),
				places: event.places.map(idOf)
			});
		}
		onProgress(index + 1, cuts.length);
	});
	merged.placesUsed = [...places.values()];
	return merged;
}
