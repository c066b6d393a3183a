/**
 * Turns sentences, place mentions and dates into draft events.
 *
 * The unit of reading is the sentence, cut further where it tells two things at two times
 * ("meetings in Saudi Arabia in February — their first since the invasion of Ukraine in February
 * 2022") or dates an aside between dashes ("Kryvyi Rih — the site of a missile attack earlier
 * this month —"). Each unit gets a location: the place that is where it happened, not one that
 * is talked about ("the war in Ukraine"), quoted, or only an adjective ("Russian troops"). For a
 * statement, the place is the speaker's ("The British outlet quoted…"), not the places in what
 * was said.
 *
 * Units then join into events, in reading order:
 * - a unit with no place and no date of its own continues the event before it (same paragraph),
 *   unless a new paragraph starts a different kind of happening;
 * - a unit with a date but no place dates or narrows the event before it ("The April 4 strike
 *   killed 19" after "a missile attack earlier this month");
 * - "the meeting", "the talks" continue the event they refer to even where a new place speaks
 *   ("The Kremlin confirmed that the meeting…");
 * - otherwise a new place or a date that does not overlap starts a new event.
 * A new event with no place of its own takes it from the person it is about (where that person
 * was last placed), from the event its words refer back to, or from the event before, and says
 * so in `inferred`. One with no date gets the honest range "this year up to publication".
 * The join stage (join.ts, run by pipeline.ts) then joins events of one happening told apart.
 */
import type { Category, Inferable } from '../../story/schema';
import { actorIndex, creditSpans, groupActor, pronounLed } from '../actors/actors';
import { keywordCategory, SPEECH_VERB } from './categories';
import { LOCATIVES } from '../lexicon/words';
import { covers, type Doc, type Span } from '../doc/doc';
import type { PlaceMention } from '../toponyms/toponyms';
import { isProminent } from '../toponyms/spot';
import { FUTURE, type DateMention } from '../time/find-dates';
import type { Sentence } from '../sentences';
import { inSpans } from '../text';
import { headlineVerbs, isKindTitle, titleFor } from './title';

/** What the article leaves unsaid: the story format's own list. */
export type Inferred = Inferable;

export interface EventDraft {
	category: Category;
	title: string;
	actors: string[];
	startDay: number;
	endDay: number;
	exact: boolean;
	when: string;
	/** The mention the event is located at. */
	main: PlaceMention;
	others: PlaceMention[];
	/** Verbatim excerpts, in reading order. */
	source: Array<{ start: number; end: number }>;
	inferred: Inferred[];
	/** Still to come at publication ("will meet on Monday"): dated only by the text's own date. */
	planned: boolean;
}

interface Unit {
	start: number;
	end: number;
	sentence: Sentence;
	/** A dated aside between dashes or brackets. */
	aside: boolean;
	mentions: PlaceMention[];
	dates: DateMention[];
	/** Text without quotations (and without dated asides), for keywords; same length as the unit. */
	plain: string;
	/** Keywords of the whole sentence, for a unit cut from it. */
	sentencePlain: string;
}

interface Scored {
	mention: PlaceMention;
	score: number;
}

interface Located {
	main: PlaceMention | undefined;
	score: number;
	/** Mentions that can locate an event (score 2 and above), with their scores. */
	strong: Scored[];
}

// Nouns after which "of X" is where ("hometown of Kryvyi Rih", "invasion of Ukraine").
const PLACE_OF =
	/\b(?:hometown|home town|city|town|village|capital|region|port|outskirts|centre|center|site|invasion|suburbs?|province|streets|heart|north|south|east|west|parts?)\s+of\s+(?:the\s+)?$/i;
const WEAK_LOCATIVES = new Set(['from', 'via', 'towards', 'toward']);
// Verbs whose object is a place they happened at.
const PLACE_VERBS = new Set(
	'visited visiting visit struck hit attacked bombed shelled invaded entered reached left toured'.split(
		' '
	)
);
// "the war in Ukraine", "partition of Ukraine": a subject of talk, not a location.
const TOPIC_BEFORE =
	/\b(?:war|conflict|crisis|peace|settlement|partition|partitioning|sovereignty|future|policy|relations)\s+(?:in|of|for|over|with|on)\s+(?:the\s+)?$/i;
