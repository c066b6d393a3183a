/**
 * npm run eval:draft [-- --json] [--min-recall R] [--min-right R] [--min-precision P] [--errors N]
 * Two scores, each printed as a table, then one JSON object on the last line:
 * - the seed story: drafts the default story's article and scores it against the hand-made
 *   story: an event is found when a draft event lies within 50 km of it and their date ranges
 *   overlap, as issue 9 set it (one draft event of a happening finds each of the story's events
 *   of it; the one-to-one count, by maximum bipartite matching, is printed beside); a place is found
 *   when a mention resolves within 50 km of it. --min-recall fails below R.
 * - LGL (../shared/corpora/lgl.json, 588 local news articles nobody here wrote), scored as the
 *   geoparsing literature scores end to end (scripts/lib/eval/geoparse-score.ts): tagging, then
 *   resolution given the tags. --min-right and --min-precision fail below them. Skipped, with a
 *   message, where the corpus is absent. --errors N lists N wrong toponyms.
 * - LGL's events against the event key (scripts/lib/eval/lgl-event-key.json, event-key.ts): recall,
 *   dated inside the window, precision, drafted events per happening; and every LGL draft's events
 *   after publication, which fail the run unless 0.
 * - LGL again, hard-wrapped at 70 columns as a CMS or an email pastes it (scripts/lib/eval/rewrap.ts):
 *   it fails where its right entity or tagging precision is more than a point below LGL as
 *   published.
 */
import { readFileSync } from 'node:fs';
import { draftStory, type Draft } from '../src/lib/draft/draft';
import type { NameType } from '../src/lib/draft/gazetteer/gazetteer';
import { kmApart } from '../src/lib/geo/distance';
import { parseIsoDate } from '../src/lib/story/dates';
import { countryAtFromNaturalEarth, CORPORA_DIR, readCorpus, scoreCorpus } from './lib/eval/corpus';
import type { Summary } from './lib/eval/geoparse-score';
import { afterPublication, readEventKey, scoreEvents, type EventScore } from './lib/eval/event-key';
import { hardWrap } from './lib/eval/rewrap';
import { loadGazetteerForNode } from './lib/gazetteer-file';
import { DEFAULT_FILES } from './lib/story-files';

const RADIUS_KM = 50;
const WRAP_COLUMNS = 70;
/** Hard-wrapped text may score at most a point below the same text as published. */
const WRAP_TOLERANCE = 0.01;
export const BRIEF_PLACES = [
	'St Petersburg',
	'Kryvyi Rih',
	'Saudi Arabia',
	'Washington',
	'Cyprus',
	'Brussels'
];

interface GoldEvent {
	id: string;
	start: number;
	end: number;
	coordinates: [number, number];
}
interface GoldPlace {
	id: string;
	name: string;
	coordinates: [number, number];
}

/** Kuhn's augmenting paths: the largest one-to-one matching (20 × 25 pairs, instant). */
function maxMatching(edges: number[][], right: number): Array<number | undefined> {
	const owner: Array<number | undefined> = new Array(right).fill(undefined);
	const tryLeft = (l: number, seen: boolean[]): boolean => {
		for (const r of edges[l]!) {
			if (seen[r]) continue;
			seen[r] = true;
			if (owner[r] === undefined || tryLeft(owner[r]!, seen)) {
				owner[r] = l;
				return true;
			}
		}
		return false;
	};
	edges.forEach((_, l) => tryLeft(l, new Array(right).fill(false)));
	const matchOfLeft: Array<number | undefined> = new Array(edges.length).fill(undefined);
	owner.forEach((l, r) => {
		if (l !== undefined) matchOfLeft[l] = r;
	});
	return matchOfLeft;
}

function readGold() {
	const events = JSON.parse(readFileSync(DEFAULT_FILES.events, 'utf8')) as {
		published?: string;
		features: Array<{
			geometry: { coordinates: [number, number] };
			properties: { id: string; start: string; end: string };
		}>;
	};
	const places = JSON.parse(readFileSync(DEFAULT_FILES.places, 'utf8')) as {
		features: Array<{ geometry: { coordinates: [number, number] }; properties: GoldPlace }>;
	};
	return {
		published: events.published ?? '',
		events: events.features.map((f): GoldEvent => ({
			id: f.properties.id,
			start: parseIsoDate(f.properties.start) ?? NaN,
			end: parseIsoDate(f.properties.end) ?? NaN,
			coordinates: f.geometry.coordinates
		})),
		places: places.features.map((f): GoldPlace => ({
			id: f.properties.id,
			name: f.properties.name,
			coordinates: f.geometry.coordinates
		}))
	};
}

