import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareStory, type LoadedStory } from '../../../src/lib/derive/prepare-story';
import { storyFilesFrom } from '../../../src/lib/story/open-files';
import {
	cloneWeight,
	failure,
	phaseAnnouncement,
	progressText,
	readFiles,
	storyMessages,
	StoryReceiver,
	type OpenProgress,
	type OpenResponse
} from '../../../src/lib/story/open-protocol';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { synthesizeStory } from '../../../scripts/lib/synthesize';
import { projectStory, storyFiles } from '../../helpers/story-files';

const countries = shippedBasemap();
const minimal = storyFilesFrom(
	['events.geojson', 'places.geojson', 'article.txt'].map((name) => ({
		name,
		contents: new Uint8Array(readFileSync(`tests/fixtures/minimal/${name}`))
	}))
);

function synthetic(count: number): Extract<LoadedStory, { ok: true }> {
	const story = projectStory();
	const text = synthesizeStory(
		story.places,
		count,
		{ first: story.events[0]!.start, last: story.published! },
		7
	);
	const loaded = prepareStory(
		{
			events: { name: 'events.geojson', contents: text.events },
			places: { name: 'places.geojson', contents: text.places },
			article: { name: 'article.txt', contents: text.article }
		},
		countries
	);
	if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
	return loaded;
}

/** Sends every message through a structured clone, as postMessage does, to a receiver. */
function relay(messages: Iterable<OpenResponse>, progress: OpenProgress[] = []) {
	const receiver = new StoryReceiver((p) => progress.push(p));
	let result: LoadedStory | null = null;
	for (const message of messages) {
		expect(result, 'nothing after the last message').toBeNull();
		result = receiver.receive(structuredClone(message));
	}
	return result;
}

describe('storyMessages and StoryReceiver: a story crosses in pieces and comes out whole', () => {
	it.each([
		['the project story', () => prepareStory({ ...storyFiles() }, countries)],
		['the minimal story', () => (minimal.ok ? prepareStory(minimal.files, countries) : minimal)],
		['5,000 synthetic events', () => synthetic(5_000)]
	])('%s', (_name, make) => {
		const loaded = make();
		if (!loaded.ok) throw new Error('the fixture does not validate');
		const progress: OpenProgress[] = [];
		const received = relay(storyMessages(loaded, 2_000), progress);
		expect(received).toEqual(loaded);
		if (!received?.ok) return;
		// The maps point into the lists, as the validator's do.
		for (const event of received.story.events)
			expect(received.story.eventById.get(event.id)).toBe(event);
		for (const place of received.story.places)
			expect(received.story.placeById.get(place.id)).toBe(place);
		expect(progress[0]).toMatchObject({ phase: 'receiving', done: 0 });
		expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
		const dones = progress.map((p) => p.done!);
		expect(dones).toEqual([...dones].sort((a, b) => a - b));
	});

	it('keeps every piece near the weight it is given, so no one message is a long task', () => {
		const loaded = synthetic(5_000);
		const messages = [...storyMessages(loaded, 2_000)];
		const pieces = messages.filter((m) => m.type === 'items');
		expect(pieces.length).toBeGreaterThan(20);
		const heaviest = Math.max(
			...loaded.story.events.map(cloneWeight),
			...loaded.layers.links.features.map(cloneWeight)
		);
		for (const piece of pieces) {
			if (piece.type !== 'items') continue;
			expect(cloneWeight(piece.items)).toBeLessThanOrEqual(2_000 + heaviest + 1);
		}
		// The head carries none of the long lists.
		expect(cloneWeight(messages[0])).toBeLessThan(cloneWeight(loaded.story.article) + 200);
	});

	it.each<[string, OpenResponse[], RegExp]>([
		['problems', [{ type: 'problems', problems: [{ file: 'f', message: 'is bad.' }] }], /is bad/],
		['a failure', [{ type: 'failed', message: 'the checker stopped (RangeError).' }], /RangeError/],
		['pieces before the head', [{ type: 'items', list: 'events', items: [] }], /out of order/],
		['an end before the head', [{ type: 'end' }], /incomplete/]
	])('%s end it with problems', (_name, messages, says) => {
		const result = relay(messages);
		expect(result?.ok).toBe(false);
		if (result && !result.ok) expect(result.problems[0]!.message).toMatch(says);
	});

	it('an end before every piece is a problem, not half a story', () => {
		const loaded = synthetic(100);
		const messages = [...storyMessages(loaded, 500)];
		const result = relay([...messages.slice(0, 2), messages.at(-1)!]);
		expect(result?.ok).toBe(false);
	});

	it('passes progress on, and answers nothing before the end', () => {
		const seen: OpenProgress[] = [];
		const receiver = new StoryReceiver((p) => seen.push(p));
		expect(receiver.receive({ type: 'progress', phase: 'reading', done: 5, total: 10 })).toBeNull();
		expect(receiver.receive({ type: 'progress', phase: 'checking' })).toBeNull();
		expect(seen).toEqual([{ phase: 'reading', done: 5, total: 10 }, { phase: 'checking' }]);
	});
});

