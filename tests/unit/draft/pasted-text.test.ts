import { describe, expect, it } from 'vitest';
import { hardWrap } from '../../../scripts/lib/eval/rewrap';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { pieces } from '../../../src/lib/draft/pieces';
import { draftStory, type Draft } from '../../../src/lib/draft/draft';

const gazetteer = loadGazetteerForNode();
const published = '2016-12-17';
const draft = (text: string) => draftStory(text, { published }, gazetteer);

/** A wire report in the shape the car-bomb story had; written here, not taken from it. */
const REPORT = `Car bomb kills 13 soldiers in central Turkey

KAYSERI, Turkey (AP) — A car bomb exploded near a bus carrying off-duty soldiers in the central Turkish city of Kayseri on Saturday, killing 13 soldiers and wounding 55 others, the military said.

The blast took place in the Central Anatolia region, near a university campus. Prime Minister Binali Yildirim said the attack bore the hallmarks of Kurdish militants.

Police in Ankara detained seven suspects in connection with the bombing, the state-run Anadolu Agency reported.`;

/** What a reader compares: the same events at the same places on the same days, and the names
 * (not offsets: a CRLF is one character more than a line break). */
const shape = (d: Draft) => ({
	events: d.events.map((e) => [e.place, e.start, e.end, e.category, e.title]),
	mentions: d.mentions.map((m) => [m.name, m.place])
});

const verbatim = (text: string, d: Draft) => {
	for (const e of d.events) for (const s of e.source) expect(text).toContain(s);
	for (const m of d.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
};

describe('the draft reads text as people paste it', () => {
	const asPublished = draft(REPORT);

	it('finds the report’s places, the dateline city first', () => {
		expect(asPublished.mentions.map((m) => m.name)).toEqual(
			expect.arrayContaining(['Kayseri', 'Central Anatolia', 'Ankara'])
		);
		expect(asPublished.events[0]?.place).toBe('kayseri');
	});

	it.each([
		['hard-wrapped at 70 columns', hardWrap(REPORT, 70)],
		['hard-wrapped at 60 columns with CRLF', hardWrap(REPORT, 60).replaceAll('\n', '\r\n')],
		[
			'mixed line endings',
			hardWrap(REPORT, 72).replace(/\n/g, (_, at: number) => (at % 2 ? '\r\n' : '\n'))
		],
		[
			'non-breaking spaces for spaces',
			REPORT.replaceAll('Central Anatolia', 'Central\u00a0Anatolia')
		],
		['every paragraph one line, no blank lines', REPORT.replace(/\n\n/g, '\n')]
	])('gives the same draft %s, with excerpts verbatim', (_, text) => {
		expect(text).toHaveLength(text.length);
		const d = draft(text);
		expect(shape(d)).toEqual(shape(asPublished));
		verbatim(text, d);
	});

	it('reads a name through a soft hyphen, and quotes it as pasted', () => {
		const text = REPORT.replace('Central Anatolia', 'Central Ana\u00adtolia');
		const d = draft(text);
		const anatolia = d.mentions.find((m) => m.text.startsWith('Central'));
		expect(anatolia?.name).toBe('Central Anatolia');
		expect(anatolia?.text).toBe('Central Ana\u00adtolia');
		verbatim(text, d);
	});

	it('never reads a name cut by a line break as two places', () => {
		const width = [60, 62, 64, 66, 68, 70, 72, 74, 76, 78, 80].find((w) =>
			hardWrap(REPORT, w).includes('Central\nAnatolia')
		)!;
		const text = hardWrap(REPORT, width);
		const d = draft(text);
		expect(d.mentions.find((m) => m.start === text.indexOf('Central'))?.name).toBe(
			'Central Anatolia'
		);
	});
});

describe('the dateline', () => {
	it('is where the lead happened when the lead names no place, even with no space after the dash', () => {
		const text =
			'Board approves budget\nTORRINGTON—The Board of Education moved quickly at its Monday night meeting to approve a proposed budget.';
		const d = draft(text);
		expect(d.events[0]?.place).toBe('torrington');
	});
});

describe('pieces of a hard-wrapped article', () => {
	it('are cut at blank lines, not inside a wrapped paragraph', () => {
		const para = hardWrap(REPORT.split('\n\n')[1]!, 70);
		const text = Array.from({ length: 8 }, () => para).join('\n\n');
		const cuts = pieces(text, para.length * 2 + 10);
		expect(cuts.map(({ start, end }) => text.slice(start, end)).join('')).toBe(text);
		for (const { end } of cuts.slice(0, -1)) expect(text.slice(end - 2, end)).toBe('\n\n');
	});
});
