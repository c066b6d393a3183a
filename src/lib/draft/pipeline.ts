/**
 * The draft engine's stages, in the order they run. Each reads the Doc, the article read once;
 * none goes back to the raw text. draft.ts turns the result into the story format.
 */
import { buildDoc, type Doc } from './doc/doc';
import { draftEvents, finishEvents, mergeTold, type EventDraft } from './events/draft-events';
import { joinHappenings } from './events/join';
import type { Gazetteer } from './gazetteer/gazetteer';
import { findDates } from './time/find-dates';
import { findPlaces, type PlaceMention } from './toponyms/toponyms';

export interface Drafted {
	doc: Doc;
	/** Every place name, resolved. */
	mentions: PlaceMention[];
	/** One per happening. */
	events: EventDraft[];
}

/** `published`: the publication day (days since 1970-01-01), which every relative date hangs on. */
export function runPipeline(article: string, published: number, gazetteer: Gazetteer): Drafted {
	// Words, sentences, quotations, dateline, and the tagger's people, dates and verbs.
	const doc = buildDoc(article);
	// Place names spotted, then each resolved in the article's context.
	const mentions = findPlaces(doc, gazetteer);
	// Dates, read against the publication day.
	const dates = findDates(doc.text, published);
	// Events as the sentences tell them, each at its happening's place and days.
	const told = draftEvents({ doc, published, mentions, dates });
	// Sentences about one happening become one event.
	const happenings = joinHappenings(told, gazetteer.contains, mergeTold);
	return { doc, mentions, events: finishEvents(happenings, published) };
}