describe('cloneWeight', () => {
	it.each([
		['a number', 1, 1],
		['a short string', 'abc', 1],
		['a 10 KB string', 'x'.repeat(10_240), 11],
		['a list of two', [1, 2], 3],
		['an object', { a: 1, b: [1] }, 6]
	])('%s', (_name, value, weight) => expect(cloneWeight(value)).toBe(weight));

	it('is bounded on a list 100,000 deep', () => {
		let deep: unknown = [];
		for (let i = 0; i < 100_000; i++) deep = [deep];
		expect(cloneWeight(deep)).toBeLessThan(20);
	});
});

describe('progress in words', () => {
	it.each<[OpenProgress, string]>([
		[{ phase: 'reading', done: 0, total: 52_428_800 }, 'Reading your files: 0.0 of 50.0 MB'],
		[
			{ phase: 'reading', done: 26_214_400, total: 52_428_800 },
			'Reading your files: 25.0 of 50.0 MB'
		],
		[{ phase: 'reading' }, 'Reading your files…'],
		[{ phase: 'checking' }, 'Checking the story…'],
		[{ phase: 'receiving', done: 1, total: 3 }, 'Preparing the map: 33%'],
		[{ phase: 'receiving', done: 0, total: 0 }, 'Preparing the map…']
	])('%j', (progress, text) => expect(progressText(progress)).toBe(text));

	it('announces each phase in its own words', () => {
		const said = (['reading', 'checking', 'receiving'] as const).map(phaseAnnouncement);
		expect(new Set(said).size).toBe(3);
	});

	it('says a failure of the opening as a problem of the files', () => {
		const result = failure('the checker stopped.');
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems[0]!.message).toMatch(/^could not be opened: the checker/);
	});
});

describe('readFiles', () => {
	const file = (name: string, text: string) => Object.assign(new Blob([text]), { name });

	it('reads every file and reports bytes, ending at the total', async () => {
		const seen: Array<[number, number]> = [];
		const big = 'x'.repeat(300_000);
		const result = await readFiles(
			[file('a.txt', 'hello'), file('b.txt', big)],
			(d, t) => seen.push([d, t]),
			{ every: 0 }
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.picked.map((p) => p.name)).toEqual(['a.txt', 'b.txt']);
		expect(new TextDecoder().decode(result.picked[1]!.contents)).toBe(big);
		expect(seen[0]).toEqual([0, 300_005]);
		expect(seen.at(-1)).toEqual([300_005, 300_005]);
		const dones = seen.map(([d]) => d);
		expect(dones).toEqual([...dones].sort((a, b) => a - b));
	});

	it('makes room for a file that grew after it was picked', async () => {
		const grown = { name: 'g.txt', size: 2, stream: () => new Blob(['abcdef']).stream() };
		const result = await readFiles([grown], () => {});
		expect(result.ok && new TextDecoder().decode(result.picked[0]!.contents)).toBe('abcdef');
	});

	it('names a file that cannot be read, escaping its name', async () => {
		const gone = {
			name: 'gone\u202e.txt',
			size: 10,
			stream: () =>
				new ReadableStream<Uint8Array>({
					pull(controller) {
						controller.error(Object.assign(new Error('gone'), { name: 'NotReadableError' }));
					}
				})
		};
		const result = await readFiles([gone], () => {});
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems[0]).toEqual({
				file: 'gone\\u202E.txt',
				message: expect.stringMatching(/could not be read \(NotReadableError\)/)
			});
	});
});
