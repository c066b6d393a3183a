import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { roleOf, type FileRole } from '../../src/lib/story/file-roles';
import type { StoryFiles } from '../../src/lib/story/validate';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_FILES = {
	events: resolve(PROJECT_ROOT, 'geodata/events.geojson'),
	places: resolve(PROJECT_ROOT, 'geodata/places.geojson'),
	article: resolve(PROJECT_ROOT, 'geodata/article.txt')
};

export type Role = FileRole;
export { roleOf };

/** The story's three files: the ones given, and the project's own for the rest. */
export function storyFilePaths(paths: readonly string[]): Record<Role, string> {
	const chosen = { ...DEFAULT_FILES };
	for (const path of paths) chosen[roleOf(path)] = resolve(path);
	return chosen;
}

export function readStoryFiles(paths: Record<Role, string>): StoryFiles | { unreadable: string[] } {
	const unreadable: string[] = [];
	const read = (role: Role) => {
		try {
			return { name: paths[role], contents: new Uint8Array(readFileSync(paths[role])) };
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			unreadable.push(
				`${paths[role]}: cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')}).`
			);
			return { name: paths[role], contents: '' };
		}
	};
	const files = { events: read('events'), places: read('places'), article: read('article') };
	return unreadable.length ? { unreadable } : files;
}
