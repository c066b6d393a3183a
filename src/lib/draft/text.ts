/**
 * Words of an article with their offsets, and the one normal form names are compared in. The
 * gazetteer index and the matcher both go through `normalizeWord`, so "St. Petersburg",
 * "Saint Petersburg" and "St Petersburg" meet on the same key, as do "Kyiv’s" and "Kyiv's".
 */

export interface Token {
	/** JavaScript string offsets into the article: text.slice(start, end) is the word. */
	start: number;
	end: number;
	text: string;
	/** Lower case, no diacritics, straight apostrophes, abbreviations spelt out. */
	norm: string;
}

/** Words that differ only by a common abbreviation. */
const EXPANSIONS: Record<string, string> = {
	st: 'saint',
	ste: 'sainte',
	mt: 'mount',
	ft: 'fort'
};

export function normalizeWord(word: string): string {
	const plain = word
		.normalize('NFKD')
		.replace(/[\p{M}\u00ad]/gu, '')
		.replace(/[‘’‛`´]/g, "'")
		.toLowerCase();
	return EXPANSIONS[plain] ?? plain;
}

// Letters and digits, with apostrophes inside a word ("d'Ivoire", "N'Djamena") but not a
// trailing possessive: "Russia’s" is the word "Russia" followed by "’s". A soft hyphen (pasted
// from a page that hyphenates) is inside the word: "Ana\u00adtolia" is "Anatolia".
const WORD =
	/[\p{L}\p{N}]+(?:\u00ad[\p{L}\p{N}]+)*(?:['’](?![sS]\b)[\p{L}]+(?:\u00ad[\p{L}]+)*)*/gu;

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const match of text.matchAll(WORD)) {
		const start = match.index;
		tokens.push({
			start,
			end: start + match[0].length,
			text: match[0],
			norm: normalizeWord(match[0])
		});
	}
	return tokens;
}

/** The normalised words of a name, as the gazetteer index stores them. */
export function nameKey(name: string): string[] {
	return tokenize(name).map((t) => t.norm);
}

export const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word);
export const isAllCaps = (word: string): boolean =>
	/^[\p{Lu}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word);

/** Ranges of text inside quotation marks (curly, or straight pairs on one line). */
export function quoteSpans(text: string): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	let open = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '“') open = i;
		else if (c === '”' && open >= 0) {
			spans.push([open, i + 1]);
			open = -1;
		} else if (c === '\n') open = -1;
	}
	const straight = /"[^"\n]*"/g;
	for (const match of text.matchAll(straight)) {
		spans.push([match.index, match.index + match[0].length]);
	}
	return spans.sort((a, b) => a[0] - b[0]);
}

export function inSpans(spans: ReadonlyArray<readonly [number, number]>, at: number): boolean {
	for (const [start, end] of spans) {
		if (at >= start && at < end) return true;
		if (start > at) break;
	}
	return false;
}
