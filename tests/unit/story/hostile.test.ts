import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	ACLED_FEATURES,
	ACLED_PROBLEMS_EACH,
	HOSTILE,
	actsOnScreen,
	hostileFile
} from '../../helpers/hostile-files';
import { storyFiles, storyLookup } from '../../helpers/story-files';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { prepareStory } from '../../../src/lib/derive/prepare-story';
import {
	countProblems,
	formatProblem,
	MAX_PROBLEMS_PER_FILE,
	type Problem
} from '../../../src/lib/story/problems';
import { validateStory, type StoryFiles } from '../../../src/lib/story/validate';

const check = (files: StoryFiles) => validateStory(files, storyLookup);
/** The basemap as the atlas fetches it. */
const basemap = JSON.parse(JSON.stringify(shippedBasemap()));
const problemsOf = (files: StoryFiles): Problem[] => {
	const result = check(files);
	return result.ok ? [] : result.problems;
};

describe('validateStory on the inputs of issue 12', () => {
	const cases: Array<{
		file: string;
		ok: boolean;
		feature?: string | RegExp;
		field?: string;
		says?: RegExp;
	}> = [
		{
			file: 'acled.events.geojson',
			ok: false,
			feature: 'feature 1',
			field: 'title',
			says: /^is missing\.$/
		},
		{
			file: 'deep-id.events.geojson',
			ok: false,
			feature: 'feature 1',
			field: 'id',
			says: /^must be a slug like "kryvyi-rih" \(lower-case letters, digits and hyphens\), not a list\.$/
		},
		{
			file: 'huge-id.events.geojson',
			ok: false,
			feature: /^feature 1 \("x{40}…"\)$/,
			field: 'id',
			says: /^"x{60}…" is not a slug: use lower-case letters, digits and hyphens\.$/
		},
		{
			file: 'escapes.events.geojson',
			ok: false,
			field: 'id',
			says: /^"\\u001B\[2J\\u001B\[H✓ aid: 1 event and 1 place check out\.\\u001B]52;c;cm0gLXJmI…" is not a slug/
		},
		{
			file: 'escapes.events.geojson',
			ok: false,
			field: 'category',
			says: /^contains the control character U\+001B at character 1, which can hide or rewrite text on a screen: remove it\.$/
		},
		{
			file: 'bidi-title.events.geojson',
			ok: false,
			feature: 'aid',
			field: 'title',
			says: /^contains the bidirectional control character U\+202E at character 8, which shows the text around it in another order than it is written: remove it\.$/
		},
		{ file: 'year-0050.events.geojson', ok: true },
		{
			file: 'leap-0050.events.geojson',
			ok: false,
			feature: 'aid',
			field: 'start',
			says: /^"0050-02-29" is not a real date\.$/
		}
	];

	it.each(cases)('$file: $field', ({ file, ok, feature, field, says }) => {
		const files = storyFiles({ events: hostileFile(file) });
		let result: ReturnType<typeof check> | undefined;
		expect(() => (result = check(files))).not.toThrow();
		expect(result!.ok, result!.ok ? '' : result!.problems.map(formatProblem).join('\n')).toBe(ok);
		if (result!.ok || !says) return;
		const match = result!.problems.find(
			(p) =>
				says.test(p.message) &&
				p.field === field &&
				(feature === undefined ||
					(typeof feature === 'string' ? p.feature === feature : feature.test(p.feature ?? '')))
		);
		expect(match, result!.problems.map(formatProblem).join('\n')).toBeDefined();
	});

	it.each(Object.keys(HOSTILE))(
		'%s: every problem is short, and holds no control or bidi character',
		(file) => {
			for (const problem of problemsOf(storyFiles({ events: hostileFile(file) }))) {
				const line = formatProblem(problem);
				expect(line.length).toBeLessThan(400);
				expect(actsOnScreen(line), line).toBe(false);
			}
		}
	);

	it.each(Object.keys(HOSTILE))(
		"%s: the atlas's loader gives the same verdict and problems, without throwing",
		(file) => {
			const files = storyFiles({ events: hostileFile(file) });
			const cli = check(files);
			const app = prepareStory(files, basemap);
			expect(app.ok).toBe(cli.ok);
			if (!app.ok && !cli.ok) expect(app.problems).toEqual(cli.problems);
		}
	);

	it(`lists the first ${MAX_PROBLEMS_PER_FILE} problems of a file, then one line for the rest`, () => {
		const problems = problemsOf(storyFiles({ events: hostileFile('acled.events.geojson') }));
		const total = ACLED_FEATURES * ACLED_PROBLEMS_EACH;
		expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
		expect(problems.at(-1)).toEqual({
			file: 'acled.events.geojson',
			message: `and ${(total - MAX_PROBLEMS_PER_FILE).toLocaleString('en-GB')} more problems.`,
			more: total - MAX_PROBLEMS_PER_FILE
		});
		expect(countProblems(problems)).toBe(total);
	});

	it('caps each file on its own, so one bad file does not hide the others', () => {
		const problems = problemsOf(
			storyFiles({
				events: hostileFile('acled.events.geojson'),
				places: { name: 'places.geojson', contents: hostileFile('acled.events.geojson').contents }
			})
		);
		expect(problems.filter((p) => p.more !== undefined).map((p) => p.file)).toEqual([
			'places.geojson',
			'acled.events.geojson'
		]);
	});

	it('judges a 10 MB id quickly, with messages that stay short', () => {
		const files = storyFiles({ events: hostileFile('huge-id.events.geojson') });
		const started = performance.now();
		const problems = problemsOf(files);
		expect(performance.now() - started).toBeLessThan(1500);
		const size = problems.reduce((n, p) => n + formatProblem(p).length, 0);
		expect(size).toBeLessThan(5000);
	});
});

