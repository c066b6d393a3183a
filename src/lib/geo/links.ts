import greatCircle from '@turf/great-circle';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { categoryColor } from '../scales/category';
import type { LonLat, Story } from '../story/types';

export interface LinkProperties {
	event: string;
	from: string;
	to: string;
	category: string;
	/** The category's colour, from the one scale: the map draws it as it is. */
	color: string;
	start: number;
	end: number;
}
export type Links = FeatureCollection<LineString | MultiLineString, LinkProperties>;

type Arc = LineString | MultiLineString;

const NPOINTS = 64;
const RADIANS = Math.PI / 180;

/**
 * Past this many degrees apart, two places are so nearly opposite that the shortest route between
 * them is a matter of rounding (and turf refuses exactly opposite ones: every great circle through
 * them is as short as every other).
 */
const NEAR_ANTIPODAL_DEGREES = 179.5;

/** Angular distance in degrees (haversine, which stays accurate near 0 and 180). */
function degreesApart([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
	const h =
		Math.sin(((lat2 - lat1) * RADIANS) / 2) ** 2 +
		Math.cos(lat1 * RADIANS) *
			Math.cos(lat2 * RADIANS) *
			Math.sin(((lon2 - lon1) * RADIANS) / 2) ** 2;
	return (2 * Math.asin(Math.sqrt(Math.min(1, h)))) / RADIANS;
}

function lines(arc: Arc): Position[][] {
	return arc.type === 'LineString' ? [arc.coordinates] : arc.coordinates;
}

/**
 * The route from `from` to the far side of the Earth. Any great circle through two opposite
 * points is a shortest route; this takes the one that sets off due east, which keeps
 * to the latitudes of the two places instead of crossing a pole (Web Mercator cannot draw one).
 * It goes by the point on the equator a quarter of the way round, so each half is an ordinary arc.
 */
function antipodalArc(from: LonLat, to: LonLat): Arc {
	const lon = from[0] + 90;
	const via: LonLat = [lon > 180 ? lon - 360 : lon, 0];
	const parts = [
		...lines(greatCircle(from, via, { npoints: NPOINTS / 2 }).geometry),
		...lines(greatCircle(via, to, { npoints: NPOINTS / 2 }).geometry)
	];
	if (parts.length === 2) {
		return { type: 'LineString', coordinates: [...parts[0]!, ...parts[1]!.slice(1)] };
	}
	return { type: 'MultiLineString', coordinates: parts };
}

/** A finite arc between two places, or null when there is nothing to draw. */
export function linkArc(from: LonLat, to: LonLat): Arc | null {
	const apart = degreesApart(from, to);
	// Two places at one point (a venue in its city, -180° and 180°, a pole) have no line between them.
	if (apart < 1e-7) return null;
	const arc =
		apart > NEAR_ANTIPODAL_DEGREES
			? antipodalArc(from, to)
			: greatCircle(from, to, { npoints: NPOINTS }).geometry;
	// turf's cut at ±180° can leave a one-point piece, which is no line at all; and the map would
	// reject a NaN. Better one missing arc than a story that does not load.
	const kept: Position[][] = [];
	for (const line of lines(arc)) {
		if (line.length < 2) continue;
		for (const [x, y] of line) if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
		kept.push(line);
	}
	if (kept.length === 0) return null;
	return kept.length === 1
		? { type: 'LineString', coordinates: kept[0]! }
		: { type: 'MultiLineString', coordinates: kept };
}

/**
 * Great-circle arcs from each event's main place to the other places it involves (a trip, an
 * exchange). Arcs, not straight lines, because on a Web Mercator map the shortest route from
 * Washington to Moscow bows north.
 */
export function eventLinks(story: Pick<Story, 'events' | 'placeById'>): Links {
	const features: Feature<LineString | MultiLineString, LinkProperties>[] = [];
	for (const event of story.events) {
		const from = story.placeById.get(event.place);
		if (!from) continue;
		for (const id of event.places) {
			const to = story.placeById.get(id);
			if (!to || to.id === from.id) continue;
			const arc = linkArc(from.coordinates, to.coordinates);
			if (!arc) continue;
			features.push({
				type: 'Feature',
				id: features.length,
				geometry: arc,
				properties: {
					event: event.id,
					from: from.id,
					to: to.id,
					category: event.category,
					color: categoryColor(event.category),
					start: event.start,
					end: event.end
				}
			});
		}
	}
	return { type: 'FeatureCollection', features };
}
