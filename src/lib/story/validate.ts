import { readTour } from '../tour/tour';
import type { CountryLookup } from './country-lookup';
import { parseIsoDate } from './dates';
import { readDatasetFile } from './dataset-origin';
import {
	readPointCollection,
	type RawCollection,
	type RawPointFeature
} from './feature-collection';
import { FieldReader } from './fields';
import { decodeText, type FileContents } from './json-file';
import { ProblemList, type Problem } from './problems';
import { describe, findUnsafe, quote, unsafeMessage } from './text';
import { checkId, profileOf, validateRecords } from './validate-records';
import { type Place, type Story, type StoryEvent, type TourStep } from './types';
import { notARealDay } from './rules';
import { MAX_ARTICLE_CHARS, PLACE_FIELDS, STORY_FIELDS } from './schema';

export interface StoryFiles {
	events: { name: string; contents: FileContents };
	places: { name: string; contents: FileContents };
	article: { name: string; contents: FileContents };
}

export type ValidationResult = { ok: true; story: Story } | { ok: false; problems: Problem[] };

const ISO2 = /^[A-Z]{2}$/;
const EMPTY_ARTICLE = 'is empty: excerpts need an article to point into.';

function readPlaces(
	raws: readonly RawPointFeature[],
	problems: ProblemList,
	countries?: CountryLookup
): Place[] {
	const seen = new Set<string>();
	const places: Place[] = [];
	for (const raw of raws) {
		const read = new FieldReader(raw.properties, raw.label, problems);
		const id = checkId(raw.properties.id, raw.label, seen, problems);
		const name = read.text('name', PLACE_FIELDS.name);
		const kind = read.oneOf('kind', PLACE_FIELDS.kind.values);
		let country: string | undefined;
		const rawCountry = raw.properties.country;
		if (rawCountry === undefined || rawCountry === null) {
			if (kind && PLACE_FIELDS.country.requiredOf.includes(kind)) {
				problems.add(
					`is missing; a ${kind} needs its ISO 3166-1 alpha-2 code, like "UA".`,
					raw.label,
					'country'
				);
			}
		} else if (typeof rawCountry !== 'string' || !ISO2.test(rawCountry)) {
			problems.add(
				`${typeof rawCountry === 'string' ? quote(rawCountry, 40) : describe(rawCountry)} is not an ISO 3166-1 alpha-2 code (two capital letters, like "CY").`,
				raw.label,
				'country'
			);
		} else if (countries && !countries.has(rawCountry)) {
			problems.add(
				`"${rawCountry}" is not a country on the Natural Earth basemap.`,
				raw.label,
				'country'
			);
		} else {
			country = rawCountry;
		}
		let located = raw.coordinates !== null;
		if (country && raw.coordinates && countries && !countries.contains(country, raw.coordinates)) {
			located = false;
			const [lon, lat] = raw.coordinates;
			const swapped = countries.contains(country, [lat, lon]);
			problems.add(
				swapped
					? `[${lon}, ${lat}] lies outside ${country}, but [${lat}, ${lon}] is inside: longitude and latitude look swapped (GeoJSON wants [longitude, latitude]).`
					: `[${lon}, ${lat}] lies outside its country ${country}. Check the coordinates and the country code.`,
				raw.label,
				'geometry.coordinates'
			);
		}
		// A mislocated place is left out, so its events are not blamed for matching it.
		if (id && name && kind && raw.coordinates && located) {
			places.push({
				id,
				name,
				kind,
				coordinates: raw.coordinates,
				...(country ? { country } : {})
			});
		}
	}
	return places;
}

/** The article is shown as it is, so it is held to the rule for the text fields. */
function checkArticleText(article: string, problems: ProblemList): void {
	const unsafe = findUnsafe(article, { multiline: true });
	if (!unsafe) return;
	let line = 1;
	let lineStart = 0;
	for (
		let i = article.indexOf('\n');
		i !== -1 && i < unsafe.index;
		i = article.indexOf('\n', i + 1)
	) {
		line++;
		lineStart = i + 1;
	}
	problems.add(
		unsafeMessage(unsafe, `on line ${line}, at character ${unsafe.index - lineStart + 1}`)
	);
}

