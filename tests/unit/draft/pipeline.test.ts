import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/lib/draft/pipeline';
import { parseIsoDate, toIsoDate } from '../../../src/lib/story/dates';
import { fixtureGazetteer } from '../../helpers/fixture-gazetteer';

const published = parseIsoDate('2024-03-09')!;
const draft = (text: string) => runPipeline(text, published, fixtureGazetteer);
const summary = (text: string) =>
	draft(text).events.map((e) => ({
		category: e.category,
		place: e.main.place.name,
		days: [toIsoDate(e.startDay), toIsoDate(e.endDay)],
		sources: e.source.length
	}));

describe('runPipeline on a fixture gazetteer', () => {
	it.each([
		[
			'a bombing, what officials said of it and the arrests, all undated after the lead',
			`A bomb exploded outside a courthouse in Macon on Friday, killing two people.
Officials said the blast was the worst in the city in decades.
Police arrested two men in connection with the bombing, the sheriff said.`,
			[{ category: 'strike', place: 'Macon', days: ['2024-03-08', '2024-03-08'], sources: 3 }]
		],
		[
			'a meeting the text dates and places apart stays apart',
			`A bomb exploded outside a courthouse in Macon on Friday, killing two people.
The governor met the mayors of the state in Atlanta on Monday to discuss security.`,
			[
				{ category: 'strike', place: 'Macon', days: ['2024-03-08', '2024-03-08'], sources: 1 },
				{ category: 'meeting', place: 'Atlanta', days: ['2024-03-04', '2024-03-04'], sources: 1 }
			]
		],
		[
			'an arrest placed by its own clause, not by the town it is measured from',
			`Police arrested two men on Friday in Macon, about 80 miles south of Atlanta, the sheriff said.`,
			[{ category: 'detention', place: 'Macon', days: ['2024-03-08', '2024-03-08'], sources: 1 }]
		],
		[
			'a statement where the speaker told it, not where the speaker’s agency is named for',
			`The director of the Georgia Ports Authority told reporters in Atlanta on Friday that the port would reopen.`,
			[{ category: 'statement', place: 'Atlanta', days: ['2024-03-08', '2024-03-08'], sources: 1 }]
		],
		[
			'a statement is not placed where what was said would happen',
			`A bomb exploded outside a courthouse in Macon on Friday, killing two people.
The sheriff said the county would ask the state police in Atlanta to help with the investigation.`,
			[{ category: 'strike', place: 'Macon', days: ['2024-03-08', '2024-03-08'], sources: 2 }]
		],
		[
			'an arrest the text dates apart is its own event, not at the suspect’s home town',
			`A bomb exploded outside a courthouse in Macon on Friday, killing two people.
Police said they were treating the blast as a terrorist attack. A 30-year-old man from Atlanta was arrested on Saturday.`,
			[
				{ category: 'strike', place: 'Macon', days: ['2024-03-08', '2024-03-08'], sources: 2 },
				{ category: 'detention', place: 'Macon', days: ['2024-03-09', '2024-03-09'], sources: 1 }
			]
		]
	])('%s', (_, text, expected) => {
		expect(summary(text)).toEqual(expected);
	});

	it('leaves a credit line out of every event', () => {
		const text = `A bomb exploded outside a courthouse in Macon on Friday, killing two people.
(Reporting by Ann Lee in Atlanta; Editing by Tom Roe)`;
		const sources = draft(text).events.flatMap((e) =>
			e.source.map((s) => text.slice(s.start, s.end))
		);
		expect(sources.join(' ')).not.toMatch(/Reporting|Editing/);
	});
});
