/**
 * The article, read once: words, paragraphs and headings, sentences, quotations, the dateline, and
 * what an English tagger (compromise) knows of its names: people and organisations. Every stage of
 * the draft reads this instead of scanning the raw text again. All spans are string offsets into
 * `text`.
 */
import nlp from 'compromise';
import { DATELINE, DATELINE_WITHIN, flowText, paragraphs } from '../../story/paragraphs';
import { sentences, type Paragraph, type Sentence } from '../sentences';
import { quoteSpans, tokenize, type Token } from '../text';

export type Span = readonly [start: number, end: number];

export interface Doc {
	/** The article as pasted, for verbatim excerpts. */
	article: string;
	/** The article as it reads, of the same length (flowText): a line break inside a paragraph is
	 * a space. Every stage reads this one. */
	text: string;
	tokens: Token[];
	paragraphs: Paragraph[];
	sentences: Sentence[];
	quotes: Span[];
	/** Names the tagger reads as people ("Curtis McCoy", "Jones"). */
	people: Span[];
	/** Names the tagger reads as organisations ("Mansfield Police Department"). */
	organizations: Span[];
	/** Words the tagger reads as dates ("March", "Sunday"). */
	dates: Span[];
	/** Words the tagger reads as a people's name or adjective ("Russian", "Americans"). */
	demonyms: Span[];
	/** Finite verbs, as the tagger reads them (not "including", "holding"): a headline needs one
	 * ("Dmitriev visited Washington"). */
	verbs: Span[];
	/** Surnames of the people named in full ("McCoy" of "Curtis McCoy"), lower case: a later bare
	 * "McCoy" is the person. */
	surnames: Set<string>;
	/** The words of a dateline ("WASHINGTON —", "EDMONTON, Alberta (CP) -"), if the article opens with one. */
	dateline: Span | undefined;
}

/** A word of the tagger, with its tags and the offset compute('offset') gives it. */
interface Tagged {
	pre: string;
	text: string;
	post: string;
	tags?: ReadonlySet<string>;
	offset?: { start: number };
}

/** A match of the tagger: its words. */
interface Matched {
	docs: ReadonlyArray<ReadonlyArray<Tagged>>;
}

/**
 * Where each match lies, as compromise's json({ offset: true }) would say (from the first word, to
 * the end of the match's trimmed text, trailing punctuation included), read from offsets the
 * caller computed once: json() recomputes them over the whole article on every call.
 */
function spansOf(view: Matched): Span[] {
	return view.docs.map((terms) => {
		const start = terms[0]?.offset?.start ?? 0;
		let written = '';
		for (const t of terms) written += t.pre + t.text + t.post;
		return [start, start + written.trim().length] as const;
	});
}

const VERB_TAGS = ['PastTense', 'PresentTense', 'Copula', 'Modal', 'Auxiliary'];

/**
 * The one-word matches, read in one pass over the words: what match('#Date'), match('#Demonym')
 * and match('(#PastTense|…)').not('#Gerund') find, each word its own span, without the matcher's
 * cost.
 */
function wordsTagged(view: Matched): { dates: Span[]; demonyms: Span[]; verbs: Span[] } {
	const found = { dates: [] as Span[], demonyms: [] as Span[], verbs: [] as Span[] };
	for (const sentence of view.docs) {
		for (const word of sentence) {
			const tags = word.tags;
			if (!tags) continue;
			const span = spansOf({ docs: [[word]] })[0]!;
			if (tags.has('Date')) found.dates.push(span);
			if (tags.has('Demonym')) found.demonyms.push(span);
			if (!tags.has('Gerund') && VERB_TAGS.some((t) => tags.has(t))) found.verbs.push(span);
		}
	}
	return found;
}

/** The dateline: the first place in capitals before a dash, in the article's first 400 characters. */
export function findDateline(text: string): Span | undefined {
	const match = DATELINE.exec(text.slice(0, DATELINE_WITHIN));
	if (!match || match[1] === undefined) return undefined;
	const start = match.index + match[0].indexOf(match[1]);
	return [start, start + match[1].length];
}

/** The last word of every person named with at least two words. */
function surnamesOf(text: string, people: readonly Span[]): Set<string> {
	const names = new Set<string>();
	for (const [start, end] of people) {
		const words = text.slice(start, end).match(/\p{Lu}[\p{L}'’-]+/gu);
		if (words && words.length >= 2)
			names.add(
				words
					.at(-1)!
					.replace(/['’]s?$/, '')
					.toLowerCase()
			);
	}
	return names;
}

export function buildDoc(article: string): Doc {
	const paras = paragraphs(article);
	const text = flowText(article, paras);
	const tagged = nlp(text);
	tagged.compute('offset');
	const people = spansOf(tagged.people());
	const { dates, demonyms, verbs } = wordsTagged(tagged);
	return {
		article,
		text,
		tokens: tokenize(text),
		paragraphs: paras,
		sentences: sentences(text, paras),
		quotes: quoteSpans(text),
		people,
		organizations: spansOf(tagged.organizations()),
		dates,
		demonyms,
		verbs,
		surnames: surnamesOf(text, people),
		dateline: findDateline(text)
	};
}

/** Whether any span covers `at`; spans sorted by start. */
export function covers(spans: readonly Span[], start: number, end = start + 1): boolean {
	for (const [s, e] of spans) {
		if (s >= end) break;
		if (e > start) return true;
	}
	return false;
}
