import type { CountryFeature } from '../geo/basemap';
import { eventLinks, type Links } from '../geo/links';
import { countryOutlines, type Outlines } from '../geo/outlines';
import type { EventTable } from '../story/event-table';
import type { Place } from '../story/types';
import { placeFeatures, type PlaceFeatures } from './place-features';
import type { PlaceRows } from './place-rows';

/** Everything the story draws, derived once from its table and places. */
export interface StoryLayers {
	places: PlaceFeatures;
	links: Links;
	outlines: Outlines;
	/** The most events any place has: the top of the circle-size scale, found without a spread. */
	maxPlaceTotal: number;
}

/** `outline`: a country's shape from the basemap; without one (a worker has none), no outlines. */
export function storyLayers(
	story: { table: EventTable; places: readonly Place[]; index: { byPlace: PlaceRows } },
	outline: (iso2: string) => CountryFeature | undefined = () => undefined
): StoryLayers {
	const places = placeFeatures(story.places, story.index.byPlace);
	let maxPlaceTotal = 0;
	for (const f of places.features) maxPlaceTotal = Math.max(maxPlaceTotal, f.properties.total);
	return {
		places,
		links: eventLinks(story.table, story.places),
		outlines: countryOutlines(story.places, outline),
		maxPlaceTotal
	};
}
