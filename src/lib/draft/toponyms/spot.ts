/**
 * Spotting: where the article names a place, and every gazetteer entry each name could mean.
 *
 * News copy capitalises place names, so a match starts at a capitalised word (or in the dateline's
 * capitals), and the longest name wins ("Saudi Arabia" over "Saudi", "Metcalfe County" over
 * "Metcalfe"). What keeps people, organisations and everyday words out is the tagger (compromise:
 * people, dates, its lexicon of English words) and the words around the name; a place inside an
 * organisation's name ("Mansfield Police Department") is still a place.
 */
import nlp from 'compromise';
import { covers, type Doc } from '../doc/doc';
import type { Gazetteer, GazetteerPlace, NameEntry } from '../gazetteer/gazetteer';
import {
	DEMONYM_BLOCKERS,
	DIRECTIONS,
	LOCATIVES,
	OPENERS,
	PARTICLES,
	PLACE_NOUNS,
	PERSON_TITLES
} from '../lexicon/words';
import { isAllCaps, isCapitalized, tokenize, type Token } from '../text';

export interface Spot {
	start: number;
	end: number;
	/** Token index range [first, last]. */
	first: number;
	last: number;
	/** Entries of this exact span; `code`s only qualify the spot before ("Paris, KY"). */
	candidates: NameEntry[];
	/** The lower-case word before ("in", "of"…), for reading the mention's role. */
	before: string;
	/** The capitalised word after, when it continues the name ("Police", "County"). */
	after: string;
	/** The next word, lower case ("state" of "Washington state"). */
	next: string;
	/** In the dateline ("WASHINGTON —"). */
	dateline: boolean;
	/** At a sentence's or a heading's start, or in capitals: the case says nothing. */
	weakCase: boolean;
	/** In a paragraph set all in capitals, where no word's case says anything. */
	caps: boolean;
	/** Why the words around say this is not a place at all ("after a title"), if they do. */
	veto: string | undefined;
	/** What the words around say for a town or county (+) or against (−), in score points. */
	evidence: number;
	/** One word, with no "in" before: a town called "Hope" is then more likely the word. */
	plainWord: boolean;
}

const lexicon = (nlp.model() as unknown as { one: { lexicon: Record<string, string | undefined> } })
	.one.lexicon;
const model = nlp.model() as unknown as {
	two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
};
// Capitalised words that continue a place into an institution or a feature ("Mansfield Police",
// "Seattle City Council", "Kentucky State Police"): the place is still named.
// A newspaper's name is not news of its town ("The Washington Post").
const MASTHEADS = new Set(
	'post times herald journal gazette chronicle telegraph news press tribune daily star sun mail globe'.split(
		' '
	)
);
const CONTINUERS = new Set([
	...Object.keys(model.two.orgWords).filter((w) => !MASTHEADS.has(w)),
	...Object.keys(model.two.placeWords),
	..."area metro police fire sheriff sheriff’s sheriff's mayor city council high middle elementary state national regional international public municipal general county parish township town village officials government ministry president prime governor army navy forces airport port embassy consulate court courthouse jail prison highway mall chamber hospital district school schools college university daily".split(
		' '
	)
]);

/** "Town Hall", "City Square": a building or a site, whose first word can also end a town's name
 * ("Bethel Town", "Jersey City"). */
const VENUE_AFTER =
	/^(?:hall|halls|square|centre|center|library|green|common|limits|council|office|offices|building|chambers|park|stadium|arena|station)$/;
const VENUE_HEAD = /^(?:town|city|village|county|borough|township)$/;

/**
 * "Bethel Town Hall" in an article that also names Bethel alone: the hall of Bethel, not the
 * town of "Bethel Town" (Jamaica). The longer name stands where the article never names the
 * shorter one alone ("Jersey City Hall" with no "Jersey" of its own).
 */
