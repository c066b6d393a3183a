/**
 * A story being made in the studio: the article, and the draft's places and events as the editor
 * reviews them. Plain data, so it saves to IndexedDB as it is; every edit is a pure function from
 * one project to the next, so the review's rules are tested without a browser.
 */
import type { Draft, MentionReading } from '../draft/draft';
import type { PlaceHit } from '../draft/search';
import { UNSURE_BELOW } from '../draft/toponyms/confidence';
import { parseIsoDate, toIsoDate } from '../story/dates';
import { freeId, slugify } from '../story/slug';
import type { EventRecord } from '../story/schema';
import type { DatasetFile, LonLat, Place, Story } from '../story/types';
import type { LastPublished } from './publish';

export type Review = 'proposed' | 'accepted' | 'rejected';

/**
 * Where the draft is not sure of a place: two readings of a name it could not tell apart ("London:
 * Ontario, or England?"), or one far from everything else the article names. What it chose and the
 * other readings, if any, for the editor to settle. Never exported.
 */
export interface Unsure {
	chosen: string;
	others: MentionReading[];
}

/** A place as the story format has it; the studio edits it in place. */
export type StudioPlace = Place & { unsure?: Unsure };

/** The places of a draft the draft is not sure of, with their other readings once each. */
function unsureOf(draft: Draft): Map<string, Unsure> {
	const found = new Map<string, Unsure>();
	for (const m of draft.mentions) {
		if (m.confidence >= UNSURE_BELOW) continue;
		let entry = found.get(m.place);
		if (!entry) found.set(m.place, (entry = { chosen: m.detail, others: [] }));
		for (const a of m.alternatives) {
			const same = (o: MentionReading) =>
				o.name === a.name && o.coordinates.join() === a.coordinates.join();
			if (!entry.others.some(same)) entry.others.push(a);
		}
	}
	return found;
}

/** A story event as the editor has it: its fields (story/schema.ts) with the dates as typed
 * (YYYY-MM-DD, so the validator can name a bad one at its field), a review verdict, and no point of
 * its own (its place's, on export). */
export type StudioEvent = EventRecord<string> & { review: Review };

/** The event's own fields, without the editor's verdict: what the story files publish. */
export function eventOf({ review: _review, ...fields }: StudioEvent): EventRecord<string> {
	return fields;
}

export interface StudioProject {
	version: 1;
	title: string;
	/** YYYY-MM-DD */
	published: string;
	/** An imported dataset's source file, named in the story's metadata. */
	datasetFile?: DatasetFile;
	article: string;
	places: StudioPlace[];
	events: StudioEvent[];
	/** A published story's last version, which the next one is compared with. */
	lastPublished?: LastPublished;
}

export const PROJECT_VERSION = 1;

export function fromDraft(draft: Draft, article: string): StudioProject {
	const unsureByPlace = unsureOf(draft);
	return {
		version: PROJECT_VERSION,
		title: draft.title,
		published: draft.published,
		article,
		places: draft.placesUsed.map((p) => {
			const unsure = unsureByPlace.get(p.id);
			return {
				...p,
				coordinates: [...p.coordinates] as LonLat,
				...(unsure ? { unsure } : {})
			};
		}),
		events: draft.events.map(({ exact: _exact, coordinates: _point, ...fields }) => ({
			...structuredClone(fields),
			review: 'proposed'
		}))
	};
}

/** A published story opened for editing: everything in it was accepted once already. */
export function fromStory(story: Story): StudioProject {
	return {
		version: PROJECT_VERSION,
		title: story.title,
		published: story.published === null ? '' : toIsoDate(story.published),
		...(story.datasetFile ? { datasetFile: { ...story.datasetFile } } : {}),
		article: story.article,
		places: story.places.map((p) => ({ ...p, coordinates: [...p.coordinates] as LonLat })),
		events: story.events.map(({ coordinates: _point, start, end, ...fields }) => ({
			...structuredClone(fields),
			start: toIsoDate(start),
			end: toIsoDate(end),
			review: 'accepted'
		}))
	};
}

