import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
	MAX_GEOJSON_EVENTS as BENCH_MAX,
	buildHasStories,
	buildStories,
	sizeForms
} from '../../../scripts/bench/forms.mjs';
import { checkTargets, deskTargets, hundredKTargets } from '../../../scripts/bench/targets.mjs';
import { columnarFromStory, synthesizeStory } from '../../../scripts/lib/synthesize';
import { eventId } from '../../../src/lib/story/event-table';
import { readEventTable } from '../../../src/lib/story/columnar/arrow-table';
import { columnarFiles } from '../../../src/lib/story/columnar/folder-files';
import { MAX_GEOJSON_EVENTS } from '../../../src/lib/story/columnar/layout';
import { parseIsoDate } from '../../../src/lib/story/dates';
import type { Place } from '../../../src/lib/story/types';

describe('the form each size is measured in', () => {
	it('knows the product threshold', () => {
		expect(BENCH_MAX).toBe(MAX_GEOJSON_EVENTS);
	});

	it.each([
		['story', 'geojson', 'same', /GeoJSON \(events\.geojson\)/, /same GeoJSON/],
		['1k', 'geojson', 'same', /GeoJSON \(events\.geojson\)/, /same GeoJSON/],
		[
			'10k',
			'columnar',
			'twin',
			/columnar \(events\.arrow\)/,
			/same events as GeoJSON \(bench-10k-geojson/
		],
		[
			'100k',
			'columnar',
			'twin',
			/columnar \(events\.arrow\)/,
			/same events as GeoJSON \(bench-100k-geojson/
		],
		['1m', 'columnar', null, /columnar \(events\.arrow\)/, /none/]
	])('%s: ours %s, baselines %s', (size, ours, baseline, oursLabel, baselineLabel) => {
		const forms = sizeForms(size);
		expect(forms.ours).toBe(ours);
		expect(forms.baseline).toBe(baseline);
		expect(forms.labels.ours).toMatch(oursLabel);
		expect(forms.labels.baselines).toMatch(baselineLabel);
	});

	it('builds each size in its form, and the GeoJSON twins beside 10k and 100k', () => {
		expect(buildStories()).toEqual([
			['1k', 'bench-1k'],
			['5k', 'bench-5k'],
			['10k-columnar', 'bench-10k'],
			['10k', 'bench-10k-geojson'],
			['100k-columnar', 'bench-100k'],
			['100k', 'bench-100k-geojson'],
			['1m', 'bench-1m']
		]);
	});

	it.each([
		['no build info', null, false],
		[
			'a build from before the forms (sizes only)',
			{ sizes: { '1k': 'stories/bench-1k/', '100k': 'stories/bench-100k/' } },
			false
		],
		[
			'a build whose bench-100k is the GeoJSON one',
			{
				stories: {
					...Object.fromEntries(buildStories().map(([f, s]) => [s, f])),
					'bench-100k': '100k'
				}
			},
			false
		],
		[
			'a build with every story in its form',
			{ stories: Object.fromEntries(buildStories().map(([f, s]) => [s, f])) },
			true
		]
	])('%s: reusable %s', (_, info, reusable) => {
		expect(buildHasStories(info)).toBe(reusable);
	});
});

/** A 100k result with only the figures the 100k targets read. */
type Window = { p95: number; baseline: number | null; work: number };

function result({
	late = { p95: 100, baseline: 600, work: 10 } as Window,
	mid = { p95: 80, baseline: 500, work: 8 } as Window,
	ours = 1500,
	peer = 1700 as number | null
} = {}) {
	const window = (w: Window) => ({
		p95_ms: w.p95,
		baseline_p95_ms: w.baseline,
		speedup_p95: w.baseline === null ? null : Math.round((w.baseline / w.p95) * 100) / 100,
		work_p95_ms: w.work
	});
	return {
		load: {},
		load_by_size: { '100k': { story_map_ms: { median: ours }, peer_leaflet_ms: peer } },
		scrub: { '100k': { late: window(late), mid: window(mid) } }
	};
}

describe("issue 20's 100k targets", () => {
	const names = [
		'100k: scrub p95, setFilter / ours (late, mid)',
		'100k: scrub main-thread work p95 (late, mid)',
		'100k: map on screen no later than the Leaflet page (medians, this run)'
	];

	it.each([
		['all met', result(), [true, true, true]],
		[
			'exactly 5× and equal maps',
			result({ late: { p95: 100, baseline: 500, work: 16.7 }, ours: 1700 }),
			[true, true, true]
		],
		['late under 5×', result({ late: { p95: 338, baseline: 940, work: 10 } }), [false, true, true]],
		['mid under 5×', result({ mid: { p95: 200, baseline: 900, work: 8 } }), [false, true, true]],
		[
			'no setFilter figure',
			result({ mid: { p95: 80, baseline: null, work: 8 } }),
			[false, true, true]
		],
		[
			'late work over a frame',
			result({ late: { p95: 100, baseline: 600, work: 45.3 } }),
			[true, false, true]
		],
		[
			'mid work over a frame',
			result({ mid: { p95: 80, baseline: 500, work: 16.8 } }),
			[true, false, true]
		],
		['the map later than Leaflet', result({ ours: 1998, peer: 1764 }), [true, true, false]],
		['no Leaflet load', result({ peer: null }), [true, true, false]]
	])('%s', (_, run, passes) => {
		const checks = hundredKTargets(run);
		expect(checks.map((c) => c.name)).toEqual(names);
		expect(checks.map((c) => c.pass)).toEqual(passes);
	});

	it('shows the ratio with both p95s', () => {
		const [ratio] = hundredKTargets(result({ late: { p95: 338, baseline: 940, work: 10 } }));
		expect(ratio!.value).toBe('2.78× (940 ms / 338 ms), 6.25× (500 ms / 80 ms)');
	});

	it('are in the Targets block only when 100k was measured', () => {
		const none = checkTargets({ load: {}, load_by_size: {}, scrub: {} }, { previousIdleMs: 1940 });
		expect(none).toEqual([]);
		const some = checkTargets(result(), { previousIdleMs: 1940 });
		expect(some.map((c) => c.name)).toEqual(names);
	});
});

describe('columnarFromStory', () => {
	const places: Place[] = [
		{ id: 'kyiv', name: 'Kyiv', kind: 'city', country: 'UA', coordinates: [30.52, 50.45] },
		{ id: 'lviv', name: 'Lviv', kind: 'city', country: 'UA', coordinates: [24.03, 49.84] },
		{ id: 'odesa', name: 'Odesa', kind: 'city', country: 'UA', coordinates: [30.73, 46.48] }
	];
	const extent = { first: parseIsoDate('2022-02-24')!, last: parseIsoDate('2022-06-30')! };
	const story = synthesizeStory(places, 2500, extent, 7);
	const files = [...columnarFiles(columnarFromStory(story))];
	const read = readEventTable(files.find((f) => f.path === 'events.arrow')!.contents as Uint8Array);
	const features = (JSON.parse(story.events) as FeatureCollection<Point>).features;

	it('holds the same events: ids, points, dates and categories', () => {
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const { table } = read;
		expect(table.length).toBe(features.length);
		const byId = new Map(features.map((f) => [String(f.properties!.id), f]));
		for (let i = 0; i < table.length; i++) {
			const feature = byId.get(eventId(table, i))!;
			const p = feature.properties!;
			expect([table.lon[i], table.lat[i]]).toEqual(feature.geometry.coordinates);
			expect(table.start[i]).toBe(parseIsoDate(p.start));
			expect(table.end[i]).toBe(parseIsoDate(p.end));
			expect(table.categories[table.category[i]!]).toBe(p.category);
			expect(table.places[table.place[i]!]).toBe(p.place);
			byId.delete(eventId(table, i));
		}
		expect(byId.size).toBe(0);
	});

	it('is sorted by start, then end, then id', () => {
		if (!read.ok) throw new Error(read.message);
		const { table } = read;
		for (let i = 1; i < table.length; i++) {
			const order =
				table.start[i - 1]! - table.start[i]! ||
				table.end[i - 1]! - table.end[i]! ||
				(eventId(table, i - 1) < eventId(table, i) ? -1 : 1);
			expect(order).toBeLessThan(0);
		}
	});

	it('keeps each event’s words in its text chunk', () => {
		expect(files.map((f) => f.path).filter((p) => p.startsWith('text/'))).toEqual([
			'text/0.json',
			'text/1.json',
			'text/2.json'
		]);
		const first = JSON.parse(files[0]!.contents as string) as { id: string; title: string }[];
		if (!read.ok) throw new Error(read.message);
		expect(first[0]!.id).toBe(eventId(read.table, 0));
		const feature = features.find((f) => f.properties!.id === first[0]!.id)!;
		expect(first[0]!.title).toBe(feature.properties!.title);
	});
});

describe("issue 25's targets at a desk's sizes", () => {
	const at = (loads: Record<string, { ours: number; peer: number | null }>) => ({
		load_by_size: Object.fromEntries(
			Object.entries(loads).map(([size, { ours, peer }]) => [
				size,
				{ story_map_ms: { median: ours }, peer_leaflet_ms: peer }
			])
		)
	});

	it.each([
		[
			'every size on time',
			{
				'1k': { ours: 250, peer: 280 },
				'5k': { ours: 300, peer: 300 },
				'10k': { ours: 400, peer: 443 }
			},
			[true, true, true]
		],
		[
			'5k behind Leaflet',
			{
				'1k': { ours: 250, peer: 280 },
				'5k': { ours: 700, peer: 350 },
				'10k': { ours: 400, peer: 443 }
			},
			[true, false, true]
		],
		['no Leaflet figure', { '1k': { ours: 250, peer: null } }, [false]]
	])('%s', (_, loads, passes) => {
		expect(deskTargets(at(loads)).map((c) => c.pass)).toEqual(passes);
	});
});
