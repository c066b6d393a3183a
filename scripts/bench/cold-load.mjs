// Cold loads: each in a new browser context, so the cache is empty and nothing is shared with the
// previous run, as for a reader opening the link for the first time.
import { bytesByKind, recordResponses, responsesBefore } from './bytes.mjs';
import { loadProbe, readLoadProbe, waitForFirstIdle } from './load-probe.mjs';
import { round } from './stats.mjs';

export const VIEWPORT = { width: 1280, height: 800 };
/** Layout shifts are summed until the map is idle and at least this long after navigation. */
const MEASURE_AT_LEAST_MS = 4000;
/** …and for this long after the first idle, for a swap that lands just after it. */
const AFTER_IDLE_MS = 500;

export async function newPage(browser) {
	const context = await browser.newContext({ viewport: VIEWPORT });
	const page = await context.newPage();
	return { context, page };
}

/**
 * One cold load of the atlas at `url`. The page is left open for the caller to go on with or
 * close (scrubbing the last load's page saves loading a large story once more).
 */
export async function coldLoadApp(browser, url, { timeout = 120_000 } = {}) {
	const { context, page } = await newPage(browser);
	await page.addInitScript(loadProbe);
	const responses = recordResponses(page);
	await page.goto(url, { waitUntil: 'commit', timeout });
	await waitForFirstIdle(page, timeout);
	await page.waitForFunction(
		([atLeast, after]) => performance.now() >= Math.max(atLeast, window.__bench.idle + after),
		[MEASURE_AT_LEAST_MS, AFTER_IDLE_MS],
		{ timeout, polling: 100 }
	);
	const probe = await readLoadProbe(page);
	// "Bytes of the first view" has always meant everything fetched until the network is quiet.
	await page.waitForLoadState('networkidle', { timeout });
	const all = await responses.settle();
	const beforeContent = responsesBefore(all, probe.fcp, probe);
	const run = {
		fcp_ms: round(probe.fcp),
		lcp_ms: round(probe.lcp),
		story_map_ms: round(probe.storyMap),
		story_map_source: probe.source,
		picture_ms: round(probe.picture),
		maplibre_mark_ms: round(probe.mark),
		first_idle_ms: round(probe.idle),
		longest_task_ms: probe.longTasks.length ? Math.max(...probe.longTasks) : 0,
		long_tasks_over_200_ms: probe.longTasks.filter((d) => d > 200).length,
		cls: round(probe.cls, 4),
		layout_shifts: probe.shifts,
		layout_shift_sources: probe.shiftSources,
		bytes_before_content_gz: beforeContent && beforeContent.reduce((sum, r) => sum + r.gz, 0),
		bytes_before_content_gz_by_kind: beforeContent && bytesByKind(beforeContent),
		bytes_gz_by_kind: bytesByKind(all)
	};
	return { run, context, page };
}

/**
 * One cold load of the Leaflet peer page: navigation start to its map drawn with the markers. The
 * page is left open, as for the atlas.
 */
export async function coldLoadPeer(browser, url, { timeout = 120_000 } = {}) {
	const { context, page } = await newPage(browser);
	const responses = recordResponses(page);
	await page.goto(url, { waitUntil: 'commit', timeout });
	await page.waitForFunction(() => performance.getEntriesByName('peer-drawn').length > 0, null, {
		timeout,
		polling: 100
	});
	const drawn = await page.evaluate(() => ({
		drawn: performance.getEntriesByName('peer-drawn')[0].startTime,
		fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
	}));
	await page.waitForLoadState('networkidle', { timeout });
	const all = await responses.settle();
	const byKind = bytesByKind(all);
	const run = {
		peer_leaflet_ms: round(drawn.drawn),
		fcp_ms: round(drawn.fcp),
		bytes_gz: Object.values(byKind).reduce((a, b) => a + b, 0),
		bytes_gz_by_kind: byKind
	};
	return { run, context, page };
}
