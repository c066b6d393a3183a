/**
 * The gazetteer as a search box: the studio's way to move a place to where it really is, by
 * name. Each word typed must begin a word of the name ("st pet" finds St Petersburg).
 */
import type { Gazetteer, GazetteerPlace } from './gazetteer/gazetteer';
import type { PlaceKind } from '../story/schema';

export interface PlaceHit {
	name: string;
	/** What the name is for a reader: "city in RU", "country". */
	detail: string;
	kind: PlaceKind;
	country: string;
	lon: number;
	lat: number;
}

/** What a place is for a reader, to tell it from others of its name: "city in Ontario, CA". */
export function describePlace(place: GazetteerPlace): string {
	if (place.level === 'country') return 'country';
	const state = place.parent && place.parent.level === 'state' ? ` in ${place.parent.name}` : '';
	return `${place.level}${state}${place.country ? `, ${place.country}` : ''}`;
}

export function searchGazetteer(gazetteer: Gazetteer, query: string, limit = 8): PlaceHit[] {
	return gazetteer.search(query, limit).map(({ place }) => ({
		name: place.name,
		detail: describePlace(place),
		kind: place.kind,
		country: place.country,
		lon: place.lon,
		lat: place.lat
	}));
}
