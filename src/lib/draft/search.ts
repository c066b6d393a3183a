/**
 * The gazetteer as a search box: the studio's way to move a place to where it really is, by
 * name. Each word typed must begin a word of the name ("st pet" finds St Petersburg).
 */
import type { Gazetteer, GazetteerKind, NameEntry } from './gazetteer/gazetteer';
import { nameKey } from './text';

export interface PlaceHit {
	name: string;
	/** What the name is for a reader: "city in RU", "country". */
	detail: string;
	kind: GazetteerKind;
	country: string;
	lon: number;
	lat: number;
}

/** Countries first; then size, where a capital counts double (Nicosia before a bigger namesake). */
const rank = (e: NameEntry) =>
	(e.place.kind === 'country' ? 1e12 : 0) + e.place.population * (e.place.capital ? 2 : 1);

export function searchGazetteer(gazetteer: Gazetteer, query: string, limit = 8): PlaceHit[] {
	const words = nameKey(query.slice(0, 100));
	if (words.length === 0) return [];
	const seen = new Set<number>();
	const hits: NameEntry[] = [];
	for (const [first, entries] of gazetteer.byFirstWord) {
		if (!first.startsWith(words[0]!)) continue;
		for (const entry of entries) {
			if (entry.type === 'demonym' || seen.has(entry.place.index)) continue;
			const matches = words.every((w, i) => entry.words[i]?.startsWith(w));
			if (!matches) continue;
			seen.add(entry.place.index);
			hits.push(entry);
		}
	}
	return hits
		.sort((a, b) => rank(b) - rank(a))
		.slice(0, limit)
		.map(({ place }) => ({
			name: place.name,
			detail:
				place.kind === 'country'
					? 'country'
					: `${place.kind}${place.country ? ` in ${place.country}` : ''}`,
			kind: place.kind,
			country: place.country,
			lon: place.lon,
			lat: place.lat
		}));
}
