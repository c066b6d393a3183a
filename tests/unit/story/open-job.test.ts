import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { prepareStory, type LoadedStory } from '../../../src/lib/derive/prepare-story';
import { MAX_FILE_BYTES } from '../../../src/lib/story/json-file';
import { storyFilesFrom } from '../../../src/lib/story/open-files';
import { openJob } from '../../../src/lib/story/open-job';
import {
	StoryReceiver,
	type OpenFile,
	type OpenResponse
} from '../../../src/lib/story/open-protocol';
import { formatProblem } from '../../../src/lib/story/problems';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';

const countries = shippedBasemap();
const file = (name: string, contents: string | Uint8Array<ArrayBuffer>): OpenFile =>
	Object.assign(new Blob([contents]), { name });
const own = (role: 'events' | 'places' | 'article') =>
	new Uint8Array(readFileSync(DEFAULT_FILES[role]));
const ownFiles = () => [
	file('article.txt', own('article')),
	file('events.geojson', own('events')),
	file('places.geojson', own('places'))
];

/** Runs the job as the worker would, each message through a structured clone. */
async function run(files: OpenFile[]) {
	const messages: OpenResponse[] = [];
	await openJob({ type: 'open', countries, files }, (m) => messages.push(structuredClone(m)), 500);
	const receiver = new StoryReceiver();
	let result: LoadedStory | null = null;
	for (const m of messages) result ??= receiver.receive(m);
	return { messages, result: result! };
}

const said = (result: LoadedStory) =>
	result.ok ? '' : result.problems.map(formatProblem).join('\n');

describe('openJob: the worker reads, checks and sends the story', () => {
	it('opens the project story: reading, then checking, then the story in pieces', async () => {
		const { messages, result } = await run(ownFiles());
		const phases = messages.flatMap((m) => (m.type === 'progress' ? [m.phase] : []));
		expect([...new Set(phases)]).toEqual(['reading', 'checking']);
		expect(messages.filter((m) => m.type === 'items').length).toBeGreaterThan(1);
		expect(messages.at(-1)).toEqual({ type: 'end' });
		const picked = storyFilesFrom(
			(['article', 'events', 'places'] as const).map((role) => ({
				name: `${role === 'article' ? 'article.txt' : `${role}.geojson`}`,
				contents: new Uint8Array(own(role))
			}))
		);
		if (!picked.ok) throw new Error('the project story does not split');
		expect(result).toEqual(prepareStory(picked.files, countries));
	});

	it.each<[string, () => OpenFile[], RegExp]>([
		[
			'a file over the limit, refused from its size without reading it',
			() => [
				{
					name: 'huge.json',
					size: MAX_FILE_BYTES + 1,
					stream: () => {
						throw new Error('read');
					}
				}
			],
			/huge\.json: is 100\.0 MB.*Nothing was read/
		],
		['a file that is not JSON', () => [file('story.json', '{"events": [')], /is not valid JSON/],
		[
			'a bundle whose events are a list 100,000 deep',
			() => [
				file(
					'story.json',
					`{"events": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "places": ${readFileSync(DEFAULT_FILES.places, 'utf8')}, "article": "A."}`
				)
			],
			/story\.json › events: is not a GeoJSON FeatureCollection/
		],
		[
			'an invalid story',
			() => [
				file('article.txt', ''),
				file('events.geojson', own('events')),
				file('places.geojson', own('places'))
			],
			/article\.txt: is empty/
		],
		['a lone places file', () => [file('places.geojson', own('places'))], /no events file/]
	])('%s ends in problems', async (_name, files, says) => {
		const { messages, result } = await run(files());
		expect(messages.at(-1)!.type).toBe('problems');
		expect(said(result)).toMatch(says);
	});

	it('reports its own failure as a message rather than throwing', async () => {
		const messages: OpenResponse[] = [];
		const broken = { type: 'FeatureCollection', features: null } as never;
		await openJob({ type: 'open', countries: broken, files: ownFiles() }, (m) => messages.push(m));
		expect(messages.at(-1)).toMatchObject({ type: 'failed', message: /^the checker stopped/ });
	});

	it('never reads the files of a request that is too big', async () => {
		const stream = vi.fn(() => new Blob(['x']).stream());
		await run([
			{ name: 'a.json', size: MAX_FILE_BYTES, stream },
			{ name: 'b.txt', size: 1, stream }
		]);
		expect(stream).not.toHaveBeenCalled();
	});
});
