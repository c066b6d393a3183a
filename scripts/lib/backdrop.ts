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

type Ring = [number, number][];

/** The rings of the land inside `rect`, projected to world units (MapLibre's zoom 0). */
function landRings(countries: Countries, rect: Rect): Ring[] {
	// d3's Mercator at this scale and offset is MapLibre's zoom 0: the world WORLD_SIZE units wide.
	const projection = geoMercator()
		.scale(WORLD_SIZE / (2 * Math.PI))
		.translate([WORLD_SIZE / 2, WORLD_SIZE / 2])
		.clipExtent([
			[rect.x, rect.y],
			[rect.x + rect.width, rect.y + rect.height]
		]);
	const rings: Ring[] = [];
	let ring: Ring = [];
	geoPath(projection, {
		moveTo: (x, y) => void rings.push((ring = [[x, y]])),
		lineTo: (x, y) => void ring.push([x, y]),
		closePath: () => {},
		beginPath: () => {},
		arc: () => {}
	})(countries);
	return rings;
}

/** Douglas–Peucker: the points of `ring` a line within `tolerance` of every other one needs. */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
	if (ring.length < 3) return ring;
	const keep = new Uint8Array(ring.length);
	keep[0] = keep[ring.length - 1] = 1;
	const stack: [number, number][] = [[0, ring.length - 1]];
	while (stack.length > 0) {
		const [from, to] = stack.pop()!;
		const [ax, ay] = ring[from]!;
		const [bx, by] = ring[to]!;
		const dx = bx - ax;
		const dy = by - ay;
		const length = Math.hypot(dx, dy);
		let farthest = -1;
		let most = tolerance;
		for (let i = from + 1; i < to; i++) {
			const [px, py] = ring[i]!;
			// A closed ring starts and ends at one point: there, the distance is to that point.
			const distance =
				length === 0
					? Math.hypot(px - ax, py - ay)
					: Math.abs(dy * (px - ax) - dx * (py - ay)) / length;
			if (distance > most) {
				most = distance;
				farthest = i;
			}
		}
		if (farthest < 0) continue;
		keep[farthest] = 1;
		stack.push([from, farthest], [farthest, to]);
	}
	return ring.filter((_, i) => keep[i] === 1);
}

/** Numbers as SVG path data writes them: a minus sign needs no space before it. */
const numbers = (values: number[]) =>
	values.map((v, i) => (i > 0 && v >= 0 ? ` ${v}` : String(v))).join('');

/**
 * The land inside `rect` as path data on a grid of `step` world units, relative moves in whole
 * steps, each ring simplified to within `tolerance` units: at a third of a pixel and a half, a
 * backdrop weighs a third of what plain coordinates did, with no visible change. Rings smaller
 * than a step vanish.
 */
export function landPath(
	countries: Countries,
	rect: Rect,
	{ step, tolerance }: { step: number; tolerance: number }
): string {
	const parts: string[] = [];
	for (const ring of landRings(countries, rect)) {
		const points: number[] = [];
		let x = 0;
		let y = 0;
		for (const [px, py] of simplifyRing(ring, tolerance)) {
			const gx = Math.round((px - rect.x) / step);
			const gy = Math.round((py - rect.y) / step);
			if (points.length > 0 && gx === x && gy === y) continue;
			points.push(points.length === 0 ? gx : gx - x, points.length === 0 ? gy : gy - y);
			x = gx;
			y = gy;
		}
		if (points.length < 6) continue;
		parts.push(`M${numbers(points.slice(0, 2))}l${numbers(points.slice(2))}z`);
	}
	return parts.join('');
}

/** Land and borders as the map draws them, at `scale` pixels per world unit. */
export function landSvg(countries: Countries, rect: Rect, scale: number): string {
	const step = 1 / (3 * scale);
	const d = landPath(countries, rect, { step, tolerance: 0.5 / scale });
	const sea = `<rect x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}" fill="${MAP_COLORS.sea}"/>`;
	// The path is in whole steps from the rectangle's corner; its stroke is 0.8 px all the same.
	const land = `<path transform="translate(${rect.x} ${rect.y}) scale(${step})" d="${d}" fill="${MAP_COLORS.land}" stroke="${MAP_COLORS.border}" stroke-width="2.4" stroke-linejoin="round"/>`;
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
