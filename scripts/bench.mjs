/**
 * npm run bench [-- --json] [-- --help for every option]
 *
 * Serves the bench build (bench-results/build, made by `npm run bench:build`, or here if there is
 * none yet), waits for a quiet machine, drives headless Chromium and prints what a reader waits
 * for, beside a plain Leaflet page showing the same story (scripts/bench/peer-leaflet/):
 *
 * - cold load of the story: first and largest contentful paint, the story's map on screen, first
 *   idle, layout shift, the bytes before first contentful paint and those of the first view;
 *   the same load times for the synthetic stories of 1k, 10k, 100k and 1m events, each in the form
 *   the product stores it in (bench/forms.mjs: GeoJSON up to 5,000 events, columnar past it),
 *   with the longest main-thread task while it loads, beside the Leaflet page's loads;
 * - scrub latency in a late window (the last ten days: nearly every event shown) and a mid window
 *   (about 30 % shown), ours against MapLibre's plain setFilter and against the Leaflet page, both
 *   on the GeoJSON form of the same events (at 10k and 100k a GeoJSON story of its own beside the
 *   columnar one; setFilter runs on our GeoJSON page of it; 1m has no GeoJSON form);
 * - heap growth over 1,000 scrubs and frame times while playing;
 * - the issue's targets, PASS or FAIL (never the exit code).
 *
 * With --json the last line is one JSON object; everything else goes to stderr.
 */
import { chromium } from '@playwright/test';
import { cpus } from 'node:os';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.mjs';
import { buildForBench, headCommit, readBuildInfo } from './bench/build.mjs';
import { scrubSetFilter } from './bench/baseline.mjs';
import { coldLoadApp, coldLoadPeer } from './bench/cold-load.mjs';
import { heapOverScrubs } from './bench/memory.mjs';
import { LOAD_BUDGET_S, parseOptions, USAGE, WARMUP } from './bench/options.mjs';
import { scrubPeer } from './bench/peer-scrub.mjs';
import { framesWhilePlaying } from './bench/play.mjs';
import { waitForQuietMachine } from './bench/quiet.mjs';
import { reportLines } from './bench/report.mjs';
import { scrubAtlas } from './bench/scrub.mjs';
import { sizeForms } from './bench/forms.mjs';
import { BASE, appUrl, eventsFile, geojsonForm, peerUrl, serveBench } from './bench/site.mjs';
import { loadFigures, repaintMedian, windowFigures } from './bench/figures.mjs';
import { summary } from './bench/stats.mjs';
import { checkTargets } from './bench/targets.mjs';
import { readStoryDays, scrubWindows, WINDOW_DAYS } from './bench/windows.mjs';

const options = parseOptions(process.argv.slice(2));
if (options.help) {
	console.log(USAGE);
	process.exit(0);
}
const log = (...a) => (options.json ? console.error(...a) : console.log(...a));

// Building is slow (and the 100k story's page is large): reuse the last bench build unless told.
let build = readBuildInfo();
if (options.build === 'never' && !build)
	throw new Error(
		'no bench build, or one without every story in the form measured here: npm run bench:build'
	);
// Asking for a commit is asking for a build of it.
if (options.build === 'always' || options.rev || !build) {
	build = buildForBench({ rev: options.rev, stdio: options.json ? ['ignore', 2, 2] : 'inherit' });
} else {
	const head = headCommit();
	log(
		`Reusing the bench build of ${build.built_at} (${build.commit.slice(0, 10)}${build.dirty ? ' with uncommitted changes' : ''}${build.commit === head ? '' : `; HEAD is now ${head.slice(0, 10)}`}); npm run bench:build or --build to rebuild.`
	);
}

const server = await serveBench();
const machine = await waitForQuietMachine({
	threshold: options.quietLoad,
	timeoutS: options.quietTimeoutS,
	log
});
const browser = await chromium.launch({
	executablePath: CHROMIUM_PATH,
	args: [...CHROMIUM_ARGS, '--enable-precise-memory-info']
});

