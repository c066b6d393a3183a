/**
 * An article's paragraphs and headings as people paste it: from a CMS or an email, hard-wrapped
 * at 70 columns, with CRLF or mixed line endings, non-breaking spaces and soft hyphens, or with
 * every paragraph on one line. The one rule for what a paragraph and a heading are, used by the
 * draft (its sentences) and by the reader (the article's blocks).
 *
 * - A blank line ends a paragraph.
 * - A heading is a short line with no closing punctuation that stands alone: it starts a
 *   paragraph, the next line starts a new sentence, and (in wrapped text) the next line's first
 *   word would have fitted after it.
 * - A dateline ("ANKARA, Turkey (AP) —") near the top starts a paragraph.
 * - In hard-wrapped text a line that is full (the next word did not fit) runs on into the next
 *   line: that line break is a space. A line that ends early ends its paragraph.
 * - In text that is not wrapped, every line is a paragraph, but a line whose successor starts
 *   in lower case runs on (a stray break inside a sentence).
 *
 * Offsets are string offsets into the original text, so excerpts cut with them stay verbatim.
 */

export interface Paragraph {
	start: number;
	end: number;
	heading: boolean;
}

const CLOSING = /[.!?:;,"”’)\]…]$/;
/** The longest heading, in words and characters. */
const HEADING_WORDS = 14;
const HEADING_CHARS = 100;

/**
 * A line that could be a heading on its own: short, with no closing punctuation ("EU Approves
 * Fresh Military Aid for Kyiv"). `paragraphs` adds that it must stand alone.
 */
export function isHeading(line: string): boolean {
	const trimmed = line.trim();
	if (!trimmed || CLOSING.test(trimmed) || trimmed.length > HEADING_CHARS) return false;
	return trimmed.split(/\s+/).length <= HEADING_WORDS;
}

/**
 * The start of a dateline: place words in capitals (then perhaps ", State" and a date), then a
 * dash, an agency in brackets ("SEVIERVILLE, Tenn. (AP)", "ANKARA, Dec 17 (Reuters) -"), or a
 * colon ("BEIRUT:"). Group 1 is the place words.
 */
export const DATELINE =
	/(?:^|[\s.])((?:\p{Lu}[\p{Lu}.'’-]+)(?:[ ](?:\p{Lu}[\p{Lu}.'’-]*))*(?:,[ ][\p{L}.]+(?:[ ][\p{L}.]+)?)?)(?:,?[ ]\p{L}{3,9}\.?[ ]\d{1,2}(?:,[ ]\d{4})?)?(?:[ ]*(?:—|–)[ ]?(?=\p{Lu}|[ ])|[ ]*(?:--|-)[ ]|[ ]\([\p{L} ]+\)[ ]*(?:(?:—|–|--|-)[ ])?|:[ ])/u;
/** How far into an article a dateline may stand. */
export const DATELINE_WITHIN = 400;

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g;
/** White space a paste carries that a reader sees as a space. */
const SPACE_LIKE = /[\t\v\f\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;
/** The columns a hard-wrapped text is wrapped at; longer lines are paragraphs. */
const WRAP_MIN = 30;
const WRAP_MAX = 110;

interface Line {
	start: number;
	end: number;
	/** Offsets of the trimmed content. */
	from: number;
	to: number;
	content: string;
}

function linesOf(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	const push = (end: number) => {
		const raw = text.slice(start, end).replace(SPACE_LIKE, ' ');
		const lead = raw.length - raw.trimStart().length;
		const content = raw.trim();
		lines.push({ start, end, from: start + lead, to: start + lead + content.length, content });
	};
	for (const match of text.matchAll(LINE_BREAK)) {
		push(match.index);
		start = match.index + match[0].length;
	}
	push(text.length);
	return lines;
}

/**
 * The column a text is wrapped at, or 0 when it is not wrapped. In wrapped text most lines that
 * run on into another are about as long as the column (30 to 110 characters) and end inside a
 * sentence; one-line paragraphs end with their sentence, and a list of names is shorter.
 */
function wrapWidth(lines: Line[]): number {
	const running: number[] = [];
	let inside = 0;
	for (let i = 0; i + 1 < lines.length; i++) {
		const line = lines[i]!.content;
		if (!line || !lines[i + 1]!.content) continue;
		running.push(line.length);
		if (!CLOSING.test(line)) inside++;
	}
	if (running.length < 2 || inside < running.length / 2) return 0;
	const sorted = running.sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)]!;
	if (median < WRAP_MIN || median > WRAP_MAX) return 0;
	return Math.max(...sorted.filter((n) => n <= WRAP_MAX));
}

const firstWord = (line: string) => /^\S*/.exec(line)![0];

export function paragraphs(text: string): Paragraph[] {
	const lines = linesOf(text);
	const width = wrapWidth(lines);
	const result: Paragraph[] = [];
	let open: Paragraph | undefined;
	let openLines = 0;
	const close = () => {
		if (open) result.push(open);
		open = undefined;
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (!line.content) {
			close();
			continue;
		}
		if (!open) {
			open = { start: line.from, end: line.to, heading: false };
			openLines = 0;
		} else open.end = line.to;
		openLines++;
		const next = lines[i + 1];
		if (!next?.content) continue;
		// Would the next line's first word have fitted on this one? Then the break was meant.
		const fits = width === 0 || line.content.length + 1 + firstWord(next.content).length <= width;
		const startsSentence = /^["“‘'(\p{Lu}\p{N}]/u.test(next.content);
		if (openLines === 1 && fits && startsSentence && isHeading(line.content)) {
			open.heading = true;
			close();
		} else if (next.from < DATELINE_WITHIN && startsDateline(next.content)) close();
		else if (/^\p{Ll}/u.test(next.content)) continue;
		else if (fits) close();
	}
	close();
	// A last paragraph of one short line with no closing punctuation is a heading too.
	for (const p of result)
		if (!p.heading && !/[\r\n\u2028\u2029\u0085]/.test(text.slice(p.start, p.end)))
			p.heading = isHeading(text.slice(p.start, p.end).replace(SPACE_LIKE, ' '));
	return result;
}

function startsDateline(line: string): boolean {
	const match = DATELINE.exec(line);
	return match !== null && match.index === 0;
}

/**
 * The text as it reads, of the same length: a line break inside a paragraph, a carriage return,
 * a tab or a non-breaking space becomes a space; a break between paragraphs stays a line break.
 * Every stage reads this, so "Central\nAnatolia" is one name and the offsets stay the article's.
 */
export function flowText(text: string, paras: readonly Paragraph[] = paragraphs(text)): string {
	const chars = text
		.replace(SPACE_LIKE, ' ')
		.replace(/[\r\u2028\u2029\u0085]/g, '\n')
		.split('');
	for (const p of paras)
		for (let i = p.start; i < p.end; i++) if (chars[i] === '\n') chars[i] = ' ';
	return chars.join('');
}
