import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../../../src/lib/draft/doc/doc';
import {
	headline,
	headlineVerbs,
	isKindTitle,
	TITLE_MAX,
	titleFor
} from '../../../../src/lib/draft/events/title';
import type { Category } from '../../../../src/lib/story/schema';

interface Case {
	/** The sentence, as wire copy writes it. */
	text: string;
	/** Where the event is, as written; its first occurrence. */
	place: string;
	category?: Category;
	/** The clause's own dates, as written, to leave out. */
	dates?: string[];
	/** Where the words of the unit start, if not at the sentence's start. */
	from?: string;
	/** The people named, in full. */
	persons?: string[];
	referent?: string;
	inferred?: boolean;
}

function title(c: Case): string {
	const doc = buildDoc(c.text);
	const at = c.text.indexOf(c.place);
	const start = c.from ? c.text.indexOf(c.from) : 0;
	return titleFor(
		doc,
		headlineVerbs(doc),
		{
			start,
			end: c.text.length,
			sentenceStart: 0,
			dates: (c.dates ?? []).map((d) => {
				const s = c.text.indexOf(d);
				return [s, s + d.length] as const;
			})
		},
		{
			written: c.place,
			name: c.place,
			start: at,
			end: at + c.place.length,
			inferred: !!c.inferred
		},
		c.category ?? 'statement',
		{ persons: c.persons ?? [], ...(c.referent ? { referent: c.referent } : {}) }
	);
}

