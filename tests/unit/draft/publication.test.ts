import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { draftStory } from '../../../src/lib/draft/draft';
import { draftBundle, toStoryFiles } from '../../../src/lib/studio/story-files';
import { validateStory } from '../../../src/lib/story/validate';

const gazetteer = loadGazetteerForNode();

/** A Wednesday paper (9 April 2025) that tells the past, a plan with a day, and one without. */
const WEDNESDAY = `Protesters marched through Tbilisi on Tuesday, and police detained 12 people, officials said on Wednesday.
Georgia's parliament has met in Tbilisi in 2025 to debate the election law.
The foreign ministers will meet in Brussels on Monday to discuss the crisis.
Talks will also resume in Geneva.`;

describe('never after publication', () => {
	const published = '2025-04-09';
	const draft = draftStory(WEDNESDAY, { published }, gazetteer);

	it('ends nothing that happened after the publication day', () => {
		for (const e of draft.events.filter((e) => !e.planned)) expect(e.end <= published).toBe(true);
	});

	it('reads a weekday as the latest such day on or before publication', () => {
		const tbilisi = draft.events.find((e) => e.place === 'tbilisi' && e.exact);
		expect([tbilisi?.start, tbilisi?.end]).toEqual(['2025-04-08', '2025-04-08']);
	});

	it('cuts a year at the publication day', () => {
		const year = draft.events.find((e) => e.when.includes('2025'));
		expect([year?.start, year?.end]).toEqual(['2025-01-01', published]);
	});

	it('marks a plan the text dates as planned, on its day ahead', () => {
		const brussels = draft.events.find((e) => e.place === 'brussels');
		expect(brussels).toMatchObject({ planned: true, start: '2025-04-14', end: '2025-04-14' });
		expect(brussels?.background).toBe(false);
	});

	it('never dates a plan by default: an undated plan is no event', () => {
		expect(draft.events.some((e) => e.place === 'geneva')).toBe(false);
	});

	it('exports files check:data accepts, the plan marked', () => {
		const bundle = draftBundle(draft, WEDNESDAY);
		const planned = bundle.events.features.filter((f) => f.properties?.planned === true);
		expect(planned.length).toBe(1);
		const result = validateStory(toStoryFiles(bundle));
		expect(result.ok ? [] : result.problems).toEqual([]);
	});
});
