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
		]
	])('%s', (_, text, expected) => {
		expect(summary(text)).toEqual(expected);
	});
});
