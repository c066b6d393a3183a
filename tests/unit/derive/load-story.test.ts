import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { naturalEarthCountries } from '../../../scripts/lib/natural-earth';
import {
	decodeBasemap,
	loadStory,
	loadStoryIndex,
	loadStoryPage,
	INLINE_EVENT_LIMIT,
	type StoryPageData
} from '../../../src/lib/derive/load-story';
import type { LoadedStory } from '../../../src/lib/derive/prepare-story';
import { formatProblem } from '../../../src/lib/story/problems';
import type { StoryIndexEntry } from '../../../src/lib/story/story-index';

const countries = JSON.stringify(naturalEarthCountries('110m', 2));
const minimal = (name: string) => readFileSync(`tests/fixtures/minimal/${name}`, 'utf8');
const aid: StoryIndexEntry = {
	slug: 'aid',
	title: 'Aid for Ukraine',
	published: '2025-04-12',
	events: 1,
	places: 1,
	problems: 0
};

/** A static site under /g: the basemap, the index and one story, `aid`, in two places. */
const SITE: Record<string, string> = {
	'/g/countries.geojson': countries,
	'/g/stories/index.json': JSON.stringify([aid]),
	...Object.fromEntries(
		['events.geojson', 'places.geojson', 'article.txt'].flatMap((name) => [
			[`/g/story/${name}`, minimal(name)],
			[`/g/stories/aid/${name}`, minimal(name)]
		])
	)
};

/** A fetch that serves `site` and records what was asked of it. */
function server(site: Record<string, string | null> = {}) {
	const files = { ...SITE, ...site };
	const asked: string[] = [];
	const fetcher = async (input: string | URL | Request) => {
		const url = String(input);
		asked.push(url);
		const body = files[url];
		return body == null ? new Response('not found', { status: 404 }) : new Response(body);
	};
	return { fetcher: fetcher as typeof fetch, asked };
}

const problems = (data: StoryPageData) =>
	data.loaded.ok ? [] : data.loaded.problems.map(formatProblem);

describe('loadStory', () => {
	it('checks the fetched files with the check it is given (the page passes the loader worker)', async () => {
		const { fetcher } = server();
		const seen: string[] = [];
		const data = await loadStory(
			fetcher,
			'/g',
			'stories/aid',
			undefined,
			async (files, countries) => {
				seen.push(files.events.name, files.places.name, files.article.name, countries.type);
				return { ok: false, problems: [{ file: 'events.geojson', message: 'checked elsewhere.' }] };
			}
		);
		expect(seen).toEqual(['events.geojson', 'places.geojson', 'article.txt', 'FeatureCollection']);
		expect(problems(data)).toEqual(['events.geojson: checked elsewhere.']);
	});

	it('validates the three files in a folder against the basemap', async () => {
		const { fetcher, asked } = server();
		const data = await loadStory(fetcher, '/g', 'story');
		expect(data.loaded.ok && data.loaded.story.title).toBe('Aid for Ukraine');
		expect(data.countries?.type).toBe('FeatureCollection');
		expect(asked.sort()).toEqual([
			'/g/countries.geojson',
			'/g/story/article.txt',
			'/g/story/events.geojson',
			'/g/story/history.json',
			'/g/story/places.geojson'
		]);
	});

	it.each([
		{
			name: 'hands the check the folder’s history, where it keeps one',
			history: '{"versions":[]}'
		},
		{ name: 'hands the check no history where it keeps none', history: null }
	])('$name', async ({ history }) => {
		const { fetcher } = server({ '/g/story/history.json': history });
		let seen: string | null | undefined;
		await loadStory(fetcher, '/g', 'story', undefined, async (_files, _countries, file) => {
			seen = file ? new TextDecoder().decode(file.contents as Uint8Array) : null;
			return { ok: false, problems: [] };
		});
		expect(seen).toBe(history);
	});

	it.each<{ name: string; site: Record<string, string | null>; says: unknown[] }>([
		{
			name: 'a missing file',
			site: { '/g/story/places.geojson': null },
			says: ['places.geojson: could not be loaded (HTTP 404).']
		},
		{
			name: 'two missing files',
			site: { '/g/story/article.txt': null, '/g/countries.geojson': null },
			says: [
				'article.txt: could not be loaded (HTTP 404).',
				'countries.geojson: could not be loaded (HTTP 404).'
			]
		},
		{
			name: 'a basemap that is not JSON',
			site: { '/g/countries.geojson': '{' },
			says: ['countries.geojson: is not valid JSON.']
		},
		{
			name: 'an invalid story',
			site: { '/g/story/article.txt': 'Nothing happened.' },
			says: [expect.stringMatching(/^events\.geojson › aid › source/)]
		}
	])('turns $name into problems, not a throw', async ({ site, says }) => {
		const data = await loadStory(server(site).fetcher, '/g', 'story');
		expect(problems(data)).toEqual(says);
	});
});

