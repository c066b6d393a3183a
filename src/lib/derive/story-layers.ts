import type { CountryFeature } from '../geo/basemap';
import { eventLinks, type Links } from '../geo/links';
import { countryOutlines, type Outlines } from '../geo/outlines';
import type { Story } from '../story/types';
import { placeFeatures, type PlaceFeatures } from './place-features';

/** Everything the story draws, derived once from the validated story. */
export interface StoryLayers {
	places: PlaceFeatures;
	links: Links;
	outlines: Outlines;
	/** The most events any place has: the top of the circle-size scale, found without a spread. */
	maxPlaceTotal: number;
}

export function storyLayers(
	story: Story,
	outline: (iso2: string) => CountryFeature | undefined
): StoryLayers {
	const places = placeFeatures(story);
	let maxPlaceTotal = 0;
	for (const f of places.features) maxPlaceTotal = Math.max(maxPlaceTotal, f.properties.total);
	return {
		places,
		links: eventLinks(story),
		outlines: countryOutlines(story.places, outline),
		maxPlaceTotal
	};
}
