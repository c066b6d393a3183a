import { MAX_FILE_BYTES } from '../../../src/lib/story/json-file';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	MAX_OPEN_FILES,
	sizeProblems,
	storyFilesFrom,
	topLevelMembers
} from '../../../src/lib/story/open-files';
import { formatProblem } from '../../../src/lib/story/problems';
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

	it('leaves a story folder’s history.json to be read with the story, not as a part', () => {
		const result = storyFilesFrom([
			...minimal,
			{ name: 'story/History.json', contents: text('{"versions": []}') }
		]);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.files.events.name).toBe('events.geojson');
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

const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);
const minimalText = (name: string) =>
	readFileSync(`tests/fixtures/minimal/${name}`, 'utf8').trimEnd();
/** The minimal story as one bundle, written by hand so any member can be any text. */
const bundleText = ({
	events = minimalText('events.geojson'),
	places = minimalText('places.geojson'),
	article = JSON.stringify(minimalText('article.txt')),
	extra = ''
} = {}) => `{"events": ${events},\n"places": ${places},\n"article": ${article}${extra}}`;
const bundle = (text: string | Uint8Array) => [
	{ name: 'story.json', contents: typeof text === 'string' ? new TextEncoder().encode(text) : text }
];
const messages = (result: ReturnType<typeof storyFilesFrom>) =>
	result.ok ? '' : result.problems.map((p) => `${p.file}: ${p.message}`).join('\n');

describe('sizeProblems: too many files or bytes are refused before reading', () => {
	const MB = 1024 * 1024;
	it.each([
		['nothing', [], ''],
		['three small files', [10, 20, 30], ''],
		['exactly the limit', [MAX_FILE_BYTES], ''],
		[
			'one file a byte over',
			[MAX_FILE_BYTES + 1],
			/^f0: is 100\.0 MB; a story may be at most 100 MB/
		],
		['one huge file among small', [1, 150 * MB, 1], /^f1: is 150\.0 MB/],
		[
			'three that add up to too much',
			[40 * MB, 40 * MB, 40 * MB],
			/^\(your files\): are 120\.0 MB together/
		],
		['a folder of files', Array.from({ length: MAX_OPEN_FILES + 1 }, () => 1), /are 21 files/]
	])('%s', (_name, sizes, says) => {
		const problems = sizeProblems(sizes.map((size, i) => ({ name: `f${i}`, size })));
		if (says === '') expect(problems).toEqual([]);
		else {
			expect(problems).toHaveLength(1);
			expect(`${problems[0]!.file}: ${problems[0]!.message}`).toMatch(says);
		}
	});

	it('says that nothing was read, and escapes the name it quotes', () => {
		const [problem] = sizeProblems([{ name: 'evil\u001b[2J.json', size: MAX_FILE_BYTES * 2 }]);
		expect(problem!.file).toBe('evil\\u001B[2J.json');
		expect(problem!.message).toMatch(/Nothing was read\.$/);
	});

	it('takes another limit', () => {
		expect(sizeProblems([{ name: 'a', size: 11 }], 10)).toHaveLength(1);
		expect(sizeProblems([{ name: 'a', size: 10 }], 10)).toEqual([]);
	});
});

