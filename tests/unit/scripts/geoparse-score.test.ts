import { describe, expect, it } from 'vitest';
import {
	codeGroup,
	entityName,
	scoreArticle,
	summarize,
	type GoldToponym,
	type ScoredMention
} from '../../../scripts/lib/eval/geoparse-score';

const gold = (
	phrase: string,
	start: number,
	fcode: string | null,
	lon: number | null,
	lat: number | null
): GoldToponym => ({
	phrase,
	start,
	end: start + phrase.length,
	name: fcode === null ? null : phrase,
	fcode,
	lon,
	lat
});
const mention = (
	start: number,
	end: number,
	name: string,
	kind: ScoredMention['kind'],
	country: string,
	coordinates: [number, number]
): ScoredMention => ({ start, end, name, kind, country, coordinates });
// Every point in these tests lies in France, or nowhere.
const countryAt = (lon: number, lat: number) =>
	lon > -5 && lon < 8 && lat > 42 && lat < 51 ? 'FR' : undefined;

describe('scoreArticle: the literature’s measures', () => {
	it.each([
		[
			'a town within 161 km is strict and right',
			gold('Paris', 0, 'PPL', 2.35, 48.85),
			mention(0, 5, 'Paris', 'city', 'FR', [2.4, 48.9]),
			[1, 1, 1]
		],
		[
			'a town 6,000 km off is tagged, not right',
			gold('Paris', 0, 'PPL', -84.25, 38.2),
			mention(0, 5, 'Paris', 'city', 'FR', [2.35, 48.85]),
			[1, 0, 0]
		],
		[
			'a country at its capital, 260 km from the gold point, is the right entity',
			gold('France', 0, 'PCLI', 2.5, 46.5),
			mention(0, 6, 'France', 'country', 'FR', [2.35, 48.85]),
			[1, 0, 1]
		],
		[
			'a country far from the gold point is right by its code',
			gold('France', 0, 'PCLI', 4, 44),
			mention(0, 6, 'France', 'country', 'FR', [-1, 49.9]),
			[1, 0, 1]
		],
		[
			'a county is right by its name, "County" ignored',
			gold('Metcalfe', 0, 'ADM2', -85.6, 37),
			mention(0, 8, 'Metcalfe County', 'region', 'US', [-80, 30]),
			[1, 0, 1]
		],
		[
			'a county read as a town of that name is not',
			gold('Metcalfe', 0, 'ADM2', -85.6, 37),
			mention(0, 8, 'Metcalfe', 'city', 'US', [-80, 30]),
			[1, 0, 0]
		],
		[
			'an overlapping span is enough to tag',
			gold('Kentucky', 4, 'ADM1', -85, 37.5),
			mention(0, 12, 'Kentucky', 'region', 'US', [-85, 37.5]),
			[1, 1, 1]
		]
	])('%s', (_, g, m, [tagged, strict, right]) => {
		const score = scoreArticle([g], [m], countryAt);
		const tally = score.byCode.get(g.fcode!)!;
		expect([tally.tagged, tally.strict, tally.right]).toEqual([tagged, strict, right]);
	});

	it('counts an untagged toponym as wrong, and a mention of no toponym against precision', () => {
		const score = scoreArticle(
			[gold('Lyon', 0, 'PPL', 4.8, 45.75), gold('somewhere', 20, null, null, null)],
			[
				mention(20, 29, 'Somewhere', 'city', 'FR', [0, 45]),
				mention(40, 45, 'March', 'city', 'GB', [0, 51])
			],
			countryAt
		);
		const s = summarize([score]);
		expect([s.gold, s.tagRecall, s.right, s.tagPrecision]).toEqual([1, 0, 0, 0.5]);
	});

	it('normalises entity names and groups feature codes', () => {
		expect(entityName('Québec Province')).toBe(entityName('quebec'));
		expect(entityName('Rapides Parish')).toBe('rapides');
		expect(codeGroup('PPLA2')).toMatch(/^PPL/);
		expect(codeGroup('PCLS')).toMatch(/^PCL/);
		expect(codeGroup('STM')).toMatch(/^other/);
	});
});