const result = {
	machine: {
		description: `${process.platform} ${process.arch}, ${cpus().length} cores, Chromium software WebGL (SwiftShader)`,
		...machine
	},
	build,
	settings: {
		moves_per_window: options.moves,
		warmup_moves: WARMUP,
		window_days: WINDOW_DAYS,
		max_loads: options.loads,
		load_budget_s: LOAD_BUDGET_S
	},
	load: {},
	load_by_size: {},
	scrub: {},
	memory: {},
	memory_by_size: {},
	play: {},
	// What each column read, by size: ours, and setFilter and the Leaflet page (forms.mjs).
	forms: Object.fromEntries(options.sizes.map((size) => [size, sizeForms(size).labels])),
	targets: []
};

/**
 * Cold loads of one size, the Leaflet page's interleaved with ours (when the size has a GeoJSON
 * form for it) so that a noisy moment hits both. Another load is made only while it fits the
 * size's time budget (a 100k story can take a minute); the last load's page is kept open to scrub.
 */
async function coldLoads(size) {
	const runs = [];
	const peerRuns = [];
	const started = Date.now();
	const withPeer = sizeForms(size).baseline !== null;
	let longest = 0;
	for (let i = 0; ; i++) {
		if (withPeer) {
			const peer = await coldLoadPeer(browser, peerUrl(size), { timeout: 240_000 });
			peerRuns.push(peer.run);
			await peer.context.close();
		}
		const t0 = Date.now();
		const app = await coldLoadApp(browser, appUrl(size), { timeout: 240_000 });
		longest = Math.max(longest, (Date.now() - t0) / 1000);
		runs.push(app.run);
		log(
			`  load ${i + 1}: story map ${app.run.story_map_ms} ms (${app.run.story_map_source}), first idle ${app.run.first_idle_ms} ms${peerRuns[i] ? `; Leaflet ${peerRuns[i].peer_leaflet_ms} ms` : ''}`
		);
		const elapsed = (Date.now() - started) / 1000;
		if (i + 1 >= options.loads[size] || elapsed + longest > LOAD_BUDGET_S) {
			return { runs, peerRuns, page: app.page, context: app.context };
		}
		await app.context.close();
	}
}