function venueOfShorterName(text: string, tokens: Token[], i: number, n: number): boolean {
	if (n < 2) return false;
	const head = tokens[i + n - 1]!;
	const next = tokens[i + n];
	if (!VENUE_HEAD.test(head.norm) || !next || !VENUE_AFTER.test(next.norm)) return false;
	if (!/^ $/.test(text.slice(head.end, next.start)) || !isCapitalized(next.text)) return false;
	const shorter = text.slice(tokens[i]!.start, tokens[i + n - 2]!.end);
	const escaped = shorter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const alone = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}]|\\s+${head.text}\\b)`, 'u');
	return alone.test(text.slice(0, tokens[i]!.start)) || alone.test(text.slice(next.end));
}

const PERSON_TAGS = /FirstName|MaleName|FemaleName|LastName|Person/;

/** A first name or a surname in the tagger's lexicon ("Taylor", "Marion"). */
export function isPersonName(word: string): boolean {
	const tag = lexicon[word.toLowerCase()];
	return tag !== undefined && PERSON_TAGS.test(tag);
}

const NAME_TAGS = new RegExp(
	`${PERSON_TAGS.source}|Place|City|Country|Region|Organization|ProperNoun|Acronym`
);

/** A word the tagger knows as an everyday word ("three", "most"), not a name. */
function isPlainWord(norm: string): boolean {
	const tag = lexicon[norm];
	return tag !== undefined && !NAME_TAGS.test(tag);
}

function lettersOnly(text: string): string {
	return text.replace(/[.\s]/g, '');
}

function gapOk(gap: string): boolean {
	return gap.length <= 3 && /^[.,]?[\s-]*$/.test(gap) && !gap.includes('\n');
}

function isSentenceStart(text: string, at: number): boolean {
	let i = at - 1;
	// Quotes either way round: copy often closes one quote and opens the next (“…time.” “We…”).
	while (i >= 0 && /[\s“”"‘’'«»([—–-]/.test(text[i]!)) {
		if (text[i] === '\n') return true;
		i--;
	}
	return i < 0 || /[.!?:…]/.test(text[i]!);
}

export function wordBefore(text: string, at: number): string {
	const match = /([\p{L}']+)[^\p{L}\n]*$/u.exec(text.slice(Math.max(0, at - 30), at));
	const word = match?.[1]?.toLowerCase() ?? '';
	if (word === 'the' || word === 'a') {
		const inner = /([\p{L}']+)\s+(?:the|a)\s*$/iu.exec(text.slice(Math.max(0, at - 40), at));
		return inner?.[1]?.toLowerCase() ?? word;
	}
	return word;
}

function matchesAt(text: string, tokens: Token[], i: number, entry: NameEntry): boolean {
	const n = entry.words.length;
	if (i + n > tokens.length) return false;
	for (let k = 0; k < n; k++) {
		const token = tokens[i + k]!;
		if (token.norm !== entry.words[k]) return false;
		if (k > 0 && !gapOk(text.slice(tokens[i + k - 1]!.end, token.start))) return false;
	}
	return true;
}

/** Case checks: capitals where the name has them, abbreviations letter for letter. */
function caseFits(
	text: string,
	tokens: Token[],
	first: number,
	last: number,
	entry: NameEntry,
	capitalsOk: boolean
): boolean {
	const surface = text.slice(tokens[first]!.start, tokens[last]!.end);
	// "US", "UN", "NATO" are names only in capitals: "us" is a pronoun.
	if (
		entry.type === 'abbreviation' ||
		entry.type === 'code' ||
		/^[A-Z]{2,5}$/.test(entry.written)
	) {
		if (lettersOnly(surface) !== lettersOnly(entry.written)) return false;
		// "Man." or "Miss." needs its full stop; "B.C." its stops.
		return !entry.written.endsWith('.') || text[tokens[last]!.end] === '.';
	}
	const written = tokenize(entry.written);
	for (let k = first; k <= last; k++) {
		const word = tokens[k]!;
		const lowerInName = !isCapitalized(written[k - first]?.text ?? 'X');
		const elision = /^\p{Ll}['’]\p{Lu}/u.test(word.text);
		if (!isCapitalized(word.text) && !PARTICLES.has(word.norm) && !lowerInName && !elision)
			return false;
		if (
			!capitalsOk &&
			word.text.length > 1 &&
			isAllCaps(word.text) &&
			!isAllCaps(written[k - first]?.text ?? '')
		)
			return false;
	}
	return true;
}

const strong = (entries: readonly NameEntry[]) =>
	entries.some((e) => e.place.level === 'country' || e.type === 'demonym');

/** Places strong enough to be named at a sentence's start or in capitals. */
export function isProminent(place: GazetteerPlace): boolean {
	if (place.level !== 'city') return place.level !== 'county';
	return place.capital || place.population >= 100_000;
}

export function spot(doc: Doc, gazetteer: Gazetteer): Spot[] {
	const { text, tokens } = doc;
	const headings = doc.paragraphs.filter((p) => p.heading).map((p) => [p.start, p.end] as const);
	const capsParagraphs = doc.paragraphs
		.filter((p) => !/\p{Ll}/u.test(text.slice(p.start, p.end)))
		.map((p) => [p.start, p.end] as const);
	const spots: Spot[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (!isCapitalized(token.text)) continue;
		// The second half of a person's hyphenated surname ("Tom Ward-Sullivan").
		if (i > 0 && hyphenatedSurname(doc, i - 1, spots)) continue;
		const entries = gazetteer.startingWith(token.norm);
		if (entries.length === 0) continue;
		const inDateline = doc.dateline !== undefined && covers([doc.dateline], token.start);
		const inCaps = covers(capsParagraphs, token.start);
		let found: Spot | undefined;
		for (const entry of entries) {
			const n = entry.words.length;
			if (found && n < found.last - found.first + 1) break;
			if (!matchesAt(text, tokens, i, entry)) continue;
			if (!caseFits(text, tokens, i, i + n - 1, entry, inDateline || inCaps)) continue;
			if (!found && venueOfShorterName(text, tokens, i, n)) continue;
			if (!found) {
				const last = tokens[i + n - 1]!;
				// "B.C." and "Ky." keep their final stop.
				const stop = entry.written.endsWith('.') && text[last.end] === '.' ? 1 : 0;
				const next = tokens[i + n];
				const glued = next && /^ $/.test(text.slice(last.end, next.start));
				found = {
					start: token.start,
					end: last.end + stop,
					first: i,
					last: i + n - 1,
					candidates: [],
					before: wordBefore(text, token.start),
					after: glued && isCapitalized(next.text) ? next.norm : '',
					next: glued ? next.norm : '',
					dateline: inDateline,
					weakCase:
						inCaps ||
						(!inDateline && isAllCaps(token.text) && token.text.length > 1) ||
						isSentenceStart(text, token.start) ||
						covers(headings, token.start),
					caps: inCaps,
					veto: undefined,
					evidence: 0,
					plainWord: false
				};
			}
			found.candidates.push(entry);
		}
		if (found) {
			assess(doc, found);
			spots.push(found);
			i = found.last;
		}
	}
	// The first half of one ("Ana Sullivan-Ruiz").
	return spots.filter((s) => !hyphenatedSurname(doc, s.last, spots));
}

/**
 * Whether tokens i and i + 1 are a hyphenated surname: a name ("Tom Ward-Sullivan") or a surname
 * the article writes whole with a given name elsewhere. Not a pair of places ("Fargo-Moorhead",
 * "Winston-Salem", "Egyptian-US"), which no given name comes before.
 */
function hyphenatedSurname(doc: Doc, i: number, spots: readonly Spot[]): boolean {
	const { text, tokens } = doc;
	const first = tokens[i];
	const second = tokens[i + 1];
	if (!first || !second || !/^[-‐]$/.test(text.slice(first.end, second.start))) return false;
	if (!/^\p{Lu}\p{Ll}/u.test(first.text) || !/^\p{Lu}\p{Ll}/u.test(second.text)) return false;
	if (doc.surnames.has(`${first.text}-${second.text}`.toLowerCase())) return true;
	const given = tokens[i - 1];
	return (
		given !== undefined &&
		/^\p{Lu}\p{Ll}+$/u.test(given.text) &&
		/^ $/.test(text.slice(given.end, first.start)) &&
		!isSentenceStart(text, given.start) &&
		!covers(doc.demonyms, given.start, given.end) &&
		// "Atlanta Hartsfield-Jackson": a place before is no given name.
		!spots.some((s) => s.veto === undefined && s.first <= i - 1 && s.last >= i - 1)
	);
}

/**
 * The context checks: what the words around a name say about it being a place. A `veto` (part of
 * a person's name, a date) holds unless the name is qualified ("Surprise, Ariz."); the rest only
 * weigh against or for it, as evidence beside the article's other places.
 */
function assess(doc: Doc, s: Spot): void {
	const { text, tokens } = doc;
	const locative = LOCATIVES.has(s.before);
	const single = s.first === s.last;
	const candidates = s.candidates.filter((c) => c.type !== 'code');
	if (candidates.length === 0 || s.dateline) return;
	const prev = tokens[s.first - 1];
	const gluedToName =
		!s.caps &&
		prev !== undefined &&
		isCapitalized(prev.text) &&
		/^ $/.test(text.slice(prev.end, s.start)) &&
		!(isSentenceStart(text, prev.start) && (OPENERS.has(prev.norm) || isPlainWord(prev.norm))) &&
		!DIRECTIONS.has(prev.norm) &&
		!covers(doc.dates, prev.start, prev.end) &&
		!(doc.dateline && covers([doc.dateline], prev.start));
	// "Latin American", "Native American": another people's name.
	if (candidates.every((c) => c.type === 'demonym')) {
		if (prev && DEMONYM_BLOCKERS.has(prev.norm) && /^ $/.test(text.slice(prev.end, s.start)))
			s.veto = 'inside a longer name';
		return;
	}
	if (candidates.every((c) => c.type === 'seat')) return;
	const word = text.slice(s.start, s.end);
	// "Mr. Jackson", "Gov. Beshear", "Sen. Kerry".
	if (PERSON_TITLES.has(s.before) && !locative) s.veto = 'after a title';
	// Part of a longer capitalised name: "Vladimir Putin", "Paris Hilton", "Fort Worth Star". A
	// date before ("Sunday Alexandria police") or a sentence's opening word ("In Kyiv") is not.
	if (gluedToName) s.veto = 'inside a longer name';
	// A capitalised word after the name makes an institution of it ("Laurel County Clerk", "Dublin
	// Historical Society"), where the place is still named, unless the whole is a person's name
	// ("Paris Hilton", "Jordan Dyer") or a newspaper's.
	if (s.after && !s.caps && !CONTINUERS.has(s.after)) {
		if (MASTHEADS.has(s.after) || isPersonName(s.after) || covers(doc.people, s.start, s.end))
			s.veto = 'inside a longer name';
		else s.evidence -= 1;
	}
	if (single && covers(doc.dates, s.start, s.end)) s.veto = 'a date';
	if (single && !locative && doc.surnames.has(word.toLowerCase()))
		s.veto = 'a person named earlier';
	if (locative) s.evidence += 1.5;
	// "Charleston police", "an Ohio man": the words after say a place, whatever the name's other
	// senses. "Westrom, R-Elbow Lake": a legislator's party and home town.
	const placeNoun = !s.after && PLACE_NOUNS.has(s.next);
	const hometown = /\b(?:[RDI]|DFL)-$/.test(text.slice(Math.max(0, s.start - 4), s.start));
	if (placeNoun || hometown) s.evidence += 2;
	if (!locative && covers(doc.people, s.start, s.end)) s.evidence -= 1.5;
	if (single && !locative && isPersonName(word)) s.evidence -= 1.5;
	// "Arab", "Latino": a people, not the town of that name.
	if (single && lexicon[word.toLowerCase()]?.includes('Demonym') && !strong(candidates))
		s.veto = 'a people';
	s.plainWord = single && !locative && !placeNoun && !hometown;
}
