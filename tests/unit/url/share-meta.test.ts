import { describe, expect, it } from 'vitest';
import { describe as describeArticle, shareMeta } from '../../../src/lib/url/share-meta';

const article = `US envoy Steve Witkoff met Russian President Vladimir Putin in St Petersburg on Friday, as former US president Donald Trump publicly called on Moscow to “get moving” on securing a ceasefire in Ukraine, amid growing concern over the ongoing conflict.\nThe Kremlin confirmed the meeting.`;

describe('describe', () => {
	it.each([
		['a short first paragraph, whole', 'One line.\nTwo.', 'One line.'],
		['blank lines first', '\n\n  First.  \nSecond.', 'First.'],
		['nothing', '', '']
	])('%s', (_, text, expected) => {
		expect(describeArticle(text)).toBe(expected);
	});

	it('cuts a long paragraph at a word, with an ellipsis', () => {
		const description = describeArticle(article);
		expect(description.length).toBeLessThanOrEqual(201);
		expect(description).toMatch(/^US envoy Steve Witkoff met .* a ceasefire in…$/);
	});
});

describe('shareMeta', () => {
	it.each([
		[
			'no site: the card stays relative, no canonical',
			'/',
			'./generated/story/share.png',
			undefined,
			{ canonical: null, image: './generated/story/share.png' }
		],
		[
			'a site: both absolute',
			'/',
			'./generated/story/share.png',
			'https://news.example/atlas',
			{
				canonical: 'https://news.example/atlas/',
				image: 'https://news.example/atlas/generated/story/share.png'
			}
		],
		[
			'a story under stories/',
			'/stories/aid/',
			'../../generated/stories/aid/share.png',
			'https://news.example/atlas/',
			{
				canonical: 'https://news.example/atlas/stories/aid/',
				image: 'https://news.example/atlas/generated/stories/aid/share.png'
			}
		],
		[
			'a setting that is not an http(s) address is ignored',
			'/',
			'./generated/story/share.png',
			'javascript:alert(1)',
			{ canonical: null, image: './generated/story/share.png' }
		],
		['garbage is ignored', '/', null, 'not a url', { canonical: null, image: null }]
	] as const)('%s', (_, path, image, site, expected) => {
		const meta = shareMeta(article, path, image, site);
		expect({ canonical: meta.canonical, image: meta.image }).toEqual(expected);
	});
});
