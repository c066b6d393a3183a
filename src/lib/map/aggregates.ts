/**
 * The map's aggregates at low zoom: each band's cells are handed to MapLibre once, as GeoJSON
 * points whose ids are the cells' indexes, and a day's counts then go in as feature-state. A scrub
 * changes the state of the cells whose count changed; it never re-tiles.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { EventGrid } from '../derive/event-grid';

/** "12", "1.2k", "34k", "1.2M": a count short enough for a circle. */
export function shortCount(n: number): string {
	if (n < 1000) return String(n);
	if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
	if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
	return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
}

/** Every cell of a band, whatever the day: feature id = the cell's index in its grid. */
export function bandFeatures(grid: EventGrid): FeatureCollection<Point> {
	const features: Feature<Point>[] = [];
	for (let c = 0; c < grid.offsets.length - 1; c++) {
		features.push({
			type: 'Feature',
			id: c,
			geometry: { type: 'Point', coordinates: [grid.lon[c]!, grid.lat[c]!] },
			properties: {}
		});
	}
	return { type: 'FeatureCollection', features };
}

/**
 * The cells whose count differs between what the map was last told (`written`) and the day's
 * `counts`, in cell order; `written` is brought up to date as they are found.
 */
export function changedCells(written: Int32Array, counts: Int32Array): number[] {
	const changed: number[] = [];
	for (let c = 0; c < counts.length; c++) {
		if (written[c] === counts[c]) continue;
		written[c] = counts[c]!;
		changed.push(c);
	}
	return changed;
}

/** The count a cell's circle reads; a cell the map has not been told about counts 0. */
const COUNT: ExpressionSpecification = ['coalesce', ['feature-state', 'count'], 0];
const whenCounted = (value: number | ExpressionSpecification): ExpressionSpecification => [
	'case',
	['>', COUNT, 0],
	value,
	0
];

/** The circles' colour, on the map and in the page's picture of it. */
export const AGGREGATE_COLOR = '#b3541e';

/**
 * The circles' paint, from feature-state alone (paint properties can read it; layout cannot): a
 * cell with nothing by the day has no radius, fill or outline.
 */
export const AGGREGATE_PAINT: CircleLayerSpecification['paint'] = {
	'circle-radius': whenCounted([
		'interpolate',
		['linear'],
		['sqrt', COUNT],
		1,
		9,
		100,
		22,
		1000,
		40
	]),
	'circle-color': AGGREGATE_COLOR,
	'circle-opacity': whenCounted(0.8),
	'circle-stroke-color': '#ffffff',
	'circle-stroke-width': whenCounted(1.5)
};