export function score(draft: Draft, gold: ReturnType<typeof readGold>) {
	const drafted = draft.events.map((e) => ({
		id: e.id,
		start: parseIsoDate(e.start)!,
		end: parseIsoDate(e.end)!,
		coordinates: e.coordinates
	}));
	// Candidates in order of date precision, so the table pairs an event with its closest reading;
	// the matching's size (the recall) does not depend on the order.
	const edges = gold.events.map((g) =>
		drafted
			.flatMap((d, i) =>
				kmApart(g.coordinates, d.coordinates) <= RADIUS_KM && d.start <= g.end && d.end >= g.start
					? [i]
					: []
			)
			.sort((a, b) => {
				const width = (i: number) => drafted[i]!.end - drafted[i]!.start;
				return width(a) - width(b);
			})
	);
	const match = maxMatching(edges, drafted.length);
	// Found as issue 9 defined it: some draft event lies within 50 km and overlaps its days. One
	// event per happening finds every story event of that happening (the story tells a visit and
	// the statements made on it apart); the one-to-one matching is reported beside it.
	const found = edges.filter((e) => e.length > 0).length;
	const oneToOne = match.filter((m) => m !== undefined).length;
	const real = new Set(edges.flat()).size;
	const places = gold.places.map((p) => {
		// Show the plainest mention that finds it: its own name, then a name before a seat, a demonym last.
		const rank: Record<NameType, number> = {
			name: 0,
			alias: 1,
			abbreviation: 2,
			code: 2,
			seat: 3,
			demonym: 4
		};
		// A place an event uses counts too: "EU officials" puts an event in Brussels, though a seat
		// of power is not listed as a place name.
		const named = [
			...draft.mentions,
			...draft.placesUsed.map((u) => ({
				text: u.name,
				coordinates: u.coordinates,
				type: 'seat' as const
			}))
		];
		const hit = named
			.filter((m) => kmApart(p.coordinates, m.coordinates) <= RADIUS_KM)
			.sort(
				(a, b) =>
					Number(a.text !== p.name) - Number(b.text !== p.name) || rank[a.type] - rank[b.type]
			)[0];
		return { id: p.id, name: p.name, found: hit !== undefined, as: hit?.text ?? null };
	});
	return {
		events: gold.events.map((g, i) => ({
			id: g.id,
			candidates: edges[i]!.length,
			matchedBy: match[i] === undefined ? null : drafted[match[i]!]!.id
		})),
		recall: found / gold.events.length,
		precision: drafted.length ? real / drafted.length : 0,
		found,
		oneToOne,
		real,
		goldEvents: gold.events.length,
		draftEvents: drafted.length,
		places,
		placesFound: places.filter((p) => p.found).length / places.length,
		briefPlaces: BRIEF_PLACES.map((name) => ({
			name,
			found: places.find((p) => p.name === name)?.found ?? false
		}))
	};
}

