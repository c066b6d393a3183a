import { describe, expect, it } from 'vitest';
import { dateOrderQuestion, inspectRows, mappingFrom } from '../../../src/lib/import/inspect';
import { ACLED_COLUMNS, GDELT_COLUMNS } from '../../../src/lib/import/presets';

describe('what the first rows say', () => {
	it.each([
		[[['2025-04-11'], ['04 April 2025']], null],
		[[['03/04/2025'], ['05/04/2025']], { example: '03/04/2025', suggested: null }],
		[[['03/04/2025'], ['25/12/2025']], { example: '03/04/2025', suggested: 'dmy' }],
		[[['12/25/2025'], ['03/04/2025']], { example: '12/25/2025', suggested: 'mdy' }],
		[[['2025-04-11'], ['03/04/2025']], { example: '03/04/2025', suggested: null }],
		[[[''], ['']], null]
	])('dates %j ask %j', (rows, question) => {
		expect(dateOrderQuestion(rows, 0)).toEqual(question);
	});

	it('knows ACLED and GDELT without a mapping', () => {
		expect(inspectRows([[...ACLED_COLUMNS]])).toMatchObject({ kind: 'preset', preset: 'acled' });
		const gdelt = GDELT_COLUMNS.map(() => '');
		gdelt[0] = '1234567890';
		gdelt[1] = '20250411';
		expect(inspectRows([gdelt])).toMatchObject({ kind: 'preset', preset: 'gdelt' });
	});

	it('guesses the rest, a place name standing in for coordinates, and shows a sample', () => {
		const inspection = inspectRows([
			['When', 'Town', 'Country', 'Oblast', 'Kind'],
			['', '', '', '', ''],
			['11/04/2025', 'Kharkiv', 'Ukraine', 'Kharkiv', 'war']
		]);
		if (inspection.kind !== 'mapping') throw new Error('expected a mapping');
		expect(inspection.fields).toMatchObject({
			place: [1],
			country: [2],
			admin: [3],
			category: [4]
		});
		expect(inspection.problems).toEqual([
			'no column looks like the date: name it with --map COLUMN=date (the columns are "When", "Town", "Country", "Oblast", "Kind").'
		]);
		expect(inspection.samples).toHaveLength(2);
		expect(inspection.dateOrder).toBeNull();
	});

	it('turns a choice per field into a choice per column, every column by its index', () => {
		const header = ['Datum', 'Breite', 'Länge', 'A1', 'A2', 'Spare'];
		const fields = {
			...Object.fromEntries(
				['id', 'end', 'title', 'summary', 'category', 'source', 'place', 'country', 'admin'].map(
					(f) => [f, []]
				)
			),
			date: [0],
			lat: [1],
			lon: [2],
			actors: [3, 4]
		} as unknown as Parameters<typeof mappingFrom>[1];
		expect(mappingFrom(header, fields)).toEqual([
			[0, 'date'],
			[1, 'lat'],
			[2, 'lon'],
			[3, 'actors'],
			[4, 'actors'],
			[5, 'ignore']
		]);
	});
});
