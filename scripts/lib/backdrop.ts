/**
 * The countries behind a story's picture of the map (src/lib/derive/map-picture.ts), written at
 * build time as one SVG file per story: cut to the part of the world any opening view can show, in
 * the picture's Web Mercator world units. The share card draws the same land.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { Countries } from '../../src/lib/geo/basemap';
import type { Bounds } from '../../src/lib/geo/bounds';
import { WORLD_SIZE, type Rect } from '../../src/lib/geo/mercator';
import { openingCamera } from '../../src/lib/geo/opening-view';
import { backdropRect, REFERENCE_SIZE } from '../../src/lib/derive/map-picture';
import { MAP_COLORS } from '../../src/lib/map/style';

/** `L1,2L1,2` → `L1,2`: rounding to a fraction of a pixel leaves runs of the same point. */
function dropRepeats(d: string): string {
	return d.replace(/(L-?[\d.]+,-?[\d.]+)(?:\1)+/g, '$1');
}

/**
 * The land inside `rect` as one SVG path, for a view of `scale` pixels per world unit: coordinates
 * to about a third of a pixel, which keeps the file small without a visible change.
 */
export function landPath(countries: Countries, rect: Rect, scale: number): string {
	// d3's Mercator at this scale and offset is MapLibre's zoom 0: the world WORLD_SIZE units wide.
	const projection = geoMercator()
		.scale(WORLD_SIZE / (2 * Math.PI))
		.translate([WORLD_SIZE / 2, WORLD_SIZE / 2])
		.clipExtent([
			[rect.x, rect.y],
			[rect.x + rect.width, rect.y + rect.height]
		]);
	const digits = Math.max(0, Math.round(Math.log10(scale * 3)));
	return dropRepeats(geoPath(projection).digits(digits)(countries) ?? '');
}

/** Land and borders as the map draws them, at `scale` pixels per world unit. */
export function landSvg(countries: Countries, rect: Rect, scale: number): string {
	const sea = `<rect x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}" fill="${MAP_COLORS.sea}"/>`;
	const land = `<path d="${landPath(countries, rect, scale)}" fill="${MAP_COLORS.land}" stroke="${MAP_COLORS.border}" stroke-width="${(0.8 / scale).toFixed(4)}" stroke-linejoin="round"/>`;
	return sea + land;
}

export function backdropSvg(countries: Countries, bounds: Bounds): string {
	const rect = backdropRect(bounds);
	const scale = 2 ** openingCamera(bounds, REFERENCE_SIZE.width, REFERENCE_SIZE.height).zoom;
	const view = [rect.x, rect.y, rect.width, rect.height].map((v) => v.toFixed(2)).join(' ');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view}" preserveAspectRatio="none">` +
		landSvg(countries, rect, scale) +
		`</svg>`
	);
}