describe('loadStoryPage: which story, and what its page says when there is none', () => {
	const said = (page: { loaded: LoadedStory | null }) =>
		page.loaded && !page.loaded.ok ? page.loaded.problems.map(formatProblem) : [];

	it('opens a story the index lists from its own folder', async () => {
		const { fetcher, asked } = server();
		const page = await loadStoryPage(fetcher, '/g', 'aid');
		expect(page.loaded?.ok && page.loaded.story.title).toBe('Aid for Ukraine');
		expect(asked).toContain('/g/stories/aid/events.geojson');
		expect(asked.filter((url) => url.startsWith('/g/story/'))).toEqual([]);
	});

	it('opens `/`’s story, the one the index marks as the default, from story/', async () => {
		const { fetcher, asked } = server({
			'/g/stories/index.json': JSON.stringify([{ ...aid, default: true }])
		});
		const page = await loadStoryPage(fetcher, '/g', null);
		expect(page.loaded?.ok && page.loaded.story.title).toBe('Aid for Ukraine');
		expect(asked).toContain('/g/story/events.geojson');
		expect(asked.filter((url) => url.startsWith('/g/stories/aid/'))).toEqual([]);
	});

	it.each([
		{ slug: 'no-such-story', shown: 'no-such-story' },
		{ slug: '../story', shown: '../story' },
		{ slug: 'index.json', shown: 'index.json' },
		{ slug: 'x'.repeat(200), shown: `${'x'.repeat(79)}…` }
	])('says there is no story at $shown, and asks for no story file', async ({ slug, shown }) => {
		const { fetcher, asked } = server();
		const page = await loadStoryPage(fetcher, '/g', slug);
		expect(said(page)).toEqual([
			`stories/${shown}/: there is no story at this address. All stories lists the ones there are.`
		]);
		expect(asked).toEqual(['/g/stories/index.json']);
	});

	it.each<{
		name: string;
		site: Record<string, string | null>;
		slug: string | null;
		says: string[];
	}>([
		{
			name: 'no index',
			site: { '/g/stories/index.json': null },
			slug: 'aid',
			says: ['stories/index.json: could not be loaded (HTTP 404).']
		},
		{
			name: 'an index that is not a list',
			site: { '/g/stories/index.json': '{"aid": true}' },
			slug: 'aid',
			says: ['stories/index.json: is not a list of stories.']
		},
		{
			name: 'a listed story whose file is missing',
			site: { '/g/stories/aid/events.geojson': null },
			slug: 'aid',
			says: ['events.geojson: could not be loaded (HTTP 404).']
		},
		{
			name: 'an index that names no default story, for `/`',
			site: {},
			slug: null,
			says: [
				'stories/index.json: names no default story: the build writes one (scripts/prepare-static.ts).'
			]
		}
	])('turns $name into problems', async ({ site, slug, says }) => {
		expect(said(await loadStoryPage(server(site).fetcher, '/g', slug))).toEqual(says);
	});
});

describe('loadStoryIndex', () => {
	it('reads the list of stories', async () => {
		expect(await loadStoryIndex(server().fetcher, '/g')).toEqual({ ok: true, stories: [aid] });
	});

	it('says when the index cannot be loaded', async () => {
		const index = await loadStoryIndex(server({ '/g/stories/index.json': null }).fetcher, '/g');
		expect(index).toEqual({
			ok: false,
			problems: [{ file: 'stories/index.json', message: 'could not be loaded (HTTP 404).' }]
		});
	});
});

describe('decodeBasemap: the one decoder for the atlas, the studio and its preview', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);
	it.each([
		[
			'the countries',
			{ name: 'countries.geojson', contents: bytes(countries) },
			'FeatureCollection'
		],
		[
			'not JSON',
			{ name: 'countries.geojson', contents: bytes('{"type": "Feat') },
			'countries.geojson is not valid JSON.'
		],
		[
			'a problem fetching it',
			{ file: 'countries.geojson', message: 'could not be fetched (404).' },
			'countries.geojson could not be fetched (404).'
		]
	])('%s', (_, file, expected) => {
		const decoded = decodeBasemap(file);
		expect('message' in decoded ? `${decoded.file} ${decoded.message}` : decoded.type).toBe(
			expected
		);
	});
});