function mapEvent(
	project: StudioProject,
	id: string,
	change: (e: StudioEvent) => StudioEvent
): StudioProject {
	return { ...project, events: project.events.map((e) => (e.id === id ? change(e) : e)) };
}

export function review(project: StudioProject, id: string, verdict: Review): StudioProject {
	return mapEvent(project, id, (e) => ({ ...e, review: verdict }));
}

/** Accepts every event still proposed; what the editor rejected stays rejected. */
export function acceptAll(project: StudioProject): StudioProject {
	return {
		...project,
		events: project.events.map((e) => (e.review === 'proposed' ? { ...e, review: 'accepted' } : e))
	};
}

export type EventEdit = Partial<Omit<StudioEvent, 'id'>>;

/**
 * A person's edit of an event. Setting its place or its date is no longer the draft's inference:
 * the mark goes, unless the same edit sets the marks itself.
 */
export function editEvent(project: StudioProject, id: string, edit: EventEdit): StudioProject {
	return mapEvent(project, id, (e) => {
		const next = { ...e, ...edit };
		// A place cannot also be one of the event's other places.
		next.places = next.places.filter((p) => p !== next.place);
		if (!('inferred' in edit)) {
			const dated = 'start' in edit || 'end' in edit || 'when' in edit;
			next.inferred = next.inferred.filter(
				(what) => !(what === 'date' && dated) && !(what === 'place' && 'place' in edit)
			);
		}
		return next;
	});
}

function unique<T>(values: Iterable<T>): T[] {
	return [...new Set(values)];
}

/**
 * The date several events of one happening share: the earliest single day the text fixes (a
 * stated date, not inferred), else the narrowest stated range, else the first event's. Never the
 * union: "met on Friday" and "this week" are Friday, not the week.
 */
function sharedDate(all: readonly StudioEvent[]): StudioEvent {
	const stated = all.filter((e) => !e.inferred.includes('date'));
	const width = (e: StudioEvent) =>
		(parseIsoDate(e.end) ?? Infinity) - (parseIsoDate(e.start) ?? -Infinity);
	const days = stated
		.filter((e) => e.start === e.end)
		.sort((a, b) => a.start.localeCompare(b.start));
	const ranges = [...stated].sort((a, b) => width(a) - width(b) || a.start.localeCompare(b.start));
	return days[0] ?? ranges[0] ?? all[0]!;
}

/**
 * Several events that tell one happening become the first of them: every excerpt, actor and place
 * they name, at the first's place, on the date they share (sharedDate). The others go.
 */
export function mergeEvents(project: StudioProject, ids: readonly string[]): StudioProject {
	const chosen = project.events.filter((e) => ids.includes(e.id));
	if (chosen.length < 2) return project;
	const [first, ...rest] = chosen as [StudioEvent, ...StudioEvent[]];
	const all = [first, ...rest];
	const date = sharedDate(all);
	const merged: StudioEvent = {
		...first,
		actors: unique(all.flatMap((e) => e.actors)),
		source: unique(all.flatMap((e) => e.source)),
		places: unique(all.flatMap((e) => [e.place, ...e.places])).filter((p) => p !== first.place),
		start: date.start,
		end: date.end,
		when: date.when,
		background: date.background,
		notes: all.flatMap((e) => e.notes),
		inferred: [
			...(first.inferred.includes('place') ? (['place'] as const) : []),
			...(date.inferred.includes('date') ? (['date'] as const) : [])
		]
	};
	if (date.planned) merged.planned = true;
	else delete merged.planned;
	const gone = new Set(rest.map((e) => e.id));
	return {
		...project,
		events: project.events.flatMap((e) =>
			e.id === first.id ? [merged] : gone.has(e.id) ? [] : [e]
		)
	};
}

