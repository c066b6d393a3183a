// Which form of a story each column of the benchmark reads. A story of more than
// MAX_GEOJSON_EVENTS events is always stored in the columnar form (events.arrow and text chunks;
// `npm run import` writes it so), so that is the form "ours" loads and scrubs at 10k, 100k and 1m.
// MapLibre's setFilter and the Leaflet page need GeoJSON: at 10k and 100k they read the GeoJSON
// form of the same events (same seed, ids, points, dates and categories: `npm run synthesize`'s
// `10k` beside `10k-columnar`), setFilter on our GeoJSON page of it; a million events have none.

/** src/lib/story/columnar/layout.ts's MAX_GEOJSON_EVENTS (a unit test keeps the two equal). */
export const MAX_GEOJSON_EVENTS = 5000;

/**
 * Events in each synthetic size; the project's story (`story`) has a few hundred. 5k is a desk's
 * spreadsheet as the import stores it: GeoJSON, at the most it writes so.
 * @type {Record<string, number>}
 */
export const SIZE_EVENTS = {
	'1k': 1_000,
	'5k': 5_000,
	'10k': 10_000,
	'100k': 100_000,
	'1m': 1_000_000
};

/** The synthetic sizes whose events are also built as GeoJSON for the baselines. */
export const GEOJSON_TWINS = ['10k', '100k'];

export const sizeSlug = (/** @type {string} */ size) => `bench-${size}`;
/** The GeoJSON form of a columnar size's events, built as a story of its own. */
export const geojsonSlug = (/** @type {string} */ size) => `bench-${size}-geojson`;

const OURS_LABEL = {
	geojson: 'GeoJSON (events.geojson)',
	columnar: 'columnar (events.arrow)'
};

/**
 * The forms a size is measured in:
 * - `ours`: the form the product stores it in (`geojson` or `columnar`);
 * - `baseline`: where setFilter and the Leaflet page get their GeoJSON: `same` (ours is
 *   GeoJSON: the same page and files), `twin` (the same events as GeoJSON, a story of their own:
 *   setFilter runs on our GeoJSON page of it) or `null` (no GeoJSON form: no baselines);
 * - `labels`: the same in words, for the report and the JSON.
 * @param {string} size
 */
export function sizeForms(size) {
	const events = SIZE_EVENTS[size] ?? 0;
	const columnar = events > MAX_GEOJSON_EVENTS;
	const ours = columnar ? 'columnar' : 'geojson';
	const baseline = !columnar ? 'same' : GEOJSON_TWINS.includes(size) ? 'twin' : null;
	const labels = {
		ours: `ours: ${OURS_LABEL[ours]}`,
		baselines:
			baseline === 'same'
				? 'setFilter and Leaflet: the same GeoJSON (setFilter on the same page)'
				: baseline === 'twin'
					? `setFilter and Leaflet: the same events as GeoJSON (${geojsonSlug(size)}; setFilter on our GeoJSON page of it)`
					: 'setFilter and Leaflet: none (no GeoJSON form at this size)'
	};
	return { ours, baseline, labels };
}

/**
 * The synthetic stories the bench build adds, as [folder under bench-results/synthetic, slug]:
 * each size in the form the product stores it, and the GeoJSON twins beside them.
 * @param {string[]} [sizes]
 * @returns {[string, string][]}
 */
export function buildStories(sizes = Object.keys(SIZE_EVENTS)) {
	return sizes.flatMap((size) => {
		const { ours, baseline } = sizeForms(size);
		/** @type {[string, string][]} */
		const stories = [
			[ours === 'columnar' && baseline === 'twin' ? `${size}-columnar` : size, sizeSlug(size)]
		];
		if (baseline === 'twin') stories.push([size, geojsonSlug(size)]);
		return stories;
	});
}

/** Whether a bench build (its build-info.json) holds every story this bench measures, in its form. */
/** @param {{ stories?: Record<string, string> } | object | null | undefined} info */
export function buildHasStories(info) {
	const built = (info && 'stories' in info ? info.stories : undefined) ?? {};
	return buildStories().every(([from, slug]) => built[slug] === from);
}
