import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';
import { draftStory, type Draft, type DraftEvent } from '../../../src/lib/draft/draft';
import { headline, TITLE_MAX } from '../../../src/lib/draft/events/title';
import { sentences } from '../../../src/lib/draft/sentences';

const gazetteer = loadGazetteerForNode();
const article = readFileSync(DEFAULT_FILES.article, 'utf8');

/** A storm story from the US South: different places, dates and structure from the project's. */
const STORM = `Storms Batter the South
A tornado struck Atlanta on Sunday, killing three people, the city's mayor said. Power was cut to 40,000 homes across Georgia.
Emergency crews from Alabama arrived in Macon last week to help clear debris after earlier floods.
The White House said on Monday that federal aid would be released. Officials did not say how much.
Forecasters warned that more storms would reach Texas next week.`;

/** A story from the Caucasus: "Georgia" the country, a date across a month boundary. */
const TBILISI = `Protesters gathered outside parliament in Tbilisi on Tuesday as Georgia's president refused to sign the election results. Georgian police detained 12 people.
In Brussels, EU foreign ministers said in October that Georgia's path to membership was frozen.
The prime minister, Irakli Kobakhidze, said the protests were funded from abroad.`;

const at = (draft: Draft, place: string) => draft.events.filter((e) => e.place === place);
const range = (e: DraftEvent | undefined) => (e ? [e.start, e.end] : null);

describe('sentences', () => {
	it('cuts the article into verbatim sentences, headings apart, quotations whole', () => {
		const list = sentences(article);
		for (const s of list) expect(article.slice(s.start, s.end)).toBe(s.text);
		expect(list.filter((s) => s.heading).map((s) => s.text)).toEqual([
			'Zelensky Blames Kremlin for War Prolongation',
			'Trump Laments Missed Opportunity for Peace',
			'Diplomatic Activity Intensifies',
			'EU Approves Fresh Military Aid for Kyiv',
			'US-Russia Prisoner Swap Announced'
		]);
		expect(list.map((s) => s.text)).toContain(
			'In a social media post on Friday, he wrote: “Russia has to get moving. Too many people ere [sic] DYING, thousands a week, in a terrible and senseless war.”'
		);
	});

	it('does not end a sentence at an abbreviation', () => {
		const list = sentences('Officials in Washington, D.C. and St. Petersburg met. Then they left.');
		expect(list.map((s) => s.text)).toEqual([
			'Officials in Washington, D.C. and St. Petersburg met.',
			'Then they left.'
		]);
	});
});

describe('draftStory on the project article', () => {
	const draft = draftStory(article, { published: '2025-04-12' }, gazetteer);

	it('places the meeting in St Petersburg on Friday, with its actors', () => {
		const [meeting] = at(draft, 'st-petersburg');
		expect(meeting?.category).toBe('meeting');
		expect(range(meeting)).toEqual(['2025-04-11', '2025-04-11']);
		expect(meeting?.when).toBe('on Friday');
		expect(meeting?.actors).toEqual(expect.arrayContaining(['Steve Witkoff', 'Vladimir Putin']));
		expect(meeting?.background).toBe(false);
	});

	it('dates the Kryvyi Rih strike to April 4 and keeps the article’s words', () => {
		const strike = at(draft, 'kryvyi-rih').find((e) => e.category === 'strike');
		expect(range(strike)).toEqual(['2025-04-04', '2025-04-04']);
		expect(strike?.source).toContain(
			'The April 4 strike killed 19 people, including nine children.'
		);
		expect(strike?.background).toBe(true);
	});

	it('keeps vague dates as ranges', () => {
		expect(range(at(draft, 'washington').find((e) => e.when === 'last week'))).toEqual([
			'2025-03-31',
			'2025-04-06'
		]);
		expect(range(at(draft, 'cyprus')[0])).toEqual(['2024-01-01', '2024-12-31']);
		expect(range(at(draft, 'saudi-arabia')[0])).toEqual(['2025-02-01', '2025-02-28']);
		expect(range(at(draft, 'ukraine').find((e) => e.when === 'in February 2022'))).toEqual([
			'2022-02-01',
			'2022-02-28'
		]);
	});

	it('marks what it infers, and dates undated events in the week up to publication, never the year', () => {
		const undated = draft.events.filter((e) => e.inferred.includes('date'));
		expect(undated.length).toBeGreaterThan(0);
		for (const e of undated) {
			expect([e.end, e.exact]).toEqual(['2025-04-12', false]);
			expect(['2025-04-06', '2025-04-11']).toContain(e.start);
		}
		const peskov = at(draft, 'moscow')[0];
		expect(peskov?.actors).toContain('Dmitry Peskov');
	});

	it('puts the EU’s €21bn aid in Brussels, with Ukraine as the other place', () => {
		const aid = at(draft, 'brussels')[0];
		expect([aid?.category, aid?.start, aid?.places]).toEqual(['aid', '2025-04-11', ['ukraine']]);
	});

	it('quotes only verbatim excerpts and gives unique slug ids', () => {
		const ids = draft.events.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const e of draft.events) {
			expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
			for (const s of e.source) expect(article.includes(s)).toBe(true);
			expect(e.coordinates).toEqual(draft.placesUsed.find((p) => p.id === e.place)?.coordinates);
		}
	});

	it('lists every mention with its offsets', () => {
		for (const m of draft.mentions) expect(article.slice(m.start, m.end)).toBe(m.text);
		expect(draft.mentions.filter((m) => m.place === 'kryvyi-rih')).toHaveLength(1);
	});
});

