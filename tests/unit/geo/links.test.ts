import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { eventLinks, linkArc } from '../../../src/lib/geo/links';
import { buildEventTable } from '../../../src/lib/story/table-builder';
import type { LonLat, Place, StoryEvent } from '../../../src/lib/story/types';

const RAD = Math.PI / 180;

/** Great-circle distance in degrees, by a formula of its own (the spherical law of cosines). */
function degrees([lon1, lat1]: Position, [lon2, lat2]: Position): number {
	const cos =
		Math.sin(lat1! * RAD) * Math.sin(lat2! * RAD) +
		Math.cos(lat1! * RAD) * Math.cos(lat2! * RAD) * Math.cos((lon2! - lon1!) * RAD);
	return Math.acos(Math.max(-1, Math.min(1, cos))) / RAD;
}

const pieces = (from: LonLat, to: LonLat) => {
	const arc = linkArc(from, to);
	if (!arc) return null;
	return arc.type === 'LineString' ? [arc.coordinates] : arc.coordinates;
};

/** What every drawn arc must be: finite, on the map, from one place to the other, and short. */
function expectSoundArc(from: LonLat, to: LonLat): void {
	const lines = pieces(from, to);
	expect(lines).not.toBeNull();
	const all = lines!.flat();
	for (const line of lines!) expect(line.length).toBeGreaterThanOrEqual(2);
	for (const [x, y] of all) {
		expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
		expect(Math.abs(x!)).toBeLessThanOrEqual(180);
		expect(Math.abs(y!)).toBeLessThanOrEqual(90);
	}
	expect(degrees(all[0]!, from)).toBeLessThan(1e-4);
	expect(degrees(all.at(-1)!, to)).toBeLessThan(1e-4);
	// A shortest route: the cut at ±180° adds nothing. Over a pole the cut's straight line in
	// longitude and latitude is a detour, but there it is off the map (Web Mercator stops at 85°).
	if (all.some(([, y]) => Math.abs(y!) > 85)) return;
	let length = 0;
	for (let i = 1; i < all.length; i++) length += degrees(all[i - 1]!, all[i]!);
	expect(length).toBeLessThan(degrees(from, to) + 0.05);
}

describe('linkArc', () => {
	it.each<[string, LonLat, LonLat]>([
		['Washington to Moscow', [-77.0369, 38.9072], [37.6173, 55.7558]],
		['across the antimeridian, Fiji', [179.9, -16], [-179.9, -16]],
		['Suva to Honolulu', [178.4419, -18.1416], [-157.8583, 21.3069]],
		['antipodes on the equator', [0, 0], [180, 0]],
		['antipodes, -180 side', [0, 0], [-180, 0]],
		['antipodes, Suva', [178.4419, -18.1416], [-1.5581, 18.1416]],
		['antipodes, the poles', [0, 90], [0, -90]],
		['antipodes, the Aleutians', [-176.6581, 51.88], [3.3419, -51.88]],
		['nearly antipodes', [10, 20], [-170.0001, -20]],
		['nearly antipodes, the other side', [10, 20], [-169.6, -20.1]],
		['antipodes but for a millionth of a degree', [0, 0], [179.999999, 0]],
		['antipodes but for a millionth, off the equator', [10.000001, 20], [-170, -20]],
		['from a pole', [0, 90], [10, 0]],
		['from the antimeridian', [180, 10], [-179, 10]]
	])('%s: a sound arc, never a throw', (_name, from, to) => {
		expectSoundArc(from, to);
	});

	it.each<[string, LonLat, LonLat]>([
		['one point', [10, 20], [10, 20]],
		['-180° and 180°', [-180, 10], [180, 10]],
		['a pole at two longitudes', [0, 90], [45, 90]]
	])('%s: nothing to draw', (_name, from, to) => {
		expect(linkArc(from, to)).toBeNull();
	});

	it('cuts at ±180° with both pieces meeting the edge at one latitude', () => {
		const lines = pieces([170, -16], [-170, -16])!;
		expect(lines).toHaveLength(2);
		const [end, start] = [lines[0]!.at(-1)!, lines[1]![0]!];
		expect([end[0], start[0]]).toEqual([180, -180]);
		expect(end[1]).toBe(start[1]);
	});

	it('draws a sound arc between any two places, antipodes included (property-based)', () => {
		const lon = fc.integer({ min: -1_800_000, max: 1_800_000 }).map((v) => v / 10_000);
		const lat = fc.integer({ min: -900_000, max: 900_000 }).map((v) => v / 10_000);
		const place = fc.tuple(lon, lat) as fc.Arbitrary<LonLat>;
		const antipode = ([x, y]: LonLat): LonLat => [x > 0 ? x - 180 : x + 180, -y];
		const pair = fc.oneof(
			fc.tuple(place, place),
			place.map((p) => [p, antipode(p)] as const),
			fc
				.tuple(place, fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }))
				.map(([p, dx, dy]) => {
					const [x, y] = antipode(p);
					const near: LonLat = [
						Math.max(-180, Math.min(180, x + dx / 100)),
						Math.max(-90, Math.min(90, y + dy / 100))
					];
					return [p, near] as const;
				})
		);
		fc.assert(
			fc.property(pair, ([from, to]) => {
				if (degrees(from, to) < 1e-6) return;
				expectSoundArc(from, to);
			}),
			{ numRuns: 1500 }
		);
	}, 30_000);
});

describe('eventLinks', () => {
	const place = (id: string, coordinates: LonLat): Place => ({
		id,
		name: id,
		kind: 'sea',
		coordinates
	});
	const event = (id: string, from: string, to: string[]): StoryEvent => ({
		id,
		title: id,
		summary: id,
		category: 'meeting',
		actors: ['a'],
		start: 0,
		end: 0,
		when: 'then',
		place: from,
		places: to,
		source: ['s'],
		background: false,
		notes: [],
		inferred: [],
		coordinates: [0, 0]
	});

	it('joins antipodes, and skips a place at the very same point', () => {
		const places = [place('a', [30, 50]), place('b', [-150, -50]), place('c', [30, 50])];
		const links = eventLinks(
			buildEventTable(
				[event('e', 'a', ['b', 'c'])],
				places.map((p) => p.id)
			),
			places
		);
		expect(links.features.map((f) => [f.properties.from, f.properties.to])).toEqual([['a', 'b']]);
	});
});
