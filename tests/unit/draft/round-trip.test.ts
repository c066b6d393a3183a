import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_PATH, loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';
import { draftStory, type Draft } from '../../../src/lib/draft/draft';
import { acceptAll, fromDraft } from '../../../src/lib/studio/project';
import { toBundle, toStoryFiles, type StoryBundle } from '../../../src/lib/studio/story-files';
import { createDraftHandler } from '../../../src/lib/draft/draft-handler';
import { formatProblem } from '../../../src/lib/story/problems';
import { validateStory } from '../../../src/lib/story/validate';
import { storyLookup } from '../../helpers/story-files';

const gazetteer = loadGazetteerForNode();
const article = readFileSync(DEFAULT_FILES.article, 'utf8');

/** A draft accepted whole, as the studio would export it. */
const published = (draft: Draft, text: string): StoryBundle =>
	toBundle(acceptAll(fromDraft(draft, text)));

function validate(bundle: StoryBundle) {
	return validateStory(toStoryFiles(bundle), storyLookup);
}

const OTHERS: Array<[string, string]> = [
	[
		'A tornado struck Atlanta on Sunday, killing three people. Power was cut across Georgia.\nThe White House said on Monday that aid would follow.',
		'2024-03-04'
	],
	[
		'Protesters gathered in Tbilisi on Tuesday. In Brussels, EU ministers said in October that talks were frozen. Fighting continued in Crimea and in the Black Sea.',
		'2024-11-20'
	],
	[
		'Ships were attacked in the Red Sea last week. Officials in Sanaa, Aden and Djibouti said nothing. A drone hit Eilat yesterday.',
		'2024-01-10'
	]
];

describe('a draft as story files', () => {
	it('drafts geodata/article.txt (12 April 2025) into files that pass validateStory', () => {
		const draft = draftStory(article, { published: '2025-04-12' }, gazetteer);
		const result = validate(published(draft, article));
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
		if (result.ok) {
			expect(result.story.events).toHaveLength(draft.events.length);
			expect(result.story.published).not.toBeNull();
		}
	});

	it.each(OTHERS)('drafts other articles into valid files too: %s', (text, day) => {
		const draft = draftStory(text, { published: day }, gazetteer);
		expect(draft.events.length).toBeGreaterThan(0);
		const result = validate(published(draft, text));
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
	});

	it('keeps draft-only fields out, and says what the article leaves unsaid', () => {
		const draft = draftStory(article, { published: '2025-04-12' }, gazetteer);
		const properties = published(draft, article).events.features.map((f) => f.properties ?? {});
		expect(properties.some((p) => 'exact' in p)).toBe(false);
		expect(properties.some((p) => Array.isArray(p.inferred))).toBe(true);
	});
});

describe('the Web Worker handler', () => {
	it('loads the gazetteer once, then drafts from messages', () => {
		const handle = createDraftHandler();
		expect(handle({ type: 'draft', article, published: '2025-04-12' })).toEqual({
			type: 'error',
			message: 'The gazetteer is not loaded yet.'
		});
		// Written by the tests' global setup, as the studio fetches it.
		const json: unknown = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8'));
		expect(handle({ type: 'gazetteer', json })).toMatchObject({ type: 'ready' });
		const reply = handle({ type: 'draft', article, published: '2025-04-12', title: 'Mine' });
		expect(reply.type).toBe('draft');
		if (reply.type === 'draft') {
			expect(reply.draft.title).toBe('Mine');
			expect(reply.draft.events.length).toBeGreaterThan(0);
		}
		expect(handle({ type: 'draft', article, published: '2025-13-40' })).toMatchObject({
			type: 'error',
			message: expect.stringMatching(/not a date/)
		});
		expect(handle({ type: 'gazetteer', json: { format: 'x' } })).toMatchObject({ type: 'error' });
	});
});
