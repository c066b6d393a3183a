/**
 * Finds the places an article names, with their offsets, and decides which place each name means.
 *
 * News copy capitalises place names, so only capitalised words can start a match, and the longest
 * name wins ("Saudi Arabia" over "Saudi", "New York" over "York"). Most false hits are people and
 * titles that share a city's name ("Vladimir Putin", "Washington Post"): a city name glued to
 * another capitalised word is read as part of that longer name. Which "Washington" or "Georgia"
 * is meant is decided by importance (countries, capitals, population) and by the article's other
 * places: Atlanta nearby makes Georgia the US state.
 */
import type { Gazetteer, GazetteerPlace, NameEntry, NameType } from './gazetteer';
import { paragraphs } from './sentences';
import { inSpans, isAllCaps, isCapitalized, quoteSpans, tokenize, type Token } from './text';

export interface PlaceMention {
	/** The words as the article writes them. */
	name: string;
	start: number;
	end: number;
	place: GazetteerPlace;
	type: NameType;
	/** "Russia’s": the place as an actor more than a location. */
	possessive: boolean;
	/** Inside quotation marks: someone's words, not where something happened. */
	quoted: boolean;
	/** The word before, lower case ("in", "to", "of"…), for reading the mention's role. */
	before: string;
}

/** Lower-case words that may sit inside a place name ("Bosnia and Herzegovina", "Rio de Janeiro"). */
const PARTICLES = new Set(
	"of the de la le les du del della da das dos do and al el upon on sur am an im y e di van von der den d' l'".split(
		' '
	)
);

/** Capitalised words that may follow a place without making it part of a longer name. */
const TITLE_WORDS = new Set(
	'president prime minister ministry foreign defence defense interior finance army navy air armed forces government parliament embassy ambassador secretary chancellor king queen crown prince premier supreme national state central security council airport region oblast province city county port officials troops military'.split(
		' '
	)
);

/** Capitalised words after which a demonym names something else ("Latin American"). */
const DEMONYM_BLOCKERS = new Set(['latin', 'south', 'north', 'central', 'native', 'pan']);

/** Words that open a sentence before a place ("In Kyiv", "Meanwhile Moscow…"), not a name. */
const OPENERS = new Set(
	'in at on from to for and but or the a an as by with after before during since while when where meanwhile elsewhere however then also yet still earlier later today yesterday despite like unlike near outside inside across throughout within over under between among amid via into upon if though although once unless until both neither either not only even'.split(
		' '
	)
);

export const LOCATIVES = new Set([
	'in',
	'at',
	'near',
	'from',
	'to',
	'into',
	'outside',
	'inside',
	'across',
	'around',
	'towards',
	'toward',
	'via'
]);

/** Abbreviations must match exactly: "US" is the country, "us" the pronoun. */
function lettersOnly(text: string): string {
	return text.replace(/[.\s]/g, '');
}

function gapOk(gap: string): boolean {
	return gap.length <= 3 && /^[.,]?[\s-]*$/.test(gap) && !gap.includes('\n');
}

