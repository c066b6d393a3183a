import type { PlaceKind } from './schema';

/** What a reader calls each kind of place, in the details panel's subtitle. */
export const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
	city: 'City',
	venue: 'Venue',
	country: 'Country',
	region: 'Region',
	sea: 'Sea'
};
