/**
 * Great-circle distance on a sphere of the Earth's mean radius (haversine, accurate near 0 and
 * 180°). Plain arithmetic: the draft asks it thousands of times per article, where d3-geo's
 * geoDistance, exact sums and all, cost more than the rest of the place stage.
 */
import type { LonLat } from '../story/types';

export const EARTH_KM = 6371;
const RADIANS = Math.PI / 180;

export function kmApart([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
	const h =
		Math.sin(((lat2 - lat1) * RADIANS) / 2) ** 2 +
		Math.cos(lat1 * RADIANS) *
			Math.cos(lat2 * RADIANS) *
			Math.sin(((lon2 - lon1) * RADIANS) / 2) ** 2;
	return 2 * EARTH_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
