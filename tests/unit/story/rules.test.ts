import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/lib/story/dates';
import {
	endBeforeStart,
	endsTooLate,
	mainPlaceAgain,
	notARealDay,
	notInVocabulary,
	pointAtPlace,
	rowProblem,
	rowTaken,
	unknownPlace
} from '../../../src/lib/story/rules';

const d = (iso: string) => parseIsoDate(iso)!;

describe('the rules both adapters ask', () => {
	it.each<[string, string | null, string | null]>([
		[
			'an end before its start',
			endBeforeStart(d('2025-04-04'), d('2025-04-03')),
			'3 April 2025 is before the start, 4 April 2025.'
		],
		['an end on its start', endBeforeStart(d('2025-04-04'), d('2025-04-04')), null],
		[
			'an end after publication',
			endsTooLate(d('2025-04-13'), d('2025-04-12'), 'published'),
			"13 April 2025 is after the story's publication, 12 April 2025."
		],
		[
			'an end after today',
			endsTooLate(d('2026-01-02'), d('2026-01-01'), 'today'),
			'2 January 2026 is after today, 1 January 2026.'
		],
		['an end on publication', endsTooLate(d('2025-04-12'), d('2025-04-12'), 'published'), null],
		['a point at its place', pointAtPlace([30.52, 50.45], 'kyiv', [30.52, 50.45]), null],
		[
			'a point swapped',
			pointAtPlace([50.45, 30.52], 'kyiv', [30.52, 50.45]),
			'[50.45, 30.52] is its place "kyiv" with longitude and latitude swapped.'
		],
		[
			'a point elsewhere',
			pointAtPlace([31, 50], 'kyiv', [30.52, 50.45]),
			`[31, 50] is not at its place "kyiv" [30.52, 50.45]; an event's point is its main place.`
		],
		[
			"a dataset's event at its own point, 8 km from its town",
			pointAtPlace([30.6, 50.5], 'kyiv', [30.52, 50.45], 'city'),
			null
		],
		[
			"a dataset's event 51 km from its town",
			pointAtPlace([31.2, 50.6], 'kyiv', [30.52, 50.45], 'city'),
			`[31.2, 50.6] is 51 km from its place "kyiv" [30.52, 50.45]; a dataset's event lies within 25 km of its place, a city.`
		],
		[
			"a dataset's event anywhere in its country",
			pointAtPlace([36.2, 49.99], 'ukraine', [31.17, 48.38], 'country'),
			null
		],
		[
			"a dataset's event swapped",
			pointAtPlace([50.45, 30.52], 'kyiv', [30.52, 50.45], 'city'),
			'[50.45, 30.52] is its place "kyiv" with longitude and latitude swapped.'
		],
		[
			'row 0',
			rowProblem(0, null),
			'is 0; an event of a dataset keeps the row of the file it came from (1 or more).'
		],
		[
			'a row past the file',
			rowProblem(1_723_000, 1_000),
			'is 1,723,000, past the 1,000 rows the table says its file had.'
		],
		['a row in the file', rowProblem(2, 1_000), null],
		[
			'a row taken',
			rowTaken(7, 'ukr1'),
			'row 7 is the row of ukr1 too: one row of a file makes one event.'
		],
		['an unknown place', unknownPlace('odesa'), '"odesa" is not a place id in the places file.'],
		['the main place again', mainPlaceAgain('kyiv'), '"kyiv" is already the main place.'],
		[
			'a word outside the vocabulary',
			notInVocabulary('picnic', ['war', 'aid']),
			'"picnic" is not one of: war, aid.'
		],
		[
			'a day that is not one',
			notARealDay('2025-02-30'),
			'"2025-02-30" is not a real date in the form YYYY-MM-DD.'
		]
	])('%s', (_, got, expected) => {
		expect(got).toBe(expected);
	});
});
