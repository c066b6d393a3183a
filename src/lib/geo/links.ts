import greatCircle from '@turf/great-circle';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { categoryColor } from '../scales/category';
import { eventId, otherPlacesOf, type EventTable } from '../story/event-table';
import type { Category } from '../story/schema';
import type { LonLat, Place } from '../story/types';

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
 * Exactly opposite places have no single shortest route (every great circle through them is as
 * short as every other), and turf throws on them: the atlas failed to load such a story. A hair
 * short of opposite, turf's circle is still sound; from this close, it is antipodalPoints'.
 * Coordinates have at most 6 decimals, so two places are either exactly opposite or this far off.
 */
const ANTIPODAL_DEGREES = 180 - 1e-7;

/** Angular distance in degrees (haversine, which stays accurate near 0 and 180). */
function degreesApart([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
	const h =
		Math.sin(((lat2 - lat1) * RADIANS) / 2) ** 2 +
		Math.cos(lat1 * RADIANS) *
			Math.cos(lat2 * RADIANS) *
			Math.sin(((lon2 - lon1) * RADIANS) / 2) ** 2;
	return (2 * Math.asin(Math.sqrt(Math.min(1, h)))) / RADIANS;
}

/**
 * Points along the great circle, not yet cut at ±180°. turf's own cut (offset 10) leaves a gap at
 * the antimeridian and can leave a one-point piece, so this asks it not to cut (offset 0) and
 * cuts in splitAtAntimeridian.
 */
function greatCirclePoints(from: Position, to: Position, npoints: number): Position[] {
	const { geometry } = greatCircle(from, to, { npoints, offset: 0 });
	return geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * Cuts a line where it crosses ±180°, ending one piece on the edge and starting the next on the
 * other edge at the same latitude, as the basemap is cut: drawn whole, the step from 179° to
 * -179° would cross the whole map.
 */
function splitAtAntimeridian(points: Position[]): Position[][] {
	const pieces: Position[][] = [];
	let piece: Position[] = [];
	let previous: Position | undefined;
	for (const point of points) {
		if (previous && Math.abs(point[0]! - previous[0]!) > 180) {
			const [x1, y1] = previous as [number, number];
			const [x2, y2] = point as [number, number];
			const east = x1 > x2; // crossing eastwards, from +180 over to -180
			const x2Unwrapped = east ? x2 + 360 : x2 - 360;
			const edge = east ? 180 : -180;
			const t = x2Unwrapped === x1 ? 0 : (edge - x1) / (x2Unwrapped - x1);
			const y = y1 + t * (y2 - y1);
			piece.push([edge, y]);
			pieces.push(piece);
			piece = [[-edge, y]];
		}
		piece.push(point);
		previous = point;
	}
	pieces.push(piece);
	return pieces;
}

/**
 * Points of a route from `from` to the far side of the Earth. Any great circle through two
 * opposite points is a shortest route; this takes the one that sets off due east, which keeps to
 * the latitudes of the two places instead of crossing a pole (Web Mercator cannot draw one). It
 * goes by the point on the equator a quarter of the way round, so each half is an ordinary arc.
 */
function antipodalPoints(from: LonLat, to: LonLat): Position[] {
	const lon = from[0] + 90;
	const via: LonLat = [lon > 180 ? lon - 360 : lon, 0];
	const first = greatCirclePoints(from, via, NPOINTS / 2);
	const second = greatCirclePoints(via, to, NPOINTS / 2);
	return [...first, ...second.slice(1)];
}

/** A finite arc between two places, or null when there is nothing to draw. */
export function linkArc(from: LonLat, to: LonLat): Arc | null {
	const apart = degreesApart(from, to);
	// Two places at one point (a venue in its city, -180° and 180°, a pole) have no line between them.
	if (apart < 1e-7) return null;
	let points: Position[];
	try {
		points =
			apart > ANTIPODAL_DEGREES ? antipodalPoints(from, to) : greatCirclePoints(from, to, NPOINTS);
	} catch {
		// turf's own test for opposite points is exact equality, on its own arithmetic: should it
		// ever disagree with ours, take the route it cannot refuse.
		points = antipodalPoints(from, to);
	}
	// The map would reject a NaN: better one missing arc than a story that does not load.
	for (const [x, y] of points) if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
	// At a pole every longitude is the same point: take the neighbour's, so the line runs
	// straight into the pole instead of jumping sideways along the edge of the map.
	for (let i = 0; i < points.length; i++) {
		const neighbour = points[i === 0 ? 1 : i - 1];
		if (Math.abs(points[i]![1]!) === 90 && neighbour) points[i] = [neighbour[0]!, points[i]![1]!];
	}
	// A place on ±180° itself starts with a piece of one point, twice: no line at all.
	const pieces = splitAtAntimeridian(points).filter((piece) =>
		piece.some(([x, y]) => x !== piece[0]![0] || y !== piece[0]![1])
	);
	if (pieces.length === 0) return null;
	return pieces.length === 1
		? { type: 'LineString', coordinates: pieces[0]! }
		: { type: 'MultiLineString', coordinates: pieces };
}

/**
 * Great-circle arcs from each event's main place to the other places it involves (a trip, an
 * exchange), read from the event table, so a story of any size keeps its links. Arcs, not
 * straight lines, because on a Web Mercator map the shortest route from Washington to Moscow bows
 * north.
 */
export function eventLinks(table: EventTable, places: readonly Place[]): Links {
	const features: Feature<LineString | MultiLineString, LinkProperties>[] = [];
	for (let i = 0; i < table.length; i++) {
		const fromIndex = table.place[i]!;
		const from = places[fromIndex];
		if (!from) continue;
		for (const p of otherPlacesOf(table, i)) {
			const to = places[p];
			if (!to || p === fromIndex) continue;
			const arc = linkArc(from.coordinates, to.coordinates);
			if (!arc) continue;
			const category = table.categories[table.category[i]!] as Category;
			features.push({
				type: 'Feature',
				id: features.length,
				geometry: arc,
				properties: {
					event: eventId(table, i),
					from: from.id,
					to: to.id,
					category,
					color: categoryColor(category),
					start: table.start[i]!,
					end: table.end[i]!
				}
			});
		}
	}
	return { type: 'FeatureCollection', features };
}
