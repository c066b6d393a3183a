/**
 * An event's title, as a desk would write it: who did what, where, in at most 70 characters, from
 * the main clause of the sentence that tells the happening, with its subject and verb. Asides
 * (between commas, dashes or brackets), the clause's own date ("on Friday") and a reporter's "that"
 * are left out; a person's roles go before their name does, and a cut never falls inside a name.
 * Words with no verb of their own make no headline: the event is named by its kind and place.
 */
import type { Category } from '../../story/schema';
import type { Doc, Span } from '../doc/doc';
import { alternatives, PERSON_TITLES, wordList } from '../lexicon/words';
import { inSpans } from '../text';

/** Headlines run to about 70 characters. */
export const TITLE_MAX = 70;

const HEADLINE_NOUNS: Record<Category, string> = {
	war: 'Fighting',
	strike: 'Attack',
	meeting: 'Meeting',
	diplomacy: 'Talks',
	visit: 'Visit',
	statement: 'Statement',
	aid: 'Aid',
	exchange: 'Exchange',
	detention: 'Arrest',
	accident: 'Crash',
	fire: 'Fire'
};

/** The title an event gets when its words make none: "Meeting in Saudi Arabia". */
export function kindTitle(category: Category, place: string): string {
	return `${HEADLINE_NOUNS[category]} in ${place}`;
}

/** Whether a title is only the event's kind and place, for a later sentence to better. */
export function isKindTitle(title: string): boolean {
	return Object.values(HEADLINE_NOUNS).some((noun) => title.startsWith(`${noun} in `));
}

const SPEECH = alternatives(wordList('speech-verb'));
/** "said that": a headline drops the "that" ("told reporters in Mombasa that" keeps it). */
const SAID_THAT = new RegExp(`\\b(${SPEECH}) that `, 'gi');

/** A subject that only points back ("The claim followed…", "The move came after…"). */
const POINTER_SUBJECT =
	/^(?:the |this |that )?(?:claims?|move|announcement|decision|statement|comments?|remarks?|news|report|development)\s+(?:followed|follows|(?:came|comes)\s+(?:(?:days|weeks|hours|shortly|soon|just)\s+)?(?:after|amid|as))\s+/i;

/** "Ukraine’s announcement that it had captured…" → "Ukraine announced it had captured…". */
const SAYING_NOUNS: Record<string, string> = {
	announcement: 'announced',
	claim: 'claimed',
	statement: 'said',
	report: 'reported',
	confirmation: 'confirmed',
	admission: 'admitted',
	decision: 'decided',
	warning: 'warned'
};
const NOUN_THAT = new RegExp(
	`^([^,;]{1,40}?)[’']s\\s+(${Object.keys(SAYING_NOUNS).join('|')})\\s+that\\s+`,
	'i'
);

