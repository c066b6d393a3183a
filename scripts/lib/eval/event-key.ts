/**
 * The event key: the main events of LGL articles as one reader read them (lgl-event-key.json, with
 * the rules followed), and the draft's events scored against it. LGL itself has no events.
 *
 * A key event is where (a point and a radius in km), the window of days the text allows (inclusive,
 * YYYY-MM-DD) and the sentence that tells it. A draft event is at the happening when its point lies
 * within the radius and its days overlap the window; it is dated inside the window when its days
 * lie within it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Draft } from '../../../src/lib/draft/draft';
import { kmApart } from '../../../src/lib/geo/distance';
import { parseIsoDate } from '../../../src/lib/story/dates';

export interface KeyEvent {
	sentence: string;
	place: string;
	lat: number;
	lon: number;
	radiusKm: number;
	from: string;
	to: string;
	/** The rule followed, in the key's own words. */
	rule: string;
}

export interface KeyArticle {
	id: string;
	events: KeyEvent[];
}

export interface EventKey {
	rules: string[];
	articles: KeyArticle[];
}

export const EVENT_KEY_FILE = resolve(import.meta.dirname, 'lgl-event-key.json');

export function readEventKey(path = EVENT_KEY_FILE): EventKey {
	const key = JSON.parse(readFileSync(path, 'utf8')) as EventKey;
	for (const a of key.articles)
		for (const e of a.events)
			if (parseIsoDate(e.from) === null || parseIsoDate(e.to) === null || e.to < e.from)
				throw new Error(`${path}: article ${a.id} has a key event with a bad window`);
	return key;
}

export interface EventScore {
	articles: number;
	keyEvents: number;
	drafted: number;
	/** Key events with a draft event at their place whose days overlap the window. */
	found: number;
	/** Of those, key events with a draft event at their place dated inside the window. */
	insideWindow: number;
	/** Draft events at some key event of their article. */
	real: number;
	/** Draft events per found key event (1 is one event per happening). */
	perHappening: number;
}

/** Scores the drafts of the keyed articles (by id) against the key. */
export function scoreEvents(key: EventKey, drafts: ReadonlyMap<string, Draft>): EventScore {
	const score = { articles: 0, keyEvents: 0, drafted: 0, found: 0, insideWindow: 0, real: 0 };
	let matches = 0;
	for (const article of key.articles) {
		const draft = drafts.get(article.id);
		if (!draft) continue;
		score.articles++;
		score.drafted += draft.events.length;
		const real = new Set<number>();
		for (const k of article.events) {
			score.keyEvents++;
			const at = draft.events
				.map((e, i) => ({ e, i }))
				.filter(
					({ e }) =>
						kmApart([k.lon, k.lat], e.coordinates) <= k.radiusKm &&
						e.start <= k.to &&
						e.end >= k.from
				);
			if (at.length === 0) continue;
			score.found++;
			matches += at.length;
			if (at.some(({ e }) => e.start >= k.from && e.end <= k.to)) score.insideWindow++;
			for (const { i } of at) real.add(i);
		}
		score.real += real.size;
	}
	return { ...score, perHappening: score.found ? matches / score.found : 0 };
}

/** Events that end after the publication day and are not marked as planned. */
export function afterPublication(draft: Draft): number {
	return draft.events.filter((e) => !e.planned && e.end > draft.published).length;
}