const minimal = {
	events: readFileSync('tests/fixtures/minimal/events.geojson', 'utf8'),
	places: readFileSync('tests/fixtures/minimal/places.geojson', 'utf8'),
	article: readFileSync('tests/fixtures/minimal/article.txt', 'utf8')
};

/** The minimal story with its event's (or place's) property set to `value`, JSON-escaped. */
function minimalWith(role: 'events' | 'places', field: string, value: unknown): StoryFiles {
	const collection = JSON.parse(minimal[role]) as { features: [{ properties: object }] };
	Object.assign(collection.features[0].properties, { [field]: value });
	const changed = { ...minimal, [role]: JSON.stringify(collection) };
	return {
		events: { name: 'events.geojson', contents: changed.events },
		places: { name: 'places.geojson', contents: changed.places },
		article: { name: 'article.txt', contents: changed.article }
	};
}

describe('control and bidi characters in text fields', () => {
	it.each<{ name: string; files: StoryFiles; field?: string; says: RegExp | null }>([
		{
			name: 'a tab in a title',
			files: minimalWith('events', 'title', '€21bn\tpledged'),
			field: 'title',
			says: /^contains a tab at character 6; write it on one line with spaces\.$/
		},
		{
			name: 'a line break in a title',
			files: minimalWith('events', 'title', '€21bn\npledged'),
			field: 'title',
			says: /^contains a line break at character 6; write it on one line\.$/
		},
		{
			name: 'tabs and line breaks in a summary',
			files: minimalWith('events', 'summary', 'Defence ministers\r\napproved\tmore aid.'),
			says: null
		},
		{
			name: 'a C1 control in a place name',
			files: minimalWith('places', 'name', 'Brus\u009bsels'),
			field: 'name',
			says: /control character U\+009B at character 5/
		},
		{
			name: 'a bidi isolate in an actor',
			files: minimalWith('events', 'actors', ['Defence \u2067ministers']),
			field: 'actors[0]',
			says: /bidirectional control character U\+2067 at character 9/
		},
		{
			name: 'an escape in a summary, where line breaks are fine',
			files: minimalWith('events', 'summary', 'Defence\n\u001b[31mministers'),
			field: 'summary',
			says: /control character U\+001B at character 9/
		},
		{
			name: 'a NUL in an excerpt',
			files: minimalWith('events', 'source', ['defence ministers\u0000 on Friday approved']),
			field: 'source[0]',
			says: /control character U\+0000 at character 18/
		},
		{
			name: 'an override in the article, by line',
			files: {
				...minimalWith('events', 'notes', []),
				article: {
					name: 'article.txt',
					contents: `Headline\n\n${minimal.article.trim()} Arrest \u202Eelif.exe\u202C end.`
				}
			},
			says: /^contains the bidirectional control character U\+202E on line 3, at character 76,/
		}
	])('$name', ({ files, field, says }) => {
		const problems = problemsOf(files);
		if (says === null) {
			expect(problems.map(formatProblem)).toEqual([]);
			return;
		}
		expect(
			problems.some((p) => p.field === field && says.test(p.message)),
			problems.map(formatProblem).join('\n')
		).toBe(true);
	});
});