function isSentenceStart(text: string, at: number): boolean {
	let i = at - 1;
	while (i >= 0 && /[\s“"‘'([—–-]/.test(text[i]!)) {
		if (text[i] === '\n') return true;
		i--;
	}
	return i < 0 || /[.!?:…]/.test(text[i]!);
}

function wordBefore(text: string, at: number): string {
	const match = /([\p{L}']+)[^\p{L}\n]*$/u.exec(text.slice(Math.max(0, at - 30), at));
	const word = match?.[1]?.toLowerCase() ?? '';
	if (word === 'the' || word === 'a') {
		const inner = /([\p{L}']+)\s+(?:the|a)\s*$/iu.exec(text.slice(Math.max(0, at - 40), at));
		return inner?.[1]?.toLowerCase() ?? word;
	}
	return word;
}

interface Span {
	start: number;
	end: number;
	/** Token index range [first, last]. */
	first: number;
	last: number;
	candidates: NameEntry[];
}

/** The base importance of a place: which "London" a bare "London" means. */
function importance(place: GazetteerPlace): number {
	switch (place.kind) {
		case 'country':
			return 10;
		case 'sea':
			return 9;
		case 'region':
			return place.country === 'US' ? 6 : 7;
		default:
			return (
				Math.log10(Math.max(place.population, 1000)) +
				(place.capital ? 3 : 0) +
				(place.adminSeat ? 0.5 : 0)
			);
	}
}

export function matchPlaces(text: string, gazetteer: Gazetteer): PlaceMention[] {
	const tokens = tokenize(text);
	const quotes = quoteSpans(text);
	const headingSpans = paragraphs(text)
		.filter((p) => p.heading)
		.map((p) => [p.start, p.end] as const);
	const inHeading = (at: number) => inSpans(headingSpans, at);

	const spans: Span[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (!isCapitalized(token.text)) continue;
		const entries = gazetteer.byFirstWord.get(token.norm);
		if (!entries) continue;
		let found: Span | undefined;
		let length = Infinity;
		for (const entry of entries) {
			const n = entry.words.length;
			if (found && n < length) break;
			if (!matchesAt(text, tokens, i, entry)) continue;
			const last = tokens[i + n - 1]!;
			if (!accept(text, tokens, i, i + n - 1, entry, inHeading(token.start))) continue;
			if (!found) {
				found = { start: token.start, end: last.end, first: i, last: i + n - 1, candidates: [] };
				length = n;
			}
			found.candidates.push(entry);
		}
		if (found) {
			spans.push(found);
			i = found.last;
		}
	}
	return resolve(text, spans, quotes);
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

/** The case and context checks that keep people, titles and everyday words out. */
function accept(
	text: string,
	tokens: Token[],
	first: number,
	last: number,
	entry: NameEntry,
	heading: boolean
): boolean {
	const start = tokens[first]!.start;
	const end = tokens[last]!.end;
	const surface = text.slice(start, end);
	if (entry.type === 'abbreviation') return lettersOnly(surface) === lettersOnly(entry.written);
	const written = tokenize(entry.written);
	for (let k = first; k <= last; k++) {
		const word = tokens[k]!;
		// Lower case where the name has it ("NATO headquarters"), in particles ("Bosnia and
		// Herzegovina") and elisions ("Côte d’Ivoire"); capitals everywhere else.
		const lowerInName = !isCapitalized(written[k - first]?.text ?? 'X');
		const elision = /^\p{Ll}['’]\p{Lu}/u.test(word.text);
		if (!isCapitalized(word.text) && !PARTICLES.has(word.norm) && !lowerInName && !elision)
			return false;
		// Shouting ("RUSSIA", "NOT") is emphasis in a quote, not a name.
		if (word.text.length > 1 && isAllCaps(word.text) && !isAllCaps(written[k - first]?.text ?? ''))
			return false;
	}
	const { place } = entry;
	const before = wordBefore(text, start);
	if (place.commonWord && !LOCATIVES.has(before)) return false;
	if (entry.type === 'demonym') {
		const prev = tokens[first - 1];
		return !(
			prev &&
			DEMONYM_BLOCKERS.has(prev.norm) &&
			/^\s+$/.test(text.slice(prev.end, start)) &&
			isCapitalized(prev.text)
		);
	}
	if (entry.type === 'seat') return true;
	const sentenceStart = isSentenceStart(text, start);
	if (place.kind === 'city' && (sentenceStart || heading) && first === last) {
		if (!place.capital && place.population < 100_000) return false;
	}
	if (heading) return true;
	// Glued to another capitalised word: part of a person's or an organisation's name.
	const prev = tokens[first - 1];
	if (
		prev &&
		isCapitalized(prev.text) &&
		/^ $/.test(text.slice(prev.end, start)) &&
		!(isSentenceStart(text, prev.start) && OPENERS.has(prev.norm))
	) {
		return false;
	}
	const next = tokens[last + 1];
	if (
		next &&
		isCapitalized(next.text) &&
		/^ $/.test(text.slice(end, next.start)) &&
		!TITLE_WORDS.has(next.norm)
	) {
		return false;
	}
	return true;
}

function resolve(text: string, spans: Span[], quotes: Array<[number, number]>): PlaceMention[] {
	// First pass: the most important reading of each name on its own.
	const chosen: GazetteerPlace[] = spans.map((span) => best(span.candidates, () => 0));
	// Context: where the article's other places are. Non-capital cities and regions are strong
	// evidence (Atlanta says "US South"); capitals and countries only say a country is in the story.
	const strong = new Map<string, number>();
	const mentioned = new Map<string, number>();
	const bump = (map: Map<string, number>, key: string, by: number) =>
		map.set(key, (map.get(key) ?? 0) + by);
	const isStrong = (p: GazetteerPlace) =>
		(p.kind === 'city' && !p.capital) || (p.kind === 'region' && p.country !== '');
	for (const place of chosen) {
		if (!place.country) continue;
		bump(mentioned, place.country, 1);
		if (isStrong(place)) bump(strong, place.country, 1);
	}
	const mentions: PlaceMention[] = [];
	spans.forEach((span, index) => {
		const own = chosen[index]!;
		const after = text.slice(span.end, span.end + 8);
		const stateNamed = /^\s+[Ss]tate\b/.test(after);
		let candidates = span.candidates;
		// "Atlanta, Georgia", "Paris, Texas": a place qualified by the next one.
		const next = spans[index + 1];
		const prev = spans[index - 1];
		const pairWith = (other: Span | undefined, qualifierIsOther: boolean) => {
			if (!other) return;
			const gap = qualifierIsOther
				? text.slice(span.end, other.start)
				: text.slice(other.end, span.start);
			if (!/^, ?$/.test(gap)) return;
			const fits = candidates.filter((c) =>
				other.candidates.some((o) =>
					qualifierIsOther ? within(c.place, o.place) : within(o.place, c.place)
				)
			);
			if (fits.length) candidates = fits;
		};
		pairWith(next, true);
		pairWith(prev, false);
		const score = (place: GazetteerPlace) => {
			let extra = 0;
			if (place.country) {
				const selfStrong = own.country === place.country && isStrong(own) ? 1 : 0;
				const selfMentioned = own.country === place.country ? 1 : 0;
				if ((strong.get(place.country) ?? 0) - selfStrong > 0) extra += 4;
				if ((mentioned.get(place.country) ?? 0) - selfMentioned > 0) extra += 1;
			}
			if (stateNamed && place.kind === 'region') extra += 20;
			return extra;
		};
		const place = best(candidates, score);
		const entry = candidates.find((c) => c.place === place)!;
		mentions.push({
			name: text.slice(span.start, span.end),
			start: span.start,
			end: span.end,
			place,
			type: entry.type,
			possessive: /^['’]s\b/.test(text.slice(span.end, span.end + 3)),
			quoted: inSpans(quotes, span.start),
			before: wordBefore(text, span.start)
		});
	});
	return mentions;
}

/** Whether `inner` lies in `outer`: a city in a country, or in a US state. */
function within(inner: GazetteerPlace, outer: GazetteerPlace): boolean {
	if (!outer.country || inner.country !== outer.country || inner === outer) return false;
	if (outer.kind === 'country') return true;
	return outer.kind === 'region' && outer.admin !== '' && outer.admin === inner.admin;
}

function best(entries: readonly NameEntry[], extra: (p: GazetteerPlace) => number): GazetteerPlace {
	let top = entries[0]!.place;
	let topScore = -Infinity;
	for (const { place } of entries) {
		const score = importance(place) + extra(place);
		if (score > topScore) {
			top = place;
			topScore = score;
		}
	}
	return top;
}
