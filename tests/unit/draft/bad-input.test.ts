import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { draftInPieces, MAX_ARTICLE_CHARS } from '../../../src/lib/draft/pieces';
import { draftStory } from '../../../src/lib/draft/draft';

const gazetteer = loadGazetteerForNode();
const published = '2025-04-12';
const draft = (text: string) => draftStory(text, { published }, gazetteer);

describe('the draft on text it was not made for', () => {
	it('finds nothing, and says so with no events, in text with no places', () => {
		const d = draft('The committee met again and agreed to meet next week. Nobody objected.');
		expect([d.mentions.length, d.events.length]).toEqual([0, 0]);
	});

	it('reads an article set all in capitals without reading every word as a place', () => {
		const d = draft(
			'MISSILE STRIKE HITS KRYVYI RIH\nRUSSIAN FORCES STRUCK THE CITY OF KRYVYI RIH ON FRIDAY, OFFICIALS IN KYIV SAID. MOST PEOPLE WERE AT HOME.'
		);
		const names = new Set(d.mentions.map((m) => m.name));
		expect(names.has('Kryvyi Rih')).toBe(true);
		expect(names.has('Kyiv')).toBe(true);
		expect(d.mentions.some((m) => m.text === 'MOST' || m.text === 'HOME')).toBe(false);
	});

	it('keeps offsets right in right-to-left text beside English', () => {
		const text =
			'قال مسؤولون في كييف إن الهجوم وقع. Officials in Kyiv said the strike hit Kharkiv on Friday.';
		const d = draft(text);
		for (const m of d.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
		expect(d.mentions.map((m) => m.name)).toEqual(['Kyiv', 'Kharkiv']);
	});

	it('drafts an article that is only a list of place names', () => {
		const text = 'Paris\nLondon\nBerlin\nMadrid\nRome\nWarsaw\n';
		const d = draft(text);
		expect(d.mentions.map((m) => m.name)).toEqual([
			'Paris',
			'London',
			'Berlin',
			'Madrid',
			'Rome',
			'Warsaw'
		]);
		for (const m of d.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
	});

	it('finishes an article of 200,000 words, in pieces, under the named limit', () => {
		const paragraph =
			'Officials in Kyiv said on Friday that a missile struck Kryvyi Rih, killing 20 people, and that talks in Saudi Arabia would resume next week despite the attack on the city. ';
		const words = paragraph.trim().split(' ').length;
		const text = `${paragraph.repeat(Math.ceil(200_000 / words))}\n`;
		expect(text.split(/\s+/).length).toBeGreaterThanOrEqual(200_000);
		expect(text.length).toBeLessThan(MAX_ARTICLE_CHARS);
		let pieces = 0;
		const d = draftInPieces(text, { published }, gazetteer, () => pieces++);
		expect(pieces).toBeGreaterThan(5);
		// The one sentence repeated tells one happening, which each piece drafts (the join stage does
		// not reach across pieces); none is lost.
		expect(d.events.length).toBeGreaterThanOrEqual(pieces);
		const last = d.mentions.at(-1)!;
		expect(text.slice(last.start, last.end)).toBe(last.text);
	}, 120_000);
});
