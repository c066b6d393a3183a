import { paragraphs } from './paragraphs';
import type { Place, StoryEvent } from './types';

/** A run of article text: the events whose excerpts cover it, and the place it names, if any. */
export interface ArticleSpan {
	text: string;
	events: string[];
	place: string | null;
}

export interface ArticleBlock {
	heading: boolean;
	spans: ArticleSpan[];
}

interface Interval {
	start: number;
	end: number;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The article cut into spans, so that the text can point at the map and the map at the text.
 * Each excerpt an event rests on marks the text it covers; each place's first mention in a
 * paragraph becomes a link to the place (every mention would flood the Tab order). Paragraphs and
 * subheadings follow the one rule of paragraphs.ts, so a hard-wrapped article reads as paragraphs.
 */
export function articleBlocks(story: {
	article: string;
	events: readonly StoryEvent[];
	places: readonly Place[];
}): ArticleBlock[] {
	const blocks: ArticleBlock[] = [];
	const cited: Array<Interval & { event: string }> = [];
	for (const event of story.events) {
		for (const excerpt of event.source) {
			const at = story.article.indexOf(excerpt);
			if (at >= 0) cited.push({ start: at, end: at + excerpt.length, event: event.id });
		}
	}
	// One matcher for every place name, longest first ("Washington DC" before "Washington"), built
	// once: a RegExp per place per line took 2.3 s for 5,000 places over 100 lines.
	const placeByName = new Map<string, string>();
	for (const place of story.places)
		if (!placeByName.has(place.name)) placeByName.set(place.name, place.id);
	const names = [...placeByName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
	const matcher =
		names.length > 0
			? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
			: null;
	for (const paragraph of paragraphs(story.article)) {
		const { start, end } = paragraph;
		const line = story.article.slice(start, end);
		const inside = cited
			.filter((c) => c.start < end && c.end > start)
			.map((c) => ({
				start: Math.max(c.start, start) - start,
				end: Math.min(c.end, end) - start,
				event: c.event
			}));
		const cuts = new Set([0, line.length, ...inside.flatMap((c) => [c.start, c.end])]);
		const mentions: Array<Interval & { place: string }> = [];
		const seen = new Set<string>();
		for (const match of matcher ? line.matchAll(matcher) : []) {
			const place = placeByName.get(match[0]);
			if (!place || seen.has(place)) continue;
			seen.add(place);
			const mention = { start: match.index, end: match.index + match[0].length, place };
			// A link cut in two by an excerpt's edge would read as two links: leave that one out.
			const straddles = [...cuts].some((cut) => cut > mention.start && cut < mention.end);
			if (!straddles) mentions.push(mention);
		}
		for (const m of mentions) cuts.add(m.start).add(m.end);
		const points = [...cuts].sort((a, b) => a - b);
		const spans: ArticleSpan[] = [];
		for (let i = 0; i < points.length - 1; i++) {
			const [a, b] = [points[i]!, points[i + 1]!];
			if (a === b) continue;
			spans.push({
				text: line.slice(a, b),
				events: [...new Set(inside.filter((c) => c.start <= a && c.end >= b).map((c) => c.event))],
				place: mentions.find((m) => m.start === a && m.end === b)?.place ?? null
			});
		}
		blocks.push({ heading: paragraph.heading, spans });
	}
	return blocks;
}