/** An event resting on several excerpts becomes one event per excerpt, each to review again. */
export function splitEvent(project: StudioProject, id: string): StudioProject {
	const event = project.events.find((e) => e.id === id);
	if (!event || event.source.length < 2) return project;
	const taken = new Set(project.events.map((e) => e.id));
	const parts = event.source.map((excerpt, i) => {
		const partId = i === 0 ? event.id : freeId(taken, `${event.id}-${i + 1}`);
		taken.add(partId);
		return { ...event, id: partId, source: [excerpt], review: 'proposed' as const };
	});
	return { ...project, events: project.events.flatMap((e) => (e.id === id ? parts : [e])) };
}

export function movePlace(project: StudioProject, id: string, to: LonLat): StudioProject {
	const rounded: LonLat = [Number(to[0].toFixed(4)), Number(to[1].toFixed(4))];
	return {
		...project,
		places: project.places.map((p) => (p.id === id ? { ...p, coordinates: rounded } : p))
	};
}

export type PlaceEdit = Partial<Omit<StudioPlace, 'id'>>;

/** What settling a place takes from a reading: the draft's other reading or a search's hit. */
export type PlaceReading = Pick<MentionReading, 'name' | 'kind' | 'country' | 'coordinates'>;

/** A place found by name in the gazetteer, as a reading to settle a place with. */
export function hitReading(hit: PlaceHit): PlaceReading {
	return { name: hit.name, kind: hit.kind, country: hit.country, coordinates: [hit.lon, hit.lat] };
}

/**
 * The editor settles a place: with a reading (another of the draft's, or one found by name), the
 * place becomes that one (its name, kind, country and position); without, the draft's choice
 * stands. Either way its question is answered: it is no longer unsure.
 */
export function settlePlace(
	project: StudioProject,
	id: string,
	reading?: PlaceReading
): StudioProject {
	return {
		...project,
		places: project.places.map((p) => {
			if (p.id !== id) return p;
			const place: StudioPlace = { ...p };
			delete place.unsure;
			if (!reading) return place;
			const moved: StudioPlace = {
				...place,
				name: reading.name,
				kind: reading.kind,
				coordinates: [...reading.coordinates] as LonLat
			};
			if (reading.country) moved.country = reading.country;
			else delete moved.country;
			return moved;
		})
	};
}

export function editPlace(project: StudioProject, id: string, edit: PlaceEdit): StudioProject {
	return { ...project, places: project.places.map((p) => (p.id === id ? { ...p, ...edit } : p)) };
}

/** A new place, named by the editor; returns the project and the place's id. */
export function addPlace(
	project: StudioProject,
	place: Omit<StudioPlace, 'id'>
): { project: StudioProject; id: string } {
	const id = freeId(new Set(project.places.map((p) => p.id)), slugify(place.name, 'place'));
	return { project: { ...project, places: [...project.places, { ...place, id }] }, id };
}

/**
 * A new event at a place, as when the editor clicks the map. It starts accepted, since the editor
 * made it, but with no excerpt: the validator asks for the article's words before it can publish.
 */
export function addEvent(
	project: StudioProject,
	place: string,
	title = 'New event'
): { project: StudioProject; id: string } {
	const id = freeId(
		new Set(project.events.map((e) => e.id)),
		slugify(`${place} ${title}`, 'event')
	);
	const day = parseIsoDate(project.published) === null ? '' : project.published;
	const event: StudioEvent = {
		id,
		review: 'accepted',
		title,
		summary: title,
		category: 'statement',
		actors: [],
		start: day,
		end: day,
		when: '',
		place,
		places: [],
		source: [],
		background: false,
		notes: [],
		inferred: ['date']
	};
	return { project: { ...project, events: [...project.events, event] }, id };
}

export function counts(project: StudioProject): Record<Review, number> {
	const tally: Record<Review, number> = { proposed: 0, accepted: 0, rejected: 0 };
	for (const e of project.events) tally[e.review]++;
	return tally;
}
