import { readTour } from '../tour/tour';
import type { CountryLookup } from './country-lookup';
import { formatDay, parseIsoDate } from './dates';
import { readPointCollection, type RawPointFeature } from './feature-collection';
import { excerptFinder } from './excerpts';
import { FieldReader } from './fields';
import { decodeText, isRecord, type FileContents } from './json-file';
import { ProblemList, type Problem } from './problems';
import { isSlug } from './slug';
import { describe, findUnsafe, quote, unsafeMessage } from './text';
import {
	CATEGORIES,
	INFERABLE,
	PLACE_KINDS,
	type Inferable,
	type Note,
	type Place,
	type Story,
	type StoryEvent,
	type TourStep
} from './types';

export interface StoryFiles {
	events: { name: string; contents: FileContents };
	places: { name: string; contents: FileContents };
	article: { name: string; contents: FileContents };
}

export type ValidationResult = { ok: true; story: Story } | { ok: false; problems: Problem[] };

const ISO2 = /^[A-Z]{2}$/;
const MAX_EXCERPT = 2000;

/** Curly and straight quotes differ by one keystroke and are the commonest reason an excerpt misses. */
function loosen(text: string): string {
	return text
		.replace(/[‘’‛′]/g, "'")
		.replace(/[“”„″]/g, '"')
		.replace(/\s+/g, ' ');
}

function checkId(
	raw: RawPointFeature,
	seen: Set<string>,
	problems: ProblemList
): string | undefined {
	const value = raw.properties.id;
	if (value === undefined || value === null || value === '') {
		problems.add('has no id. Give it a unique slug like "kryvyi-rih".', raw.label, 'id');
		return undefined;
	}
	if (typeof value !== 'string') {
		// Never stringified: a 100,000-deep list would overflow the stack.
		problems.add(
			`must be a slug like "kryvyi-rih" (lower-case letters, digits and hyphens), not ${describe(value)}.`,
			raw.label,
			'id'
		);
		return undefined;
	}
	if (!isSlug(value)) {
		problems.add(
			`${quote(value)} is not a slug: use lower-case letters, digits and hyphens.`,
			raw.label,
			'id'
		);
		return undefined;
	}
	if (seen.has(value)) {
		problems.add(
			`${quote(value)} is used by more than one feature; ids must be unique.`,
			raw.label,
			'id'
		);
		return undefined;
	}
	seen.add(value);
	return value;
}

