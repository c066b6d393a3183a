/**
 * A columnar story folder on disk (geodata/README.md, "Big stories"), as the validator takes it:
 * events.arrow and the small files read now, the text chunks read one at a time as they are
 * checked. Sizes are asked before reading, so an oversized file is named, not loaded.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS_ARROW, TEXT_FOLDER } from '../../src/lib/story/columnar/layout';
import { chunkTooBig } from '../../src/lib/story/columnar/text-chunks';
import { eventsTooBig, type ColumnarFiles } from '../../src/lib/story/columnar/validate-columnar';
import { STORY_FILE_NAMES } from '../../src/lib/story/story-index';

/** Whether `dir` holds a story in the columnar form. */
export const isColumnarFolder = (dir: string): boolean => existsSync(join(dir, EVENTS_ARROW));

const why = (error: unknown) => {
	const code = (error as NodeJS.ErrnoException).code;
	return `cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')}).`;
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
		try {
			const tooBig = file === EVENTS_ARROW ? eventsTooBig(statSync(path).size) : null;
			if (tooBig) {
				unreadable.push(`${name(path)}: ${tooBig}`);
				return new Uint8Array(0);
			}
			return new Uint8Array(readFileSync(path));
		} catch (error) {
			unreadable.push(`${name(path)}: ${why(error)}`);
			return new Uint8Array(0);
		}
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
			read(file) {
				const path = join(folder, file);
				try {
					const tooBig = chunkTooBig(statSync(path).size);
					return tooBig ? { unreadable: tooBig } : new Uint8Array(readFileSync(path));
				} catch (error) {
					return { unreadable: why(error) };
				}
			}
		}
	};
}
