// What a reader sees during a load, recorded inside the page from the start of the document (an
// init script runs before any of the page's own): first and largest contentful paint, layout
// shifts, the first frame with the story's map on screen, and the map's first idle.

/**
 * The init script (serialised into the page, so it must not close over anything).
 *
 * The story's map is on screen at the earliest of
 *  (a) the first animation frame in which the build-time picture of the map
 *      (`svg[data-map-picture]`) holds a place (`[data-place]`), or a circle of summed events
 *      (`[data-cell]`, the first view of a story too big for its HTML), and is visible, polled on every
 *      frame from the start of the document, and
 *  (b) the app's `performance.mark('story-map-drawn')`: MapLibre's first frame with the story.
 * A build with neither falls back to the first `atlas-idle` (src/lib/map/bench-hooks.ts).
 */
export function loadProbe() {
	const probe = {
		fcp: null,
		lcp: null,
		cls: 0,
		shifts: 0,
		picture: null,
		idle: null
	};
	window.__bench = probe;
	// Every response's timing is kept, however many the page fetches (the default is 250).
	performance.setResourceTimingBufferSize(100_000);
	const observe = (type, each) => {
		try {
			new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({
				type,
				buffered: true
			});
		} catch {
			/* an entry type this browser does not have stays null */
		}
	};
	// Long tasks on the page's main thread until the first idle: what blocks a reader while it loads.
	probe.longTasks = [];
	observe('longtask', (e) => {
		if (probe.idle === null) probe.longTasks.push(Math.round(e.duration));
	});
	observe('paint', (e) => {
		if (e.name === 'first-contentful-paint') probe.fcp = e.startTime;
	});
	// The last candidate before the measurement ends is the LCP (no input is made meanwhile).
	observe('largest-contentful-paint', (e) => (probe.lcp = e.startTime));
	// CLS as the sum of every shift not caused by recent input, over the whole load.
	// The elements that moved in each shift are noted too, to say where a shift comes from.
	probe.shiftSources = [];
	const describe = (node) =>
		node instanceof Element
			? `${node.localName}${node.id ? `#${node.id}` : ''}${[...node.classList]
					.filter((c) => !c.startsWith('svelte-'))
					.map((c) => `.${c}`)
					.join('')}`
			: String(node?.nodeName ?? '?');
	observe('layout-shift', (e) => {
		if (e.hadRecentInput) return;
		probe.cls += e.value;
		probe.shifts += 1;
		probe.shiftSources.push({
			at_ms: Math.round(e.startTime),
			value: Math.round(e.value * 10000) / 10000,
			moved: e.sources.map((s) => describe(s.node))
		});
	});
	document.addEventListener('atlas-idle', () => (probe.idle ??= performance.now()), true);

	const visible = (el) => {
		const box = el.getBoundingClientRect();
		if (box.width <= 0 || box.height <= 0) return false;
		// checkVisibility looks up the ancestors too: display:none, visibility, opacity 0.
		if (el.checkVisibility) {
			return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
		}
		for (let node = el; node instanceof Element; node = node.parentElement) {
			const style = getComputedStyle(node);
			if (style.display === 'none' || Number(style.opacity) === 0) return false;
		}
		return getComputedStyle(el).visibility !== 'hidden';
	};
	const started = performance.now();
	const poll = () => {
		const svg = document.querySelector('svg[data-map-picture]');
		// A place, or for a story the HTML does not hold, a circle of its events summed.
		if (svg && svg.querySelector('[data-place], [data-cell]') && visible(svg)) {
			probe.picture = performance.now();
			return;
		}
		// A build without the picture: stop looking once the load is long over.
		if (performance.now() - started < 180_000) requestAnimationFrame(poll);
	};
	requestAnimationFrame(poll);
}

/** The probe's figures, with the story map's time and which of its sources gave it. */
export async function readLoadProbe(page) {
	const probe = await page.evaluate(() => ({
		...window.__bench,
		mark: performance.getEntriesByName('story-map-drawn', 'mark')[0]?.startTime ?? null,
		timeOrigin: performance.timeOrigin,
		pageEnds: Object.fromEntries(
			[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
				// Reversed so that a URL fetched twice keeps its first response's time.
				.reverse()
				.map((e) => [e.name, e.responseEnd])
		)
	}));
	const candidates = [
		['map-picture', probe.picture],
		['maplibre-mark', probe.mark]
	].filter(([, t]) => typeof t === 'number');
	candidates.sort((a, b) => a[1] - b[1]);
	const [source, storyMap] = candidates[0] ?? ['atlas-idle', probe.idle];
	return { ...probe, storyMap, source };
}

/** Resolves at the map's first `atlas-idle`: settled, with the story drawn. */
export async function waitForFirstIdle(page, timeout) {
	await page.waitForFunction(() => window.__bench?.idle, null, { timeout, polling: 100 });
}
