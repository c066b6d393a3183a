/**
 * npm run bench [-- --json] [-- --no-build]   (--no-build: reuse a build made with VITE_BENCH_HOOKS=1)
 * Builds the app, serves it, drives headless Chromium and prints what a reader waits for: cold
 * load, bytes of the first view, scrub latency for the story and for synthetic stories of 1k, 10k
 * and 100k events (against MapLibre's plain setFilter on the same page), heap growth over 1,000
 * scrubs, and frame times while playing. With --json the last line is one JSON object.
 */
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.mjs';
import { serveStatic } from './lib/static-server.mjs';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const log = (...a) => (json ? console.error(...a) : console.log(...a));
const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}/`;
const SIZES = ['1k', '10k', '100k'];
const REPS = { story: 120, '1k': 80, '10k': 60, '100k': 40 };
const run = (cmd) => execSync(cmd, { stdio: json ? ['ignore', 'ignore', 'inherit'] : 'inherit' });

// The benchmark's hooks (src/lib/map/bench-hooks.ts) exist only in a build made for it.
if (!args.has('--no-build')) run('VITE_BENCH_HOOKS=1 npm run -s build');
run('npm run -s synthesize -- bench-results/synthetic');

// The built site as a CDN serves it; each synthetic story is the same site under its own
// sub-path, with only the story files swapped.
const mounts = { '/': 'build' };
for (const size of SIZES) {
	mounts[`/${size}/`] = 'build';
	mounts[`/${size}/generated/story/`] = `bench-results/synthetic/${size}`;
}
const server = await serveStatic(mounts, PORT);

const browser = await chromium.launch({
	executablePath: CHROMIUM_PATH,
	args: [...CHROMIUM_ARGS, '--enable-precise-memory-info']
});

const quantile = (values, q) => {
	const s = [...values].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const stats = (values) => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95) });
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

function category(url, body) {
	// The lazy chunk holding MapLibre has a hashed name: recognise it by what it holds.
	if (
		/maplibre/i.test(url) ||
		(/\.m?js$/.test(url) && body.length > 300_000 && body.includes('maplibre'))
	)
		return 'maplibre';
	if (/countries|country-labels/.test(url)) return 'basemap';
	if (/\/generated\/story\//.test(url)) return 'data';
	if (/\.woff2?$/.test(url)) return 'fonts';
	return 'app';
}

/** A new page that notes when the map first settles with the story drawn. */
async function openPage() {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.addInitScript(() => {
		document.addEventListener('atlas-idle', () => (window.__firstIdle ??= performance.now()), true);
	});
	return { context, page };
}

async function coldLoad() {
	const times = [];
	let bytes = null;
	for (let i = 0; i < 5; i++) {
		const { context, page } = await openPage();
		const sizes = {};
		page.on('response', async (response) => {
			try {
				const body = await response.body();
				const key = category(response.url(), body.toString('latin1'));
				sizes[key] = (sizes[key] ?? 0) + gzipSync(body).length;
			} catch {
				/* redirects and aborted requests have no body */
			}
		});
		await page.goto(`${BASE}`);
		await page.waitForFunction(() => window.__firstIdle, null, { timeout: 30_000 });
		times.push(await page.evaluate(() => window.__firstIdle));
		await page.waitForLoadState('networkidle');
		bytes ??= sizes;
		await context.close();
	}
	return {
		first_idle_ms: round(quantile(times, 0.5)),
		first_idle_p95_ms: round(quantile(times, 0.95)),
		bytes
	};
}

/** Scrubs the real slider by key events; each sample runs from the event to the map's next idle. */
async function scrub(page, reps) {
	return page.evaluate(async (reps) => {
		const slider = document.querySelector('[role=slider]');
		const map = window.storyAtlas.map;
		const idle = () =>
			new Promise((r) => {
				const t = setTimeout(r, 3000);
				map.once('idle', () => {
					clearTimeout(t);
					r();
				});
			});
		slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
		await idle();
		const work = [];
		const frame = [];
		for (let i = 0; i < reps; i++) {
			const key = Math.floor(i / 10) % 2 === 0 ? 'ArrowLeft' : 'ArrowRight';
			const t0 = performance.now();
			const settled = idle();
			slider.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
			await Promise.resolve();
			await new Promise((r) => queueMicrotask(r));
			work.push(performance.now() - t0);
			await settled;
			await new Promise((r) => requestAnimationFrame(r));
			frame.push(performance.now() - t0);
		}
		// The floor: one repaint with nothing changed, which is what drawing the map costs here.
		const repaint = [];
		for (let i = 0; i < 20; i++) {
			const t0 = performance.now();
			const settled = idle();
			map.triggerRepaint();
			await settled;
			repaint.push(performance.now() - t0);
		}
		return { work, frame, repaint };
	}, reps);
}

/** The plain MapLibre way on the same page: every event a circle, filtered with setFilter. */
async function baseline(page, reps) {
	return page.evaluate(async (reps) => {
		const atlas = window.storyAtlas;
		const map = atlas.map;
		const events = await (await fetch('generated/story/events.geojson')).json();
		const idle = () =>
			new Promise((r) => {
				const t = setTimeout(r, 5000);
				map.once('idle', () => {
					clearTimeout(t);
					r();
				});
			});
		// Only what the filter reads: a lean source is the fairest baseline.
		for (const f of events.features) f.properties = { day: Date.parse(f.properties.start) / 864e5 };
		map.setLayoutProperty('event-dots', 'visibility', 'none');
		map.addSource('baseline', { type: 'geojson', data: events });
		map.addLayer({
			id: 'baseline',
			type: 'circle',
			source: 'baseline',
			paint: { 'circle-radius': 4, 'circle-color': '#d7301f' }
		});
		await idle();
		let day = Date.parse('2025-04-12') / 864e5;
		const frame = [];
		for (let i = 0; i < reps; i++) {
			day += Math.floor(i / 10) % 2 === 0 ? -1 : 1;
			const t0 = performance.now();
			const settled = idle();
			map.setFilter('baseline', ['<=', ['get', 'day'], day]);
			await settled;
			await new Promise((r) => requestAnimationFrame(r));
			frame.push(performance.now() - t0);
		}
		map.removeLayer('baseline');
		map.removeSource('baseline');
		map.setLayoutProperty('event-dots', 'visibility', 'visible');
		return frame;
	}, reps);
}

async function memory(page) {
	const cdp = await page.context().newCDPSession(page);
	const heap = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		return (await cdp.send('Runtime.getHeapUsage')).usedSize;
	};
	const before = await heap();
	await page.evaluate(async () => {
		const slider = document.querySelector('[role=slider]');
		for (let i = 0; i < 1000; i++) {
			slider.dispatchEvent(
				new KeyboardEvent('keydown', {
					key: Math.floor(i / 25) % 2 ? 'ArrowRight' : 'ArrowLeft',
					bubbles: true
				})
			);
			if (i % 10 === 0) await new Promise((r) => requestAnimationFrame(r));
		}
		await new Promise((r) => setTimeout(r, 500));
	});
	const after = await heap();
	return {
		heap_before_mb: round(before / 1048576, 2),
		heap_after_mb: round(after / 1048576, 2),
		growth_mb: round((after - before) / 1048576, 2)
	};
}

async function playing(page) {
	return page.evaluate(async () => {
		const slider = document.querySelector('[role=slider]');
		slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
		const button = [...document.querySelectorAll('button')].find((b) => /Play/.test(b.textContent));
		button.click();
		const gaps = [];
		let last = performance.now();
		const end = last + 6000;
		await new Promise((resolve) => {
			const tick = (t) => {
				gaps.push(t - last);
				last = t;
				if (t < end) requestAnimationFrame(tick);
				else resolve();
			};
			requestAnimationFrame(tick);
		});
		button.click();
		gaps.sort((a, b) => a - b);
		return {
			frames: gaps.length,
			p95_frame_ms: gaps[Math.floor(gaps.length * 0.95)],
			dropped: gaps.filter((g) => g > 1000 / 60 + 4).length
		};
	});
}

const result = {
	machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, Chromium software WebGL (SwiftShader)`,
	load: {},
	scrub: {},
	memory: {},
	play: {}
};

