import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { draftStory } from '../../../src/lib/draft/draft';
import { TITLE_MAX } from '../../../src/lib/draft/events/title';

const gazetteer = loadGazetteerForNode();
const titles = (text: string) =>
	draftStory(text, { published: '2025-04-12' }, gazetteer).events.map((e) => e.title);

/** Each title is built from the main clause, with its subject and verb, never from a fragment. */
describe('titles read like a desk’s headline', () => {
	it.each([
		[
			'an appositive after the subject is left out',
			'Keith Kellogg, the US envoy, met officials in Kyiv on Friday.',
			'Keith Kellogg met officials in Kyiv'
		],
		[
			'a relative clause after the subject is left out',
			'The mayor, who was elected in 2020, visited Lviv on Friday.',
			'Mayor visited Lviv'
		],
		[
			'the dateline and its agency are left out',
			'KYIV (Reuters) - Russian missiles struck Kharkiv on Friday, officials said.',
			'Russian missiles struck Kharkiv'
		],
		[
			'a long clause is cut before a subordinate clause, its date left out, the place as written',
			'Ukrainian officials in Odesa on Friday rejected claims published by a newspaper suggesting that the port had been sold.',
			'Ukrainian officials in Odesa rejected claims published by newspaper'
		]
	])('%s', (_, text, title) => {
		expect(titles(text)[0]).toBe(title);
	});

	it('names a fragment with no verb of its own by its kind and place, never the fragment', () => {
		const all = titles(
			'Officials held several rounds of talks this year, including one in Riyadh in February.'
		);
		expect(all).not.toContain('Including one in Riyadh');
		expect(all.some((t) => /^Meeting in Riyadh$/.test(t))).toBe(true);
	});

	it('keeps every title to 70 characters and three words', () => {
		for (const t of titles(
			'Defence ministers meeting in Brussels on Friday approved an additional €21 billion in military aid for Kyiv, including air defence systems and ammunition for the front.'
		)) {
			expect(t.length).toBeLessThanOrEqual(TITLE_MAX);
			expect(t.split(' ').length).toBeGreaterThanOrEqual(3);
		}
	});
});
