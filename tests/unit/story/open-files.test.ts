import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storyFilesFrom } from '../../../src/lib/story/open-files';
import { validateStory } from '../../../src/lib/story/validate';
import { storyLookup } from '../../helpers/story-files';

const bytes = (path: string) => new Uint8Array(readFileSync(path));
const text = (s: string) => new TextEncoder().encode(s);
const minimal = ['events.geojson', 'places.geojson', 'article.txt'].map((name) => ({
	name,
	contents: bytes(`tests/fixtures/minimal/${name}`)
}));

describe('storyFilesFrom', () => {
	it('takes three files by name, in any order', () => {
		const result = storyFilesFrom([...minimal].reverse());
		expect(result.ok).toBe(true);
		if (result.ok) expect(validateStory(result.files, storyLookup).ok).toBe(true);
	});

	it('takes one bundle with events, places and article', () => {
		const bundle = {
			events: JSON.parse(readFileSync('tests/fixtures/minimal/events.geojson', 'utf8')),
			places: JSON.parse(readFileSync('tests/fixtures/minimal/places.geojson', 'utf8')),
			article: readFileSync('tests/fixtures/minimal/article.txt', 'utf8')
		};
		const result = storyFilesFrom([{ name: 'story.json', contents: text(JSON.stringify(bundle)) }]);
		expect(result.ok).toBe(true);
		if (result.ok) expect(validateStory(result.files, storyLookup).ok).toBe(true);
	});

	it.each([
		[[minimal[0]!, minimal[1]!], /no article/],
		[[minimal[2]!], /no events file/],
		[[minimal[0]!, minimal[0]!, minimal[1]!, minimal[2]!], /second events file/],
		[
			[{ name: 'story.json', contents: text('{"events": {}, "places": {}, "article": 3}') }],
			/"article" must be the article text/
		],
		[[{ name: 'story.json', contents: text('{not json') }], /is not valid JSON/]
	])('says what is missing or wrong (%#)', (files, says) => {
		const result = storyFilesFrom(files);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.message).join('\n')).toMatch(says);
	});
});
