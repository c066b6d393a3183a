/**
 * Hand-annotated news corpora for the draft's score (../shared/corpora/, never shipped): read one,
 * draft every article through the same engine and converter as the CLI, and score its mentions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Draft } from '../../../src/lib/draft/draft';
import { naturalEarthCountries } from '../natural-earth';
import { PROJECT_ROOT } from '../story-files';
import {
	scoreArticle,
	summarize,
	type CountryAt,
	type GoldToponym,
	type Summary
} from './geoparse-score';

export const CORPORA_DIR = resolve(
	process.env.STORY_ATLAS_CORPORA ?? resolve(PROJECT_ROOT, '../shared/corpora')
);

export interface CorpusArticle {
	id: string;
	title?: string;
	published: string;
	text: string;
	toponyms: GoldToponym[];
}

/** The corpus's articles, or null when its file is absent (as on a reader's clone). */
export function readCorpus(file: string): CorpusArticle[] | null {
	const path = resolve(CORPORA_DIR, file);
	if (!existsSync(path)) return null;
	const articles = JSON.parse(readFileSync(path, 'utf8')) as unknown;
	if (!Array.isArray(articles)) throw new Error(`${path}: expected a JSON array of articles`);
	return articles as CorpusArticle[];
}

/** Point in Natural Earth 1:50m countries, bounding boxes first. */
export function countryAtFromNaturalEarth(): CountryAt {
	const countries = naturalEarthCountries('50m').features.map((feature) => ({
		feature,
		box: bbox(feature)
	}));
	return (lon, lat) => {
		for (const { feature, box } of countries) {
			if (lon < box[0] || lat < box[1] || lon > box[2] || lat > box[3]) continue;
			if (booleanPointInPolygon([lon, lat], feature)) return feature.properties.iso2 || undefined;
		}
		return undefined;
	};
}

export interface CorpusResult {
	summary: Summary;
	rows: Array<ReturnType<typeof scoreArticle>['rows'][number] & { article: string }>;
	/** Median milliseconds to draft one article. */
	medianMs: number;
}

export function scoreCorpus(
	articles: readonly CorpusArticle[],
	draft: (article: CorpusArticle) => Draft,
	countryAt: CountryAt
): CorpusResult {
	const scores = [];
	const rows: CorpusResult['rows'] = [];
	const times: number[] = [];
	for (const article of articles) {
		const started = performance.now();
		const drafted = draft(article);
		times.push(performance.now() - started);
		const score = scoreArticle(article.toponyms, drafted.mentions, countryAt);
		scores.push(score);
		for (const row of score.rows) rows.push({ ...row, article: article.id });
	}
	times.sort((a, b) => a - b);
	return { summary: summarize(scores), rows, medianMs: times[Math.floor(times.length / 2)] ?? 0 };
}
