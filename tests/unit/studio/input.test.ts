import { describe, expect, it } from 'vitest';
import { articleFromBytes, articleFromText, publicationDate } from '../../../src/lib/studio/input';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the article as opened', () => {
	it.each<[string, Uint8Array, RegExp | string]>([
		['plain text', bytes('Kyiv, Friday.'), 'Kyiv, Friday.'],
		['Windows line ends and a byte-order mark', bytes('\uFEFFa\r\nb'), 'a\nb'],
		['an empty file', new Uint8Array(), /is empty/],
		['only spaces', bytes('  \n '), /is empty/],
		['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), /not a text file/],
		['Windows-1252 quotes', Uint8Array.from([0x93, 0x68, 0x69, 0x94]), /not UTF-8/],
		['9 MB', new Uint8Array(9 * 1024 * 1024), /9\.0 MB; an article of up to 8 MB/]
	])('%s', (_, input, expected) => {
		const result = articleFromBytes(input, 'story.txt');
		if (typeof expected === 'string') expect(result).toEqual({ ok: true, value: expected });
		else expect(result.ok ? '' : result.message).toMatch(expected);
	});

	it('pasted text gets the same checks', () => {
		expect(articleFromText('')).toEqual({ ok: false, message: 'The article is empty.' });
	});
});

describe('the publication date', () => {
	it.each([
		['2025-04-12', true],
		[' 2025-04-12 ', true],
		['', false],
		['12/04/2025', false],
		['2025-02-30', false],
		['tomorrow', false]
	])('%j ok: %s', (text, ok) => {
		expect(publicationDate(text).ok).toBe(ok);
	});
});
