/**
 * Three short reports written for these tests in the style of other outlets (a wire report with
 * a dateline and credits, a local paper's council story with a byline, a broadcaster's fire
 * report), hard-wrapped at 70 columns as pasted from an email. Each event was read by eye; these
 * hold what a desk would not have to fix.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { draftStory, type Draft } from '../../../src/lib/draft/draft';
import { TITLE_MAX } from '../../../src/lib/draft/events/title';

const gazetteer = loadGazetteerForNode();

function report(file: string, published: string): { text: string; draft: Draft } {
	const text = readFileSync(`tests/fixtures/articles/${file}`, 'utf8');
	return { text, draft: draftStory(text, { published }, gazetteer) };
}

/** What a reader sees of each event. */
const seen = (draft: Draft) =>
	draft.events.map((e) => ({ title: e.title, place: e.place, start: e.start, end: e.end }));

const reports = [
	['mombasa-ferry-2026-03-11.txt', '2026-03-11'],
	['greenville-library-2026-05-05.txt', '2026-05-05'],
	['leeds-fire-2026-08-16.txt', '2026-08-16']
] as const;

describe('reports from other outlets, as pasted', () => {
	it.each(reports)('%s: nothing after publication but what is planned', (file, published) => {
		const { draft } = report(file, published);
		for (const e of draft.events) if (!e.planned) expect(e.end <= published, e.title).toBe(true);
	});

	it.each(reports)('%s: titles a desk would keep', (file, published) => {
		const { draft } = report(file, published);
		for (const e of draft.events) {
			expect(e.title.length).toBeLessThanOrEqual(TITLE_MAX);
			expect(e.title.split(' ').length).toBeGreaterThanOrEqual(3);
			// No pronoun and copula, no leftover dateline, no dangling joining word.
			expect(e.title).not.toMatch(/^(?:It|This|There) (?:is|was)\b|[A-Z]{4,}|\b(?:of|and|to|the)$/);
		}
	});

	it.each(reports)('%s: the same draft whether or not the lines are joined', (file, published) => {
		const { text, draft } = report(file, published);
		const flowed = text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
		expect(seen(draftStory(flowed, { published }, gazetteer))).toEqual(seen(draft));
	});

	it('a wire report: the lead at the dateline, the statement where it was told, the arrests apart', () => {
		const { draft } = report('mombasa-ferry-2026-03-11.txt', '2026-03-11');
		const [lead] = draft.events;
		expect([lead?.place, lead?.start, lead?.end]).toEqual(['mombasa', '2026-03-10', '2026-03-10']);
		const told = draft.events.find((e) => e.actors.includes('Nancy Karigithu'));
		expect([told?.place, told?.start]).toEqual(['mombasa', '2026-03-11']);
		// Not at the town the arrests are measured from, and not part of the statement.
		const arrests = draft.events.filter((e) => e.category === 'detention');
		expect(arrests.map((e) => [e.place, e.start])).toEqual([['kilifi', '2026-03-11']]);
		// The credit line is no event's words, and its people no event's actors.
		const all = draft.events.flatMap((e) => [...e.source, ...e.actors]).join(' ');
		expect(all).not.toMatch(/Reporting by|Editing by|Tom Odula|Sarah Jenkins/);
		// "next Monday" is planned.
		expect(draft.events.filter((e) => e.planned).map((e) => e.start)).toEqual(['2026-03-16']);
	});

	it('a local story: a plan for June is planned this year, a hyphenated name stays whole', () => {
		const { draft } = report('greenville-library-2026-05-05.txt', '2026-05-05');
		const planned = draft.events.filter((e) => e.planned);
		expect(planned.map((e) => e.start).sort()).toEqual(
			['2026-06-01', '2026-06-28', '2026-05-19'].sort()
		);
		const actors = draft.events.flatMap((e) => e.actors);
		expect(actors).toContain('Tom Ward-Sullivan');
		expect(actors).not.toContain('Tom Ward');
		expect(actors.join(' ')).not.toMatch(/Commissioner Tom|Mary Ellen Hatcher/);
		expect(draft.mentions.map((m) => m.text)).not.toContain('Sullivan');
		// The mayor's word that the town would ask the state library in Raleigh is not an event there.
		expect(draft.events.map((e) => e.place)).not.toContain('raleigh');
		// The vote is the lead, on the Monday before publication.
		expect([draft.events[0]?.start, draft.events[0]?.category]).toEqual(['2026-05-04', 'meeting']);
	});

	it('a council story: the vote’s title names what was closed; Bethel Town Hall is at Bethel', () => {
		const { draft } = report('greenville-library-2026-05-05.txt', '2026-05-05');
		expect(draft.events[0]?.title).toBe(
			'Pitt County Board voted 5-2 to close Bethel branch library'
		);
		const march = draft.events.find((e) => e.source.some((s) => s.includes('marched')));
		expect(march?.place).toBe('bethel');
		expect(march?.title).toBe('About 60 people marched from Bethel Town Hall');
		expect(draft.mentions.map((m) => m.name)).not.toContain('Bethel Town');
		expect(draft.events.flatMap((e) => e.actors)).not.toContain('Bethel');
	});

	it('a broadcaster’s report: an arrest dated apart is its own event, not at the suspect’s home', () => {
		const { draft } = report('leeds-fire-2026-08-16.txt', '2026-08-16');
		const arrests = draft.events.filter((e) => e.category === 'detention');
		expect(arrests).toHaveLength(1);
		expect(arrests[0]?.start).toBe('2026-08-16');
		expect(arrests[0]?.place).not.toBe('bradford');
		// The earlier fire in March has a title of its own words.
		const march = draft.events.find((e) => e.start === '2026-03-01');
		expect(march?.title).toBe('Smaller blaze there closed nearby M1 for three hours');
	});
});
