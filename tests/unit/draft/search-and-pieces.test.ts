import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';
import { draftInPieces, pieces } from '../../../src/lib/draft/pieces';
import { draftStory } from '../../../src/lib/draft/draft';
import { searchGazetteer } from '../../../src/lib/draft/search';

const gazetteer = loadGazetteerForNode();
const article = readFileSync(DEFAULT_FILES.article, 'utf8');

describe('searchGazetteer', () => {
	it.each([
		['st pet', 'Saint Petersburg', 'RU'],
		['Saint Petersburg', 'Saint Petersburg', 'RU'],
		['kryvyi', 'Kryvyi Rih', 'UA'],
		['washington', 'Washington, D.C.', 'US'],
		['nicos', 'Nicosia', 'CY'],
		['ukr', 'Ukraine', 'UA']
	])('%j finds %s first', (query, name, country) => {
		const [first] = searchGazetteer(gazetteer, query);
		expect(first?.name).toMatch(new RegExp(name.split(' ')[0]!));
		expect(first?.country).toBe(country);
	});

	it.each(['', '   ', 'zzzzqqq'])('%j finds nothing', (query) => {
		expect(searchGazetteer(gazetteer, query)).toEqual([]);
	});
});

describe('drafting in pieces', () => {
	it('cuts at paragraph ends, covering the text exactly once', () => {
		const text = 'a'.repeat(30) + '\n' + 'b'.repeat(30) + '\n' + 'c'.repeat(30);
		const cuts = pieces(text, 40);
		expect(cuts.map(({ start, end }) => text.slice(start, end)).join('')).toBe(text);
		expect(cuts.every(({ start, end }) => end - start <= 40)).toBe(true);
		expect(cuts[0]).toEqual({ start: 0, end: 31 });
	});

	it('a short article is one piece, drafted as a whole', () => {
		const whole = draftStory(article, { published: '2025-04-12' }, gazetteer);
		expect(draftInPieces(article, { published: '2025-04-12' }, gazetteer)).toEqual(whole);
	});

	it('a long article reports progress per piece; ids stay unique and excerpts verbatim', () => {
		const long = Array.from({ length: 60 }, () => article).join('\n');
		const seen: number[] = [];
		const draft = draftInPieces(long, { published: '2025-04-12' }, gazetteer, (done, total) =>
			seen.push(done / total)
		);
		expect(seen.length).toBeGreaterThan(1);
		expect(seen.at(-1)).toBe(1);
		const ids = draft.events.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(draft.events.flatMap((e) => e.source).every((s) => long.includes(s))).toBe(true);
		const mention = draft.mentions.at(-1)!;
		expect(long.slice(mention.start, mention.end)).toBe(mention.text);
		const placeIds = new Set(draft.placesUsed.map((p) => p.id));
		expect(draft.events.every((e) => placeIds.has(e.place))).toBe(true);
	});
});