function shareOption(argv: string[], name: string): number | undefined {
	const at = argv.indexOf(name);
	if (at < 0) return undefined;
	const value = Number(argv[at + 1]);
	if (!Number.isFinite(value) || value < 0 || value > 1)
		throw new Error(`${name} needs a number between 0 and 1`);
	return value;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function printSummary(name: string, s: Summary) {
	console.log(
		`${name}: ${s.articles} articles, ${s.gold} resolved toponyms, ${s.mentions} draft mentions.`
	);
	console.log('');
	console.log('| feature code | toponyms | tagged | strict @161 km | right entity | median km |');
	console.log('|---|---|---|---|---|---|');
	const row = (label: string, g: Summary['groups'][number]) =>
		console.log(
			`| ${label} | ${g.gold} | ${pct(g.tagged / g.gold)} | ${pct(g.strict / g.gold)} | ${pct(g.right / g.gold)} | ${g.medianKm === null ? '—' : Math.round(g.medianKm)} |`
		);
	for (const g of s.groups) row(g.group, g);
	console.log('');
	console.log(
		`Tagging: recall ${pct(s.tagRecall)}, precision ${pct(s.tagPrecision)}. Resolution given the tags: ${pct(s.rightGivenTagged)} right. End to end: strict accuracy@161 ${pct(s.strict)}, right entity ${pct(s.right)}, median error ${s.medianKm === null ? '—' : Math.round(s.medianKm)} km.`
	);
}

function main(argv: string[]): number {
	const json = argv.includes('--json');
	const minRecall = shareOption(argv, '--min-recall');
	const minRight = shareOption(argv, '--min-right');
	const minPrecision = shareOption(argv, '--min-precision');
	const errorsAt = argv.indexOf('--errors');
	const errorRows = errorsAt >= 0 ? Number(argv[errorsAt + 1]) || 50 : 0;
	const gold = readGold();
	const article = readFileSync(DEFAULT_FILES.article, 'utf8');
	const gazetteer = loadGazetteerForNode();
	const run = () => draftStory(article, { published: gold.published }, gazetteer);
	// The first run pays for compiling; the median of the next ones is the steady cost.
	const firstStart = performance.now();
	const draft = run();
	const firstMs = performance.now() - firstStart;
	const times: number[] = [];
	for (let i = 0; i < 15; i++) {
		const t = performance.now();
		run();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	const medianMs = times[Math.floor(times.length / 2)]!;
	const result = score(draft, gold);

	if (!json) {
		console.log('| story event | draft event that finds it |');
		console.log('|---|---|');
		for (const e of result.events) console.log(`| ${e.id} | ${e.matchedBy ?? '—'} |`);
		console.log('');
		console.log('| story place | found as |');
		console.log('|---|---|');
		for (const p of result.places) console.log(`| ${p.name} | ${p.as ?? '—'} |`);
		console.log('');
		console.log(
			`Events: recall ${pct(result.recall)} (${result.found}/${result.goldEvents} found by a draft event at their place and days), precision ${pct(result.precision)} (${result.real} of ${result.draftEvents} draft events find one); matched one to one: ${result.oneToOne}/${result.goldEvents}.`
		);
		console.log(
			`Places found: ${pct(result.placesFound)}; the brief's six: ${result.briefPlaces.map((p) => `${p.name} ${p.found ? '✓' : '✗'}`).join(', ')}.`
		);
		console.log(
			`Drafting time: first run ${firstMs.toFixed(1)} ms, then median ${medianMs.toFixed(1)} ms (gazetteer loaded beforehand).`
		);
	}

	const corpus = readCorpus('lgl.json');
	let lgl: (Summary & { medianMs: number; words2000Ms: number; words2000CpuMs: number }) | null =
		null;
	let wrapped: Summary | null = null;
	let events: (EventScore & { after: number; allDrafted: number }) | null = null;
	if (corpus === null) {
		console.log('');
		console.log(
			`LGL: skipped, ${CORPORA_DIR}/lgl.json is not here (set STORY_ATLAS_CORPORA to the folder that holds it).`
		);
	} else {
		const drafts = new Map<string, Draft>();
		const scored = scoreCorpus(
			corpus,
			(a) => {
				const drafted = draftStory(a.text, { published: a.published }, gazetteer);
				drafts.set(a.id, drafted);
				return drafted;
			},
			countryAtFromNaturalEarth()
		);
		events = {
			...scoreEvents(readEventKey(), drafts),
			after: [...drafts.values()].reduce((n, d) => n + afterPublication(d), 0),
			allDrafted: [...drafts.values()].reduce((n, d) => n + d.events.length, 0)
		};
		wrapped = scoreCorpus(
			corpus.map((a) => ({ ...a, text: hardWrap(a.text, WRAP_COLUMNS) })),
			(a) => draftStory(a.text, { published: a.published }, gazetteer),
			countryAtFromNaturalEarth()
		).summary;
		// The speed target's case: a 2,000-word article, made of the corpus's articles in turn.
		const words: string[] = [];
		for (const a of corpus) {
			if (words.length >= 2000) break;
			words.push(...a.text.split(/\s+/));
		}
		const long = words.slice(0, 2000).join(' ');
		// Wall time, and the process's CPU time beside it: on a shared machine the wall time
		// counts the other processes' turns too.
		const longTimes: number[] = [];
		const longCpu: number[] = [];
		for (let i = 0; i < 9; i++) {
			const t = performance.now();
			const c = process.cpuUsage();
			draftStory(long, { published: corpus[0]!.published }, gazetteer);
			const used = process.cpuUsage(c);
			longTimes.push(performance.now() - t);
			longCpu.push((used.user + used.system) / 1000);
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
		lgl = {
			...scored.summary,
			medianMs: Math.round(scored.medianMs * 10) / 10,
			words2000CpuMs: Math.round(median(longCpu) * 10) / 10,
			words2000Ms: Math.round(median(longTimes) * 10) / 10
		};
		if (!json) {
			console.log('');
			printSummary('LGL (local news, Lieberman et al. 2010)', scored.summary);
			console.log(
				`Median drafting time per article: ${lgl.medianMs} ms; a 2,000-word article: ${lgl.words2000Ms} ms (${lgl.words2000CpuMs} ms of CPU; target 150).`
			);
			if (events) {
				console.log('');
				console.log(
					`LGL events against the event key (${events.articles} articles, ${events.keyEvents} key events, ${events.drafted} drafted):`
				);
				console.log('');
				console.log(
					'| event recall | dated inside window | precision | drafted per happening | after publication (all 588) |'
				);
				console.log('|---|---|---|---|---|');
				console.log(
					`| ${pct(events.found / events.keyEvents)} (${events.found}/${events.keyEvents}) | ${pct(events.insideWindow / events.keyEvents)} (${events.insideWindow}/${events.keyEvents}) | ${pct(events.real / Math.max(1, events.drafted))} (${events.real}/${events.drafted}) | ${events.perHappening.toFixed(2)} | ${events.after} of ${events.allDrafted} |`
				);
			}
			console.log('');
			printSummary(`LGL hard-wrapped at ${WRAP_COLUMNS} columns`, wrapped);
			console.log(
				`Hard-wrapped against as published: right entity ${pct(wrapped.right)} vs ${pct(lgl.right)}, tagging precision ${pct(wrapped.tagPrecision)} vs ${pct(lgl.tagPrecision)}, recall ${pct(wrapped.tagRecall)} vs ${pct(lgl.tagRecall)} (must stay within a point).`
			);
			if (errorRows > 0) {
				console.log('');
				for (const r of scored.rows.filter((r) => !r.right).slice(0, errorRows))
					console.log(
						`  ${r.article} ${r.fcode.padEnd(5)} ${r.phrase.padEnd(24)} → ${r.as ?? 'not tagged'}${r.km === null ? '' : ` (${r.km} km)`}`
					);
			}
		}
	}
	console.log(
		JSON.stringify({
			lgl,
			lglWrapped: wrapped,
			lglEvents: events,
			afterPublication: afterPublication(draft),
			recall: result.recall,
			precision: result.precision,
			found: result.found,
			oneToOne: result.oneToOne,
			goldEvents: result.goldEvents,
			draftEvents: result.draftEvents,
			placesFound: result.placesFound,
			briefPlaces: result.briefPlaces,
			events: result.events,
			firstMs: Math.round(firstMs * 10) / 10,
			medianMs: Math.round(medianMs * 10) / 10
		})
	);
	let failed = false;
	if (minRecall !== undefined && result.recall < minRecall) {
		console.error(`eval:draft: recall ${pct(result.recall)} is below ${pct(minRecall)}`);
		failed = true;
	}
	if (lgl && minRight !== undefined && lgl.right < minRight) {
		console.error(`eval:draft: LGL right entity ${pct(lgl.right)} is below ${pct(minRight)}`);
		failed = true;
	}
	if (lgl && minPrecision !== undefined && lgl.tagPrecision < minPrecision) {
		console.error(
			`eval:draft: LGL precision ${pct(lgl.tagPrecision)} is below ${pct(minPrecision)}`
		);
		failed = true;
	}
	const after = afterPublication(draft) + (events?.after ?? 0);
	if (after > 0) {
		console.error(`eval:draft: ${after} drafted events end after publication and are not planned`);
		failed = true;
	}
	if (lgl && wrapped) {
		for (const [name, key] of [
			['right entity', 'right'],
			['tagging precision', 'tagPrecision']
		] as const) {
			if (wrapped[key] < lgl[key] - WRAP_TOLERANCE) {
				console.error(
					`eval:draft: LGL hard-wrapped ${name} ${pct(wrapped[key])} is more than a point below ${pct(lgl[key])} as published`
				);
				failed = true;
			}
		}
	}
	return failed ? 1 : 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	console.error(`eval:draft failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 2;
}
