/**
 * Quoting story text back to the person who wrote it, safely. A message may quote a value from a
 * hostile file: it is cut short, so a 10 MB id cannot make a 10 MB message, and anything that can
 * rewrite a screen (terminal escapes, bidirectional overrides, invisible characters) is shown as
 * an escape like \u001B instead of acting.
 */

/** How much of a value a message quotes: enough to find it in the file. */
export const QUOTE_LENGTH = 60;

/** Characters that reorder the text around them: the "elif.exe" trick. */
function isBidiControl(code: number): boolean {
	return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function isControl(code: number): boolean {
	return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * Everything a terminal or a page might act on or hide: controls, bidi controls and marks,
 * zero-width characters, line and paragraph separators, the BOM, interlinear annotations and
 * the invisible tag characters. Wider than what the validator rejects, because output has no
 * reason to carry any of them.
 */
function isHidden(code: number): boolean {
	return (
		isControl(code) ||
		isBidiControl(code) ||
		code === 0x061c ||
		(code >= 0x200b && code <= 0x200f) ||
		code === 0x2028 ||
		code === 0x2029 ||
		(code >= 0x2060 && code <= 0x2064) ||
		code === 0xfeff ||
		(code >= 0xfff9 && code <= 0xfffb) ||
		(code >= 0xe0000 && code <= 0xe007f)
	);
}

function hex(code: number): string {
	return code <= 0xffff
		? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
		: `\\u{${code.toString(16).toUpperCase()}}`;
}

/** "U+202E", as the message names a character. */
function codeName(code: number): string {
	return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `text` with every hidden or acting character (see isHidden) and every lone surrogate written as
 * an escape. Text without any comes back as it is, so plain names and paths stay byte-identical.
 */
export function escapeUnsafe(text: string, { quotes = false } = {}): string {
	let out = '';
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.codePointAt(i)!;
		const wide = code > 0xffff;
		const lone = code >= 0xd800 && code <= 0xdfff;
		const quoteChar = quotes && (code === 0x22 || code === 0x5c);
		if (isHidden(code) || lone || quoteChar) {
			out += text.slice(from, i) + (quoteChar ? `\\${text[i]}` : hex(code));
			from = i + (wide ? 2 : 1);
		}
		if (wide) i++;
	}
	return from === 0 ? text : out + text.slice(from);
}

/** Where to cut `text` to at most `max` characters without splitting a surrogate pair. */
function cutIndex(text: string, max: number): number {
	if (text.length <= max) return text.length;
	// Half an emoji would be a lone surrogate.
	const last = text.charCodeAt(max - 1);
	return last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
}

/** At most `max` characters of `text` (whole code points), with "…" when it was longer. */
export function truncate(text: string, max = QUOTE_LENGTH): string {
	const end = cutIndex(text, max);
	return end === text.length ? text : `${text.slice(0, end)}…`;
}

/** A value quoted for a message: `"…"`, cut to `max` characters and escaped. */
export function quote(text: string, max = QUOTE_LENGTH): string {
	const end = cutIndex(text, max);
	const body = escapeUnsafe(text.slice(0, end), { quotes: true });
	return `"${body}${end === text.length ? '' : '…'}"`;
}

/** What a value is, in a few words, without ever walking or printing all of it. */
export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the text ${quote(value, 40)}`;
	if (typeof value === 'number') return `the number ${value}`;
	return typeof value === 'object' ? 'an object' : String(typeof value);
}

export interface UnsafeCharacter {
	/** 0-based index into the text, in UTF-16 units as JavaScript counts. */
	index: number;
	code: number;
	kind: 'control' | 'line break' | 'tab' | 'bidi';
}

/** Every character findUnsafe may report (tabs and line breaks too), as one search. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * The first character a story's text may not hold, or null. Controls (C0 and C1) can hide or
 * rewrite text on a terminal; bidi overrides and isolates make text display in another order than
 * it is stored. Multi-line text (summaries, excerpts, the article) may hold tabs and line breaks.
 */
export function findUnsafe(text: string, { multiline = false } = {}): UnsafeCharacter | null {
	// Most text has none of them, and one native search says so several times faster than the loop.
	if (!MAYBE_UNSAFE.test(text)) return null;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x09 || code === 0x0a || code === 0x0d) {
			if (multiline) continue;
			return { index: i, code, kind: code === 0x09 ? 'tab' : 'line break' };
		}
		if (isControl(code)) return { index: i, code, kind: 'control' };
		if (isBidiControl(code)) return { index: i, code, kind: 'bidi' };
	}
	return null;
}

/** The message for an unsafe character, as the field's problem. `where` places it in the text. */
export function unsafeMessage(found: UnsafeCharacter, where = `at character ${found.index + 1}`) {
	switch (found.kind) {
		case 'tab':
			return `contains a tab ${where}; write it on one line with spaces.`;
		case 'line break':
			return `contains a line break ${where}; write it on one line.`;
		case 'bidi':
			return `contains the bidirectional control character ${codeName(found.code)} ${where}, which shows the text around it in another order than it is written: remove it.`;
		case 'control':
			return `contains the control character ${codeName(found.code)} ${where}, which can hide or rewrite text on a screen: remove it.`;
	}
}
