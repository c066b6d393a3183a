import { describe, expect, it } from 'vitest';
import { hardWrap } from '../../../scripts/lib/eval/rewrap';
import { flowText, isHeading, paragraphs } from '../../../src/lib/story/paragraphs';

const wrap = (text: string) => hardWrap(text, 70);

const read = (text: string) =>
	paragraphs(text).map((p) => [
		text.slice(p.start, p.end).replace(/\s+/g, ' '),
		p.heading ? 'heading' : 'text'
	]);

const LEAD =
	'A car bomb exploded near a bus carrying off-duty soldiers in the central Turkish city of Kayseri on Saturday, killing 13 soldiers and wounding 55 others, the army said.';
const SECOND =
	'The blast was in the Central Anatolia region, about 300 kilometres from the capital, and officials said the attack bore the hallmarks of Kurdish militants.';

describe('paragraphs as people paste them', () => {
	it.each([
		[
			'one paragraph per line',
			`Car Bomb Kills 13 Soldiers in Turkey\n${LEAD}\n${SECOND}`,
			[
				['Car Bomb Kills 13 Soldiers in Turkey', 'heading'],
				[LEAD, 'text'],
				[SECOND, 'text']
			]
		],
		[
			'hard-wrapped at 70 columns, blank lines between paragraphs',
			`Car Bomb Kills 13 Soldiers in Turkey\n\n${wrap(LEAD)}\n\n${wrap(SECOND)}`,
			[
				['Car Bomb Kills 13 Soldiers in Turkey', 'heading'],
				[LEAD, 'text'],
				[SECOND, 'text']
			]
		],
		[
			'hard-wrapped with no blank lines: a short line ends its paragraph',
			`Car Bomb Kills 13 Soldiers in Turkey\n${wrap(LEAD)}\n${wrap(SECOND)}`,
			[
				['Car Bomb Kills 13 Soldiers in Turkey', 'heading'],
				[LEAD, 'text'],
				[SECOND, 'text']
			]
		],
		[
			'CRLF line endings',
			`Car Bomb Kills 13 Soldiers in Turkey\r\n\r\n${wrap(LEAD).replaceAll('\n', '\r\n')}\r\n`,
			[
				['Car Bomb Kills 13 Soldiers in Turkey', 'heading'],
				[LEAD, 'text']
			]
		],
		[
			'mixed line endings',
			`Car Bomb Kills 13 Soldiers in Turkey\r\r${wrap(LEAD).replace('\n', '\r\n')}\n\n${wrap(SECOND).replace('\n', '\r')}`,
			[
				['Car Bomb Kills 13 Soldiers in Turkey', 'heading'],
				[LEAD, 'text'],
				[SECOND, 'text']
			]
		],
		[
			'a capitals dateline with an agency starts a paragraph under the headline',
			`Car bomb kills 13 in central Turkey\n${wrap(`KAYSERI, Turkey (AP) — ${LEAD}`)}`,
			[
				['Car bomb kills 13 in central Turkey', 'heading'],
				[`KAYSERI, Turkey (AP) — ${LEAD}`, 'text']
			]
		],
		[
			'a Reuters dateline with a date, after a byline',
			`By Jane Doe\nANKARA, Dec 17 (Reuters) - ${LEAD}`,
			[
				['By Jane Doe', 'heading'],
				[`ANKARA, Dec 17 (Reuters) - ${LEAD}`, 'text']
			]
		],
		[
			'a subheading between wrapped paragraphs',
			`${wrap(LEAD)}\n\nArrests Follow\n\n${wrap(SECOND)}`,
			[
				[LEAD, 'text'],
				['Arrests Follow', 'heading'],
				[SECOND, 'text']
			]
		],
		[
			'non-breaking spaces and tabs around a heading',
			`\u00a0Car Bomb Kills 13\u00a0Soldiers\t\n${LEAD}`,
			[
				['Car Bomb Kills 13 Soldiers', 'heading'],
				[LEAD, 'text']
			]
		],
		[
			'a list of names, one a line, is a list of paragraphs',
			'Paris\nLondon\nBerlin',
			[
				['Paris', 'heading'],
				['London', 'heading'],
				['Berlin', 'heading']
			]
		],
		[
			'short one-line paragraphs that end their sentences stay apart',
			'Officials met in Kyiv on Friday.\nThey met again in Lviv on Saturday.\nNobody objected.',
			[
				['Officials met in Kyiv on Friday.', 'text'],
				['They met again in Lviv on Saturday.', 'text'],
				['Nobody objected.', 'text']
			]
		],
		[
			'a stray break before a lower-case word runs on, even in unwrapped text',
			`${LEAD.slice(0, LEAD.indexOf(' the central'))}\n${LEAD.slice(LEAD.indexOf(' the central') + 1)}`,
			[[LEAD, 'text']]
		]
	])('%s', (_, text, expected) => {
		expect(read(text)).toEqual(expected);
	});

	it('keeps offsets exact: every paragraph is a slice of the text as pasted', () => {
		const text = `Car Bomb Kills 13\r\n\r\n${wrap(LEAD).replaceAll('\n', '\r\n')}\r\n`;
		for (const p of paragraphs(text)) {
			expect(text.slice(p.start, p.end).trim()).toBe(text.slice(p.start, p.end));
			expect(text.slice(p.start, p.end)).not.toMatch(/^[\r\n]|[\r\n]$/);
		}
	});
});

describe('flowText', () => {
	it.each([
		['a break inside a paragraph is a space', `${wrap(LEAD)}`, LEAD],
		[
			'CRLF inside a paragraph is two spaces',
			wrap(LEAD).replaceAll('\n', '\r\n'),
			wrap(LEAD).replaceAll('\n', '  ')
		],
		[
			'a break between paragraphs stays a break',
			'Headline Here\r\n\r\nBody text.',
			'Headline Here\n\n\n\nBody text.'
		],
		['non-breaking spaces are spaces', 'Central\u00a0Anatolia.', 'Central Anatolia.'],
		['soft hyphens stay, so offsets do', 'Ana\u00adtolia.', 'Ana\u00adtolia.']
	])('%s', (_, text, expected) => {
		const flowed = flowText(text);
		expect(flowed).toBe(expected);
		expect(flowed).toHaveLength(text.length);
	});
});

describe("hardWrap, the eval's re-wrapping", () => {
	it('wraps at the column, keeping the length and every word where it was', () => {
		const wrapped = wrap(`${LEAD} ${SECOND}`);
		expect(wrapped).toHaveLength(LEAD.length + SECOND.length + 1);
		expect(wrapped.replaceAll('\n', ' ')).toBe(`${LEAD} ${SECOND}`);
		const lines = wrapped.split('\n');
		expect(lines.length).toBeGreaterThan(3);
		for (const [i, line] of lines.entries()) {
			expect(line.length).toBeLessThanOrEqual(70);
			const next = lines[i + 1];
			if (next) expect(line.length + 1 + next.split(' ')[0]!.length).toBeGreaterThan(70);
		}
	});
});

describe('isHeading', () => {
	it.each([
		['EU Approves Fresh Military Aid for Kyiv', true],
		// A warning line tells no event: it is read as a heading.
		['Warning: foul language', true],
		['The EU approved aid.', false],
		['“We will not stop”', false],
		['', false],
		[Array.from({ length: 15 }, () => 'Word').join(' '), false]
	])('%s → %s', (line, expected) => {
		expect(isHeading(line)).toBe(expected);
	});
});
