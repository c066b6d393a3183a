import { describe, expect, it } from 'vitest';
import { actorIndex, creditSpans, groupActor } from '../../../src/lib/draft/actors/actors';
import { buildDoc } from '../../../src/lib/draft/doc/doc';

const actors = (text: string) => actorIndex(buildDoc(text), []).actorsIn(0, text.length);

describe('actors are people and organisations', () => {
	it.each<[string, string, string[], string[]]>([
		[
			'a title is dropped, the name kept',
			'On Sunday, Deputy Prime Minister Veysi Kaynak said the attack was planned.',
			['Veysi Kaynak'],
			['Deputy', 'Deputy Prime Minister Veysi Kaynak']
		],
		[
			'a demonym is never an actor',
			'Officials blamed Kurdish militants, and Turkish troops moved in.',
			[],
			['Kurdish', 'Turkish']
		],
		[
			'hyphenated names stay whole',
			'The talks between Jean-Pierre Raffarin and Anne-Marie Slaughter ended.',
			['Jean-Pierre Raffarin', 'Anne-Marie Slaughter'],
			['Jean', 'Pierre Raffarin', 'Marie Slaughter']
		],
		[
			'multi-word organisations stay whole',
			'The statement came from the Council on American-Islamic Relations on Friday.',
			['Council on American-Islamic Relations'],
			['Council', 'Relations']
		],
		[
			'an organisation after a sentence’s first word, with its place inside',
			'In Mansfield Police Department news, the Defense Department said nothing.',
			['Mansfield Police Department', 'Defense Department'],
			['In Mansfield Police Department', 'Department']
		],
		[
			'a body of something stays whole',
			'On Monday the Region 1 Board of Education met, and the Chamber of Commerce agreed.',
			['Region 1 Board of Education', 'Chamber of Commerce'],
			['Education', 'Board', 'Commerce']
		],
		[
			'a byline and credits are not actors',
			'By Jane Doe\nThe mayor, Ann Lee, spoke. (Reporting by Tom Roe; Editing by Sam Poe)',
			['Ann Lee'],
			['Jane Doe', 'Tom Roe', 'Sam Poe']
		],
		[
			'a surname alone is the person named in full',
			'Volodymyr Zelensky visited the city. Later, Zelensky spoke.',
			['Volodymyr Zelensky'],
			['Zelensky']
		],
		[
			'a local title is no part of a name, and a hyphenated surname stays whole',
			'Commissioner Tom Ward-Sullivan and Councilwoman Ana Ruiz-Lopez voted against the plan.',
			['Tom Ward-Sullivan', 'Ana Ruiz-Lopez'],
			['Commissioner Tom Ward-Sullivan', 'Tom Ward', 'Councilwoman Ana Ruiz-Lopez']
		],
		[
			'a building, a road, a time zone or a platform is not who acted',
			'Protesters marched from Lakeside Town Hall to Main Street at 18:00 GMT, Mayor Ana Ruiz wrote on Facebook, and closed the M6 by the River Tame.',
			['Ana Ruiz'],
			['Lakeside Town Hall', 'Town Hall', 'Main Street', 'GMT', 'Facebook', 'M6', 'River Tame']
		],
		[
			'a placeholder is never an actor',
			'The suspect, who was Not Named, fled. Police said so.',
			[],
			['Not Named', 'Police']
		]
	])('%s', (_, text, has, hasNot) => {
		const found = actors(text);
		expect(found).toEqual(expect.arrayContaining(has));
		for (const name of hasNot) expect(found).not.toContain(name);
	});
});

describe('credits and groups', () => {
	it.each<[string, string[]]>([
		['By Jane Doe\nText.', ['By Jane Doe']],
		[
			'Text. (Reporting by Tom Roe; Editing by Sam Poe)',
			['Reporting by Tom Roe', 'Editing by Sam Poe']
		],
		['Photo: Reuters/Ann Lee\nText.', ['Photo: Reuters/Ann Lee']],
		['He stood by Jane Doe.', []]
	])('%j', (text, spans) => {
		expect(creditSpans(text).map(([s, e]) => text.slice(s, e).trim())).toEqual(spans);
	});

	it.each([
		['Police said the man fled.', 'Police'],
		['The bomb went off, officials said.', 'Officials'],
		['A bomb went off.', '']
	])('%j acts as %j', (plain, group) => {
		expect(groupActor(plain)).toBe(group);
	});
});