function readPlaces(
	raws: RawPointFeature[],
	problems: ProblemList,
	countries?: CountryLookup
): Place[] {
	const seen = new Set<string>();
	const places: Place[] = [];
	for (const raw of raws) {
		const read = new FieldReader(raw.properties, raw.label, problems);
		const id = checkId(raw, seen, problems);
		const name = read.text('name', { max: 120, plain: true });
		const kind = read.oneOf('kind', PLACE_KINDS);
		let country: string | undefined;
		const rawCountry = raw.properties.country;
		if (rawCountry === undefined || rawCountry === null) {
			if (kind === 'country' || kind === 'city' || kind === 'venue') {
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

export function readNotes(
	read: FieldReader,
	label: string,
	problems: ProblemList
): Note[] | undefined {
	const value = read.raw('notes');
	if (value === undefined) return [];
	if (!Array.isArray(value)) {
		problems.add('must be a list of { "correction", "reportedBy" } objects.', label, 'notes');
		return undefined;
	}
	const notes: Note[] = [];
	value.forEach((note: unknown, index) => {
		const field = `notes[${index}]`;
		if (!isRecord(note)) {
			problems.add('must be an object with "correction" and "reportedBy".', label, field);
			return;
		}
		const inner = new FieldReader(note, label, problems);
		const correction = inner.text('correction', { plain: true, multiline: true });
		const reportedBy = inner.text('reportedBy', { max: 300, plain: true });
		if (correction && reportedBy) notes.push({ correction, reportedBy });
	});
	return notes.length === value.length ? notes : undefined;
}

function readDate(
	read: FieldReader,
	field: 'start' | 'end',
	label: string,
	problems: ProblemList
): number | undefined {
	const value = read.text(field, { max: 40 });
	if (value === undefined) return undefined;
	const day = parseIsoDate(value);
	if (day === null) {
		problems.add(
			/^\d{4}-\d{2}-\d{2}$/.test(value)
				? `${quote(value)} is not a real date.`
				: `${quote(value)} is not a date in the form YYYY-MM-DD.`,
			label,
			field
		);
		return undefined;
	}
	return day;
}

function readEvents(
	raws: RawPointFeature[],
	problems: ProblemList,
	placeById: ReadonlyMap<string, Place>,
	/** Every id the places file names, valid or not, so one bad place does not cascade; null if unreadable. */
	knownPlaceIds: ReadonlySet<string> | null,
	article: string | null
): StoryEvent[] {
	const seen = new Set<string>();
	const loosenedArticle = article === null ? '' : loosen(article);
	// Large stories quote the same sentences many times; search the article once per excerpt.
	const found = new Map<string, boolean>();
	const search = article === null ? () => false : excerptFinder(article);
	const inArticle = (excerpt: string): boolean => {
		let hit = found.get(excerpt);
		if (hit === undefined) found.set(excerpt, (hit = search(excerpt)));
		return hit;
	};
	const events: StoryEvent[] = [];
	for (const raw of raws) {
		const { label } = raw;
		const read = new FieldReader(raw.properties, label, problems);
		const id = checkId(raw, seen, problems);
		const title = read.text('title', { max: 160, plain: true });
		const summary = read.text('summary', { max: 800, plain: true, multiline: true });
		const category = read.oneOf('category', CATEGORIES);
		const actors = read.textList('actors', { max: 120, minItems: 1 });
		const when = read.text('when', { max: 120, plain: true });
		const start = readDate(read, 'start', label, problems);
		const end = readDate(read, 'end', label, problems);
		if (start !== undefined && end !== undefined && end < start) {
			problems.add(`${formatDay(end)} is before the start, ${formatDay(start)}.`, label, 'end');
		}
		const place = read.text('place', { max: 120 });
		const mainPlace = place === undefined ? undefined : placeById.get(place);
		if (place !== undefined && knownPlaceIds && !knownPlaceIds.has(place)) {
			problems.add(`${quote(place)} is not a place id in the places file.`, label, 'place');
		}
		const others = read.textList('places', { optional: true, max: 120 });
		others?.forEach((other, index) => {
			if (knownPlaceIds && !knownPlaceIds.has(other)) {
				problems.add(
					`${quote(other)} is not a place id in the places file.`,
					label,
					`places[${index}]`
				);
			} else if (other === place) {
				problems.add(`${quote(other)} is already the main place.`, label, `places[${index}]`);
			}
		});
		const source = read.textList('source', { max: MAX_EXCERPT, minItems: 1, multiline: true });
		if (source && article !== null) {
			source.forEach((excerpt, index) => {
				if (inArticle(excerpt)) return;
				const near = loosenedArticle.includes(loosen(excerpt));
				problems.add(
					near
						? 'is not in the article exactly: it differs in quotation marks, apostrophes or spaces. Copy it from the article again.'
						: `${quote(excerpt)} is not in the article. Excerpts must be copied verbatim.`,
					label,
					`source[${index}]`
				);
			});
		}
		const background = read.boolean('background');
		const notes = readNotes(read, label, problems);
		const inferred = readInferred(read, label, problems);
		if (mainPlace && raw.coordinates) {
			const [lon, lat] = raw.coordinates;
			const [plon, plat] = mainPlace.coordinates;
			if (Math.abs(lon - plon) > 1e-6 || Math.abs(lat - plat) > 1e-6) {
				const swapped = Math.abs(lat - plon) <= 1e-6 && Math.abs(lon - plat) <= 1e-6;
				problems.add(
					swapped
						? `[${lon}, ${lat}] is its place "${mainPlace.id}" with longitude and latitude swapped.`
						: `[${lon}, ${lat}] is not at its place "${mainPlace.id}" [${plon}, ${plat}]; an event's point is its main place.`,
					label,
					'geometry.coordinates'
				);
				continue;
			}
		}
		if (
			id &&
			title &&
			summary &&
			category &&
			actors &&
			when &&
			start !== undefined &&
			end !== undefined &&
			end >= start &&
			mainPlace &&
			others &&
			source &&
			background !== undefined &&
			notes &&
			inferred &&
			raw.coordinates
		) {
			events.push({
				id,
				title,
				summary,
				category,
				actors,
				start,
				end,
				when,
				place: mainPlace.id,
				places: others,
				source,
				background,
				notes,
				inferred,
				coordinates: raw.coordinates
			});
		}
	}
	return events;
}

/** `inferred`: optional, a list of "place" and "date", each at most once. */
function readInferred(
	read: FieldReader,
	label: string,
	problems: ProblemList
): Inferable[] | undefined {
	const values = read.textList('inferred', { optional: true, max: 20, maxItems: INFERABLE.length });
	if (!values) return undefined;
	const inferred: Inferable[] = [];
	values.forEach((value, index) => {
		if (!(INFERABLE as readonly string[]).includes(value)) {
			problems.add(
				`${quote(value)} is not one of: ${INFERABLE.join(', ')}.`,
				label,
				`inferred[${index}]`
			);
		} else if (inferred.includes(value as Inferable)) {
			problems.add(`${quote(value)} is listed twice.`, label, `inferred[${index}]`);
		} else inferred.push(value as Inferable);
	});
	return inferred.length === values.length ? inferred : undefined;
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

/**
 * The article and the places, checked as every form of story checks them (GeoJSON and columnar):
 * the article held to the text rule, each place checked. `emptyArticle` says why an empty article
 * is wrong in this form. `knownPlaceIds` holds every id the places file names, valid or not, so one
 * bad place does not cascade; null when the file cannot be read.
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
	const articleProblems = new ProblemList(files.article.name);
	const article = decodeText(files.article.contents, articleProblems);
	if (article !== null && article.trim() === '') articleProblems.add(emptyArticle);
	if (article !== null) checkArticleText(article, articleProblems);

	const placeProblems = new ProblemList(files.places.name);
	const rawPlaces = readPointCollection(files.places.contents, placeProblems);
	const places = rawPlaces ? readPlaces(rawPlaces.features, placeProblems, countries) : [];
	const knownPlaceIds = rawPlaces
		? new Set(
				rawPlaces.features
					.map((f) => f.properties.id)
					.filter((id): id is string => typeof id === 'string')
			)
		: null;
	return { article, places, knownPlaceIds, problems: [articleProblems, placeProblems] };
}

/**
 * Checks a story's three files together and returns either the typed story or every problem
 * found. Never throws, whatever the files hold.
 */
export function validateStory(files: StoryFiles, countries?: CountryLookup): ValidationResult {
	const all: Problem[] = [];
	let count = 0;
	// A loop, not push(...list): spreading 125,000 problems overflows the stack.
	const collect = (list: ProblemList) => {
		for (const problem of list.list()) all.push(problem);
		count += list.count;
	};

	const { article, places, knownPlaceIds, problems } = readArticleAndPlaces(
		files,
		'is empty: excerpts need an article to point into.',
		countries
	);
	problems.forEach(collect);
	const placeById = new Map(places.map((p) => [p.id, p]));

	const eventProblems = new ProblemList(files.events.name);
	const rawEvents = readPointCollection(files.events.contents, eventProblems);
	const events = rawEvents
		? readEvents(
				rawEvents.features,
				eventProblems,
				placeById,
				knownPlaceIds,
				article && article.trim() ? article : null
			)
		: [];
	let title = 'Story Atlas';
	let published: number | null = null;
	let tour: TourStep[] | undefined;
	if (rawEvents) {
		// Every id the file names, valid or not, so one bad event does not cascade into the tour.
		const eventIds = new Set<string>();
		for (const f of rawEvents.features)
			if (typeof f.properties.id === 'string') eventIds.add(f.properties.id);
		tour = readTour(rawEvents.members.tour, eventIds, eventProblems);
		const meta = new FieldReader(rawEvents.members, 'collection', eventProblems);
		title = meta.text('title', { optional: true, max: 200, plain: true }) ?? title;
		const publishedText = meta.text('published', { optional: true, max: 40 });
		if (publishedText !== undefined) {
			published = parseIsoDate(publishedText);
			if (published === null)
				eventProblems.add(
					`${quote(publishedText)} is not a real date in the form YYYY-MM-DD.`,
					'collection',
					'published'
				);
		}
	}
	collect(eventProblems);

	if (count > 0 || article === null) return { ok: false, problems: all };
	events.sort(compareEvents);
	return {
		ok: true,
		story: {
			title,
			published,
			article,
			events,
			places,
			...(tour && tour.length > 0 ? { tour } : {}),
			placeById,
			eventById: new Map(events.map((e) => [e.id, e]))
		}
	};
}
