import { type StoryEvent } from '../story/types';
import { CATEGORIES, type Category } from '../story/schema';

type Placed = Pick<StoryEvent, 'place' | 'places'>;

/** Whether an event happens at a place or joins it to another: Washington is in the prisoner swap. */
export function involves(event: Placed, place: string): boolean {
	return event.place === place || event.places.includes(place);
}

/** Every event involving each place, in the story's order: asked by the details, the article and the map. */
export function eventsByPlace<T extends Placed>(events: readonly T[]): ReadonlyMap<string, T[]> {
	const byPlace = new Map<string, T[]>();
	for (const event of events) {
		for (const place of new Set([event.place, ...event.places])) {
			const list = byPlace.get(place);
			if (list) list.push(event);
			else byPlace.set(place, [event]);
		}
	}
	return byPlace;
}

/** The categories the story uses, in the legend's fixed order. */
export function categoriesInUse(events: readonly Pick<StoryEvent, 'category'>[]): Category[] {
	const used = new Set(events.map((e) => e.category));
	return CATEGORIES.filter((c) => used.has(c));
}
