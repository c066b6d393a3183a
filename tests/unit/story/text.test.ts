import { describe as group, expect, it } from 'vitest';
import {
	describe,
	escapeUnsafe,
	findUnsafe,
	quote,
	truncate,
	unsafeMessage
} from '../../../src/lib/story/text';

group('quote', () => {
	it.each([
		['plain', 'kyiv', '"kyiv"'],
		['exactly 60 characters', 'a'.repeat(60), `"${'a'.repeat(60)}"`],
		['61 characters, cut', 'a'.repeat(61), `"${'a'.repeat(60)}…"`],
		['10 MB, cut', 'x'.repeat(10 * 1024 * 1024), `"${'x'.repeat(60)}…"`],
		['a terminal escape', 'a\u001b[2Jb', '"a\\u001B[2Jb"'],
		['OSC 52', '\u001b]52;c;aGk=\u0007', '"\\u001B]52;c;aGk=\\u0007"'],
		['a bidi override', 'Arrest \u202Eelif.exe\u202C end', '"Arrest \\u202Eelif.exe\\u202C end"'],
		['quotes and backslashes', 'say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
		['a C1 control', 'a\u009bb', '"a\\u009Bb"'],
		['a zero-width joiner', 'a\u200db', '"a\\u200Db"'],
		['a lone surrogate', 'a\ud800b', '"a\\uD800b"'],
		['an emoji kept whole', '🙂', '"🙂"'],
		['an emoji not split at the cut', `${'a'.repeat(59)}🙂`, `"${'a'.repeat(59)}…"`]
	])('%s', (_name, text, quoted) => {
		expect(quote(text)).toBe(quoted);
	});

	it('cuts at the length asked for', () => {
		expect(quote('abcdef', 3)).toBe('"abc…"');
	});
});

group('escapeUnsafe', () => {
	it.each([
		[
			'leaves plain text as it is',
			'geodata/stories/a/events.geojson',
			'geodata/stories/a/events.geojson'
		],
		['keeps the marks of our own lines', '✓ ✗ › … –', '✓ ✗ › … –'],
		['escapes a line break, so one line stays one line', 'a\nb', 'a\\u000Ab'],
		['escapes DEL', 'a\u007fb', 'a\\u007Fb'],
		['escapes an isolate', '\u2066x\u2069', '\\u2066x\\u2069'],
		['escapes a tag character', 'a\u{e0041}b', 'a\\u{E0041}b'],
		['leaves quotes unless asked', 'say "hi"', 'say "hi"']
	])('%s', (_name, text, escaped) => {
		expect(escapeUnsafe(text)).toBe(escaped);
	});
});

group('truncate', () => {
	it.each([
		['short', 'abc', 5, 'abc'],
		['long', 'abcdef', 3, 'abc…'],
		['at a surrogate pair', 'ab🙂', 3, 'ab…']
	])('%s', (_name, text, max, cut) => {
		expect(truncate(text, max)).toBe(cut);
	});
});

group('describe', () => {
	const deep = (depth: number) => {
		let value: unknown = 'x';
		for (let i = 0; i < depth; i++) value = [value];
		return value;
	};
	it.each([
		['null', null, 'null'],
		['a list 100,000 deep', deep(100_000), 'a list'],
		['an object', { a: 1 }, 'an object'],
		['a number', 42, 'the number 42'],
		['a boolean', true, 'boolean'],
		['a long text', 'y'.repeat(1000), `the text "${'y'.repeat(40)}…"`],
		['a text with an escape', '\u001b[2J', 'the text "\\u001B[2J"']
	])('%s', (_name, value, words) => {
		expect(describe(value)).toBe(words);
	});
});

group('findUnsafe', () => {
	it.each([
		['plain text', 'Kryvyi Rih', false, null],
		['a tab, on one line', 'a\tb', false, { index: 1, code: 0x09, kind: 'tab' }],
		['a tab, in a summary', 'a\tb', true, null],
		['CR LF, in a summary', 'a\r\nb', true, null],
		['a line break, on one line', 'a\nb', false, { index: 1, code: 0x0a, kind: 'line break' }],
		['ESC, even in a summary', 'a\n\u001b', true, { index: 2, code: 0x1b, kind: 'control' }],
		['NEL (C1)', '\u0085', true, { index: 0, code: 0x85, kind: 'control' }],
		['RLO', 'a\u202eb', true, { index: 1, code: 0x202e, kind: 'bidi' }],
		['PDI', '\u2069', false, { index: 0, code: 0x2069, kind: 'bidi' }],
		// Marks are how Arabic and Hebrew text is written correctly; they reorder nothing else.
		['a right-to-left mark', 'שלום\u200f', false, null]
	] as const)('%s', (_name, text, multiline, found) => {
		expect(findUnsafe(text, { multiline })).toEqual(found);
	});

	it('names the character and where it is', () => {
		expect(unsafeMessage({ index: 7, code: 0x202e, kind: 'bidi' })).toMatch(
			/^contains the bidirectional control character U\+202E at character 8, /
		);
	});
});
