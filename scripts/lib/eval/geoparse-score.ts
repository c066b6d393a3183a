/**
 * Scores a draft's place mentions against hand-annotated toponyms, the way the geoparsing
 * literature scores end to end (Gritta et al. 2019; ../shared/corpora/README.md):
 * - a gold toponym is tagged when a mention overlaps its span;
 * - strict: the overlapping mention lies within 161 km of the gold point (untagged counts as wrong);
 * - right entity: strict, or a country resolved to the country the gold point lies in, or a
 *   state, county, continent or region resolved to a region or country of the same name;
 * - precision: the share of mentions that overlap some gold toponym, resolved or not.
 */
import { geoDistance } from 'd3-geo';
import type { PlaceKind } from '../../../src/lib/story/schema';

export const STRICT_KM = 161;
const EARTH_KM = 6371.0088;

export interface GoldToponym {
	start: number;
	end: number;
	phrase: string;
	/** null where the annotators could not resolve it: it counts for precision only. */
	name: string | null;
	fcode: string | null;
	lat: number | null;
	lon: number | null;
}

export interface ScoredMention {
	start: number;
	end: number;
	name: string;
	kind: PlaceKind;
	country: string;
	coordinates: [number, number];
}

/** ISO 3166-1 alpha-2 of the country a point lies in, if any. */
export type CountryAt = (lon: number, lat: number) => string | undefined;

export interface Tally {
	gold: number;
	tagged: number;
	strict: number;
	right: number;
	/** Errors in km of tagged toponyms. */
	errors: number[];
}

export interface ArticleScore {
	mentions: number;
	/** Mentions that overlap a gold toponym. */
	truePositives: number;
	/** Toponyms with coordinates, by feature code. */
	byCode: Map<string, Tally>;
	/** Each resolved toponym and what the draft made of it, for the error table. */
	rows: Array<{
		phrase: string;
		fcode: string;
		tagged: boolean;
		right: boolean;
		km: number | null;
		as: string | null;
	}>;
}

const emptyTally = (): Tally => ({ gold: 0, tagged: 0, strict: 0, right: 0, errors: [] });

export function km(a: [number, number], b: [number, number]): number {
	return geoDistance(a, b) * EARTH_KM;
}

/** "Metcalfe County" and "metcalfe", "Québec" and "Quebec" are one name. */
export function entityName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[’']/g, "'")
		.replace(/\b(county|parish|province|state|region|oblast|borough|district|of|the)\b/g, ' ')
		.replace(/[^\p{L}\p{N}']+/gu, ' ')
		.trim();
}

const NAMED_CODES = new Set(['ADM1', 'ADM2', 'CONT', 'RGN']);

export function isRightEntity(
	gold: GoldToponym & { lat: number; lon: number; fcode: string; name: string },
	mention: ScoredMention,
	countryAt: CountryAt,
	distanceKm: number
): boolean {
	if (distanceKm <= STRICT_KM) return true;
	if (gold.fcode.startsWith('PCL')) {
		return mention.kind === 'country' && mention.country === countryAt(gold.lon, gold.lat);
	}
	if (NAMED_CODES.has(gold.fcode)) {
		return (
			(mention.kind === 'region' || mention.kind === 'country') &&
			entityName(mention.name) === entityName(gold.name)
		);
	}
	return false;
}

export function scoreArticle(
	gold: readonly GoldToponym[],
	mentions: readonly ScoredMention[],
	countryAt: CountryAt
): ArticleScore {
	const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
		a.start < b.end && b.start < a.end;
	const byCode = new Map<string, Tally>();
	const rows: ArticleScore['rows'] = [];
	for (const g of gold) {
		if (g.lat === null || g.lon === null || g.fcode === null || g.name === null) continue;
		const resolved = { ...g, lat: g.lat, lon: g.lon, fcode: g.fcode, name: g.name };
		let tally = byCode.get(g.fcode);
		if (!tally) byCode.set(g.fcode, (tally = emptyTally()));
		tally.gold++;
		const mention = mentions.find((m) => overlaps(m, g));
		if (!mention) {
			rows.push({
				phrase: g.phrase,
				fcode: g.fcode,
				tagged: false,
				right: false,
				km: null,
				as: null
			});
			continue;
		}
		tally.tagged++;
		const distance = km(mention.coordinates, [g.lon, g.lat]);
		tally.errors.push(distance);
		if (distance <= STRICT_KM) tally.strict++;
		const right = isRightEntity(resolved, mention, countryAt, distance);
		if (right) tally.right++;
		rows.push({
			phrase: g.phrase,
			fcode: g.fcode,
			tagged: true,
			right,
			km: Math.round(distance),
			as: `${mention.name} (${mention.kind}${mention.country ? `, ${mention.country}` : ''})`
		});
	}
	return {
		mentions: mentions.length,
		truePositives: mentions.filter((m) => gold.some((g) => overlaps(m, g))).length,
		byCode,
		rows
	};
}

/** Feature codes as the table groups them. */
export function codeGroup(fcode: string): string {
	if (fcode.startsWith('PPL')) return 'PPL* towns and cities';
	if (fcode.startsWith('PCL')) return 'PCL* countries';
	if (fcode === 'ADM1') return 'ADM1 states, provinces';
	if (fcode === 'ADM2') return 'ADM2 counties';
	if (fcode === 'CONT' || fcode === 'RGN') return 'CONT, RGN continents, regions';
	return 'other (rivers, parks, buildings…)';
}

export interface Summary {
	articles: number;
	gold: number;
	mentions: number;
	/** Share of resolved gold toponyms that a mention overlaps. */
	tagRecall: number;
	tagPrecision: number;
	strict: number;
	right: number;
	/** Resolution given the tags: right entity among tagged toponyms. */
	rightGivenTagged: number;
	medianKm: number | null;
	groups: Array<{ group: string } & Omit<Tally, 'errors'> & { medianKm: number | null }>;
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

export function summarize(scores: readonly ArticleScore[]): Summary {
	const total = emptyTally();
	const groups = new Map<string, Tally>();
	let mentions = 0;
	let truePositives = 0;
	for (const score of scores) {
		mentions += score.mentions;
		truePositives += score.truePositives;
		for (const [code, t] of score.byCode) {
			const group = codeGroup(code);
			let g = groups.get(group);
			if (!g) groups.set(group, (g = emptyTally()));
			for (const into of [g, total]) {
				into.gold += t.gold;
				into.tagged += t.tagged;
				into.strict += t.strict;
				into.right += t.right;
				into.errors.push(...t.errors);
			}
		}
	}
	const share = (a: number, b: number) => (b === 0 ? 0 : a / b);
	return {
		articles: scores.length,
		gold: total.gold,
		mentions,
		tagRecall: share(total.tagged, total.gold),
		tagPrecision: share(truePositives, mentions),
		strict: share(total.strict, total.gold),
		right: share(total.right, total.gold),
		rightGivenTagged: share(total.right, total.tagged),
		medianKm: median(total.errors),
		groups: [...groups]
			.map(([group, t]) => ({
				group,
				gold: t.gold,
				tagged: t.tagged,
				strict: t.strict,
				right: t.right,
				medianKm: median(t.errors)
			}))
			.sort((a, b) => b.gold - a.gold)
	};
}
