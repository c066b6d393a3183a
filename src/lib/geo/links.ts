import greatCircle from '@turf/great-circle';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import { categoryColor } from '../scales/category';
import type { Story } from '../story/types';

export interface LinkProperties {
	event: string;
	from: string;
	to: string;
	category: string;
	/** The category's colour, from the one scale: the map draws it as it is. */
	color: string;
	start: number;
	end: number;
}
export type Links = FeatureCollection<LineString | MultiLineString, LinkProperties>;

/**
 * Great-circle arcs from each event's main place to the other places it involves (a trip, an
 * exchange). Arcs, not straight lines, because on a Web Mercator map the shortest route from
 * Washington to Moscow bows north.
 */
export function eventLinks(story: Pick<Story, 'events' | 'placeById'>): Links {
	const features: Feature<LineString | MultiLineString, LinkProperties>[] = [];
	for (const event of story.events) {
		const from = story.placeById.get(event.place);
		if (!from) continue;
		for (const id of event.places) {
			const to = story.placeById.get(id);
			if (!to || to.id === from.id) continue;
			const arc = greatCircle(from.coordinates, to.coordinates, { npoints: 64 });
			features.push({
				type: 'Feature',
				id: features.length,
				geometry: arc.geometry,
				properties: {
					event: event.id,
					from: from.id,
					to: to.id,
					category: event.category,
					color: categoryColor(event.category),
					start: event.start,
					end: event.end
				}
			});
		}
	}
	return { type: 'FeatureCollection', features };
}
