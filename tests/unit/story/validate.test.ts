import { describe, expect, it } from 'vitest';
import { roleOf } from '../../../scripts/lib/story-files';
import { formatProblem } from '../../../src/lib/story/problems';
import { validateStory } from '../../../src/lib/story/validate';
import { MAX_ARTICLE_CHARS } from '../../../src/lib/story/schema';
import { fixture, storyLookup, storyFiles } from '../../helpers/story-files';

/** One bad file per kind of mistake, and what a journalist must be told about it. */
const cases: Array<{ file: string; feature?: string; field?: string; says: RegExp }> = [
	{ file: 'not-json.events.geojson', says: /is not valid JSON/ },
	{ file: 'not-a-collection.events.geojson', says: /is not a GeoJSON FeatureCollection/ },
	{ file: 'empty.events.geojson', field: 'features', says: /collection is empty/ },
	{ file: 'missing-id.events.geojson', feature: 'feature 3', field: 'id', says: /has no id/ },
	{
		file: 'duplicate-id.events.geojson',
		feature: 'saudi-talks',
		field: 'id',
		says: /used by more than one feature/
	},
	{
		file: 'bad-date.events.geojson',
		feature: 'kryvyi-rih-strike',
		field: 'start',
		says: /"2025-02-30" is not a real date/
	},
	{
		file: 'bad-date.events.geojson',
		feature: 'witkoff-putin-meeting',
		field: 'end',
		says: /not a date in the form YYYY-MM-DD/
	},
	{
		file: 'end-before-start.events.geojson',
		feature: 'dmitriev-washington',
		field: 'end',
		says: /31 March 2025 is before the start, 6 April 2025/
	},
	{
		file: 'out-of-range.places.geojson',
		feature: 'brussels',
		field: 'geometry.coordinates',
		says: /latitude 150.85 is outside -90…90/
	},
	{
		file: 'swapped.places.geojson',
		feature: 'kryvyi-rih',
		field: 'geometry.coordinates',
		says: /look swapped/
	},
	{
		file: 'wrong-country.places.geojson',
		feature: 'brussels',
		field: 'geometry.coordinates',
		says: /outside its country FR/
	},
	{
		file: 'away-from-place.events.geojson',
		feature: 'kryvyi-rih-strike',
		field: 'geometry.coordinates',
		says: /longitude and latitude swapped/
	},
	{
		file: 'unknown-place.events.geojson',
		feature: 'petrov-arrest',
		field: 'place',
		says: /"nicosia" is not a place id/
	},
	{
		file: 'excerpt-not-in-article.events.geojson',
		feature: 'kryvyi-rih-strike',
		field: 'source[1]',
		says: /is not in the article/
	},
	{
		file: 'excerpt-not-in-article.events.geojson',
		feature: 'witkoff-putin-meeting',
		field: 'source[1]',
		says: /differs in quotation marks/
	},
	{ file: 'crs.events.geojson', field: 'crs', says: /"crs" member/ },
	{
		file: 'not-a-point.events.geojson',
		feature: 'invasion',
		field: 'geometry.type',
		says: /is a LineString/
	},
	{ file: 'html.events.geojson', feature: 'invasion', field: 'summary', says: /contains HTML/ },
	{
		file: 'wrong-types.events.geojson',
		feature: 'invasion',
		field: 'category',
		says: /"invasion" is not one of/
	},
	{
		file: 'wrong-types.events.geojson',
		feature: 'invasion',
		field: 'actors',
		says: /must be a list of texts/
	},
	{
		file: 'wrong-types.events.geojson',
		feature: 'invasion',
		field: 'background',
		says: /must be true or false/
	},
	{ file: 'not-utf8.article.txt', says: /is not UTF-8 text/ }
];

describe('validateStory on bad files', () => {
	it.each(cases)('$file: $feature › $field', ({ file, feature, field, says }) => {
		const result = validateStory(storyFiles({ [roleOf(file)]: fixture(file) }), storyLookup);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const match = result.problems.find((p) => says.test(p.message));
		expect(match, result.problems.map(formatProblem).join('\n')).toBeDefined();
		expect(match).toMatchObject({ file, feature, field });
	});

	it('names the file, the feature and the field in one line', () => {
		expect(
			formatProblem({
				file: 'events.geojson',
				feature: 'x',
				field: 'start',
				message: 'is missing.'
			})
		).toBe('events.geojson › x › start: is missing.');
	});

	it('reports every problem, not only the first', () => {
		const result = validateStory(
			storyFiles({ events: fixture('bad-date.events.geojson') }),
			storyLookup
		);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems).toHaveLength(2);
	});

	it.each([
		['a number', '42'],
		['null', 'null'],
		['a list', '[]'],
		['deep nesting', '['.repeat(100_000) + ']'.repeat(100_000)],
		['a feature list that is not a list', '{"type":"FeatureCollection","features":{}}'],
		['features that are not objects', '{"type":"FeatureCollection","features":[1,"a",null]}']
	])('rejects %s without throwing', (_name, text) => {
		const result = validateStory(
			storyFiles({ events: { name: 'e.geojson', contents: text } }),
			storyLookup
		);
		expect(result.ok).toBe(false);
	});
});

describe('validateStory on the project files', () => {
	it('accepts them and sorts events by date', () => {
		const result = validateStory(storyFiles(), storyLookup);
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
		if (!result.ok) return;
		const starts = result.story.events.map((e) => e.start);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		expect(result.story.published).not.toBeNull();
	});
});

describe('the minimal example in geodata/README.md', () => {
	it('passes, exactly as documented', async () => {
		const { readFileSync } = await import('node:fs');
		const readme = readFileSync('geodata/README.md', 'utf8');
		const [places, events] = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
		const article = /`article.txt`: `([^`]+)`/.exec(readme)![1]!;
		const result = validateStory(
			{
				events: { name: 'events.geojson', contents: events! },
				places: { name: 'places.geojson', contents: places! },
				article: { name: 'article.txt', contents: article }
			},
			storyLookup
		);
		expect(result.ok ? 'ok' : result.problems.map(formatProblem)).toBe('ok');
	});
});

describe('an article past the limit its page can hold', () => {
	it('is refused, the limit named, and nothing else is said of it', () => {
		const own = new TextDecoder().decode(storyFiles().article.contents as Uint8Array);
		const long = own + 'x'.repeat(MAX_ARTICLE_CHARS);
		const result = validateStory(
			storyFiles({ article: { name: 'article.txt', contents: long } }),
			storyLookup
		);
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
			`article.txt: is ${long.length.toLocaleString('en-GB')} characters; an article may have 2,500,000 (about 400,000 words), as its page holds it whole.`
		]);
	});
});
