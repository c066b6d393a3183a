/**
 * Three more short reports written for these tests in other outlets' styles (an Irish wire report
 * of a road crash with a dateline, an agency and credits; a Kentucky paper's house fire with a
 * byline; a Canadian report of a derailment), hard-wrapped at 70 columns. Each event was read by
 * eye; these hold what a desk would not have to fix: the kind of happening, no place or count as
 * an actor, a street or a river named after a town is not the town.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { draftStory, type Draft } from '../../../src/lib/draft/draft';

const gazetteer = loadGazetteerForNode();

function report(file: string, published: string): { text: string; draft: Draft } {
	const text = readFileSync(`tests/fixtures/articles/${file}`, 'utf8');
	return { text, draft: draftStory(text, { published }, gazetteer) };
}

const reports = [
	['midleton-crash-2026-10-14.txt', '2026-10-14'],
	['ashland-fire-2026-02-15.txt', '2026-02-15'],
	['kamloops-derailment-2026-09-18.txt', '2026-09-18']
] as const;

const seen = (draft: Draft) =>
	draft.events.map((e) => ({ title: e.title, place: e.place, start: e.start, end: e.end }));

describe('crashes, fires and derailments from other outlets, as pasted', () => {
	it.each(reports)('%s: nothing after publication but what is planned', (file, published) => {
		const { draft } = report(file, published);
		for (const e of draft.events) if (!e.planned) expect(e.end <= published, e.title).toBe(true);
	});

	it.each(reports)('%s: the same draft whether or not the lines are joined', (file, published) => {
		const { text, draft } = report(file, published);
		const flowed = text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
		expect(seen(draftStory(flowed, { published }, gazetteer))).toEqual(seen(draft));
	});

	it.each(reports)('%s: no count, adjective or place as an actor', (file, published) => {
		const { draft } = report(file, published);
		const places = new Set(draft.placesUsed.map((p) => p.name));
		for (const a of draft.events.flatMap((e) => e.actors)) {
			expect(a).not.toMatch(/^(?:Two|Twenty-two|National|Fire)$/);
			expect(places.has(a), a).toBe(false);
		}
	});

	it('a road crash: an accident at its town on the day before, the arrest apart', () => {
		const { draft } = report('midleton-crash-2026-10-14.txt', '2026-10-14');
		const [lead] = draft.events;
		expect([lead?.category, lead?.place, lead?.start]).toEqual([
			'accident',
			'midleton',
			'2026-10-13'
		]);
		// Nobody is named for the crash itself: no actor rather than a wrong one.
		expect(lead?.actors).toEqual([]);
		const arrests = draft.events.filter((e) => e.category === 'detention');
		expect(arrests.map((e) => [e.place, e.start])).toEqual([['youghal', '2026-10-14']]);
		const all = draft.events.flatMap((e) => [...e.source, ...e.actors]).join(' ');
		expect(all).not.toMatch(/Reporting by|Ciaran Doyle|Anne Marsh/);
	});

	it('a house fire: fires, not strikes or talks; no event at a street’s namesake town', () => {
		const { draft } = report('ashland-fire-2026-02-15.txt', '2026-02-15');
		const fires = draft.events.filter((e) => e.category === 'fire');
		expect(fires.map((e) => [e.place, e.start])).toEqual([
			['ashland', '2026-02-14'],
			['ashland', '2026-02-09']
		]);
		// "Winchester Avenue" names the town Winchester, as a geoparser tags it, but no event is there.
		expect(draft.events.map((e) => e.place)).not.toContain('winchester');
		// The supper "next Saturday" is planned, at the town whose hall it is.
		const planned = draft.events.filter((e) => e.planned);
		expect(planned.map((e) => [e.place, e.start])).toEqual([['ashland', '2026-02-21']]);
	});

	it('a derailment: an accident at Ashcroft on Thursday; no event at the Thompson River’s namesake', () => {
		const { draft } = report('kamloops-derailment-2026-09-18.txt', '2026-09-18');
		const [lead] = draft.events;
		expect([lead?.category, lead?.place, lead?.start]).toEqual([
			'accident',
			'ashcroft',
			'2026-09-17'
		]);
		expect(draft.events.map((e) => e.place)).not.toContain('thompson');
		expect(draft.events.filter((e) => e.planned).map((e) => [e.place, e.start])).toEqual([
			['ashcroft', '2026-09-22']
		]);
	});
});
