/**
 * What a big story's map offers the keyboard (count-labels.ts keys it): below DOTS_ZOOM the cells
 * of the zoom's band with events by the day, labelled with their counts; zoomed in, the places on
 * screen. Names are worked out when asked (on focus), never for every label on a scrub.
 */
import type { EventGrid } from '../derive/event-grid';
import { placeCountBy, type PlaceRows } from '../derive/place-rows';
import type { Place } from '../story/types';
import type { EventTable } from '../story/event-table';
import { shortCount } from './aggregates';
import type { KeySource, LabelMap } from './count-labels';
import { LABEL_MARGIN_PX, type LabelCandidate, type View } from './label-layout';
import { cellKeyName, nearestPlace, placeKeyName } from './map-keys';

/** A place's key: the circle (12 px) with room for the focus ring. */
export const PLACE_KEY_PX = 18;

/** The screen and its margin as a lon/lat box: this map has no rotation or pitch. */
function onScreen(map: LabelMap, view: View): (lon: number, lat: number) => boolean {
	const m = LABEL_MARGIN_PX;
	const nw = map.unproject([-m, -m]);
	const se = map.unproject([view.width + m, view.height + m]);
	return (lon, lat) => lon >= nw.lng && lon <= se.lng && lat <= nw.lat && lat >= se.lat;
}

/**
 * The cells of one band. `counts` is the band's array of the day's counts, filled in place as the
 * day changes, so the source reads the day's counts whenever it is drawn.
 */
export function cellKeys(
	map: LabelMap,
	view: () => View,
	grid: EventGrid,
	counts: Int32Array,
	places: readonly Place[],
	choose: (cell: number) => void
): KeySource {
	/** The place a cell is named after; its events' mean stays put, so it is looked up once. */
	const near = new Map<number, string | null>();
	const nearOf = (cell: number) => {
		let name = near.get(cell);
		if (name === undefined) {
			const p = nearestPlace(places, [grid.lon[cell]!, grid.lat[cell]!]);
			name = p === null ? null : places[p]!.name;
			near.set(cell, name);
		}
		return name;
	};
	return {
		kind: 'counts',
		candidates() {
			const inView = onScreen(map, view());
			const candidates: LabelCandidate[] = [];
			for (let c = 0; c < counts.length; c++) {
				const count = counts[c]!;
				if (count === 0) continue;
				const lon = grid.lon[c]!;
				const lat = grid.lat[c]!;
				if (!inView(lon, lat)) continue;
				const { x, y } = map.project([lon, lat]);
				candidates.push({ cell: c, x, y, count, text: shortCount(count) });
			}
			return candidates;
		},
		at: (cell) => [grid.lon[cell]!, grid.lat[cell]!],
		name: (cell) => cellKeyName(counts[cell]!, nearOf(cell)),
		choose
	};
}

/**
 * The places on screen, zoomed in: a key over each place's circle, the busiest kept where they
 * crowd. The map draws every place's circle whatever the day, so every place with events has a
 * key; its name says how many it has by the day (`day()`, read when it is named).
 */
export function placeKeys(
	map: LabelMap,
	view: () => View,
	{ places, table, byPlace }: { places: readonly Place[]; table: EventTable; byPlace: PlaceRows },
	day: () => number,
	choose: (place: number) => void
): KeySource {
	return {
		kind: 'places',
		candidates() {
			const inView = onScreen(map, view());
			const candidates: LabelCandidate[] = [];
			for (let p = 0; p < places.length; p++) {
				const total = byPlace.offsets[p + 1]! - byPlace.offsets[p]!;
				if (total === 0) continue;
				const [lon, lat] = places[p]!.coordinates;
				if (!inView(lon, lat)) continue;
				const { x, y } = map.project([lon, lat]);
				candidates.push({
					cell: p,
					x,
					y,
					count: total,
					text: '',
					width: PLACE_KEY_PX,
					height: PLACE_KEY_PX
				});
			}
			return candidates;
		},
		at: (p) => places[p]!.coordinates,
		name: (p) => placeKeyName(places[p]!.name, placeCountBy(byPlace, table, p, day())),
		choose
	};
}
