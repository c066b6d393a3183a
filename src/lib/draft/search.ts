/**
 * The gazetteer as a search box: the studio's way to move a place to where it really is, by
 * name. Each word typed must begin a word of the name ("st pet" finds St Petersburg).
 */
import type { Gazetteer } from './gazetteer/gazetteer';
import type { PlaceKind } from '../story/types';

export interface PlaceHit {
	name: string;
	/** What the name is for a reader: "city in RU", "country". */
	detail: string;
	kind: PlaceKind;
	country: string;
	lon: number;
	lat: number;
}

export function searchGazetteer(gazetteer: Gazetteer, query: string, limit = 8): PlaceHit[] {
	return gazetteer.search(query, limit).map(({ place }) => ({
		name: place.name,
		detail:
			place.level === 'country'
				? 'country'
				: `${place.level}${place.parent && place.parent.level === 'state' ? ` in ${place.parent.name}` : ''}${place.country ? `, ${place.country}` : ''}`,
		kind: place.kind,
		country: place.country,
		lon: place.lon,
		lat: place.lat
	}));
}
