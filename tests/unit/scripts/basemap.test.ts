import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countryLabelPoints } from '../../../scripts/lib/basemap';
import { naturalEarthCountries } from '../../../scripts/lib/natural-earth';

const countries = naturalEarthCountries('110m');
const byIso = (iso2: string) => countries.features.find((f) => f.properties.iso2 === iso2)!;

function rings(iso2: string): Position[][] {
	const g = byIso(iso2).geometry;
	return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

describe('the Natural Earth basemap', () => {
	it.each(['RU', 'FJ', 'US'])('%s has no edge that wraps the long way round the world', (iso2) => {
		const longest = Math.max(
			...rings(iso2).flatMap((ring) => ring.slice(1).map((p, i) => Math.abs(p[0]! - ring[i]![0]!)))
		);
		expect(longest).toBeLessThan(180);
	});

	it('keeps Russia on both sides of the antimeridian', () => {
		const lons = rings('RU')
			.flat()
			.map((p) => p[0]!);
		expect(Math.max(...lons)).toBeCloseTo(180, 3);
		expect(Math.min(...lons)).toBeCloseTo(-180, 0);
	});

	it('drops Antarctica and tags countries with ISO codes', () => {
		expect(countries.features.some((f) => f.properties.name === 'Antarctica')).toBe(false);
		expect(byIso('SA').properties.name).toBe('Saudi Arabia');
		expect(byIso('CY').properties.name).toBe('Cyprus');
	});

	it('labels a country once, on its largest part', () => {
		const labels = countryLabelPoints(countries).features;
		expect(labels.filter((l) => l.properties.iso2 === 'CA')).toHaveLength(1);
		const ca = labels.find((l) => l.properties.iso2 === 'CA')!.geometry.coordinates;
		expect(ca[0]).toBeGreaterThan(-120);
		expect(ca[0]).toBeLessThan(-80);
		expect(ca[1]).toBeGreaterThan(50);
	});
});
