/**
 * A dataset's story folder, read for `npm run import -- NEWER.csv --into DIR`: its form, the
 * dataset it was imported from (its article's head, dataset-origin.ts), its places, its history,
 * and its events one at a time as the importer wrote them (src/lib/import/story-update.ts
 * compares them with the newer file's). Either form: events.geojson, or events.arrow and its text
 * chunks, read a chunk at a time.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportedPlace } from '../../src/lib/import/place-table';
import type { DatasetEvent } from '../../src/lib/import/story-update';
import { readEventTable } from '../../src/lib/story/columnar/arrow-table';
import {
	CHUNK_SIZE,
	EVENTS_ARROW,
	TEXT_FOLDER,
	type EventText
} from '../../src/lib/story/columnar/layout';
import { articleOrigin } from '../../src/lib/story/dataset-origin';
import { toIsoDate } from '../../src/lib/story/dates';
import { eventId } from '../../src/lib/story/event-table';
import { HISTORY_FILE, withdrawnEvents, type StoryHistory } from '../../src/lib/story/history';
import { formatProblem } from '../../src/lib/story/problems';
import { STORY_FILE_NAMES } from '../../src/lib/story/story-index';
import type { StoryFormat } from './story-writers';
import { hasHistory, readFolderHistory } from './history-file';

export interface DatasetStory {
	form: StoryFormat;
	/** "an ACLED export": what the newer file must be read as. */
	dataset: string;
	/** The file and the day of the import that made it, from its article. */
	file: string;
	day: string;
	places: ImportedPlace[];
	/** Null where the story has had one version. */
	history: StoryHistory | null;
	/** The events its history withdraws. */
	withdrawn: Set<string>;
	events(): Generator<DatasetEvent>;
}

const readText = (path: string) => readFileSync(path, 'utf8');

/**
 * The story in `dir`, or why `dir` cannot be updated: each sentence follows the folder's name
 * ("DIR is not a story folder: …").
 */
export function readDatasetStory(dir: string): DatasetStory | string {
	let folder: boolean;
	try {
		folder = statSync(dir).isDirectory();
	} catch {
		return 'does not exist: --into names the folder of a story imported before (npm run import -- FILE --out DIR).';
	}
	if (!folder) return 'is a file, not a story folder.';
	const columnar = existsSync(join(dir, EVENTS_ARROW));
	if (!columnar && !existsSync(join(dir, STORY_FILE_NAMES.events)))
		return `is not a story folder: it has no ${STORY_FILE_NAMES.events} or ${EVENTS_ARROW}. --into updates a story imported before (npm run import -- FILE --out DIR).`;
	let article: string;
	try {
		article = readText(join(dir, STORY_FILE_NAMES.article));
	} catch {
		return `is not a whole story: its ${STORY_FILE_NAMES.article} cannot be read.`;
	}
	const origin = articleOrigin(article);
	if (!origin)
		return `holds a story that was not imported from a dataset (its ${STORY_FILE_NAMES.article} does not begin "Imported from …"): --into updates a dataset's story by its rows' ids.`;
	let places: ImportedPlace[];
	try {
		places = placesOf(JSON.parse(readText(join(dir, STORY_FILE_NAMES.places))));
	} catch (error) {
		return `has a ${STORY_FILE_NAMES.places} that cannot be read (${error instanceof Error ? error.message : String(error)}).`;
	}
	const events = columnar ? columnarEvents(dir) : geojsonEvents(dir);
	if (typeof events === 'string') return events;
	let history: StoryHistory | null = null;
	if (hasHistory(dir)) {
		// Its events are checked against it when the updated story is (check:data); here, what it withdrew.
		const read = readFolderHistory(dir, { has: () => true });
		if (!read.ok)
			return `has a ${HISTORY_FILE} with problems, to fix first:\n${read.problems.map(formatProblem).join('\n')}`;
		history = read.history;
	}
	return {
		form: columnar ? 'columnar' : 'geojson',
		dataset: origin.dataset,
		file: origin.file,
		day: origin.day,
		places,
		history,
		withdrawn: new Set(history ? withdrawnEvents(history).keys() : []),
		events
	};
}

function placesOf(json: unknown): ImportedPlace[] {
	const features = (
		json as {
			features: {
				properties: Record<string, unknown>;
				geometry: { coordinates: [number, number] };
			}[];
		}
	).features;
	return features.map(({ properties: p, geometry }) => ({
		id: String(p.id),
		name: String(p.name),
		kind: p.kind as ImportedPlace['kind'],
		...(typeof p.country === 'string' ? { country: p.country } : {}),
		coordinates: geometry.coordinates
	}));
}

type Props = Record<string, unknown>;

function geojsonEvents(dir: string): (() => Generator<DatasetEvent>) | string {
	let features: { properties: Props; geometry: { coordinates: [number, number] } }[];
	try {
		features = JSON.parse(readText(join(dir, STORY_FILE_NAMES.events))).features;
		if (!Array.isArray(features)) throw new Error('no "features" list');
	} catch (error) {
		return `has an ${STORY_FILE_NAMES.events} that cannot be read (${error instanceof Error ? error.message : String(error)}).`;
	}
	if (!features.every((f) => typeof f.properties?.row === 'number'))
		return `holds a story whose events do not all keep their row: it is an article's story, not a dataset's, and --into updates a dataset's story by its rows' ids.`;
	return function* () {
		for (const { properties: p, geometry } of features)
			yield {
				id: p.id as string,
				title: p.title as string,
				summary: p.summary as string,
				category: p.category as DatasetEvent['category'],
				actors: p.actors as string[],
				start: p.start as string,
				end: p.end as string,
				when: p.when as string,
				place: p.place as string,
				coordinates: geometry.coordinates,
				source: (p.source as string[])[0]!,
				row: p.row as number
			};
	};
}

function columnarEvents(dir: string): (() => Generator<DatasetEvent>) | string {
	const read = readEventTable(readFileSync(join(dir, EVENTS_ARROW)));
	if (!read.ok) return `has an ${EVENTS_ARROW} that cannot be read (${read.message}).`;
	const { table } = read;
	return function* () {
		let texts: EventText[] = [];
		for (let i = 0; i < table.length; i++) {
			if (i % CHUNK_SIZE === 0)
				texts = JSON.parse(readText(join(dir, TEXT_FOLDER, `${i / CHUNK_SIZE}.json`)));
			const text = texts[i % CHUNK_SIZE]!;
			yield {
				id: eventId(table, i),
				title: text.title,
				summary: text.summary,
				category: table.categories[table.category[i]!] as DatasetEvent['category'],
				actors: text.actors,
				start: toIsoDate(table.start[i]!),
				end: toIsoDate(table.end[i]!),
				when: text.when,
				place: table.places[table.place[i]!]!,
				coordinates: [table.lon[i]!, table.lat[i]!],
				source: text.source[0]!,
				row: table.row[i]!
			};
		}
	};
}
