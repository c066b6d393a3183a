import { describe, expect, it } from 'vitest';
import { freeId, isSlug, slugify } from '../../../src/lib/story/slug';

describe('the one id rule', () => {
	it.each([
		['kryvyi-rih', true],
		['a1', true],
		['Kryvyi-Rih', false],
		['kryvyi--rih', false],
		['-kyiv', false],
		['kyiv-', false],
		['', false],
		['a'.repeat(80), true],
		['a'.repeat(81), false],
		['<script>', false]
	])('isSlug(%j) is %s', (value, ok) => {
		expect(isSlug(value)).toBe(ok);
	});

	it.each([
		['Kryvyi Rih', 'kryvyi-rih'],
		['São Paulo', 'sao-paulo'],
		['  St. Petersburg!  ', 'st-petersburg'],
		['Witkoff–Putin talks', 'witkoff-putin-talks'],
		['Київ', 'item'],
		['x'.repeat(100), 'x'.repeat(80)]
	])('slugify(%j) is %j, which is a slug', (text, slug) => {
		expect(slugify(text)).toBe(slug);
		expect(isSlug(slugify(text))).toBe(true);
	});
});

describe('freeId, the one way ids are made unique', () => {
	it.each<[string[], string, string]>([
		[[], 'kyiv', 'kyiv'],
		[['kyiv'], 'kyiv', 'kyiv-2'],
		[['kyiv', 'kyiv-2', 'kyiv-3'], 'kyiv', 'kyiv-4'],
		[['kyiv-2'], 'kyiv', 'kyiv']
	])('taken %j, wanted %s → %s', (taken, wanted, id) => {
		expect(freeId(new Set(taken), wanted)).toBe(id);
	});
});
