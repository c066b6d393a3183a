/**
 * A columnar story folder on disk (geodata/README.md, "Big stories"), as the validator takes it:
 * events.arrow and the small files read now, the text chunks read one at a time as they are
 * checked. Sizes are asked before reading, so an oversized file is named, not loaded.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readEventTable } from '../../src/lib/story/columnar/arrow-table';
import {
	CHUNK_SIZE,
	EVENTS_ARROW,
	MAX_CHUNK_BYTES,
	MAX_EVENTS_ARROW_BYTES,
	TEXT_FOLDER,
	chunkFile,
	type EventText
} from '../../src/lib/story/columnar/layout';
import { toIsoDate } from '../../src/lib/story/dates';
import { eventId, otherPlacesOf } from '../../src/lib/story/event-table';
import type { EventFields } from '../../src/lib/story/version-check';
import type { ColumnarFiles } from '../../src/lib/story/columnar/validate-columnar';
import { MAX_FILE_BYTES } from '../../src/lib/story/json-file';
import { MAX_ARTICLE_BYTES } from '../../src/lib/story/schema';
import { STORY_FILE_NAMES } from '../../src/lib/story/story-index';
import { readStoryFile } from './read-story-file';

/** Whether `dir` holds a story in the columnar form. */
export const isColumnarFolder = (dir: string): boolean => existsSync(join(dir, EVENTS_ARROW));

const LIMITS: Record<string, number> = {
	[EVENTS_ARROW]: MAX_EVENTS_ARROW_BYTES,
	[STORY_FILE_NAMES.places]: MAX_FILE_BYTES,
	[STORY_FILE_NAMES.article]: MAX_ARTICLE_BYTES
};

/**
 * The folder's files, named as `name` shows a path; or the lines saying which cannot be read.
 * An events.arrow over its limit is returned as a sentence too, unread.
 */
export function readColumnarFolder(
	dir: string,
	name: (path: string) => string
): ColumnarFiles | { unreadable: string[] } {
	const unreadable: string[] = [];
	const read = (file: string): Uint8Array => {
		const path = join(dir, file);
		const contents = readStoryFile(path, dir, LIMITS[file]!);
		if (contents instanceof Uint8Array) return contents;
		unreadable.push(`${name(path)}: ${contents.unreadable}`);
		return new Uint8Array(0);
	};
	const events = read(EVENTS_ARROW);
	const places = read(STORY_FILE_NAMES.places);
	const article = read(STORY_FILE_NAMES.article);
	if (existsSync(join(dir, STORY_FILE_NAMES.events)))
		unreadable.push(
			`${name(join(dir, STORY_FILE_NAMES.events))}: is beside ${EVENTS_ARROW}; a story is GeoJSON or columnar, not both. Remove the one that is out of date.`
		);
	if (unreadable.length) return { unreadable };

	const folder = join(dir, TEXT_FOLDER);
	let names: string[] | null;
	try {
		names = readdirSync(folder);
	} catch {
		names = null;
	}
	return {
		events: { name: name(join(dir, EVENTS_ARROW)), contents: events },
		places: { name: name(join(dir, STORY_FILE_NAMES.places)), contents: places },
		article: { name: name(join(dir, STORY_FILE_NAMES.article)), contents: article },
		text: {
			folder: name(folder),
			names,
			read: (file) => readStoryFile(join(folder, file), dir, MAX_CHUNK_BYTES)
		}
	};
}

/**
 * A columnar story's events as `EventFields` by id (version-check.ts), named as its GeoJSON
 * events' properties are (dates as YYYY-MM-DD, `coordinates`, `places`), for `check:data
 * --previous`: the table's columns and each event's words, a text chunk at a time. Why not,
 * where the folder's table or a chunk cannot be read.
 */
export function columnarEventFields(dir: string): Map<string, EventFields> | string {
	let read;
	try {
		read = readEventTable(readFileSync(join(dir, EVENTS_ARROW)));
	} catch (error) {
		return `its ${EVENTS_ARROW} cannot be read (${error instanceof Error ? error.message : String(error)}).`;
	}
	if (!read.ok) return `its ${EVENTS_ARROW} cannot be read (${read.message}).`;
	const { table } = read;
	const out = new Map<string, EventFields>();
	let texts: EventText[] = [];
	for (let i = 0; i < table.length; i++) {
		if (i % CHUNK_SIZE === 0) {
			const file = chunkFile(i / CHUNK_SIZE);
			try {
				texts = JSON.parse(readFileSync(join(dir, file), 'utf8'));
			} catch (error) {
				return `its ${file} cannot be read (${error instanceof Error ? error.message : String(error)}).`;
			}
		}
		const { id, ...words } = texts[i % CHUNK_SIZE] ?? { id: eventId(table, i) };
		const others = [...otherPlacesOf(table, i)].map((p) => table.places[p]!);
		out.set(id, {
			...words,
			start: toIsoDate(table.start[i]!),
			end: toIsoDate(table.end[i]!),
			category: table.categories[table.category[i]!],
			place: table.places[table.place[i]!],
			...(others.length ? { places: others } : {}),
			...(table.row[i] ? { row: table.row[i] } : {}),
			coordinates: [table.lon[i]!, table.lat[i]!]
		});
	}
	return out;
}
