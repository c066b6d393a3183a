/**
 * What the studio publishes: the accepted events, the places they use, and the article, as the
 * three story files or one bundle. These are exactly what `npm run check:data` and the atlas read.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { datasetMembers } from '../story/dataset-origin';
import { placeFeature } from '../story/place-feature';
import type { DatasetFile } from '../story/types';
import type { StoryFiles } from '../story/validate';
import type { Draft, DraftMention } from '../draft/draft';
import { eventProperties } from '../story/schema';
import { acceptAll, eventOf, fromDraft, type StudioProject } from './project';

export interface StoryBundle {
	events: FeatureCollection<Point> & { title: string; published: string } & Partial<DatasetFile>;
	places: FeatureCollection<Point>;
	article: string;
}

export function toBundle(project: StudioProject): StoryBundle {
	const accepted = project.events.filter((e) => e.review === 'accepted');
	const used = new Set(accepted.flatMap((e) => [e.place, ...e.places]));
	const placeById = new Map(project.places.map((p) => [p.id, p]));
	const events: Feature<Point>[] = accepted.map((e) => ({
		type: 'Feature',
		// An event's point is its place's: moving a pin moves its events with it.
		geometry: { type: 'Point', coordinates: placeById.get(e.place)?.coordinates ?? [0, 0] },
		properties: eventProperties(eventOf(e))
	}));
	const places: Feature<Point>[] = project.places
		.filter((p) => used.has(p.id))
		// One writer of the format's shape; the studio's own fields (`unsure`) stay behind.
		.map((p) => placeFeature(p));
	return {
		events: {
			type: 'FeatureCollection',
			title: project.title,
			published: project.published,
			...datasetMembers(project.datasetFile),
			features: events
		},
		places: { type: 'FeatureCollection', features: places },
		article: project.article
	};
}

/** A draft taken as it stands, every event accepted: what `npm run draft -- --out` writes. */
export function draftBundle(draft: Draft, article: string): StoryBundle {
	return toBundle(acceptAll(fromDraft(draft, article)));
}

/** The CLI's `--json` object: the story files' collections, and every place name found. */
export interface DraftJson {
	title: string;
	published: string;
	events: StoryBundle['events'];
	places: StoryBundle['places'];
	mentions: DraftMention[];
}

export function draftJson(draft: Draft, article: string): DraftJson {
	const bundle = draftBundle(draft, article);
	return {
		title: draft.title,
		published: draft.published,
		events: bundle.events,
		places: bundle.places,
		mentions: draft.mentions
	};
}

const json = (value: unknown) => `${JSON.stringify(value, null, '\t')}\n`;

/** The three files, named as check:data and "Open your story…" expect them. */
export function toFiles(bundle: StoryBundle): Array<{ name: string; text: string }> {
	return [
		{ name: 'events.geojson', text: json(bundle.events) },
		{ name: 'places.geojson', text: json(bundle.places) },
		{ name: 'article.txt', text: bundle.article }
	];
}

export function toBundleText(bundle: StoryBundle): string {
	return json(bundle);
}

/** The files as the validator reads them, so the studio checks exactly what it would export. */
export function toStoryFiles(bundle: StoryBundle): StoryFiles {
	const [events, places, article] = toFiles(bundle);
	return {
		events: { name: events!.name, contents: events!.text },
		places: { name: places!.name, contents: places!.text },
		article: { name: article!.name, contents: article!.text }
	};
}
