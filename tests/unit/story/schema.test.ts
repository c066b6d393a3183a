import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../src/lib/story/columnar/layout';
import {
	EVENT_FIELDS,
	FIELD_NAMES,
	eventProperties,
	fieldsIn,
	type EventRecord
} from '../../../src/lib/story/schema';

const record: EventRecord<string> = {
	id: 'talks',
	title: 'Talks',
	summary: 'They talked.',
	category: 'meeting',
	actors: ['Witkoff'],
	start: '2025-04-11',
	end: '2025-04-11',
	when: 'on Friday',
	place: 'st-petersburg',
	places: [],
	source: ['They talked.'],
	background: false,
	notes: [],
	inferred: []
};

/** What every event's properties hold, in the order the files write them. */
const ALWAYS = [
	'id',
	'title',
	'summary',
	'category',
	'actors',
	'start',
	'end',
	'when',
	'place',
	'places',
	'source',
	'background',
	'notes'
];

describe('eventProperties', () => {
	it.each<[string, Partial<EventRecord<string>>, string[]]>([
		['an article event: no inferred when empty, no row', {}, ALWAYS],
		['an inferred date is kept', { inferred: ['date'] }, [...ALWAYS, 'inferred']],
		['an imported event keeps its row, last', { row: 12 }, [...ALWAYS, 'row']]
	])('%s', (_, over, keys) => {
		const properties = eventProperties({ ...record, ...over });
		expect(Object.keys(properties)).toEqual(keys);
		for (const key of keys) expect(properties[key]).toEqual({ ...record, ...over }[key as 'id']);
	});

	it('writes only the schema fields, whatever else the object carries', () => {
		const withExtras = { ...record, review: 'accepted', coordinates: [1, 2] };
		expect(Object.keys(eventProperties(withExtras))).not.toContain('review');
		expect(Object.keys(eventProperties(withExtras))).not.toContain('coordinates');
	});
});

describe('the columnar form follows the schema', () => {
	it('every field stored as a column is a column of events.arrow', () => {
		for (const name of fieldsIn('column')) expect(Object.keys(COLUMNS)).toContain(name);
	});

	it('the words of an event are the text fields, and each field has one home', () => {
		expect(fieldsIn('text')).toEqual(['title', 'summary', 'actors', 'when', 'source', 'notes']);
		const homes = [...fieldsIn('column'), ...fieldsIn('text'), ...fieldsIn('geojson')];
		expect(homes.sort()).toEqual([...FIELD_NAMES].sort());
	});

	it('a choice lists what the validator accepts', () => {
		expect(EVENT_FIELDS.category.values).toContain('strike');
		expect(EVENT_FIELDS.inferred.values).toEqual(['place', 'date']);
	});
});
