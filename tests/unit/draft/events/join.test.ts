import { describe, expect, it } from 'vitest';
import type { Category, Inferable } from '../../../../src/lib/story/schema';
import {
	joinHappenings,
	sameHappening,
	type Happening
} from '../../../../src/lib/draft/events/join';
import type { PlaceMention } from '../../../../src/lib/draft/toponyms/toponyms';
import { fixtureGazetteer, fixturePlace } from '../../../helpers/fixture-gazetteer';

const within = fixtureGazetteer.contains;

function mention(name: string): PlaceMention {
	return {
		name,
		start: 0,
		end: name.length,
		place: fixturePlace(name),
		type: 'name',
		possessive: false,
		quoted: false,
		before: 'in',
		confidence: 1,
		alternatives: []
	};
}

let sentences = 0;

/** An event as the sentence-by-sentence draft leaves it; days are day numbers. */
function event(
	category: Category,
	place: string,
	days: [number, number] | 'undated',
	more: Partial<Happening> & { placeInferred?: boolean } = {}
): Happening {
	const inferred: Inferable[] = [];
	if (more.placeInferred) inferred.push('place');
	if (days === 'undated') inferred.push('date');
	const [startDay, endDay] = days === 'undated' ? [94, 100] : days;
	return {
		category,
		startDay,
		endDay,
		inferred,
		planned: false,
		main: mention(place),
		section: 0,
		// Each event starts in a sentence of its own unless a case says otherwise.
		sentence: sentences++,
		persons: [],
		refersTo: undefined,
		pronounLed: false,
		...more
	};
}

describe('sameHappening', () => {
	it.each([
		[
			'the same kind at the same place on overlapping days',
			event('strike', 'Kryvyi Rih', [96, 96]),
			event('strike', 'Kryvyi Rih', [96, 97]),
			true
		],
		[
			'a town inside the country of the attack',
			event('strike', 'Ukraine', [96, 96]),
			event('strike', 'Kryvyi Rih', [96, 96]),
			true
		],
		[
			'arrests after a bombing, undated, at its town',
			event('strike', 'Macon', [96, 96]),
			event('detention', 'Macon', 'undated'),
			true
		],
		[
			'arrests the text dates apart',
			event('strike', 'Macon', [96, 96]),
			event('detention', 'Macon', [99, 99]),
			false
		],
		[
			'arrests the text places apart',
			event('strike', 'Macon', [96, 96]),
			event('detention', 'Atlanta', 'undated'),
			false
		],
		[
			'a follow-up in the country around the town is not at the happening',
			event('strike', 'Kryvyi Rih', [96, 96]),
			event('detention', 'Ukraine', 'undated'),
			false
		],
		[
			'what officials said of a fire (no kind of its own), at its town, undated',
			event('diplomacy', 'Macon', [96, 96]),
			event('statement', 'Macon', 'undated'),
			true
		],
		[
			'a statement after a meeting is not taken for its follow-up',
			event('meeting', 'Macon', [96, 96]),
			event('statement', 'Macon', 'undated'),
			false
		],
		[
			'two strikes in two towns',
			event('strike', 'Kryvyi Rih', [96, 96]),
			event('strike', 'Kyiv', [96, 96]),
			false
		],
		[
			'the same kind on days that do not meet',
			event('meeting', 'Atlanta', [60, 60]),
			event('meeting', 'Atlanta', [96, 96]),
			false
		],
		[
			'different kinds that do not follow one another',
			event('meeting', 'Atlanta', [96, 96]),
			event('aid', 'Atlanta', [96, 96]),
			false
		],
		[
			'the same kind in another section, with no words that refer back',
			event('statement', 'Atlanta', [96, 96]),
			event('statement', 'Atlanta', [96, 96], { section: 2 }),
			false
		],
		[
			'"the latest meeting" in another section',
			event('meeting', 'Atlanta', [96, 96]),
			event('meeting', 'Atlanta', 'undated', { section: 2, refersTo: 'meeting' }),
			true
		],
		[
			'"He also renewed calls…": nothing of its own, after its speaker at his place',
			event('statement', 'Kryvyi Rih', [96, 96], { persons: ['Volodymyr Zelensky'] }),
			event('aid', 'Kryvyi Rih', 'undated', { placeInferred: true, pronounLed: true }),
			true
		],
		[
			'nothing of its own, but about no one the event names',
			event('statement', 'Kryvyi Rih', [96, 96], { persons: ['Volodymyr Zelensky'] }),
			event('aid', 'Kryvyi Rih', 'undated', { placeInferred: true, persons: ['Jane Doe'] }),
			false
		],
		[
			'"meetings throughout the year, including one in Atlanta in March"',
			event('meeting', 'United States', [0, 100], { sentence: 10 }),
			event('meeting', 'Atlanta', [60, 90], { sentence: 10 }),
			true
		],
		[
			'the same series and instance told in two sentences, at places apart',
			event('meeting', 'Ukraine', [0, 100], { sentence: 10 }),
			event('meeting', 'Atlanta', [60, 90], { sentence: 20 }),
			false
		],
		[
			'a plan and what happened',
			event('meeting', 'Atlanta', [96, 96]),
			event('meeting', 'Atlanta', [96, 96], { planned: true }),
			false
		]
	])('%s → %s', (_, earlier, later, same) => {
		expect(sameHappening(earlier, later, within)).toBe(same);
	});
});

describe('joinHappenings', () => {
	const merge = (into: Happening & { told: string[] }, from: Happening & { told: string[] }) => {
		into.told.push(...from.told);
	};
	const told = (e: Happening, what: string) => ({ ...e, told: [what] });

	it('folds a chain of sentences about one happening into its first event', () => {
		const joined = joinHappenings(
			[
				told(event('strike', 'Macon', [96, 96]), 'a bomb exploded in Macon'),
				told(event('strike', 'Georgia', 'undated'), 'the blast shook central Georgia'),
				told(event('meeting', 'Atlanta', [90, 90]), 'the governor met officials'),
				told(event('detention', 'Macon', 'undated'), 'police arrested two men')
			],
			within,
			merge
		);
		expect(joined.map((e) => e.told)).toEqual([
			['a bomb exploded in Macon', 'the blast shook central Georgia', 'police arrested two men'],
			['the governor met officials']
		]);
	});

	it('prefers the nearest event of its own kind whose days meet its own', () => {
		const joined = joinHappenings(
			[
				told(event('statement', 'Kryvyi Rih', 'undated', { persons: ['Zelensky'] }), 'visit'),
				told(event('strike', 'Kryvyi Rih', [90, 90], { persons: ['Zelensky'] }), 'strike'),
				told(
					event('aid', 'Kryvyi Rih', 'undated', { placeInferred: true, pronounLed: true }),
					'he called for air defence'
				)
			],
			within,
			merge
		);
		expect(joined.map((e) => e.told)).toEqual([['visit', 'he called for air defence'], ['strike']]);
	});
});