describe('topLevelMembers: where each member of a JSON object lies, without parsing it', () => {
	it.each([
		['{}', {}],
		[
			' \n{ "a" : 1 , "b":[1,{"c":"]}"}] ,"d":"x\\"}\\\\"}\t',
			{ a: '1', b: '[1,{"c":"]}"}]', d: '"x\\"}\\\\"' }
		],
		['{"a":true,"a":null}', { a: 'null' }],
		['{"\\u0061":-1.5e3}', { a: '-1.5e3' }],
		[`{"deep":${DEEP},"after":2}`, { deep: DEEP, after: '2' }]
	])('%#', (text, expected) => {
		const members = topLevelMembers(text);
		expect(members).not.toBeNull();
		expect(
			Object.fromEntries([...members!].map(([k, s]) => [k, text.slice(s.start, s.end)]))
		).toEqual(expected);
	});

	it.each([
		['[1]'],
		['"x"'],
		['{"a":1'],
		['{"a":1}x'],
		['{"a" 1}'],
		['{"a":1,}'],
		['{a:1}'],
		['{"a":"x}'],
		['{"a":[1}'],
		['']
	])('%j is no object it can follow', (text) => expect(topLevelMembers(text)).toBeNull());

	it('agrees with JSON.parse on any object, however it is written', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (value, pretty) => {
				const text = JSON.stringify(value, null, pretty ? '\t' : undefined);
				const members = topLevelMembers(text)!;
				expect(members).not.toBeNull();
				expect([...members.keys()].sort()).toEqual(Object.keys(value).sort());
				for (const [key, span] of members)
					expect(JSON.parse(text.slice(span.start, span.end))).toEqual(JSON.parse(text)[key]);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('a bundle is split without parsing and writing out its parts again', () => {
	it('passes the events and places on as the very text of the bundle', () => {
		const text = bundleText();
		const result = storyFilesFrom(bundle(text));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.files.events.contents).toBe(minimalText('events.geojson'));
		expect(result.files.places.contents).toBe(minimalText('places.geojson'));
		expect(result.files.article.contents).toBe(minimalText('article.txt'));
		expect(result.files.events.name).toBe('story.json › events');
		expect(validateStory(result.files, storyLookup).ok).toBe(true);
	});

	it.each([
		['events', { events: DEEP }, /story\.json › events: is not a GeoJSON FeatureCollection/],
		['places', { places: DEEP }, /story\.json › places: is not a GeoJSON FeatureCollection/],
		['another member', { extra: `, "x": ${DEEP}` }, null],
		['the article', { article: DEEP }, /"article" must be the article text/]
	])('a list 100,000 deep as %s is a problem, not a stack overflow', (_where, parts, says) => {
		const result = storyFilesFrom(bundle(bundleText(parts)));
		const problems = result.ok ? validateStory(result.files, storyLookup) : result;
		if (says === null) expect(problems.ok).toBe(true);
		else {
			expect(problems.ok).toBe(false);
			if (!problems.ok) expect(problems.problems.map(formatProblem).join('\n')).toMatch(says);
		}
	});

	it.each([
		['a broken member elsewhere', { extra: ', "x": [1,,2]' }, /^story\.json: is not valid JSON/],
		['trailing text', { extra: '} extra' }, /^story\.json: is not valid JSON/],
		['a broken events list', { events: '[}' }, /story\.json › events: is not valid JSON/],
		['an article that is a number', { article: '3' }, /"article" must be the article text/]
	])('%s is named', (_name, parts, says) => {
		const result = storyFilesFrom(bundle(bundleText(parts)));
		const problems = result.ok ? validateStory(result.files, storyLookup) : result;
		expect(problems.ok).toBe(false);
		if (!problems.ok) expect(problems.problems.map(formatProblem).join('\n')).toMatch(says);
	});

	it('takes the last of a repeated member, as JSON.parse does', () => {
		const text = bundleText({ extra: ', "article": "second"' });
		const result = storyFilesFrom(bundle(text));
		expect(result.ok && result.files.article.contents).toBe('second');
	});

	it('reads a bundle saved with a byte-order mark, and names one that is not UTF-8', () => {
		const withBom = storyFilesFrom(bundle('\uFEFF' + bundleText()));
		expect(messages(withBom)).toBe('');
		const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]);
		expect(messages(storyFilesFrom(bundle(latin1)))).toMatch(/is not UTF-8 text/);
	});

	it('leaves a JSON file that is no bundle to be an events file', () => {
		const result = storyFilesFrom(bundle(minimalText('events.geojson')));
		expect(messages(result)).toMatch(/no places file/);
	});
});
