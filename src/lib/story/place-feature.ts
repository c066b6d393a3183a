/**
 * A place as places.geojson holds it (geodata/README.md): the one writer of that shape, for the
 * studio's export, the importer and the synthetic stories.
 */
import type { Feature, Point } from 'geojson';
import type { Place } from './types';

export function placeFeature(place: Place): Feature<Point> {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: place.coordinates },
		properties: {
			id: place.id,
			name: place.name,
			kind: place.kind,
			...(place.country ? { country: place.country } : {})
		}
	};
}
