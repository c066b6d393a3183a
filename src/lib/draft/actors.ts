/**
 * Who is involved: runs of capitalised words that are not places, titles, dates or the first
 * word of a sentence. A surname alone ("Zelensky") is written out as the fullest form the article
 * uses ("Volodymyr Zelensky"), so one person is one actor across the draft.
 */
import { isCapitalized, tokenize, type Token } from './text';

/** Capitalised words that are titles or adjectives, never a name on their own. */
const NOT_NAMES = new Set(
	`president prime minister ministers foreign defence defense secretary chancellor envoy special spokesperson spokesman spokeswoman ambassador general gen king queen prince sir mr mrs ms dr former chief senator sen governor gov rep representative pope
	western eastern northern southern european african asian arab latin
	the a an in on at of and or but for to from by with as when while after before during despite although though meanwhile elsewhere according adding writing only this that these those there here it its he she they we i you his her their our my
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
	europe asia africa oceania antarctica arctic sic`.split(/\s+/)
);

export interface ActorIndex {
	/** Person-like names found in [start, end), written in full, outside quotes and places. */
	actorsIn(start: number, end: number): string[];
}

/**
 * Scans the article once: names seen mid-sentence are names; a capitalised word that only ever
 * starts sentences ("Relations", "Meanwhile") is not.
 */
export function actorIndex(
	text: string,
	excluded: ReadonlyArray<readonly [number, number]>,
	quotes: ReadonlyArray<readonly [number, number]>
): ActorIndex {
	const tokens = tokenize(text);
	const spans = [...quotes, ...excluded].sort((a, b) => a[0] - b[0]);
	// Tokens come in order, so one cursor walks the spans once.
	let cursor = 0;
	const blocked = (t: Token) => {
		while (cursor < spans.length && spans[cursor]![1] <= t.start) cursor++;
		for (let i = cursor; i < spans.length && spans[i]![0] <= t.start; i++) {
			if (t.start < spans[i]![1]) return true;
		}
		return false;
	};
	const runs: Array<{ start: number; end: number; words: string[]; initial: boolean }> = [];
	let run: Token[] = [];
	const close = () => {
		if (run.length) {
			const first = run[0]!;
			const initial = sentenceInitial(text, first.start);
			let words = run.map((t) => t.text);
			// "The Times" is a name mid-sentence; a sentence's opening "The" is not.
			if (words[0] === 'The' && (initial || words.length === 1)) words = words.slice(1);
			if (words.length)
				runs.push({ start: first.start, end: run[run.length - 1]!.end, words, initial });
		}
		run = [];
	};
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		const prev = run[run.length - 1];
		const joined = prev && /^ $/.test(text.slice(prev.end, token.start));
		if (!isCapitalized(token.text) || blocked(token) || /^\d/.test(token.text)) {
			close();
			continue;
		}
		if (prev && !joined) close();
		// A title word ends a name ("Putin President"), and starts none ("President Putin" → Putin).
		if (NOT_NAMES.has(token.norm) && token.text !== 'The') {
			close();
			continue;
		}
		run.push(token);
	}
	close();
	const midSentence = new Set(runs.filter((r) => !r.initial).flatMap((r) => r.words));
	const names = runs.filter(
		(r) => r.words.length > 1 || !r.initial || midSentence.has(r.words[0]!)
	);
	// The fullest form of each surname: "Zelensky" → "Volodymyr Zelensky".
	const full = new Map<string, string>();
	for (const r of names) {
		const name = r.words.join(' ');
		const last = r.words[r.words.length - 1]!;
		const known = full.get(last);
		if (r.words.length > 3) continue;
		if (!known || known.split(' ').length < r.words.length) full.set(last, name);
	}
	return {
		actorsIn(start, end) {
			const found: string[] = [];
			for (const r of names) {
				if (r.start < start || r.end > end) continue;
				const name = r.words.join(' ');
				const canonical = r.words.length === 1 ? (full.get(name) ?? name) : name;
				if (!found.includes(canonical)) found.push(canonical);
			}
			return found;
		}
	};
}

function sentenceInitial(text: string, at: number): boolean {
	let i = at - 1;
	while (i >= 0 && /[ \t“"‘(]/.test(text[i]!)) i--;
	return i < 0 || /[.!?:\n]/.test(text[i]!);
}

/** A sentence whose subject is a pronoun ("He also renewed calls…", "“…,” he said"). */
export function pronounLed(text: string): boolean {
	const unquoted = text.replace(/[“"][^”"]*[”"]/g, ' ');
	return /^\W*(?:he|she|they)\b/i.test(unquoted);
}