// "Ukraine envoy", "Russia policy": a place as an attribute.
const TOPIC_AFTER = /^\s+(?:envoy|policy|war|conflict|crisis|peace|question|issue|file|desk)\b/;
// "Winchester Avenue", "the Thompson River": a street, water or land named after a town (the
// gazetteer's town, which a geoparser still tags) is not where in that town something happened.
const FEATURE_AFTER =
	/^\s+(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane|Drive|Highway|Pike|River|Creek|Lake|Bay|Valley|Canyon|Falls|Reservoir|Mountains?|Island|Forest)\b/;
// "aid to Ukraine": a recipient, not a location.
const RECIPIENT_BEFORE =
	/\b(?:aid|support|help|assistance|weapons|money|funds|funding|loans?|pledges?|sanctions|package|message|letter)\s+(?:\S+\s+){0,2}to\s+(?:the\s+)?$/i;

const DISTANCE_OF =
	/\d[\d,.]*\s*(?:km|kilometres|kilometers|miles|mi|metres|meters|m)\s+(?:\S+\s+)?(?:of|from)\s+(?:the\s+)?$/i;
const ORIGIN_BEFORE =
	/\b(?:man|woman|men|women|boy|girl|teenager|teen|resident|native|person|family|couple|driver|\d+-year-old)\s+(?:from|of)\s+(?:the\s+)?$/i;
// "told reporters in Mombasa", "said in Geneva": where the speaker spoke.
const SPOKEN_AT =
	/^\s*(?:(?:reporters|journalists|lawmakers|legislators|parliament|supporters|delegates|an?\s+\S+|the\s+\S+)\s+)?(?:in|at)\s+(?:the\s+)?$/i;

function spokenAt(text: string, m: PlaceMention, speechEnd: number): boolean {
	return speechEnd >= 0 && m.start >= speechEnd && SPOKEN_AT.test(text.slice(speechEnd, m.start));
}

const ANAPHOR =
	/\b(?:the|this|that|these|those|its|their)\s+(?:latest\s+|recent\s+|earlier\s+|same\s+)?(meeting|talks|discussions|summit|strike|attack|bombing|blast|explosion|exchange|swap|visit|trip|package|pledge|fire|blaze|crash|collision|accident)\b/i;
const ANAPHOR_CATEGORY: Record<string, Category> = {
	meeting: 'meeting',
	talks: 'meeting',
	discussions: 'meeting',
	summit: 'meeting',
	strike: 'strike',
	attack: 'strike',
	bombing: 'strike',
	blast: 'strike',
	explosion: 'strike',
	exchange: 'exchange',
	swap: 'exchange',
	visit: 'visit',
	trip: 'visit',
	package: 'aid',
	pledge: 'aid',
	fire: 'fire',
	blaze: 'fire',
	crash: 'accident',
	collision: 'accident',
	accident: 'accident'
};

/** "King's Daughters Medical Center": a small town's name in an institution's, neither where
 * nor who. */
