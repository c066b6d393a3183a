/**
 * A draft as the story's two GeoJSON files, ready for validateStory and for saving. Draft-only
 * fields (`exact`, and `inferred` unless asked for) stay out, so the files are plain story format.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Draft } from './draft';

export interface StoryCollections {
	events: FeatureCollection<Point> & { title: string; published: string };
	places: FeatureCollection<Point>;
}

export function toStoryFiles(
	draft: Draft,
	{ inferred = false }: { inferred?: boolean } = {}
): StoryCollections {
	const events: Feature<Point>[] = draft.events.map((e) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: e.coordinates },
		properties: {
			id: e.id,
			title: e.title,
			summary: e.summary,
			category: e.category,
			actors: e.actors,
			start: e.start,
			end: e.end,
			when: e.when,
			place: e.place,
			places: e.places,
			source: e.source,
			background: e.background,
			notes: e.notes,
			...(inferred && e.inferred.length ? { inferred: e.inferred } : {})
		}
	}));
	const places: Feature<Point>[] = draft.placesUsed.map((p) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: p.coordinates },
		properties: {
			id: p.id,
			name: p.name,
			kind: p.kind,
			...(p.country ? { country: p.country } : {})
		}
	}));
	return {
		events: {
			type: 'FeatureCollection',
			title: draft.title,
			published: draft.published,
			features: events
		},
		places: { type: 'FeatureCollection', features: places }
	};
}
