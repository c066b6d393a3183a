/**
 * The map's aggregates at low zoom as GeoJSON: one point per grid cell holding events by the
 * chosen day, with its count. A scrub rebuilds only these few hundred features.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { cellCounts, type EventGrid } from '../derive/event-grid';

/** "12", "1.2k", "34k", "1.2M": a count short enough for a circle. */
export function shortCount(n: number): string {
	if (n < 1000) return String(n);
	if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
	if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
	return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
}

export interface AggregateProps {
	count: number;
	label: string;
	/** The cell's index in its grid. */
	cell: number;
}

export function aggregateFeatures(
	grid: EventGrid,
	day: number,
	scratch: Int32Array = new Int32Array(grid.offsets.length - 1)
): FeatureCollection<Point, AggregateProps> {
	const counts = cellCounts(grid, day, scratch);
	const features: Feature<Point, AggregateProps>[] = [];
	for (let c = 0; c < grid.offsets.length - 1; c++) {
		const count = counts[c]!;
		if (count === 0) continue;
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [grid.lon[c]!, grid.lat[c]!] },
			properties: { count, label: shortCount(count), cell: c }
		});
	}
	return { type: 'FeatureCollection', features };
}
