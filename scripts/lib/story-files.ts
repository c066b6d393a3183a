import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../../src/lib/story/json-file';
import { MAX_ARTICLE_BYTES } from '../../src/lib/story/schema';
import { roleOf, type FileRole } from '../../src/lib/story/file-roles';
import { STORY_FILE_NAMES, storySlugs } from '../../src/lib/story/story-index';
import type { StoryFiles } from '../../src/lib/story/validate';
import { readStoryFile } from './read-story-file';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** One folder per story, named by its slug: the slug is the story's URL, /stories/<slug>/. */
export const STORIES_ROOT = resolve(PROJECT_ROOT, 'geodata/stories');
/**
 * The story `/` opens, and the one whose files `npm run check:data FILE…` completes. It lives in
 * code rather than in geodata so that a typo fails the type check and the data check, not a
 * reader's page.
 */
export const DEFAULT_STORY = 'witkoff-putin-st-petersburg';

export type Role = FileRole;
export { roleOf };

/** The three files of the story in `dir`, by role. */
export function storyFolderFiles(dir: string): Record<Role, string> {
	return {
		events: resolve(dir, STORY_FILE_NAMES.events),
		places: resolve(dir, STORY_FILE_NAMES.places),
		article: resolve(dir, STORY_FILE_NAMES.article)
	};
}

export const DEFAULT_FILES = storyFolderFiles(resolve(STORIES_ROOT, DEFAULT_STORY));

/** The story's three files: the ones given, and the default story's for the rest. */
export function storyFilePaths(paths: readonly string[]): Record<Role, string> {
	const chosen = { ...DEFAULT_FILES };
	for (const path of paths) chosen[roleOf(path)] = resolve(path);
	return chosen;
}

/**
 * The folders under `root`: the stories (slugs, sorted) and any folder whose name cannot be a
 * URL, which the callers report rather than silently publish or drop.
 */
export function listStories(root: string = STORIES_ROOT): { slugs: string[]; misnamed: string[] } {
	const folders = readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);
	const slugs = storySlugs(folders);
	return { slugs, misnamed: folders.filter((name) => !slugs.includes(name)).sort() };
}

export function readStoryFiles(paths: Record<Role, string>): StoryFiles | { unreadable: string[] } {
	const unreadable: string[] = [];
	const read = (role: Role) => {
		const path = paths[role];
		const limit = role === 'article' ? MAX_ARTICLE_BYTES : MAX_FILE_BYTES;
		const contents = readStoryFile(path, dirname(path), limit);
		if (contents instanceof Uint8Array) return { name: path, contents };
		unreadable.push(`${path}: ${contents.unreadable}`);
		return { name: path, contents: '' };
	};
	const files = { events: read('events'), places: read('places'), article: read('article') };
	return unreadable.length ? { unreadable } : files;
}