function inInstitutionName(text: string, m: PlaceMention): boolean {
	return (
		m.possessive && !isProminent(m.place) && /^['’]s\s+\p{Lu}/u.test(text.slice(m.end, m.end + 4))
	);
}

/** How strongly a mention says "this happened here". 2 and above can locate an event. */
function locationScore(
	text: string,
	m: PlaceMention,
	unit: Unit,
	speechAt: number,
	speechEnd: number
): number {
	if (m.quoted) return -Infinity;
	let score = m.type === 'demonym' ? 0.5 : m.place.kind === 'country' ? 3 : 3.5;
	if (m.possessive) score -= 0.5;
	const lead = text.slice(Math.max(unit.sentence.start, m.start - 60), m.start);
	const locative = LOCATIVES.has(m.before) || PLACE_VERBS.has(m.before) || PLACE_OF.test(lead);
	// "from Alabama" says where someone came from, less where it happened.
	const weight = WEAK_LOCATIVES.has(m.before) ? 1 : 2.5;
	if (locative && !RECIPIENT_BEFORE.test(lead) && m.type !== 'demonym') score += weight;
	if (speechAt >= 0) score += m.start < speechAt || spokenAt(text, m, speechEnd) ? 1.5 : -1.5;
	// A continent, or a region across countries, is too wide to say where a thing happened.
	const wide = m.place.level === 'continent' || (m.place.kind === 'region' && !m.place.country);
	if (
		wide ||
		TOPIC_BEFORE.test(lead) ||
		TOPIC_AFTER.test(text.slice(m.end, m.end + 12)) ||
		FEATURE_AFTER.test(text.slice(m.end, m.end + 12)) ||
		inInstitutionName(text, m) ||
		// "50 kilometres north of Mombasa", "a man from Bradford": a reference point, a home.
		DISTANCE_OF.test(lead) ||
		ORIGIN_BEFORE.test(lead)
	) {
		score = Math.min(score, 1);
	}
	return score;
}

/**
 * `statement`: the unit tells only that something was said, so a place in what was said ("the town
 * would ask the state library in Raleigh") is not where it happened, unless what was said has a
 * date of its own; where a strike is reported ("officials said a bomb exploded in Kabul") it is.
 */
function locate(text: string, unit: Unit, statement: boolean): Located {
	const speech = SPEECH_VERB.exec(unit.plain);
	// Where the speaker is: mentions before the verb of saying, if there are any. (`plain` has
	// the unit's length, quotes blanked, so its offsets are the unit's.)
	const speechAt = speech ? unit.start + speech.index : -1;
	const speechEnd = speech ? speechAt + speech[0].length : -1;
	// What was said dates a happening of its own ("storms would reach Texas next week"): its
	// place stands.
	const reported = statement && speechAt >= 0 && !unit.dates.some((d) => d.start >= speechEnd);
	const unquoted = unit.mentions.filter(
		(m) => !m.quoted && !(reported && m.start >= speechEnd && !spokenAt(text, m, speechEnd))
	);
	const subject =
		speechAt >= 0 ? unquoted.filter((m) => m.start < speechAt || spokenAt(text, m, speechEnd)) : [];
	const candidates = subject.length ? subject : unquoted;
	let main: PlaceMention | undefined;
	let best = -Infinity;
	const strong: Scored[] = [];
	for (const m of unquoted) {
		const score = locationScore(text, m, unit, speechAt, speechEnd);
		if (score >= 2) strong.push({ mention: m, score: candidates.includes(m) ? score : score - 2 });
		if (candidates.includes(m) && score > best) {
			best = score;
			main = m;
		}
	}
	return { main, score: best, strong };
}

/** text[start, end) with the parts inside `spans` turned to spaces (the length is kept). */
function blank(text: string, start: number, end: number, spans: readonly Span[]) {
	const chars = text.slice(start, end).split('');
	for (const [s, e] of spans) {
		for (let i = Math.max(s, start); i < Math.min(e, end); i++) chars[i - start] = ' ';
	}
	return chars.join('');
}

/** Dashes or brackets around an aside: " — … — ", " – … – ", "(…)". */
function asides(text: string, start: number, end: number): Array<[number, number]> {
	const body = text.slice(start, end);
	const found: Array<[number, number]> = [];
	for (const match of body.matchAll(/\s[—–]\s([^—–]+?)\s[—–]\s|\(([^()]+)\)/g)) {
		const inner = match[1] ?? match[2]!;
		const at = start + match.index + match[0].indexOf(inner);
		found.push([at, at + inner.length]);
	}
	return found;
}

/** The clause around [from, to): out to the nearest comma, dash or semicolon inside [min, max). */
function clause(
	text: string,
	from: number,
	to: number,
	min: number,
	max: number
): [number, number] {
	let s = from;
	while (s > min && !/[,;—–(]/.test(text[s - 1]!)) s--;
	let e = to;
	while (e < max && !/[;—–)]/.test(text[e]!)) e++;
	while (s < e && /[\s,;—–(]/.test(text[s]!)) s++;
	while (e > s && /[\s,;—–(]/.test(text[e - 1]!)) e--;
	return [s, e];
}

function sameRange(a: DateMention, b: DateMention) {
	return a.startDay === b.startDay && a.endDay === b.endDay;
}

/** Splits a sentence into units: dated asides, and one unit per distinct date otherwise. */
function unitsOf(
	text: string,
	sentence: Sentence,
	mentions: PlaceMention[],
	dates: DateMention[],
	quotes: readonly Span[]
): Unit[] {
	const within = <T extends { start: number }>(list: T[], s: number, e: number) =>
		list.filter((x) => x.start >= s && x.start < e);
	const cut: Span[] = [];
	const make = (
		s: number,
		e: number,
		aside: boolean,
		ms: PlaceMention[],
		ds: DateMention[]
	): Unit => ({
		start: s,
		end: e,
		sentence,
		aside,
		mentions: ms,
		dates: ds,
		plain: blank(text, s, e, aside ? quotes : [...quotes, ...cut].sort((a, b) => a[0] - b[0])),
		sentencePlain: blank(text, sentence.start, sentence.end, quotes)
	});
	const anchoring = within(dates, sentence.start, sentence.end).filter(
		(d) => d.anchoring && !inSpans(quotes, d.start)
	);
	const units: Unit[] = [];
	let restMentions = within(mentions, sentence.start, sentence.end);
	let restDates = anchoring;
	for (const [s, e] of asides(text, sentence.start, sentence.end)) {
		const ds = within(anchoring, s, e);
		if (!ds.length) continue;
		let ms = within(mentions, s, e);
		// An aside describes the place just before it: "Kryvyi Rih — the site of…".
		const head = restMentions.filter((m) => m.end <= s && s - m.end <= 4).pop();
		if (head && !ms.some((m) => m.type !== 'demonym')) ms = [head, ...ms];
		units.push(make(s, e, true, ms, ds));
		cut.push([s, e]);
		restMentions = restMentions.filter((m) => !(m.start >= s && m.start < e));
		restDates = restDates.filter((d) => !ds.includes(d));
	}
	const distinct = restDates.filter((d, i) => restDates.findIndex((o) => sameRange(o, d)) === i);
	if (distinct.length <= 1) {
		units.unshift(make(sentence.start, sentence.end, false, restMentions, restDates));
		return units;
	}
	// Several dates: each place goes with the nearest date, across commas but hardly across
	// dashes or semicolons.
	const groups = distinct.map((d) => ({ date: d, mentions: [] as PlaceMention[] }));
	const cost = (m: PlaceMention, d: DateMention) => {
		const [a, b] = m.end <= d.start ? [m.end, d.start] : [d.end, m.start];
		const between = text.slice(Math.min(a, b), Math.max(a, b));
		return Math.abs(b - a) + 60 * (between.match(/[—–;]/g)?.length ?? 0);
	};
	for (const m of restMentions) {
		let best = groups[0]!;
		for (const g of groups) if (cost(m, g.date) < cost(m, best.date)) best = g;
		best.mentions.push(m);
	}
	groups.sort((a, b) => a.date.start - b.date.start);
	groups.forEach((g, i) => {
		const items = [g.date.start, g.date.end, ...g.mentions.flatMap((m) => [m.start, m.end])];
		const min = i === 0 ? sentence.start : groups[i - 1]!.date.end;
		const max = i === groups.length - 1 ? sentence.end : groups[i + 1]!.date.start;
		const lo = Math.max(min, Math.min(...items));
		const hi = Math.min(max, Math.max(...items));
		const [s, e] = clause(text, lo, hi, min, max);
		const dates = restDates.filter((d) => sameRange(d, g.date));
		units.push(make(s, Math.max(e, s + 1), false, g.mentions, dates));
	});
	return units.sort((a, b) => a.start - b.start);
}

/** An event as told sentence by sentence, with what the join stage and the merge read. */
export interface ToldEvent extends EventDraft {
	section: number;
	/** Its first sentence, what its first words refer back to, and whether they open on a
	 * pronoun: for the join stage. */
	sentence: number;
	refersTo: Category | undefined;
	pronounLed: boolean;
	paragraph: number;
	/** Located mentions with their scores, to re-pick the main place as sources join. */
	scored: Scored[];
	dateMention: DateMention | undefined;
	persons: string[];
	/** Groups the event's words name ("Police"), for when no one is named. */
	groups: string[];
}

export interface DraftEventsInput {
	/** The article read once: its flowed text, sentences, quotations, people and dateline. */
	doc: Doc;
	published: number;
	mentions: PlaceMention[];
	dates: DateMention[];
}

/**
 * The first day an undated event may fall on. News reports what just happened: the lead (its first
 * paragraphs, in the present perfect or the past with no date) is the publication day or the day
 * before, and anything else undated is the week up to publication, never the year to date.
 */
export function undatedStart(published: number, lead: boolean): number {
	return lead ? published - 1 : published - 6;
}

/** Paragraphs of a headline, a standfirst and the first news paragraph. */
const LEAD_PARAGRAPHS = 2;

/**
 * Whether a paragraph is the lead: the first LEAD_PARAGRAPHS + 1, or the first news paragraph and
 * the one after where a byline comes first, however its lines were pasted ("By Jane Doe\nStaff
 * Writer" is one paragraph or two).
 */
function isLead(paragraph: number, firstNews: number): boolean {
	return paragraph <= Math.max(LEAD_PARAGRAPHS, firstNews + 1);
}

/** Events sentence by sentence, each unit joined to the one before where it goes on with it. */
export function draftEvents({ doc, published, mentions, dates }: DraftEventsInput): ToldEvent[] {
	const { text, sentences, quotes, dateline } = doc;
	const headings = sentences.filter((s) => s.heading).map((s) => [s.start, s.end] as const);
	const placeSpans = mentions.map((m) => [m.start, m.end] as const);
	// The dateline and its agency ("TOKYO (Reuters) -") name no actor.
	const agency = dateline ? /^\s*\([^)]*\)/.exec(text.slice(dateline[1])) : null;
	const datelineSpan: Span[] = dateline
		? [[dateline[0], dateline[1] + (agency?.[0].length ?? 0)]]
		: [];
	const actors = actorIndex(doc, [...headings, ...placeSpans, ...datelineSpan]);
	const verbs = headlineVerbs(doc);
	const placeNames = new Set(
		mentions.filter((m) => m.type !== 'seat').map((m) => text.slice(m.start, m.end))
	);
	// People, not bodies: whose surname the tagger knows ("Putin", not "Commissioners").
	const isPerson = (name: string) =>
		doc.surnames.has(
			name
				.split(' ')
				.at(-1)!
				.replace(/['’]s?$/, '')
				.toLowerCase()
		);
	/** The person last named: who "he" is in a title. */
	let lastNamed: string | undefined;
	// Bylines and credits are no event's words.
	const credits = creditSpans(text);
	const datelineMention = dateline
		? mentions.find((m) => m.start >= dateline[0] && m.end <= dateline[1])
		: undefined;
	const events: ToldEvent[] = [];
	/** Where each person was last placed by a sentence that names both. */
	const lastSeen = new Map<string, PlaceMention>();
	let cur: ToldEvent | undefined;
	let lastPerson: string | undefined;

	const units = sentences
		.filter((s) => !s.heading)
		.flatMap((s) => unitsOf(text, s, mentions, dates, quotes));

	const news = units.find(
		(u) => !(covers(credits, u.start, u.end) && creditOnly(text, u, credits))
	);
	const firstNews = news?.sentence.paragraph ?? 0;

	for (const unit of units) {
		if (covers(credits, unit.start, unit.end) && creditOnly(text, unit, credits)) continue;
		const partial = unit.start > unit.sentence.start || unit.end < unit.sentence.end;
		const category =
			keywordCategory(unit.plain) ?? (partial ? keywordCategory(unit.sentencePlain) : null);
		const located = locate(text, unit, category === 'statement');
		// A town the article names as a place is not who acted ("Bethel Mayor Robert Poole").
		const persons = actors.actorsIn(unit.start, unit.end).filter((a) => !placeNames.has(a));
		const seats = unit.mentions
			.filter(
				(m) => !m.quoted && (m.type === 'seat' || m.possessive) && !inInstitutionName(text, m)
			)
			.map((m) => (m.type === 'seat' ? m.name : m.place.name));
		const date = unit.dates[0];
		// Ahead of publication: a date still to come, or (undated) the speaker's own clause in the
		// future tense ("Talks will resume in Geneva", not "Officials said talks will resume").
		const speech = SPEECH_VERB.exec(unit.plain);
		const planned = date
			? date.ahead
			: FUTURE.test(speech ? unit.plain.slice(0, speech.index) : unit.plain);
		const strongPlace = located.score >= 2 ? located.main : undefined;
		const sameSection = cur !== undefined && cur.section === unit.sentence.section;
		const sameParagraph = cur !== undefined && cur.paragraph === unit.sentence.paragraph;
		const anaphor = ANAPHOR.exec(unit.plain);
		const refersTo = anaphor ? ANAPHOR_CATEGORY[anaphor[1]!.toLowerCase()] : undefined;
		const cue = category !== null || date !== undefined || SPEECH_VERB.test(unit.plain);

		const join = (event: ToldEvent) => {
			// A title of only a kind and a place gives way to the first sentence that makes one.
			if (event.source.length && isKindTitle(event.title)) {
				const better = unitTitle(unit, event.main, event.category, persons, event.inferred);
				if (!isKindTitle(better)) event.title = better;
			}
			event.source.push({ start: unit.start, end: unit.end });
			event.paragraph = unit.sentence.paragraph;
			for (const a of [...persons, ...seats]) if (!event.actors.includes(a)) event.actors.push(a);
			for (const p of persons) if (!event.persons.includes(p)) event.persons.push(p);
			const group = groupActor(unit.plain);
			if (group && !event.groups.includes(group)) event.groups.push(group);
			event.scored.push(...located.strong);
			// What is still to come never dates what has happened.
			if (date && (!date.ahead || event.planned)) narrow(event, date);
			repick(event);
		};

		let target: ToldEvent | undefined;
		// A happening still to come is an event of its own, not a date for the one before.
		if (cur && !unit.aside && !(date?.ahead && !cur.planned)) {
			const overlaps =
				date !== undefined && date.startDay <= cur.endDay && date.endDay >= cur.startDay;
			const undated = cur.inferred.includes('date');
			const samePlace = strongPlace !== undefined && strongPlace.place === cur.main.place;
			// A date inside the event's range may move from a city to its country ("returned to
			// the United States on Thursday" after "between Washington and Moscow").
			const within =
				date !== undefined && date.startDay >= cur.startDay && date.endDay <= cur.endDay;
			const near = strongPlace !== undefined && sameLocation(strongPlace, cur.main);
			if (!strongPlace && !date) {
				// A new paragraph goes on with the event when it tells no new kind of thing about
				// the same people ("Kellogg denied making such a proposal.").
				const samePeople =
					persons.length === 0 ||
					pronounLed(unit.plain) ||
					persons.some((p) => recentPersons(unit.sentence.section).has(p));
				const goesOn = !cue || (category === cur.category && samePeople);
				if (sameParagraph || (sameSection && goesOn)) target = cur;
				// "Officials said the attack bore the hallmarks of…": more on the happening the
				// section leads with, even after an aside on an earlier one.
				else if (refersTo && sameSection)
					target = events.find(
						(e) => e.section === unit.sentence.section && e.category === refersTo
					);
			} else if (!strongPlace && date) {
				// A new kind of happening the text dates apart ("A man was arrested on Sunday" after
				// "Police said…") is an event of its own.
				const newKind = category !== null && category !== 'statement' && category !== cur.category;
				if (
					sameSection &&
					((undated && sameParagraph && !newKind) ||
						(!undated && overlaps && (sameParagraph || within)))
				)
					target = cur;
			} else if (strongPlace && !date) {
				if (samePlace && (sameParagraph || sameSection)) target = cur;
				else if (refersTo === cur.category && sameSection) target = cur;
			} else if (strongPlace && date) {
				if (sameSection && ((samePlace && overlaps && sameParagraph) || (near && within)))
					target = cur;
			}
		}
		if (target) {
			join(target);
			cur = target;
		} else if ((cue || strongPlace) && !describesPlace(text, unit) && !(planned && !date)) {
			// A plan the text does not date is not drafted: a default date would put it in the past.
			let main = strongPlace;
			const inferred: Inferred[] = [];
			if (!main) {
				// The dateline is where the lead happened, and where a statement with no place
				// of its own was made.
				const lead = isLead(unit.sentence.paragraph, firstNews) && events.length === 0;
				main =
					(lead ? datelineMention : undefined) ??
					inherit(unit, persons, refersTo) ??
					(speech ? datelineMention : undefined) ??
					located.main;
				if (!main) continue;
				inferred.push('place');
			}
			const event: ToldEvent = {
				category: category ?? 'diplomacy',
				title: unitTitle(unit, main, category ?? 'diplomacy', persons, inferred),
				actors: [],
				startDay: date
					? date.startDay
					: undatedStart(published, isLead(unit.sentence.paragraph, firstNews)),
				endDay: date ? date.endDay : published,
				exact: date ? date.exact : false,
				when: date ? date.text : 'not stated',
				main,
				others: [],
				source: [],
				inferred: date ? inferred : [...inferred, 'date'],
				planned,
				section: unit.sentence.section,
				sentence: unit.sentence.start,
				refersTo,
				pronounLed: pronounLed(unit.plain),
				paragraph: unit.sentence.paragraph,
				scored: strongPlace ? [] : [{ mention: main, score: 2 }],
				dateMention: date,
				persons: [],
				groups: []
			};
			join(event);
			events.push(event);
			cur = event;
		}
		// Remember where people were: a person named with a place of their own is there.
		if (strongPlace) for (const p of persons) lastSeen.set(p, strongPlace);
		const named = persons.filter((p) => /\s/.test(p) || /^\p{Lu}\p{Ll}+$/u.test(p));
		if (named.length) lastPerson = named[named.length - 1];
		const people = persons.filter(isPerson);
		// The sentence's subject is named first: "Kellogg, Trump’s envoy, rejected…" → Kellogg.
		if (people.length) lastNamed = people[0];
	}

	function unitTitle(
		unit: Unit,
		main: PlaceMention,
		category: Category,
		persons: string[],
		inferred: readonly Inferred[]
	): string {
		// A piece cut at a date before its verb's object ("voted on Monday night to close | the
		// branch library at the end of June") reads on to the sentence's end for its title.
		const end =
			!unit.aside &&
			unit.end < unit.sentence.end &&
			/\bto\s+\p{Ll}+\s*$/u.test(text.slice(unit.start, unit.end))
				? unit.sentence.end
				: unit.end;
		return titleFor(
			doc,
			verbs,
			{
				start: unit.start,
				end,
				sentenceStart: unit.sentence.start,
				dates: dates
					.filter((d) => d.start >= unit.start && d.end <= end)
					.map((d) => [d.start, d.end] as const)
			},
			{
				written: main.name,
				name: main.place.name,
				start: main.start,
				end: main.end,
				inferred: inferred.includes('place')
			},
			category,
			{
				persons: persons.filter(isPerson),
				places: unit.mentions.map((m) => m.name),
				...(lastNamed ? { referent: lastNamed } : {})
			}
		);
	}

	/** People of the section's last two events: "Kellogg" after "the outlet quoted him". */
	function recentPersons(section: number): Set<string> {
		return new Set(
			events
				.filter((e) => e.section === section)
				.slice(-2)
				.flatMap((e) => e.persons)
		);
	}

	function inherit(
		unit: Unit,
		persons: string[],
		refersTo: Category | undefined
	): PlaceMention | undefined {
		// The event the words point back to: "The latest meeting between Putin and Witkoff".
		if (refersTo) {
			const earlier = [...events].reverse().filter((e) => e.category === refersTo);
			const shared = earlier.find((e) => persons.some((p) => e.persons.includes(p)));
			const referent = shared ?? earlier[0];
			if (referent) return referent.main;
		}
		for (const p of persons) {
			const seen = lastSeen.get(p);
			if (seen) return seen;
		}
		if (pronounLed(unit.plain) && lastPerson) {
			const seen = lastSeen.get(lastPerson);
			if (seen) return seen;
		}
		// A new paragraph about someone new: the place the section is about.
		const lead = events.find((e) => e.section === unit.sentence.section);
		if (lead && cur && unit.sentence.paragraph !== cur.paragraph) return lead.main;
		return cur?.main;
	}

	return events;
}

/** The join stage's merge: `from`, told later, becomes part of `into`. */
export function mergeTold(into: ToldEvent, from: ToldEvent): void {
	into.source = [...into.source, ...from.source].sort((a, b) => a.start - b.start);
	for (const a of from.actors) if (!into.actors.includes(a)) into.actors.push(a);
	for (const p of from.persons) if (!into.persons.includes(p)) into.persons.push(p);
	for (const g of from.groups) if (!into.groups.includes(g)) into.groups.push(g);
	into.scored.push(...from.scored);
	if (from.dateMention && !from.inferred.includes('date')) narrow(into, from.dateMention);
	const was = into.main.place;
	repick(into);
	// A headline named by kind and place ("Meeting in United States") follows the place.
	if (into.main.place !== was && into.title.endsWith(` in ${was.name}`)) into.title = from.title;
	else if (isKindTitle(into.title) && !isKindTitle(from.title)) into.title = from.title;
}

/** The events as the draft gives them: actors settled, nothing that happened after publication. */
export function finishEvents(events: readonly ToldEvent[], published: number): EventDraft[] {
	return events.map((event) => ({
		category: event.category,
		title: event.title,
		actors: event.actors.length ? event.actors.slice(0, 8) : fallbackActors(event),
		// Nothing that has happened ends after the publication day.
		startDay: event.planned ? event.startDay : Math.min(event.startDay, published),
		endDay: event.planned ? event.endDay : Math.min(event.endDay, published),
		planned: event.planned,
		exact: event.exact,
		when: event.when,
		main: event.main,
		others: others(event),
		source: event.source,
		inferred: event.inferred
	}));
}

/** Same place, or a country and a place in it ("returned to the United States" after "Washington"). */
function sameLocation(a: PlaceMention, b: PlaceMention): boolean {
	if (a.place === b.place) return true;
	if (!a.place.country || a.place.country !== b.place.country) return false;
	return a.place.kind === 'country' || b.place.kind === 'country';
}

/** A narrower date of the same happening replaces a wider one ("earlier this month" → "April 4"). */
function narrow(event: ToldEvent, date: DateMention) {
	const width = event.endDay - event.startDay;
	const undated = event.inferred.includes('date');
	if (undated || date.endDay - date.startDay < width) {
		event.startDay = Math.max(date.startDay, undated ? date.startDay : event.startDay);
		event.endDay = Math.min(date.endDay, undated ? date.endDay : event.endDay);
		if (event.endDay < event.startDay)
			[event.startDay, event.endDay] = [date.startDay, date.endDay];
		event.exact = date.exact && event.startDay === event.endDay;
		event.when = date.text;
		event.dateMention = date;
		event.inferred = event.inferred.filter((i) => i !== 'date');
	}
}

/** The best-located mention across the event's sentences is its place. */
function repick(event: ToldEvent) {
	if (event.inferred.includes('place') && event.scored.length <= 1) return;
	let best = event.scored[0];
	for (const s of event.scored) if (best && s.score > best.score) best = s;
	if (best && best.mention.place !== event.main.place) {
		event.main = best.mention;
		event.inferred = event.inferred.filter((i) => i !== 'place');
	}
}

function others(event: ToldEvent): PlaceMention[] {
	const seen = new Set<number>([event.main.place.index]);
	return event.scored
		.map((s) => s.mention)
		.filter((m) => !seen.has(m.place.index) && seen.add(m.place.index));
}

/** With no one named: the groups the words name ("Police"). Nobody else: a place is where, not
 * who, and no actor is better than a wrong one. */
function fallbackActors(event: ToldEvent): string[] {
	return event.groups.slice(0, 3);
}

/** A unit that is a credit line and brackets: "(Reporting by Tom Roe; Editing by Sam Poe)". */
function creditOnly(text: string, unit: Unit, credits: readonly Span[]): boolean {
	const chars = text.slice(unit.start, unit.end).split('');
	for (const [s, e] of credits)
		for (let i = Math.max(s, unit.start); i < Math.min(e, unit.end); i++)
			chars[i - unit.start] = ' ';
	return !/[\p{L}\p{N}]/u.test(chars.join(''));
}

/** "Kayseri is in the Central Anatolia region…": a sentence about a place, not a happening. */
function describesPlace(text: string, unit: Unit): boolean {
	const first = unit.mentions[0];
	if (!first || first.quoted) return false;
	const lead = text.slice(unit.start, first.start);
	if (!/^\s*(?:the\s+)?$/i.test(lead)) return false;
	return /^\s+(?:is|lies|sits|has a population|borders)\b/.test(
		text.slice(first.end, first.end + 20)
	);
}
