/**
 * npm run eval:draft [-- --json] [--min-recall R]
 * Drafts geodata/article.txt and scores the draft against the hand-made story: an event is found
 * when a draft event lies within 50 km of it and their date ranges overlap (each draft event
 * finds at most one, by maximum bipartite matching); a place is found when a mention resolves
 * within 50 km of it. Prints a table and, as its last line, one JSON object. With --min-recall,
 * exits 1 when event recall is below R.
 */
import { readFileSync } from 'node:fs';
import { draftStory, type Draft } from '../src/lib/draft/draft';
import { parseIsoDate } from '../src/lib/story/dates';
import { loadGazetteerForNode } from './lib/gazetteer-file';
import { DEFAULT_FILES } from './lib/story-files';

const RADIUS_KM = 50;
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

function km([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
	const rad = Math.PI / 180;
	const a =
		Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
		Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
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
				km(g.coordinates, d.coordinates) <= RADIUS_KM && d.start <= g.end && d.end >= g.start
					? [i]
					: []
			)
			.sort((a, b) => {
				const width = (i: number) => drafted[i]!.end - drafted[i]!.start;
				return width(a) - width(b);
			})
	);
	const match = maxMatching(edges, drafted.length);
	const found = match.filter((m) => m !== undefined).length;
	const places = gold.places.map((p) => {
		// Show the plainest mention that finds it: its own name, then a name before a seat, a demonym last.
		const rank = { name: 0, alias: 1, abbreviation: 2, seat: 3, demonym: 4 };
		const hit = draft.places
			.filter((m) => km(p.coordinates, [m.lon, m.lat]) <= RADIUS_KM)
			.sort(
				(a, b) =>
					Number(a.name !== p.name) - Number(b.name !== p.name) || rank[a.type] - rank[b.type]
			)[0];
		return { id: p.id, name: p.name, found: hit !== undefined, as: hit?.name ?? null };
	});
	return {
		events: gold.events.map((g, i) => ({
			id: g.id,
			candidates: edges[i]!.length,
			matchedBy: match[i] === undefined ? null : drafted[match[i]!]!.id
		})),
		recall: found / gold.events.length,
		precision: drafted.length ? found / drafted.length : 0,
		found,
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

function main(argv: string[]): number {
	const json = argv.includes('--json');
	const at = argv.indexOf('--min-recall');
	let minRecall: number | undefined;
	if (at >= 0) {
		minRecall = Number(argv[at + 1]);
		if (!Number.isFinite(minRecall) || minRecall < 0 || minRecall > 1) {
			console.error('eval:draft: --min-recall needs a number between 0 and 1');
			return 1;
		}
	}
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
	const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

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
			`Events: recall ${pct(result.recall)} (${result.found}/${result.goldEvents}), precision ${pct(result.precision)} (${result.found}/${result.draftEvents}).`
		);
		console.log(
			`Places found: ${pct(result.placesFound)}; the brief's six: ${result.briefPlaces.map((p) => `${p.name} ${p.found ? '✓' : '✗'}`).join(', ')}.`
		);
		console.log(
			`Drafting time: first run ${firstMs.toFixed(1)} ms, then median ${medianMs.toFixed(1)} ms (gazetteer loaded beforehand).`
		);
	}
	console.log(
		JSON.stringify({
			recall: result.recall,
			precision: result.precision,
			found: result.found,
			goldEvents: result.goldEvents,
			draftEvents: result.draftEvents,
			placesFound: result.placesFound,
			briefPlaces: result.briefPlaces,
			events: result.events,
			firstMs: Math.round(firstMs * 10) / 10,
			medianMs: Math.round(medianMs * 10) / 10
		})
	);
	if (minRecall !== undefined && result.recall < minRecall) {
		console.error(`eval:draft: recall ${pct(result.recall)} is below ${pct(minRecall)}`);
		return 1;
	}
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	console.error(`eval:draft failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 2;
}