function compareEvents(a: StoryEvent, b: StoryEvent): number {
	return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The article as every form of story reads it: decoded, and held to the rule for text. */
function readArticle(
	file: StoryFiles['article'],
	emptyArticle: string
): { article: string | null; problems: ProblemList } {
	const problems = new ProblemList(file.name);
	const article = decodeText(file.contents, problems);
	if (article !== null && article.length > MAX_ARTICLE_CHARS) {
		problems.add(
			`is ${article.length.toLocaleString('en-GB')} characters; an article may have ${MAX_ARTICLE_CHARS.toLocaleString('en-GB')} (about 400,000 words), as its page holds it whole.`
		);
		return { article: null, problems };
	}
	if (article !== null && article.trim() === '') problems.add(emptyArticle);
	if (article !== null) checkArticleText(article, problems);
	return { article, problems };
}

/**
 * The places of a story, checked. `knownPlaceIds` holds every id the places file names, valid or
 * not, so one bad place does not cascade; null when the file cannot be read (`raws` null).
 */
function readPlaceRecords(
	raws: readonly RawPointFeature[] | null,
	problems: ProblemList,
	countries?: CountryLookup
): { places: Place[]; knownPlaceIds: Set<string> | null } {
	if (!raws) return { places: [], knownPlaceIds: null };
	const knownPlaceIds = new Set<string>();
	for (const f of raws) if (typeof f.properties.id === 'string') knownPlaceIds.add(f.properties.id);
	return { places: readPlaces(raws, problems, countries), knownPlaceIds };
}

/**
 * The article and the places, checked as every form of story checks them (GeoJSON and columnar).
 * `emptyArticle` says why an empty article is wrong in this form.
 */
export function readArticleAndPlaces(
	files: Pick<StoryFiles, 'article' | 'places'>,
	emptyArticle: string,
	countries?: CountryLookup
): {
	article: string | null;
	places: Place[];
	knownPlaceIds: Set<string> | null;
	problems: [ProblemList, ProblemList];
} {
	const { article, problems: articleProblems } = readArticle(files.article, emptyArticle);
	const { places, knownPlaceIds, problems } = readPlacesFile(files.places, countries);
	return { article, places, knownPlaceIds, problems: [articleProblems, problems] };
}

/** places.geojson, checked as every form of story checks it: the reader's loader reads it so too. */
export function readPlacesFile(
	file: StoryFiles['places'],
	countries?: CountryLookup
): { places: Place[]; knownPlaceIds: Set<string> | null; problems: ProblemList } {
	const problems = new ProblemList(file.name);
	const raws = readPointCollection(file.contents, problems);
	return { ...readPlaceRecords(raws?.features ?? null, problems, countries), problems };
}

type StoryMeta = Pick<Story, 'title' | 'published' | 'datasetFile'>;

/** The story-wide members of events.geojson (or of the studio's project): its title and day. */
function readStoryMeta(members: Record<string, unknown>, problems: ProblemList): StoryMeta {
	const meta = new FieldReader(members, 'collection', problems);
	const { title: titleField, published: publishedField } = STORY_FIELDS;
	const title =
		meta.text('title', { optional: true, max: titleField.max, plain: true }) ?? titleField.fallback;
	const publishedText = meta.text('published', { optional: true, max: publishedField.max });
	const datasetFile = readDatasetFile(meta);
	const file = datasetFile ? { datasetFile } : {};
	if (publishedText === undefined) return { title, published: null, ...file };
	const published = parseIsoDate(publishedText);
	if (published === null) problems.add(notARealDay(publishedText), 'collection', 'published');
	return { title, published, ...file };
}

/**
 * A story read into records, whatever its form: the article's file, and the places and events as
 * collections of points (null when unreadable; why is already in their problem lists).
 */
export interface StoryRecords {
	article: StoryFiles['article'];
	places: RawCollection | null;
	placeProblems: ProblemList;
	events: RawCollection | null;
	eventProblems: ProblemList;
}

/**
 * Checks a story's three files together and returns either the typed story or every problem
 * found. Never throws, whatever the files hold.
 */
export function validateStory(
	files: StoryFiles,
	countries?: CountryLookup,
	withdrawn?: ReadonlySet<string>
): ValidationResult {
	const placeProblems = new ProblemList(files.places.name);
	const eventProblems = new ProblemList(files.events.name);
	return validateStoryRecords(
		{
			article: files.article,
			places: readPointCollection(files.places.contents, placeProblems),
			placeProblems,
			events: readPointCollection(files.events.contents, eventProblems),
			eventProblems
		},
		countries,
		withdrawn
	);
}

/**
 * The checks of a story once its format is read: the article, the places, and the events by the
 * core every format shares (validate-records.ts). The studio calls it with its project as it is.
 */
export function validateStoryRecords(
	records: StoryRecords,
	countries?: CountryLookup,
	/** The events the story's history withdraws: outside the row rule (validate-records.ts). */
	withdrawn?: ReadonlySet<string>
): ValidationResult {
	const all: Problem[] = [];
	let count = 0;
	// A loop, not push(...list): spreading 125,000 problems overflows the stack.
	const collect = (list: ProblemList) => {
		for (const problem of list.list()) all.push(problem);
		count += list.count;
	};

	const { article, problems: articleProblems } = readArticle(records.article, EMPTY_ARTICLE);
	collect(articleProblems);
	const { placeProblems, eventProblems } = records;
	const { places, knownPlaceIds } = readPlaceRecords(
		records.places?.features ?? null,
		placeProblems,
		countries
	);
	collect(placeProblems);
	const placeById = new Map(places.map((p) => [p.id, p]));

	const rawEvents = records.events;
	let events: StoryEvent[] = [];
	let meta: StoryMeta = {
		title: STORY_FIELDS.title.fallback,
		published: null
	};
	let tour: TourStep[] | undefined;
	if (rawEvents) {
		// Read first for the dataset profile's bound; its problems are still listed after the events'.
		const metaProblems = new ProblemList(eventProblems.file);
		meta = readStoryMeta(rawEvents.members, metaProblems);
		events = validateRecords(
			rawEvents.features,
			{
				kind: profileOf(rawEvents.features),
				article: article && article.trim() ? article : null,
				placeById,
				knownPlaceIds,
				published: meta.published,
				...(withdrawn ? { withdrawn } : {})
			},
			eventProblems
		);
		// Every id the file names, valid or not, so one bad event does not cascade into the tour.
		const eventIds = new Set<string>();
		for (const f of rawEvents.features)
			if (typeof f.properties.id === 'string') eventIds.add(f.properties.id);
		tour = readTour(rawEvents.members.tour, eventIds, eventProblems);
		collect(eventProblems);
		collect(metaProblems);
	} else collect(eventProblems);

	if (count > 0 || article === null) return { ok: false, problems: all };
	events.sort(compareEvents);
	return {
		ok: true,
		story: {
			title: meta.title,
			published: meta.published,
			...(meta.datasetFile ? { datasetFile: meta.datasetFile } : {}),
			article,
			events,
			places,
			...(tour && tour.length > 0 ? { tour } : {}),
			placeById,
			eventById: new Map(events.map((e) => [e.id, e]))
		}
	};
}