describe('loadStoryPage', () => {
	const big: StoryIndexEntry = {
		slug: 'big',
		title: 'A million events',
		published: '2025-04-12',
		events: 1_000_000,
		places: 8000,
		problems: 0,
		form: 'columnar'
	};

	const picture = { bounds: [30, 50, 31, 51], view: {}, scale: 1, dots: [], events: 3 };
	const facts = {
		title: 'A million events',
		published: '2025-04-12',
		events: 1_000_000,
		places: 8000
	};

	it.each([
		{ name: 'a columnar story', slug: 'big', folder: 'stories/big', index: [aid, big] },
		{
			name: '`/`’s default story, when it is big (from story/)',
			slug: null,
			folder: 'story',
			index: [aid, { ...big, default: true }]
		}
	])(
		'gives $name as its index line and its first view, and fetches none of its events',
		async ({ slug, folder, index }) => {
			const { fetcher, asked } = server({
				'/g/stories/index.json': JSON.stringify(index),
				[`/g/${folder}/picture.json`]: JSON.stringify(picture)
			});
			const page = await loadStoryPage(fetcher, '/g', slug);
			expect(page).toEqual({
				loaded: null,
				ref: { form: 'columnar', ...facts, picture },
				history: null
			});
			// The history's lines are asked for at build time; it has none.
			expect(asked).toEqual([
				'/g/stories/index.json',
				`/g/${folder}/picture.json`,
				`/g/${folder}/history.json`
			]);
		}
	);

	it('shows a columnar story without a picture when the build wrote none', async () => {
		const { fetcher } = server({ '/g/stories/index.json': JSON.stringify([aid, big]) });
		const page = await loadStoryPage(fetcher, '/g', 'big');
		expect(page).toEqual({
			loaded: null,
			ref: { form: 'columnar', ...facts, picture: null },
			history: null
		});
	});

	it('gives a GeoJSON story too big to inline as its index line and first view, fetching none of it', async () => {
		const many = { ...aid, slug: 'many', events: INLINE_EVENT_LIMIT + 1 };
		const { fetcher, asked } = server({
			'/g/stories/index.json': JSON.stringify([aid, many]),
			'/g/stories/many/picture.json': JSON.stringify(picture)
		});
		const page = await loadStoryPage(fetcher, '/g', 'many');
		expect(page).toEqual({
			loaded: null,
			ref: {
				form: 'geojson',
				...facts,
				title: aid.title,
				events: INLINE_EVENT_LIMIT + 1,
				places: 1,
				picture
			},
			history: null
		});
		expect(asked).toEqual([
			'/g/stories/index.json',
			'/g/stories/many/picture.json',
			'/g/stories/many/history.json'
		]);
	});

	it('inlines a GeoJSON story as before', async () => {
		const { fetcher } = server({ '/g/stories/index.json': JSON.stringify([aid, big]) });
		const page = await loadStoryPage(fetcher, '/g', 'aid');
		expect(page.ref).toBeNull();
		expect(page.loaded?.ok && page.loaded.story.title).toBe('Aid for Ukraine');
		expect(page.history).toBeNull();
	});

	it('gives a columnar story’s versions where it keeps a history', async () => {
		const history = {
			versions: [
				{ id: '1', time: '2025-04-12', note: 'Imported.' },
				{
					id: '2',
					time: '2025-04-19',
					note: 'A newer export.',
					changes: [{ event: 'ukr1', kind: 'withdrawn', reason: 'No longer in the source.' }]
				}
			]
		};
		const { fetcher } = server({
			'/g/stories/index.json': JSON.stringify([aid, big]),
			'/g/stories/big/history.json': JSON.stringify(history)
		});
		const page = await loadStoryPage(fetcher, '/g', 'big');
		expect(page.history).toEqual({
			key: 'stories/big',
			url: '/g/stories/big/history.json',
			versions: [
				{
					id: '1',
					time: '2025-04-12',
					at: Date.UTC(2025, 3, 12),
					note: 'Imported.',
					counts: 'first published'
				},
				{
					id: '2',
					time: '2025-04-19',
					at: Date.UTC(2025, 3, 19),
					note: 'A newer export.',
					counts: '1 withdrawn'
				}
			]
		});
	});
});

describe('the key a story’s visits are remembered under', () => {
	const history = JSON.stringify({
		versions: [{ id: '1', time: '2025-04-12', note: 'First.', changes: [] }]
	});
	it.each([
		['/ (the default story): the story’s own', null],
		['/stories/<slug>/: the story’s own', 'aid']
	])('%s', async (_, slug) => {
		const { fetcher } = server({
			'/g/stories/index.json': JSON.stringify([{ ...aid, default: true }]),
			'/g/story/history.json': history,
			'/g/stories/aid/history.json': history
		});
		expect((await loadStoryPage(fetcher, '/g', slug)).history?.key).toBe('stories/aid');
	});
});