/** Words that say what someone is, before their name: "US envoy", "Kremlin spokesperson". */
const ROLES = new Set([...PERSON_TITLES, ...wordList('role')]);
const isRole = (word: string) => ROLES.has(word.toLowerCase().replace(/[.,]$/, ''));
/** Words a role may open with: "Russian President", "US envoy", "Kenya Maritime Authority director". */
const ROLE_LEAD = /^(?:\p{Lu}[\p{L}’'.&-]*|of|the|for)$/u;

/** Where `word` stands whole in `s` ("Lee", not the start of "Leeds"), or -1. */
function wordIndex(s: string, word: string): number {
	for (let at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
		const before = at === 0 ? '' : s[at - 1]!;
		const after = s[at + word.length] ?? '';
		if (!/[\p{L}\p{N}-]/u.test(before) && !/[\p{L}\p{N}-]/u.test(after)) return at;
	}
	return -1;
}

/**
 * Drops the roles before each person's name ("Russian President Vladimir Putin" → "Vladimir
 * Putin") and, with `short`, writes each as the surname alone ("Putin").
 */
function shortenNames(s: string, persons: readonly string[], short: boolean): string {
	let out = s;
	for (const person of persons) {
		const words = person.split(' ');
		const surname = words[words.length - 1]!;
		const found = [person, surname]
			.map((name) => ({ name, at: wordIndex(out, name) }))
			.find((f) => f.at >= 0);
		if (!found) continue;
		const { name: written, at } = found;
		const before = out.slice(0, at).split(' ');
		before.pop(); // the space before the name
		let keep = before.length;
		if (keep && isRole(before[keep - 1]!)) {
			keep--;
			for (
				let n = 0;
				n < 5 && keep && (isRole(before[keep - 1]!) || ROLE_LEAD.test(before[keep - 1]!));
				n++
			)
				keep--;
			// "and" or "of" cannot open what is left of a role.
			while (keep < before.length && /^(?:of|the|for)$/.test(before[keep]!)) keep++;
		}
		const head = before.slice(0, keep).join(' ');
		const name = short && words.length > 1 ? surname : written;
		out = `${head}${head ? ' ' : ''}${name}${out.slice(at + written.length)}`;
	}
	return out;
}

/** A named body "of" what it governs, with words before its head to name it by. */
const BODY_OF =
	/\b((?:\p{Lu}[\p{L}’'.-]*\s+)+(?:Board|Council|Committee|Commission|Department|Ministry|Bureau|Office|Chamber|Court|Authority))\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'-]*)(?:\s+(?:and\s+)?\p{Lu}[\p{L}’'-]*)*/gu;

/** Where a clause may be cut: before a subordinate clause, or a second verb ("and declared"). */
const SUBORDINATE =
	/ (?=(?:that|which|who|following|after|before|as|while|because|suggesting|saying|amid|when|despite|with)\b|and \p{Ll}+ed\b)/giu;

/** A headline does not end on a joining word ("killed and", "attack on"), a loose adverb or a
 * copula ("Makeup date is"). */
const LOOSE_END =
	/(?:[\s,;:]+(?:and|or|but|in|on|at|of|to|for|by|with|from|near|as|after|before|that|which|who|its|their|his|her|these|those|this|the|a|an|shortly|soon|just|then|about|around|approximately|nearly|almost|some|is|are|was|were|be|been))+\s*$/i;

export interface HeadlineOptions {
	/** The place is the draft's guess: the title does not name it. */
	inferredPlace?: boolean;
	/** The people the clause names, in full, to shorten when it runs long. */
	persons?: readonly string[];
	/** Who "he" or "she" is: the person last named. */
	referent?: string;
	/** The other places the clause names as written: a title that names one needs no "in …". */
	places?: readonly string[];
	/** The place is the event's own (titleFor knows): a title that fits may end "in <place>". */
	placeKnown?: boolean;
}

/**
 * Headline style: no auxiliaries before a participle ("have been killed" → "killed"), no articles,
 * then shorter names and a cut at a word to fit, keeping the place ("… in Kayseri").
 */
export function headline(
	clause: string,
	place: string,
	category: Category,
	options: HeadlineOptions = {}
): string {
	let s = clause
		.replace(/\s+/g, ' ')
		.replace(/\s+([,.;:])/g, '$1')
		.replace(/^(?:it|this|that) (?:comes|came) (?:\S+ ){0,3}?(?:after|as|amid) /i, '')
		.replace(POINTER_SUBJECT, '')
		.replace(
			NOUN_THAT,
			(_, owner: string, noun: string) => `${owner} ${SAYING_NOUNS[noun.toLowerCase()]} `
		)
		.replace(/\b(?:have|has|had) been (?=\w+(?:ed|en|wn)\b)/gi, '')
		.replace(/\b(?:was|were|is|are) (?=\w+(?:ed|en|wn)\b)/gi, '')
		.replace(/\bhad (?=\w+ed\b)/gi, '')
		.replace(SAID_THAT, '$1 ')
		// "a week" is a rate ("40 patrons a week"), not an article.
		.replace(/(^|[\s,;(])(?:the|a|an) (?!(?:day|week|month|year)\b)/gi, '$1')
		.replace(/,\s*\d+,/g, '')
		.replace(/\s*[—–].*$/, '')
		// A date's words left behind: "to close the library at the end of".
		.replace(
			/\s+(?:(?:at|by|until|from|in|on)\s+)?(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s*$/i,
			''
		)
		.replace(/[.,;:]+$/, '')
		.trim()
		// A quotation's opening mark left by what was cut before it.
		.replace(/^[“"‘']+\s*/, '');
	const referent = options.referent?.split(' ').at(-1);
	if (referent) s = s.replace(/^(?:he|she) /i, `${referent} `).replace(/ him\b/g, ` ${referent}`);
	const persons = options.persons ?? [];
	if (s.length > TITLE_MAX) s = shortenNames(s, persons, false);
	if (s.length > TITLE_MAX) s = shortenNames(s, persons, true);
	// "Pitt County Board of Commissioners" → "Pitt County Board", as a desk shortens a body.
	if (s.length > TITLE_MAX) s = s.replace(BODY_OF, '$1');
	const placeAt = (t: string) => t.toLowerCase().indexOf(place.toLowerCase());
	const names = (t: string) =>
		placeAt(t) >= 0 || (options.places ?? []).some((p) => wordIndex(t, p) >= 0);
	// "aid to Ukraine": the place is named, but not as where; "in Ukraine" would say otherwise.
	const at = placeAt(s);
	const namedOtherwise =
		at >= 0 &&
		!/\b(?:in|at|near|outside|inside|off|(?:city|town|village|region|province|capital|district|state) of)\s+$/i.test(
			s.slice(0, at)
		);
	const suffix = options.inferredPlace || namedOtherwise ? '' : ` in ${place}`;
	if (s.length > TITLE_MAX) {
		// Cut to fit; where what is left names no place, cut again to make room for "in <place>".
		const cut = cutTo(s, TITLE_MAX);
		if (names(cut) || !suffix) s = cut;
		else {
			const shorter = cutTo(s, TITLE_MAX - suffix.length);
			s = names(shorter) ? shorter : shorter + suffix;
		}
	} else if (
		suffix &&
		options.placeKnown &&
		// "X blamed militants for the attack in Ankara" would move the attack: not for what is said.
		category !== 'statement' &&
		!names(clause) &&
		s.length + suffix.length <= TITLE_MAX
	) {
		// A title that fits and names no place says where ("Strike killed 19 people in Kryvyi Rih").
		s = s.replace(LOOSE_END, '') + suffix;
	}
	s = s.replace(LOOSE_END, '');
	if (s.split(' ').length < 3) s = kindTitle(category, place);
	return s[0]!.toUpperCase() + s.slice(1);
}

/**
 * The words of `s` in at most `room` characters: before a subordinate clause that would not fit
 * ("rejected claims suggesting…"), else at a word, but never inside a name ("Vladimir | Putin"),
 * on a joining word, or inside a quotation.
 */
function cutTo(s: string, room: number): string {
	const clauses = [...s.matchAll(SUBORDINATE)].filter(
		(m) => m.index >= 15 && m.index <= room && s.slice(0, m.index).split(' ').length >= 3
	);
	let cut = clauses.at(-1)?.index ?? -1;
	if (cut <= 0) {
		cut = s.lastIndexOf(' ', room);
		while (
			cut > 15 &&
			/^\p{Lu}/u.test(s.slice(cut + 1)) &&
			/\p{Lu}[\p{L}’'-]*$/u.test(s.slice(0, cut))
		)
			cut = s.lastIndexOf(' ', cut - 1);
	}
	let out = s.slice(0, cut > 15 ? cut : room).replace(LOOSE_END, '');
	// A quotation cut open is dropped whole.
	if ((out.match(/[“"]/g)?.length ?? 0) > (out.match(/[”]/g)?.length ?? 0))
		out = out.slice(0, out.search(/[“"]/));
	return out.replace(/[\s,;:]+$/, '');
}

/** The index of the first span starting at or after `at` (spans sorted by start). */
function firstAtOrAfter(spans: readonly Span[], at: number): number {
	let lo = 0;
	let hi = spans.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid]![0] < at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The verbs a headline may rest on, in order: outside quotations, not inside a compound
 * ("face-to-face"). */
export function headlineVerbs(doc: Doc): Span[] {
	const { text, quotes } = doc;
	return doc.verbs.filter(
		([start, end]) =>
			!inSpans(quotes, start) &&
			text[start - 1] !== '-' &&
			text[end] !== '-' &&
			!nounAfterDeterminer(text, start, end)
	);
}

/**
 * "An earlier US attempt to mediate": a bare verb form after a determiner, with no plural subject
 * just before it ("the talks come"), is a noun.
 */
function nounAfterDeterminer(text: string, start: number, end: number): boolean {
	const word = text.slice(start, end);
	if (/(?:ed|s)$/.test(word) || MODAL.test(word)) return false;
	const before = text.slice(Math.max(0, start - 40), start);
	const lead = /\b(?:a|an|the|this|that|its|their|his|her)\s+(?:[^\s.,;:]+\s+){0,2}$/i.exec(before);
	if (!lead) return false;
	const previous = /(\S+)\s+$/.exec(before)?.[1] ?? '';
	return (
		!/\p{Ll}s$/u.test(previous) &&
		!MODAL.test(previous) &&
		!/^(?:he|she|it|they|we|i|you|who|which|that|to|not)$/i.test(previous)
	);
}

const MODAL = /^(?:will|would|can|could|may|might|must|shall|should|do|does|did)$/i;

/** Words that open a sentence before its subject: "Meanwhile, …", "According to US sources, …". */
export const LEAD_IN =
	/^(?:(?:Meanwhile|Elsewhere|According|Despite|Adding|Writing|When|Following|After|Before|During|However|In|On|At|But|And|Yet|Also|Earlier|Later)\b[^,]{0,40},\s*)/;

/** Words before a place that say something happened there ("in Kayseri", "visited Washington"). */
const AT_PLACE =
	/\b(?:in|at|near|outside|inside|into|across|to|from|visited|visits|hit|struck|attacked|toured|reached)\s+(?:the\s+)?$/i;

/** A copula after a pronoun says what something is, not what happened: "It is the second fire". */
const NO_HAPPENING = /^\W*(?:it|this|that|there)\s+(?:is|was|are|were|has been|had been)\b/i;

/** The words of a sentence (or a piece of one) that a title is made from. */
export interface TitleSource {
	start: number;
	end: number;
	/** The sentence the words are in. */
	sentenceStart: number;
	/** The clause's own dates ("on Friday", "last week"), left out of the title. */
	dates: readonly Span[];
}

/** Where the event happened, as the title may name it. */
export interface TitlePlace {
	/** As the article writes it. */
	written: string;
	/** As the gazetteer has it. */
	name: string;
	start: number;
	end: number;
	inferred: boolean;
}

/** The words that go with a date: "on Friday", "at the end of June". */
const DATE_LEAD =
	/(?:\b(?:on|in|at|during|by|until|from)\s+)?(?:the\s+)?(?:(?:end|start|beginning|middle|close)\s+of\s+)?$/i;

/** The happening a verbless phrase names: "Russia’s full-scale invasion of Ukraine". */
const NAMED_HAPPENING =
	/(?:\p{Lu}[\p{L}.-]*[’']s\s+)?(?:[\p{Ll}-]+\s+)?\b(?:invasion|occupation|annexation|attack|strike|bombing|siege|meeting|talks|summit|visit|election|fire|blaze|explosion|protest|march|vote|sinking|collapse|crash)\s+(?:of|on|in|at|with|between)\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}’'-]*)*/u;

function happeningNamed(words: string): string | undefined {
	const match = NAMED_HAPPENING.exec(words);
	if (!match || match[0].split(/\s+/).length < 3 || match[0].length > TITLE_MAX) return undefined;
	return match[0][0]!.toUpperCase() + match[0].slice(1);
}

/** Brackets, a pair of dashes, and the words before a date that go with it ("on Friday"). */
function masked(text: string, from: number, to: number, dates: readonly Span[]): string {
	const chars = text.slice(from, to).split('');
	const blank = (s: number, e: number, fill: string) => {
		for (let i = Math.max(s, from); i < Math.min(e, to); i++) chars[i - from] = ' ';
		if (fill && s >= from && s < to) chars[s - from] = fill;
	};
	const body = text.slice(from, to);
	// A pair of dashes ends a piece as a comma does; brackets are only left out.
	for (const m of body.matchAll(/\s[—–]\s[^—–]+?\s[—–]\s/g))
		blank(from + m.index, from + m.index + m[0].length, ',');
	for (const m of body.matchAll(/\s?\([^()]*\)/g))
		blank(from + m.index, from + m.index + m[0].length, '');
	for (const [s, end] of dates) {
		// A date's span may take the comma after it, which still ends a piece.
		let e = end;
		while (e > s && /[\s,.;:]/.test(text[e - 1]!)) e--;
		const lead = DATE_LEAD.exec(text.slice(Math.max(from, s - 24), s));
		blank(lead ? s - lead[0].length : s, e, '');
	}
	return chars.join('');
}

/**
 * A headline from the clause's own main clause: its subject and verb, up to the place where the
 * place is where it happened ("Dmitriev visited Washington"), else to the clause's end. A relative
 * clause or an appositive after the subject ("Trump, who is seeking…,", "Kellogg, Trump’s envoy,")
 * is left out. A piece of a sentence that opens on its verb ("to close the library") takes the
 * sentence's subject.
 */
export function titleFor(
	doc: Doc,
	verbs: readonly Span[],
	source: TitleSource,
	place: TitlePlace,
	category: Category,
	options: Omit<HeadlineOptions, 'inferredPlace'> = {}
): string {
	const { text, dateline, quotes } = doc;
	// The place as the article writes it ("Odesa", not the gazetteer's "Odessa"), unless shouted.
	const name = /\p{Ll}/u.test(place.written) ? place.written : place.name;
	const fallback = kindTitle(category, name);
	const afterDateline = (at: number, end: number) => {
		if (!dateline || dateline[0] < at || dateline[1] > end) return at;
		// The words after the dateline and its agency ("TOKYO (Reuters) - A magnitude 7.5…").
		const rest = /^(?:\s*\([^)]*\))?\s*(?:—|–|--|-|:)?\s*/.exec(text.slice(dateline[1], end));
		return dateline[1] + (rest?.[0].length ?? 0);
	};
	let from = afterDateline(source.start, source.end);
	const lead = LEAD_IN.exec(text.slice(from, source.end));
	if (lead) from += lead[0].length;
	// A quotation first: the headline is its attribution ("…,” Zelensky said on Friday).
	while (/\s/.test(text[from] ?? '')) from++;
	const quoted = quotes.find(([s, e]) => s <= from && e > from);
	if (quoted)
		from = quoted[1] + (/^[\s,]*/.exec(text.slice(quoted[1], source.end))?.[0].length ?? 0);
	else if (/^[“"]/.test(text.slice(from, from + 1))) {
		// A quotation its marks do not close where the tagger reads them (a straight quote, one
		// running on over paragraphs): what is said is no headline; its attribution may be.
		const close = /[”"]/.exec(text.slice(from + 1, source.end));
		if (!close) return fallback;
		const after = from + 1 + close.index + 1;
		from = after + (/^[\s,]*/.exec(text.slice(after, source.end))?.[0].length ?? 0);
	}
	const end = source.end;
	if (from >= end) return fallback;
	const body = masked(text, from, end, source.dates);
	const read = (s: number, e: number) => body.slice(s - from, e - from);
	const verbAt = (s: number, e: number) => {
		for (let i = firstAtOrAfter(verbs, s); i < verbs.length && verbs[i]![1] <= e; i++) {
			if (body[verbs[i]![0] - from] !== ' ') return true;
		}
		return false;
	};
	// "attempt to mediate a ceasefire in the Black Sea faltered": the verb that is not an infinitive.
	const finiteVerbAt = (s: number, e: number) => {
		for (let i = firstAtOrAfter(verbs, s); i < verbs.length && verbs[i]![1] <= e; i++) {
			const [v] = verbs[i]!;
			if (body[v - from] !== ' ' && !/\bto\s+$/i.test(text.slice(Math.max(0, v - 4), v)))
				return true;
		}
		return false;
	};
	if (NO_HAPPENING.test(read(from, end))) return fallback;
	if (!verbAt(from, end)) return happeningNamed(read(from, end)) ?? fallback;

	// Comma-bounded pieces; an appositive or a relative clause before the first verb goes.
	const kept: Array<[number, number]> = [];
	let at = from;
	let seenVerb = false;
	for (const match of body.matchAll(/\s*,[”"’]?\s+/g)) {
		const cut = from + match.index;
		if (cut <= at) {
			at = cut + match[0].length;
			continue;
		}
		const piece: [number, number] = [at, cut];
		const words = read(at, cut);
		const aside =
			kept.length > 0 &&
			!seenVerb &&
			(/^\s*(?:who|which|whose|where)\b/i.test(words) || !verbAt(at, cut));
		if (!aside) kept.push(piece);
		if (!aside && verbAt(at, cut)) seenVerb = true;
		at = cut + match[0].length;
		if (seenVerb) break;
	}
	if (!seenVerb || kept.length === 0) kept.push([at, end]);
	// Up to the place where it is where the thing happened, else to the first clause's end.
	const last = kept[kept.length - 1]!;
	if (
		!place.inferred &&
		place.start >= last[0] &&
		place.end <= last[1] &&
		finiteVerbAt(kept[0]![0], place.start) &&
		AT_PLACE.test(read(last[0], place.start))
	) {
		// With the building or site the name opens ("from Bethel Town Hall").
		const venue = /^(?: \p{Lu}[\p{L}’'-]*)+/u.exec(read(place.end, last[1]));
		last[1] = place.end + (venue?.[0].length ?? 0);
	}
	let words = kept.map(([s, e]) => read(s, e)).join(' ');
	// A piece of a sentence that starts at its verb ("visited Lviv on Friday", "to close the
	// library") takes the sentence's subject ("The mayor", "The county board").
	const head = /^\s*(?:to\s+)?\S+(?:\s+\S+)?/.exec(words)?.[0].length ?? 0;
	if (from > source.sentenceStart && verbAt(from, from + head)) {
		let subjectFrom = afterDateline(source.sentenceStart, from);
		const subjectLead = LEAD_IN.exec(text.slice(subjectFrom, from));
		if (subjectLead) subjectFrom += subjectLead[0].length;
		// "The board voted on Monday to close the library": a plan takes the words before the
		// sentence's first verb.
		const infinitive = /^\s*to\s/.test(words);
		const firstVerb = verbs[firstAtOrAfter(verbs, subjectFrom)];
		const upTo = infinitive && firstVerb && firstVerb[0] < from ? firstVerb[0] : from;
		const subject = /^[^,;:—–]+/.exec(text.slice(subjectFrom, upTo))?.[0] ?? '';
		if (subject.trim() && (infinitive || !verbAt(subjectFrom, subjectFrom + subject.length)))
			words = `${subject.trim()} ${words.trim()}`;
	}
	const title = headline(words, name, category, {
		...options,
		inferredPlace: place.inferred,
		placeKnown: !place.inferred
	});
	// "We got as low as possible": words in the first or second person are a quotation whose marks
	// were lost (a quote running over paragraphs), never a headline.
	return title.split(' ').length < 3 || FIRST_PERSON.test(title) ? fallback : title;
}

const FIRST_PERSON =
	/(?:^|[\s“"])(?:I|I'm|I’m|I've|I’ve|I'll|I’ll|[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Oo]ur|us|[Mm]y|me|[Yy]ou|[Yy]our)(?=[\s,.;:!?]|$)/;
