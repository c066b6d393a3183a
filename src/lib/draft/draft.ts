/**
 * The draft engine's entry point: an article and its publication date in, a draft story out.
 * Pure and synchronous (no DOM, no I/O), so it runs the same in the studio, in a Web Worker
 * (see draft-handler.ts) and in the Node scripts. The stages run in pipeline.ts; this turns what
 * they find into the story format: place ids, the places used, events with their excerpts.
 */
import { parseIsoDate, toIsoDate } from '../story/dates';
import type { EventRecord } from '../story/schema';
import type { LonLat, Place } from '../story/types';
import type { PlaceKind } from '../story/schema';
import { runPipeline } from './pipeline';
import type { Gazetteer, GazetteerPlace, NameType } from './gazetteer/gazetteer';
import { freeId, slugify } from '../story/slug';
import { describePlace } from './search';
import { mondayOf } from './time/find-dates';

/** A reading of a place name: the place as the story format has it. */
export interface MentionReading {
	name: string;
	/** What it is for a reader, to tell it from others of its name: "city in Ontario, CA". */
	detail: string;
	kind: PlaceKind;
	/** ISO 3166-1 alpha-2, "" for seas and unassigned regions. */
	country: string;
	coordinates: LonLat;
}

/** One place name in the article, as the CLI's `mentions` and the studio have it. */
export interface DraftMention extends MentionReading {
	/** The words as the article writes them: article.slice(start, end). */
	text: string;
	start: number;
	end: number;
	/** The place's id in the draft. */
	place: string;
	type: NameType;
	/** 0–1: how far the chosen reading leads the next one. */
	confidence: number;
	/** The other readings close enough to ask about ("London: Ontario, or England?"). */
	alternatives: MentionReading[];
}

/** A place the draft's events use, as the story format has it. */
export type DraftPlace = Place;

/** An event with the story format's fields (schema.ts, dates as YYYY-MM-DD), plus what the draft
 * had to infer, whether the text fixes a single day, and its point. A draft has no notes and no
 * source row. */
export type DraftEvent = Omit<EventRecord<string>, 'notes' | 'row'> & {
	notes: [];
	exact: boolean;
	coordinates: LonLat;
};

export interface Draft {
	title: string;
	published: string;
	/** Every place name found, including those no event uses. */
	mentions: DraftMention[];
	/** The places the events use. */
	placesUsed: DraftPlace[];
	events: DraftEvent[];
}

export interface DraftOptions {
	/** YYYY-MM-DD */
	published: string;
	title?: string;
}

const MAX_SUMMARY = 600;

export function draftStory(article: string, options: DraftOptions, gazetteer: Gazetteer): Draft {
	const published = parseIsoDate(options.published);
	if (published === null) throw new Error(`"${options.published}" is not a date (YYYY-MM-DD)`);
	const { doc, mentions, events: drafted } = runPipeline(article, published, gazetteer);

	// One id per gazetteer place, named as the article names it ("St Petersburg", "Washington").
	const ids = new Map<GazetteerPlace, { id: string; name: string }>();
	const taken = new Set<string>();
	const written = new Map<GazetteerPlace, string>();
	for (const m of mentions) {
		// As written, unless shouted: "KRYVYI RIH" in a caps headline is Kryvyi Rih.
		if (
			(m.type === 'name' || m.type === 'alias') &&
			!written.has(m.place) &&
			/\p{Ll}/u.test(m.name)
		)
			written.set(m.place, m.name);
	}
	const idOf = (place: GazetteerPlace) => {
		let known = ids.get(place);
		if (!known) {
			const name = written.get(place) ?? place.name;
			let id = slugify(name, 'place');
			if (taken.has(id))
				id = freeId(taken, slugify(`${name} ${place.country || place.kind}`, 'place'));
			taken.add(id);
			ids.set(place, (known = { id, name }));
		}
		return known;
	};

	const used = new Map<string, DraftPlace>();
	const use = (place: GazetteerPlace) => {
		const { id, name } = idOf(place);
		if (!used.has(id)) {
			used.set(id, {
				id,
				name,
				kind: place.kind,
				...(place.country ? { country: place.country } : {}),
				coordinates: [place.lon, place.lat]
			});
		}
		return id;
	};

	const weekStart = mondayOf(published);
	const eventIds = new Set<string>();
	const events: DraftEvent[] = drafted.map((e) => {
		const place = use(e.main.place);
		const id = freeId(eventIds, slugify(`${place} ${e.category}`, 'event'));
		eventIds.add(id);
		const source = [...new Set(e.source.map((s) => article.slice(s.start, s.end)))];
		// The summary reads as one paragraph, wrapped or not: the flowed words of the first excerpt.
		const first = e.source[0] ? doc.text.slice(e.source[0].start, e.source[0].end) : e.title;
		return {
			id,
			title: e.title,
			summary: first.length > MAX_SUMMARY ? `${first.slice(0, MAX_SUMMARY - 1)}…` : first,
			category: e.category,
			actors: e.actors,
			start: toIsoDate(e.startDay),
			end: toIsoDate(e.endDay),
			when: e.when,
			place,
			places: e.others.map((m) => use(m.place)).filter((id) => id !== place),
			source,
			// Before the week of publication (Monday to the publication day), as geodata/README.md.
			background: !e.planned && e.endDay < weekStart,
			...(e.planned ? { planned: true } : {}),
			notes: [],
			inferred: e.inferred,
			exact: e.exact,
			coordinates: [e.main.place.lon, e.main.place.lat]
		};
	});

	return {
		title: options.title?.trim() || events[0]?.title || 'Draft story',
		published: toIsoDate(published),
		// Seats of power ("the Kremlin", "NATO") place the events told there, but are institutions,
		// not place names.
		mentions: mentions
			.filter((m) => m.type !== 'seat')
			.map((m) => ({
				text: article.slice(m.start, m.end),
				start: m.start,
				end: m.end,
				place: idOf(m.place).id,
				...reading(m.place),
				name: idOf(m.place).name,
				type: m.type,
				confidence: m.confidence,
				alternatives: m.alternatives.map(reading)
			})),
		placesUsed: [...used.values()],
		events
	};
}

function reading(place: GazetteerPlace): MentionReading {
	return {
		name: place.name,
		detail: describePlace(place),
		kind: place.kind,
		country: place.country,
		coordinates: [place.lon, place.lat]
	};
}
