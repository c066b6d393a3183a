import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_FILE } from '../../../src/lib/story/history';
import { readHistory } from '../../../src/lib/story/history-read';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_STORY,
	STORIES_ROOT,
	listStories,
	storyFolderFiles
} from '../../../scripts/lib/story-files';
import { validateStory } from '../../../src/lib/story/validate';
import { storyLookup } from '../../helpers/story-files';

const { slugs, misnamed } = listStories();

describe("the project's stories", () => {
	it('are folders named by slugs, the default among them', () => {
		expect(misnamed).toEqual([]);
		expect(slugs).toContain(DEFAULT_STORY);
		// Anything else in the folder would be a story nobody can open.
		const entries = readdirSync(STORIES_ROOT, { withFileTypes: true });
		expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
	});

	it.each(slugs)(
		'%s holds exactly its three files (and its history), and they pass the validator',
		(slug) => {
			const files = readdirSync(join(STORIES_ROOT, slug)).sort();
			expect(files.filter((f) => f !== HISTORY_FILE)).toEqual([
				'article.txt',
				'events.geojson',
				'places.geojson'
			]);
			const paths = storyFolderFiles(join(STORIES_ROOT, slug));
			const read = (role: keyof typeof paths) => ({
				name: `${slug}/${role}`,
				contents: readFileSync(paths[role])
			});
			const result = validateStory(
				{ events: read('events'), places: read('places'), article: read('article') },
				storyLookup
			);
			expect(result.ok ? [] : result.problems).toEqual([]);
			if (!result.ok || !files.includes(HISTORY_FILE)) return;
			const { eventById } = result.story;
			const history = readHistory(readFileSync(join(STORIES_ROOT, slug, HISTORY_FILE)), {
				has: (id) => eventById.has(id),
				notes: (id) => eventById.get(id)?.notes.length
			});
			expect(history.ok ? [] : history.problems).toEqual([]);
		}
	);
});