describe('draftStory on other articles (the rules are not this article’s)', () => {
	it('drafts a US storm story', () => {
		const draft = draftStory(STORM, { published: '2024-03-04' }, gazetteer);
		const [tornado] = at(draft, 'atlanta');
		expect([tornado?.category, tornado?.start, tornado?.end]).toEqual([
			'strike',
			'2024-03-03',
			'2024-03-03'
		]);
		const georgia = draft.mentions.find((m) => m.text === 'Georgia');
		expect([georgia?.country, georgia?.place]).toEqual(['US', 'georgia']);
		expect(draft.placesUsed.find((p) => p.id === 'georgia')?.kind).toBe('region');
		const [macon] = at(draft, 'macon');
		expect([macon?.category, macon?.start, macon?.end]).toEqual([
			'visit',
			'2024-02-26',
			'2024-03-03'
		]);
		const [statement] = at(draft, 'washington-d-c');
		expect([statement?.category, statement?.start]).toEqual(['aid', '2024-03-04']);
		const [texas] = at(draft, 'texas');
		expect([texas?.start, texas?.end]).toEqual(['2024-03-11', '2024-03-17']);
	});

	it('drafts a story from Tbilisi with "Georgia" the country', () => {
		const draft = draftStory(TBILISI, { published: '2024-11-20' }, gazetteer);
		expect(draft.mentions.filter((m) => m.text === 'Georgia').map((m) => m.country)).toEqual([
			'GE',
			'GE'
		]);
		const [protest] = at(draft, 'tbilisi');
		expect([protest?.start, protest?.end]).toEqual(['2024-11-19', '2024-11-19']);
		expect(protest?.source).toContain('Georgian police detained 12 people.');
		const [brussels] = at(draft, 'brussels');
		expect([brussels?.category, brussels?.start, brussels?.end]).toEqual([
			'statement',
			'2024-10-01',
			'2024-10-31'
		]);
		// The prime minister's claim about the protests gives no day or place of its own: it is
		// part of the protests' event, whose day it does not widen.
		const pm = draft.events.filter((e) => e.actors.includes('Irakli Kobakhidze'));
		expect(pm).toEqual([protest]);
		expect(protest?.source).toContain(
			'The prime minister, Irakli Kobakhidze, said the protests were funded from abroad.'
		);
	});

	it('drafts a car bomb report as the desk would: one event per happening, dated from the text', () => {
		const text = readFileSync('tests/fixtures/articles/kayseri-2016-12-17.txt', 'utf8');
		const draft = draftStory(text, { published: '2016-12-17' }, gazetteer);
		const [blast, ...more] = at(draft, 'kayseri');
		expect(more).toEqual([]);
		expect([blast?.category, blast?.start, blast?.end]).toEqual([
			'strike',
			'2016-12-16',
			'2016-12-17'
		]);
		// The market the soldiers were visiting, what officials said of "the attack", the arrests
		// "in connection with the bombing": all the same happening.
		expect(blast?.source).toHaveLength(5);
		const [istanbul] = at(draft, 'istanbul');
		// "a week after 44 people were killed": reckoned from the news, around 10 December.
		expect(istanbul?.start ?? '').toMatch(/^2016-12-(0\d|10)$/);
		expect(istanbul?.end ?? '').toMatch(/^2016-12-1\d$/);
		expect(draft.events.map((e) => e.category)).not.toContain('visit');
		expect(draft.events).toHaveLength(2);
		for (const e of draft.events) {
			expect(e.title.length).toBeLessThanOrEqual(TITLE_MAX);
			expect(e.title.split(' ').length).toBeGreaterThanOrEqual(3);
		}
	});

	it('leaves the dateline out of the headline', () => {
		const text = readFileSync('tests/fixtures/articles/noto-quake-2024-01-01.txt', 'utf8');
		const draft = draftStory(text, { published: '2024-01-01' }, gazetteer);
		expect(draft.events[0]?.title).toBe('Magnitude 7.5 earthquake struck Noto');
		expect(draft.events.map((e) => e.title).join(' ')).not.toMatch(/TOKYO|Reuters/);
	});

	it('refuses an impossible publication date', () => {
		expect(() => draftStory(TBILISI, { published: '2024-02-30' }, gazetteer)).toThrow(/not a date/);
	});
});

describe('headline', () => {
	it.each([
		[
			'At least 13 soldiers have been killed and 55 wounded in a car bomb attack on a bus in the central Turkish city of Kayseri',
			'Kayseri',
			'strike',
			'At least 13 soldiers killed and 55 wounded in car bomb in Kayseri'
		],
		['Dmitriev visited Washington', 'Washington', 'visit', 'Dmitriev visited Washington'],
		[
			'It comes a week after 44 people were killed in Istanbul',
			'Istanbul',
			'strike',
			'44 people killed in Istanbul'
		],
		['Istanbul', 'Istanbul', 'strike', 'Attack in Istanbul'],
		['Say', 'Ankara', 'statement', 'Statement in Ankara']
	] as const)('%s → %s', (clause, place, category, title) => {
		expect(headline(clause, place, category)).toBe(title);
	});
});
