import type { FeatureCollection } from 'geojson';
import type {
	ExpressionSpecification,
	StyleSpecification,
	SymbolLayerSpecification
} from 'maplibre-gl';
import { NO_CATEGORY_COLOR } from '../scales/category';
import { LABEL_GAP_PX, LABEL_SIZE_PX } from '../geo/place-labels';

/** The story's sources: the style declares them, the map fills them, feature-state writes to them. */
export const SOURCES = { places: 'places', links: 'links', outlines: 'outlines' } as const;
export type StorySource = (typeof SOURCES)[keyof typeof SOURCES];

/** Layers that other code addresses by id. */
export const LAYERS = {
	countryLabels: 'country-labels',
	placeLabels: 'place-labels',
	placeRoom: 'place-room'
} as const;

/**
 * An invisible square the size of a place's circle, drawn as an icon over the labels' layer: a
 * label collides with it as with another label, so no place's name covers another's circle.
 */
export const PLACE_ROOM_IMAGE = 'place-room';
export const PLACE_ROOM_PX = 16;

/**
 * The layer of that room, added over the labels once its image is (atlas-map.ts): in the style
 * itself it would ask for an image the map does not have yet.
 */
export const placeRoomLayer = (): SymbolLayerSpecification => ({
	id: LAYERS.placeRoom,
	type: 'symbol',
	source: SOURCES.places,
	layout: {
		'icon-image': PLACE_ROOM_IMAGE,
		// The circle and its ring when chosen: two pixels past its edge.
		'icon-size': ['/', ['+', ['*', 2, ['get', 'radius']], 4], PLACE_ROOM_PX],
		'icon-allow-overlap': true,
		'icon-ignore-placement': false
	},
	paint: { 'icon-opacity': 0 }
});

export interface BasemapAssets {
	/** The countries already loaded for validation: handed over, not fetched twice. */
	countries: FeatureCollection;
	countryLabels: string;
	font: string;
}

export const FONT = 'Open Sans Regular';

/** The basemap's and the story's colours: the map's style and its picture (derive/map-picture.ts) both draw with them. */
export const MAP_COLORS = {
	sea: '#e8eef3',
	land: '#fbfaf7',
	border: '#c9ced4',
	outline: '#8a6d3b',
	outlineFill: '#f2d9a6',
	label: '#1d2328'
} as const;

/** A feature-state value, or its fallback before the first write. */
function state(key: string, fallback: number | string | boolean): ExpressionSpecification {
	return ['coalesce', ['feature-state', key], fallback];
}

/**
 * The whole map style, offline: a quiet Natural Earth basemap, labels in a font shipped with the
 * app, and the story's layers. Time and selection are feature-state, so scrubbing the slider
 * repaints without re-tiling.
 */
export function atlasStyle(assets: BasemapAssets): StyleSpecification {
	const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
	return {
		version: 8,
		'font-faces': { [FONT]: assets.font },
		sources: {
			countries: { type: 'geojson', data: assets.countries, tolerance: 0.5 },
			'country-labels': { type: 'geojson', data: assets.countryLabels },
			[SOURCES.outlines]: { type: 'geojson', data: empty },
			[SOURCES.links]: { type: 'geojson', data: empty },
			// Feature-state keyed by the place's own id, not by its index in the file.
			[SOURCES.places]: { type: 'geojson', data: empty, promoteId: 'id' }
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': MAP_COLORS.sea } },
			{ id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': MAP_COLORS.land } },
			{
				id: 'borders',
				type: 'line',
				source: 'countries',
				paint: {
					'line-color': MAP_COLORS.border,
					'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1.2]
				}
			},
			{
				id: 'outline-fill',
				type: 'fill',
				source: SOURCES.outlines,
				paint: {
					'fill-color': MAP_COLORS.outlineFill,
					'fill-opacity': [
						'case',
						['to-boolean', state('selected', false)],
						0.75,
						['to-boolean', state('visible', false)],
						0.5,
						0.15
					]
				}
			},
			{
				id: 'outline-line',
				type: 'line',
				source: SOURCES.outlines,
				paint: {
					'line-color': MAP_COLORS.outline,
					'line-width': ['case', ['to-boolean', state('selected', false)], 2, 1],
					'line-opacity': ['case', ['to-boolean', state('visible', false)], 0.9, 0.3]
				}
			},
			{
				id: LAYERS.countryLabels,
				type: 'symbol',
				source: 'country-labels',
				minzoom: 2,
				layout: {
					'text-field': ['get', 'name'],
					'text-font': [FONT],
					'text-size': ['interpolate', ['linear'], ['zoom'], 2, 9, 6, 12],
					'text-transform': 'uppercase',
					'text-letter-spacing': 0.08,
					'text-max-width': 7,
					'symbol-sort-key': ['-', ['get', 'area']]
				},
				paint: { 'text-color': '#9aa1a9', 'text-halo-color': MAP_COLORS.land, 'text-halo-width': 1 }
			},
			{
				id: 'links',
				type: 'line',
				source: SOURCES.links,
				layout: { 'line-cap': 'round' },
				paint: {
					'line-color': ['get', 'color'],
					'line-width': ['case', ['to-boolean', state('current', false)], 3, 1.6],
					'line-opacity': [
						'case',
						['to-boolean', state('visible', false)],
						['case', ['to-boolean', state('current', false)], 0.95, 0.55],
						0
					],
					'line-dasharray': [2, 1.5]
				}
			},
			{
				id: 'place-circles',
				type: 'circle',
				source: SOURCES.places,
				paint: {
					'circle-radius': state('radius', 0),
					'circle-color': state('color', NO_CATEGORY_COLOR),
					'circle-opacity': 0.9,
					'circle-stroke-color': [
						'case',
						['to-boolean', state('highlight', false)],
						'#111111',
						'#ffffff'
					],
					'circle-stroke-width': [
						'case',
						['to-boolean', state('highlight', false)],
						3,
						['to-boolean', state('current', false)],
						2.5,
						1.2
					]
				}
			},
			{
				id: LAYERS.placeLabels,
				type: 'symbol',
				source: SOURCES.places,
				layout: {
					'text-field': ['get', 'name'],
					'text-font': [FONT],
					'text-size': LABEL_SIZE_PX,
					'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
					// Clear of its own circle, and of the room that circle keeps (placeRoomLayer).
					'text-radial-offset': ['/', ['+', ['get', 'radius'], LABEL_GAP_PX], LABEL_SIZE_PX],
					'text-justify': 'auto',
					'symbol-sort-key': ['-', ['get', 'total']]
				},
				paint: {
					'text-color': MAP_COLORS.label,
					'text-halo-color': '#ffffff',
					'text-halo-width': 1.5,
					'text-opacity': ['case', ['to-boolean', state('visible', false)], 1, 0.45]
				}
			}
		]
	};
}
