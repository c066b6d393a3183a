import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	columnarIndexEntry,
	parseStoryIndex,
	storyIndexEntry,
	sortStoryIndex,
	storySlugs,
	storySlugsFromPaths,
	type StoryIndexEntry
} from '../../../src/lib/story/story-index';
import { validateStory } from '../../../src/lib/story/validate';
import { storyLookup } from '../../helpers/story-files';

const minimal = (name: string) => ({
	name,
	contents: readFileSync(`tests/fixtures/minimal/${name}`, 'utf8')
});

describe('storySlugs', () => {
	it.each([
		{ folders: [], slugs: [] },
		{ folders: ['b-story', 'a-story'], slugs: ['a-story', 'b-story'] },
		{ folders: ['a', 'a'], slugs: ['a'] },
		// Not a URL: spaces, capitals, dots, a trailing hyphen, too long.
		{
			folders: ['My Story', 'Story', '.git', 'story-', 'x'.repeat(81), 'ok-2025'],
			slugs: ['ok-2025']
		}
	])('$folders → $slugs', ({ folders, slugs }) => {
		expect(storySlugs(folders)).toEqual(slugs);
	});
});

describe('storySlugsFromPaths', () => {
	it.each([
		{ paths: [], slugs: [] },
		{
			paths: [
				'/geodata/stories/witkoff/article.txt',
				'/geodata/stories/witkoff/events.geojson',
				'/geodata/stories/aid-2025/places.geojson'
			],
			slugs: ['aid-2025', 'witkoff']
		},
		{ paths: ['/geodata/stories/Bad Name/article.txt', 'article.txt'], slugs: [] }
	])('$paths → $slugs', ({ paths, slugs }) => {
		expect(storySlugsFromPaths(paths)).toEqual(slugs);
	});
});

describe('storyIndexEntry', () => {
	it("takes the title, publication date and counts from the validator's story", () => {
		const result = validateStory(
			{
				events: minimal('events.geojson'),
				places: minimal('places.geojson'),
				article: minimal('article.txt')
			},
			storyLookup
		);
		expect(storyIndexEntry('aid', result)).toEqual({
			slug: 'aid',
			title: 'Aid for Ukraine',
			published: '2025-04-12',
			events: 1,
			places: 1,
			problems: 0
		});
	});

	it('lists a story with problems under its slug, with how many there are', () => {
		const problems = [
			{ file: 'events.geojson', message: 'is empty.' },
			{ file: 'article.txt', message: 'is empty.' }
		];
		expect(storyIndexEntry('broken', { ok: false, problems })).toEqual({
			slug: 'broken',
			title: 'broken',
			published: null,
			events: 0,
			places: 0,
			problems: 2
		});
	});
});

describe('sortStoryIndex', () => {
	const entry = (slug: string, title: string, published: string | null): StoryIndexEntry => ({
		slug,
		title,
		published,
		events: 1,
		places: 1,
		problems: 0
	});
	it.each([
		{
			order: 'newest first',
			entries: [entry('a', 'A', '2024-12-31'), entry('b', 'B', '2025-04-12')],
			slugs: ['b', 'a']
		},
		{
			order: 'undated last',
			entries: [entry('a', 'A', null), entry('b', 'B', '2020-01-01')],
			slugs: ['b', 'a']
		},
		{
			order: 'by title on the same day',
			entries: [entry('a', 'Zelensky', '2025-04-12'), entry('b', 'Aid', '2025-04-12')],
			slugs: ['b', 'a']
		},
		{
			order: 'by slug when all else is equal',
			entries: [entry('b', 'Aid', null), entry('a', 'Aid', null)],
			slugs: ['a', 'b']
		}
	])('$order', ({ entries, slugs }) => {
		expect(sortStoryIndex(entries).map((e) => e.slug)).toEqual(slugs);
	});
});

describe('parseStoryIndex', () => {
	const entry: StoryIndexEntry = {
		slug: 'aid',
		title: 'Aid',
		published: '2025-04-12',
		events: 1,
		places: 1,
		problems: 0
	};
	it.each<{ name: string; value: unknown; parsed: StoryIndexEntry[] | null }>([
		{ name: 'an empty list', value: [], parsed: [] },
		{
			name: 'entries, one without a date',
			value: [entry, { ...entry, slug: 'b', published: null }],
			parsed: [entry, { ...entry, slug: 'b', published: null }]
		},
		{
			name: 'the default story, marked',
			value: [{ ...entry, default: true }],
			parsed: [{ ...entry, default: true }]
		},
		{ name: 'a default that is not true', value: [{ ...entry, default: 'yes' }], parsed: null },
		{ name: 'not a list', value: { stories: [entry] }, parsed: null },
		{ name: 'nothing', value: undefined, parsed: null },
		{ name: 'a slug that is a path', value: [{ ...entry, slug: '../story' }], parsed: null },
		{ name: 'a count as text', value: [{ ...entry, events: '1' }], parsed: null },
		{ name: 'no title', value: [{ ...entry, title: undefined }], parsed: null }
	])('$name', ({ value, parsed }) => {
		expect(parseStoryIndex(value)).toEqual(parsed);
	});
});

describe('a columnar story in the index', () => {
	const entry = columnarIndexEntry('big-data', {
		title: 'A million events',
		published: '2025-04-12',
		events: 1_000_000,
		places: 8000
	});

	it('is marked columnar, with its counts', () => {
		expect(entry).toEqual({
			slug: 'big-data',
			title: 'A million events',
			published: '2025-04-12',
			events: 1_000_000,
			places: 8000,
			problems: 0,
			form: 'columnar'
		});
	});

	it.each([
		[[entry], [entry]],
		[[{ ...entry, form: 'parquet' }], null],
		[[{ ...entry, form: undefined }], [{ ...entry, form: undefined }]]
	])('is read back from the index: %j', (value, expected) => {
		expect(parseStoryIndex(JSON.parse(JSON.stringify(value)))).toEqual(
			expected && JSON.parse(JSON.stringify(expected))
		);
	});
});
