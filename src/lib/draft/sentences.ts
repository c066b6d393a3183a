/**
 * Sentences of an article, as offsets into the text. Every sentence is `article.slice(start, end)`
 * exactly, so it can be quoted as a `source` excerpt that the validator finds verbatim. Paragraphs
 * and headings follow the one rule of story/paragraphs.ts; the sentences are cut in the flowed
 * text (flowText), where a line break inside a paragraph is a space.
 */
import { paragraphs, type Paragraph } from '../story/paragraphs';

export type { Paragraph };

export interface Sentence {
	start: number;
	end: number;
	text: string;
	paragraph: number;
	/** Sections run from one heading to the next; the text before the first heading is section 0. */
	section: number;
	heading: boolean;
}

// Words whose full stop does not end a sentence.
const ABBREVIATIONS = new Set(
	'mr mrs ms dr st mt gen col lt sgt capt cmdr adm sen rep gov prof jr sr inc ltd co corp vs etc no nos jan feb mar apr jun jul aug sep sept oct nov dec approx est fig'.split(
		' '
	)
);

function endsWithAbbreviation(text: string, dot: number): boolean {
	const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
	if (!before) return false;
	const word = before[1]!;
	// "U.S." and "D.C.": letters separated by dots; "J." an initial.
	if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word)) return true;
	return ABBREVIATIONS.has(word.toLowerCase());
}

const BOUNDARY = /[.!?…]+["”’)\]]*/g;

/** Whether a curly quotation opened in body[from, end) is still open at `end`. */
function insideQuote(body: string, from: number, end: number): boolean {
	const span = body.slice(from, end);
	return span.lastIndexOf('“') > span.lastIndexOf('”');
}

/** `text` is the flowed article; `paras` its paragraphs, read from the article as pasted. */
export function sentences(
	text: string,
	paras: readonly Paragraph[] = paragraphs(text)
): Sentence[] {
	const result: Sentence[] = [];
	let section = 0;
	paras.forEach((para, paragraph) => {
		if (para.heading) {
			if (result.length > 0) section++;
			result.push({
				start: para.start,
				end: para.end,
				text: text.slice(para.start, para.end),
				paragraph,
				section,
				heading: true
			});
			return;
		}
		const body = text.slice(para.start, para.end);
		let from = 0;
		const push = (to: number) => {
			const raw = body.slice(from, to);
			const lead = raw.length - raw.trimStart().length;
			const trimmed = raw.trim();
			if (trimmed) {
				const start = para.start + from + lead;
				result.push({
					start,
					end: start + trimmed.length,
					text: trimmed,
					paragraph,
					section,
					heading: false
				});
			}
			from = to;
		};
		for (const match of body.matchAll(BOUNDARY)) {
			const end = match.index + match[0].length;
			// A quotation of several sentences stays in the sentence that quotes it.
			if (insideQuote(body, from, end)) continue;
			const next = body.slice(end);
			if (next.length > 0 && !/^\s+["“‘(\p{Lu}\p{N}]/u.test(next)) continue;
			if (
				match[0].startsWith('.') &&
				match[0].length === 1 &&
				endsWithAbbreviation(body, match.index)
			)
				continue;
			push(end);
		}
		push(body.length);
	});
	return result;
}