log('cold load…');
const load = await coldLoad();
result.load = {
	first_idle_ms: load.first_idle_ms,
	first_idle_p95_ms: load.first_idle_p95_ms,
	bytes_gz: Object.values(load.bytes).reduce((a, b) => a + b, 0),
	bytes_gz_by_kind: load.bytes
};

for (const size of ['story', ...SIZES]) {
	log(`scrub: ${size}…`);
	const { context, page } = await openPage();
	await page.goto(`${BASE}${size === 'story' ? '' : `${size}/`}`);
	await page.waitForFunction(() => window.__firstIdle, null, { timeout: 120_000 });
	const ours = await scrub(page, REPS[size]);
	const entry = {
		events: await page.evaluate(
			() => document.querySelector('.events .count')?.textContent?.match(/of ([\d,]+)/)?.[1]
		),
		work_p95_ms: round(stats(ours.work).p95),
		repaint_median_ms: round(stats(ours.repaint).median),
		median_ms: round(stats(ours.frame).median),
		p95_ms: round(stats(ours.frame).p95)
	};
	if (size !== 'story') {
		const base = await baseline(page, REPS[size]);
		entry.baseline_median_ms = round(stats(base).median);
		entry.baseline_p95_ms = round(stats(base).p95);
		entry.speedup_p95 = round(entry.baseline_p95_ms / entry.p95_ms, 2);
	} else {
		log('memory over 1,000 scrubs…');
		result.memory = await memory(page);
		log('playing…');
		result.play = await playing(page);
	}
	result.scrub[size] = entry;
	await context.close();
}
await browser.close();
server.close();

const kb = (b) => `${round(b / 1024)} KB`;
const lines = [
	`Story Atlas benchmark: ${result.machine}`,
	'',
	`Cold load to first idle: median ${result.load.first_idle_ms} ms, p95 ${result.load.first_idle_p95_ms} ms`,
	`First view, gzip: ${kb(result.load.bytes_gz)} = ${Object.entries(result.load.bytes_gz_by_kind)
		.map(([k, v]) => `${k} ${kb(v)}`)
		.join(', ')}`,
	'',
	'| scrub | events | main-thread work p95 | to settled frame, median | p95 | one plain repaint, median | setFilter baseline p95 | baseline / ours |',
	'|---|---|---|---|---|---|---|---|',
	...Object.entries(result.scrub).map(
		([k, s]) =>
			`| ${k} | ${s.events} | ${s.work_p95_ms} ms | ${s.median_ms} ms | ${s.p95_ms} ms | ${s.repaint_median_ms} ms | ${s.baseline_p95_ms ?? '–'}${s.baseline_p95_ms ? ' ms' : ''} | ${s.speedup_p95 ? `${s.speedup_p95}×` : '–'} |`
	),
	'',
	`Heap over 1,000 scrubs: ${result.memory.heap_before_mb} MB → ${result.memory.heap_after_mb} MB (${result.memory.growth_mb >= 0 ? '+' : ''}${result.memory.growth_mb} MB)`,
	`Playing (6 s): ${result.play.frames} frames, p95 frame ${round(result.play.p95_frame_ms)} ms, ${result.play.dropped} over 20.7 ms`
];
log(lines.join('\n'));
if (json) console.log(JSON.stringify(result));
process.exit(0);
