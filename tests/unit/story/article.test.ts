import { describe, expect, it } from 'vitest';
import { articleBlocks } from '../../../src/lib/story/article';
import { projectStory } from '../../helpers/story-files';

const story = projectStory();
const blocks = articleBlocks(story);
const spans = blocks.flatMap((b) => b.spans);

describe('articleBlocks', () => {
	it('keeps every character of the article, in order', () => {
		const text = blocks.map((b) => b.spans.map((s) => s.text).join('')).join('\n');
		expect(text).toBe(
			story.article
				.split('\n')
				.filter((l) => l.trim() !== '')
				.join('\n')
		);
	});

	it('finds the subheadings', () => {
		expect(blocks.filter((b) => b.heading).map((b) => b.spans.map((s) => s.text).join(''))).toEqual(
			[
				'Zelensky Blames Kremlin for War Prolongation',
				'Trump Laments Missed Opportunity for Peace',
				'Diplomatic Activity Intensifies',
				'EU Approves Fresh Military Aid for Kyiv',
				'US-Russia Prisoner Swap Announced'
			]
		);
	});

	it('marks the text each excerpt covers with its event', () => {
		const strike = spans
			.filter((s) => s.events.includes('kryvyi-rih-strike'))
			.map((s) => s.text)
			.join('');
		expect(strike).toContain('The April 4 strike killed 19 people, including nine children.');
		expect(
			spans
				.filter((s) => s.events.length === 0)
				.map((s) => s.text)
				.join('')
		).toContain('There was no immediate comment from the White House');
	});

	it('links the first mention of a place in each paragraph, whole', () => {
		const mentions = spans.filter((s) => s.place);
		for (const m of mentions) expect(story.placeById.get(m.place!)!.name).toBe(m.text);
		expect(mentions.map((m) => m.place)).toEqual(
			expect.arrayContaining([
				'st-petersburg',
				'kryvyi-rih',
				'saudi-arabia',
				'washington',
				'cyprus',
				'moscow',
				'black-sea',
				'ukraine'
			])
		);
		const first = blocks[0]!.spans.filter((s) => s.place === 'ukraine');
		expect(first).toHaveLength(1);
	});

	it('does not link a name inside a longer word', () => {
		const fake = { ...story, article: 'Ukrainewide. Ukrainian. Ukraine.', events: [] };
		const found = articleBlocks(fake)
			.flatMap((b) => b.spans)
			.filter((s) => s.place);
		expect(found.map((s) => s.text)).toEqual(['Ukraine']);
	});
});

describe('articleBlocks with many places', () => {
	const place = (id: string, name: string) => ({
		id,
		name,
		kind: 'city' as const,
		coordinates: [0, 0] as [number, number]
	});
	const links = (article: string, places: ReturnType<typeof place>[]) =>
		articleBlocks({ article, events: [], places }).map((b) =>
			b.spans.filter((s) => s.place).map((s) => [s.text, s.place])
		);

	it.each([
		[
			'the longer name wins where two start together',
			'In Washington DC, and later Washington.',
			[place('wa', 'Washington'), place('dc', 'Washington DC')],
			[
				[
					['Washington DC', 'dc'],
					['Washington', 'wa']
				]
			]
		],
		[
			'only the first mention of a place in a paragraph',
			'Kyiv, then Kyiv again.\nKyiv.',
			[place('kyiv', 'Kyiv')],
			[[['Kyiv', 'kyiv']], [['Kyiv', 'kyiv']]]
		],
		['not inside a longer word', 'Kyivan streets.', [place('kyiv', 'Kyiv')], [[]]],
		[
			'names with pattern characters',
			'From (Old) Town.',
			[place('ot', '(Old) Town')],
			[[['(Old) Town', 'ot']]]
		]
	])('%s', (_, article, places, expected) => {
		expect(links(article, places)).toEqual(expected);
	});

	it('links thousands of places in a long article, each once per paragraph', () => {
		const places = Array.from({ length: 5000 }, (_, i) => place(`p${i}`, `Place${i}x`));
		const lines = Array.from(
			{ length: 100 },
			(_, l) => `News from Place${l * 7}x and Place${l * 7 + 1}x, again Place${l * 7}x.`
		);
		const found = links(lines.join('\n'), places);
		expect(found).toHaveLength(100);
		expect(found[3]).toEqual([
			['Place21x', 'p21'],
			['Place22x', 'p22']
		]);
	});
});
