import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { EARTH_KM, kmApart } from '../../../src/lib/geo/distance';
import type { LonLat } from '../../../src/lib/story/types';

describe('kmApart', () => {
	it.each<[string, LonLat, LonLat, number]>([
		['the same point', [30.3, 59.9], [30.3, 59.9], 0],
		['London to Paris', [-0.1276, 51.5072], [2.3522, 48.8566], 344],
		['Kryvyi Rih to Kyiv', [33.39, 47.91], [30.52, 50.45], 354],
		['across the antimeridian', [179.5, 0], [-179.5, 0], 111],
		['to the antipode', [0, 0], [180, 0], 20_015]
	])('%s', (_, a, b, km) => {
		expect(kmApart(a, b)).toBeCloseTo(km, -1);
		// The sphere d3-geo measures on, within a metre.
		expect(Math.abs(kmApart(a, b) - geoDistance(a, b) * EARTH_KM)).toBeLessThan(0.001);
	});
});
