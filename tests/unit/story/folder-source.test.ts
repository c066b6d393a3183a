import { describe, expect, it } from 'vitest';
import { folderFile, openFile } from '../../../src/lib/story/big-story-protocol';

describe('a columnar story’s folder: a URL or its files', () => {
	const page = 'https://atlas.example/stories/ged/';
	const blob = new Blob(['[1]']);
	const files = new Map([['text/0.json', blob]]);

	it.each([
		[
			'a published folder',
			'/generated/stories/ged/',
			'https://atlas.example/generated/stories/ged/text/0.json'
		],
		[
			'a folder relative to the page',
			'files/',
			'https://atlas.example/stories/ged/files/text/0.json'
		]
	])('%s gives the file’s URL', (_, folder, url) => {
		expect(folderFile(folder, 'text/0.json', page)).toBe(url);
	});

	it('gives a kept folder’s own file, or nothing for one it lacks', () => {
		expect(folderFile(files, 'text/0.json', page)).toBe(blob);
		expect(folderFile(files, 'text/1.json', page)).toBeUndefined();
	});

	it('answers a kept file as a fetch would, with its length, and one it lacks as a 404', async () => {
		const found = await openFile(blob);
		expect([found.ok, found.headers.get('content-length'), await found.text()]).toEqual([
			true,
			'3',
			'[1]'
		]);
		expect((await openFile(undefined)).status).toBe(404);
	});

	it('fetches a URL through the fetcher it is given', async () => {
		const asked: string[] = [];
		const fetcher = (async (url: string) => {
			asked.push(url);
			return new Response('x');
		}) as typeof fetch;
		expect(await (await openFile('https://atlas.example/a', fetcher)).text()).toBe('x');
		expect(asked).toEqual(['https://atlas.example/a']);
	});
});