describe('a title is a desk’s headline, from the main clause', () => {
	it.each<[string, Case, string]>([
		[
			'a name is never cut in two: the roles before names go first',
			{
				text: 'UN special envoy Maria Castellanos met Venezuelan President Nicolás Maduro in Caracas on Tuesday.',
				place: 'Caracas',
				category: 'meeting',
				dates: ['Tuesday'],
				persons: ['Maria Castellanos', 'Nicolás Maduro']
			},
			'Maria Castellanos met Nicolás Maduro in Caracas'
		],
		[
			'and then first names, when roles are not enough',
			{
				text: 'Interior Ministry spokesperson Gabriela Hernández-Ortiz accused Venezuelan Foreign Minister Yván Gil of plotting against the government in Caracas.',
				place: 'Caracas',
				persons: ['Gabriela Hernández-Ortiz', 'Yván Gil']
			},
			'Hernández-Ortiz accused Gil of plotting against government in Caracas'
		],
		[
			'an aside between dashes is left out, and the verb after it kept',
			{
				text: 'Interior Minister Ali Yerlikaya, speaking in Ankara — where a second blast hit a police station last month — blamed militants for the attack.',
				place: 'Ankara',
				persons: ['Ali Yerlikaya']
			},
			'Interior Minister Ali Yerlikaya blamed militants for attack'
		],
		[
			'a subject that only points back gives way to what it points at',
			{
				text: 'The move followed Kenya’s confirmation that it had arrested three suspects near the border.',
				place: 'Kenya',
				category: 'detention'
			},
			'Kenya confirmed it arrested three suspects near border'
		],
		[
			'the clause’s own date is left out, with its preposition',
			{
				text: 'Rescue teams pulled 40 survivors from the river on Wednesday night.',
				place: 'river',
				dates: ['Wednesday night']
			},
			'Rescue teams pulled 40 survivors from river'
		],
		[
			'a reporter’s "that" and a pluperfect go',
			{ text: 'The coroner said that the climber had slipped on ice.', place: 'ice' },
			'Coroner said climber slipped on ice'
		],
		[
			'a rate keeps its "a"',
			{ text: 'The clinic treats about 60 patients a week, its director said.', place: 'clinic' },
			'Clinic treats about 60 patients a week'
		],
		[
			'"he" is the person last named',
			{
				text: 'He told lawmakers in Ottawa that the pipeline would go ahead.',
				place: 'Ottawa',
				referent: 'Mark Carney'
			},
			'Carney told lawmakers in Ottawa'
		],
		[
			'a plan cut from its sentence takes the sentence’s subject',
			{
				text: 'The Springfield school board voted on Tuesday to close Lincoln Elementary at the end of June.',
				place: 'Springfield',
				category: 'meeting',
				from: 'to close',
				dates: ['June']
			},
			'Springfield school board to close Lincoln Elementary'
		],
		[
			'a phrase with no verb names its happening',
			{
				text: 'their first talks since Iraq’s invasion of Kuwait in August 1990.',
				place: 'Kuwait',
				category: 'war',
				dates: ['August 1990']
			},
			'Iraq’s invasion of Kuwait'
		],
		[
			'a pronoun and a copula say what something is: the kind and place instead',
			{
				text: 'It is the third fire at the depot in Leeds this year.',
				place: 'Leeds',
				category: 'strike'
			},
			'Attack in Leeds'
		],
		[
			'a title that fits and names no place says where',
			{
				text: 'The March 2 strike on the depot killed 11 workers.',
				place: 'Sumy',
				category: 'strike',
				dates: ['March 2']
			},
			'Strike on depot killed 11 workers in Sumy'
		],
		[
			'but not for what someone said, where "in" would move what was talked about',
			{ text: 'The governor blamed the storm for the blackout.', place: 'Tulsa' },
			'Governor blamed storm for blackout'
		],
		[
			'a recipient is not where: no "in" for aid to a country',
			{
				text: 'Defence ministers on Thursday approved an additional €4 billion ($4.3bn) in military aid to Moldova.',
				place: 'Moldova',
				category: 'aid',
				dates: ['Thursday']
			},
			'Defence ministers approved additional €4 billion in military aid'
		],
		[
			'an infinitive before the place is not the clause’s verb',
			{
				text: 'An earlier UN attempt to broker a truce in the Red Sea collapsed after rebels fired on a tanker.',
				place: 'Red Sea'
			},
			'Earlier UN attempt to broker truce in Red Sea collapsed'
		],
		[
			'a date before a comma leaves the comma to end the clause',
			{
				text: 'The museum will hold a reopening gala on June 28, its director said.',
				place: 'Leeds',
				category: 'meeting',
				dates: ['on June 28'],
				inferred: true
			},
			'Museum will hold reopening gala'
		],
		[
			'words in the first person are a quotation that lost its marks, never a headline',
			{
				text: 'We should have the whole menu ready by the middle of next week, the owner said.',
				place: 'Dayton',
				category: 'statement',
				inferred: true
			},
			'Statement in Dayton'
		],
		[
			'a title does not end on a copula or a loose "about"',
			{
				text: 'The new bakery on Main Street opened about two weeks ago.',
				place: 'Main Street',
				dates: ['two weeks ago'],
				inferred: true
			},
			'New bakery on Main Street opened'
		],
		[
			'an inferred place is not claimed in the title',
			{
				text: 'Senator Alma Reyes rejected claims suggesting the possible sale of the state’s water utility to a private fund.',
				place: 'Austin',
				inferred: true,
				persons: ['Alma Reyes']
			},
			'Reyes rejected claims'
		]
	])('%s', (_, c, expected) => {
		const t = title(c);
		expect(t).toBe(expected);
		expect(t.length).toBeLessThanOrEqual(TITLE_MAX);
	});
});

describe('headline', () => {
	it.each<[string, string, Category, string]>([
		[
			'President Ama Owusu ordered an inquiry into the sinking and declared three days of national mourning',
			'Accra',
			'statement',
			'President Ama Owusu ordered inquiry into sinking in Accra'
		],
		[
			'Crews were called to the site on Cross Green Industrial Estate shortly after 22:00',
			'Leeds',
			'strike',
			'Crews called to site on Cross Green Industrial Estate in Leeds'
		]
	])('%s', (clause, place, category, expected) => {
		expect(headline(clause, place, category)).toBe(expected);
	});

	it('knows a title of only a kind and a place', () => {
		expect(isKindTitle(headline('Say', 'Ankara', 'statement'))).toBe(true);
		expect(isKindTitle('Police arrested two men in Macon')).toBe(false);
	});
});
