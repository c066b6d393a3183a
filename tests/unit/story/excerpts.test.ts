import { describe, expect, it } from 'vitest';
import { excerptFinder } from '../../../src/lib/story/excerpts';

const ARTICLE =
	'Row 2 (a): shelling near Kharkiv.\nRow 3 (b): a protest in Lviv.\r\nThe talks ended. Officials left.';

describe('excerptFinder', () => {
	const found = excerptFinder(ARTICLE);
	it.each([
		['a whole line', 'Row 2 (a): shelling near Kharkiv.', true],
		['a whole line ended by CRLF', 'Row 3 (b): a protest in Lviv.', true],
		['part of a line', 'The talks ended.', true],
		['across lines', 'Kharkiv.\nRow 3', true],
		['a line with one letter changed', 'Row 2 (a): shelling near Kharkov.', false],
		['a line with a trailing space', 'Row 2 (a): shelling near Kharkiv. ', false],
		['text that is nowhere', 'Kyiv', false]
	])('%s', (_, excerpt, expected) => {
		expect(found(excerpt)).toBe(expected);
	});
});
