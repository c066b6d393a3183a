/**
 * The countries behind a story's picture of the map (src/lib/derive/map-picture.ts), written at
 * build time as one SVG file per story: cut to the part of the world any opening view can show, in
 * the picture's Web Mercator world units.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { Countries } from '../../src/lib/geo/basemap';
import type { Bounds } from '../../src/lib/geo/bounds';
import { openingCamera, WORLD_SIZE } from '../../src/lib/geo/opening-view';
import { backdropRect, PICTURE_COLORS, REFERENCE_SIZE } from '../../src/lib/derive/map-picture';

export function backdropSvg(countries: Countries, bounds: Bounds): string {
	const rect = backdropRect(bounds);
	// d3's Mercator at this scale and offset is MapLibre's zoom 0: the world WORLD_SIZE units wide.
	const projection = geoMercator()
		.scale(WORLD_SIZE / (2 * Math.PI))
		.translate([WORLD_SIZE / 2, WORLD_SIZE / 2])
		.clipExtent([
			[rect.x, rect.y],
			[rect.x + rect.width, rect.y + rect.height]
		]);
	// A pixel is 1/scale world units at the opening view: coordinates to a third of one, and no
	// point repeated once rounded, keep the file small without a visible change.
	const scale = 2 ** openingCamera(bounds, REFERENCE_SIZE.width, REFERENCE_SIZE.height).zoom;
	const digits = Math.max(0, Math.round(Math.log10(scale * 3)));
	const land = dropRepeats(geoPath(projection).digits(digits)(countries) ?? '');
	const view = [rect.x, rect.y, rect.width, rect.height].map((v) => v.toFixed(2)).join(' ');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view}" preserveAspectRatio="none">` +
		`<rect x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}" fill="${PICTURE_COLORS.sea}"/>` +
		`<path d="${land}" fill="${PICTURE_COLORS.land}" stroke="${PICTURE_COLORS.border}" stroke-width="${(0.8 / scale).toFixed(4)}" stroke-linejoin="round"/>` +
		`</svg>`
	);
}

/** `L1,2L1,2` → `L1,2`: rounding to whole pixels leaves runs of the same point. */
function dropRepeats(d: string): string {
	return d.replace(/(L-?[\d.]+,-?[\d.]+)(?:\1)+/g, '$1');
}