/** One size: its loads, then ours, setFilter and Leaflet scrubbed in both windows. */
async function measureSize(size) {
	const forms = sizeForms(size);
	const days = readStoryDays(eventsFile(size));
	const windows = scrubWindows(days);
	const moves = options.moves[size];
	log(`${size}: ${forms.labels.ours}; ${forms.labels.baselines}`);
	log(`${size}: cold loads…`);
	const { runs, peerRuns, page, context } = await coldLoads(size);
	const events = await page.evaluate(
		() => document.querySelector('.events .count')?.textContent?.match(/of ([\d,]+)/)?.[1] ?? null
	);
	log(`${size}: scrub, ours (${moves} moves a window)…`);
	const ours = {};
	for (const name of ['late', 'mid']) {
		ours[name] = await scrubAtlas(page, {
			endOffset: windows[name].end_offset,
			moves,
			warmup: WARMUP,
			floor: name === 'late'
		});
		if (ours[name].reached !== windows[name].end_offset) {
			log(
				`  WARNING: the slider reached day ${ours[name].reached}, not ${windows[name].end_offset}, for the ${name} window`
			);
		}
	}
	// The heap over 1,000 scrubs of a big story is the 1m target's; at 100k it would cost minutes.
	if (size === '1m') {
		log(`${size}: memory over 1,000 scrubs…`);
		result.memory_by_size[size] = await heapOverScrubs(page);
	}
	if (size === 'story') {
		log('story: memory over 1,000 scrubs…');
		result.memory = await heapOverScrubs(page);
		log('story: playing…');
		result.play = await framesWhilePlaying(page);
	}
	// setFilter reads the GeoJSON form of the same events on our GeoJSON page: this page when
	// ours is GeoJSON, else one load of the GeoJSON twin's page (forms.mjs). A million events have
	// no GeoJSON form: a million circles in one GeoJSON source, or a million Leaflet markers, is
	// what the columnar form exists to avoid.
	const geojson = geojsonForm(size);
	let base = { late: [], mid: [] };
	let geojsonPageRun = null;
	if (!geojson) {
		log(`${size}: no setFilter baseline or Leaflet peer (no GeoJSON form at this size)`);
		await context.close();
	} else {
		let basePage = { page, context };
		if (forms.baseline === 'twin') {
			await context.close();
			log(`${size}: our GeoJSON page of the same events, one load, for setFilter…`);
			const twin = await coldLoadApp(browser, geojson.url, { timeout: 240_000 });
			geojsonPageRun = twin.run;
			log(
				`  GeoJSON page: story map ${twin.run.story_map_ms} ms (${twin.run.story_map_source}), first idle ${twin.run.first_idle_ms} ms`
			);
			basePage = twin;
		}
		log(`${size}: scrub, setFilter…`);
		base = await scrubSetFilter(basePage.page, {
			eventsUrl: `${BASE}${geojson.folder}/events.geojson`,
			windows: ['late', 'mid'].map((name) => ({
				name,
				endDay: days.first + windows[name].end_offset
			})),
			moves,
			warmup: WARMUP
		});
		await basePage.context.close();
	}

	const peer = { late: { frame: [] }, mid: { frame: [] } };
	const peerPage = geojson
		? await coldLoadPeer(browser, peerUrl(size), { timeout: 240_000 })
		: null;
	if (peerPage) log(`${size}: Leaflet peer, load and scrub…`);
	for (const name of peerPage ? ['late', 'mid'] : []) {
		peer[name] = await scrubPeer(peerPage.page, {
			endOffset: windows[name].end_offset,
			moves,
			warmup: WARMUP
		});
		if (peer[name].reached !== windows[name].end_offset) {
			log(
				`  WARNING: the Leaflet page's range reached ${peer[name].reached}, not ${windows[name].end_offset}`
			);
		}
	}
	await peerPage?.context.close();

	const figures = (name) =>
		windowFigures({
			moves,
			window: windows[name],
			ours: ours[name],
			baseline: base[name],
			peer: peer[name]
		});
	const late = figures('late');
	// The late window's figures stay at the top level too, where earlier runs had them.
	result.scrub[size] = {
		events,
		form: forms.labels,
		work_p95_ms: late.work_p95_ms,
		repaint_median_ms: repaintMedian(ours.late.repaint),
		repaint_frame_median_ms: repaintMedian(ours.late.repaintFrame),
		median_ms: late.median_ms,
		p95_ms: late.p95_ms,
		baseline_median_ms: late.baseline_median_ms,
		baseline_p95_ms: late.baseline_p95_ms,
		speedup_p95: late.speedup_p95,
		peer_leaflet_p95_ms: late.peer_leaflet_p95_ms,
		late,
		mid: figures('mid')
	};

	const { first_idle_ms: idle, ...loads } = loadFigures(runs);
	if (size === 'story') {
		// First idle keeps the flat keys it has always had.
		result.load = {
			first_idle_ms: idle.median,
			first_idle_p95_ms: idle.p95,
			...loads,
			bytes_gz: Object.values(runs[0].bytes_gz_by_kind).reduce((a, b) => a + b, 0),
			bytes_gz_by_kind: runs[0].bytes_gz_by_kind,
			peer_leaflet_ms: summary(peerRuns.map((r) => r.peer_leaflet_ms)),
			peer_leaflet_bytes_gz: peerRuns[0].bytes_gz,
			peer_leaflet_bytes_gz_by_kind: peerRuns[0].bytes_gz_by_kind,
			runs,
			peer_runs: peerRuns
		};
	} else {
		result.load_by_size[size] = {
			events,
			form: forms.labels,
			loads: runs.length,
			first_idle_ms: idle,
			...loads,
			// The median of the Leaflet loads interleaved with ours (null without a GeoJSON form).
			peer_leaflet_ms: peerRuns.length
				? summary(peerRuns.map((r) => r.peer_leaflet_ms)).median
				: null,
			peer_leaflet_summary: peerRuns.length
				? summary(peerRuns.map((r) => r.peer_leaflet_ms))
				: null,
			// One load of our GeoJSON page of the same events (10k, 100k), the page setFilter ran on.
			geojson_page: geojsonPageRun,
			runs,
			peer_runs: peerRuns
		};
	}
}

const started = Date.now();
for (const size of options.sizes) await measureSize(size);
await browser.close();
server.close();
result.duration_s = Math.round((Date.now() - started) / 1000);
result.targets = checkTargets(result, options);

log(reportLines(result).join('\n'));
log(`\n(${result.duration_s} s of measuring)`);
if (options.json) console.log(JSON.stringify(result));
process.exit(0);
