import type { CountryLookup } from '../story/country-lookup';
import type { Problem } from '../story/problems';
import {
	EMPTY_COLLECTION,
	checkPosition,
	featureLabel,
	usableId,
	type RawCollection,
	type RawPointFeature
} from '../story/feature-collection';
import { ProblemList } from '../story/problems';
import { parseIsoDate } from '../story/dates';
import { datasetMembers } from '../story/dataset-origin';
import { validateStoryRecords, type StoryRecords } from '../story/validate';
import type { StudioProject } from './project';
import { unsurePlaces, whatIsLeft, type UnsurePlace } from './readiness';
import { toBundle, type StoryBundle } from './story-files';

/** The validator's problems, sorted to where the editor fixes them. */
export interface ProjectCheck {
	ok: boolean;
	/** Per event id, then per field ("title", "source[0]", …). */
	byEvent: ReadonlyMap<string, Problem[]>;
	byPlace: ReadonlyMap<string, Problem[]>;
	/** About the story as a whole: the article, the headline, the publication date, no events. */
	general: Problem[];
	count: number;
	/** The places to settle before publishing (readiness.ts), for the studio to list and ask. */
	unsure: UnsurePlace[];
	/** What stands between the story and publishing, in words: "Ready to publish", or what is left. */
	left: string;
}

function group(problems: readonly Problem[], ids: ReadonlySet<string>) {
	const map = new Map<string, Problem[]>();
	const rest: Problem[] = [];
	for (const p of problems) {
		if (!p.feature || !ids.has(p.feature)) rest.push(p);
		else if (map.has(p.feature)) map.get(p.feature)!.push(p);
		else map.set(p.feature, [p]);
	}
	return { map, rest };
}

/** A collection's features as the validator reads them, or null and why, as for an empty file. */
function collection(
	members: Record<string, unknown>,
	features: RawPointFeature[],
	problems: ProblemList
): RawCollection | null {
	if (features.length > 0) return { members, features };
	problems.add(EMPTY_COLLECTION, undefined, 'features');
	return null;
}

/**
 * The project as the validator's records: what the studio would export (story-files.ts), handed
 * over as it is instead of written as JSON and parsed back on every keystroke.
 */
export function projectRecords(project: StudioProject): StoryRecords {
	const bundle = toBundle(project);
	const placeProblems = new ProblemList('places.geojson');
	const eventProblems = new ProblemList('events.geojson');
	const points = (features: StoryBundle['places']['features'], problems: ProblemList) =>
		features.map((f, index): RawPointFeature => {
			const properties = f.properties ?? {};
			const id = usableId(properties);
			const label = featureLabel(index, id);
			return {
				label,
				id,
				properties,
				coordinates: checkPosition(f.geometry.coordinates, label, problems)
			};
		});
	const { title, published } = bundle.events;
	const members = { title, published, ...datasetMembers(project.datasetFile) };
	return {
		article: { name: 'article.txt', contents: bundle.article },
		places: collection({}, points(bundle.places.features, placeProblems), placeProblems),
		placeProblems,
		events: collection(members, points(bundle.events.features, eventProblems), eventProblems),
		eventProblems
	};
}

/**
 * Runs the same checks as `npm run check:data` and the atlas on what the studio would export:
 * a story the studio calls clean opens in the atlas.
 */
export function checkProject(project: StudioProject, countries?: CountryLookup): ProjectCheck {
	const result = validateStoryRecords(projectRecords(project), countries);
	const accepted = project.events.some((e) => e.review === 'accepted');
	// With nothing accepted the files are empty, and the validator says so twice in its own words.
	const problems: Problem[] = accepted
		? result.ok
			? []
			: result.problems
		: [
				{
					file: 'events.geojson',
					message: 'Accept at least one event: only accepted events are published.'
				},
				...(result.ok ? [] : result.problems.filter((p) => p.field !== 'features'))
			];
	// A place the draft is unsure of is a question the editor must answer before publishing.
	const unsure = unsurePlaces(project);
	for (const place of unsure)
		problems.push({
			file: 'places.geojson',
			feature: place.id,
			field: 'name',
			message: `"${place.name}" is unsure: ${place.chosen}${place.others ? ', or another reading' : ''}? Keep it or choose another.`
		});
	const events = group(
		problems.filter((p) => p.file === 'events.geojson'),
		new Set(project.events.map((e) => e.id))
	);
	const places = group(
		problems.filter((p) => p.file === 'places.geojson'),
		new Set(project.places.map((p) => p.id))
	);
	return {
		ok: problems.length === 0,
		byEvent: events.map,
		byPlace: places.map,
		general: [...problems.filter((p) => p.file === 'article.txt'), ...events.rest, ...places.rest],
		count: problems.length,
		unsure,
		left: whatIsLeft(problems.length, unsure.length, afterPublication(project))
	};
}

/** Accepted events that end after the publication day and are not marked as planned. */
function afterPublication(project: StudioProject): number {
	const published = parseIsoDate(project.published);
	if (published === null) return 0;
	return project.events.filter((e) => {
		const end = parseIsoDate(e.end);
		return e.review === 'accepted' && !e.planned && end !== null && end > published;
	}).length;
}

/** The problems of one field, for the message under its input. */
export function fieldProblems(problems: readonly Problem[] | undefined, field: string): Problem[] {
	return (problems ?? []).filter((p) => p.field === field || p.field?.startsWith(`${field}[`));
}
