import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, neutralise } from '../../../src/lib/import/csv-safe';

describe('neutralise', () => {
	it.each([
		['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
		['+1+1', `'+1+1`],
		['-2+3', `'-2+3`],
		['@SUM(A1:A2)', `'@SUM(A1:A2)`],
		['\t=1', `'\t=1`],
		['\r=1', `'\r=1`],
		['-33.9', `'-33.9`],
		['plain text', 'plain text'],
		['a=b', 'a=b'],
		['', ''],
		[' =1', ' =1']
	])('%j → %j', (cell, safe) => {
		expect(neutralise(cell)).toBe(safe);
	});
});

describe('csvField and csvLine', () => {
	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['=1+2', "'=1+2"],
		['=1,2', `"'=1,2"`]
	])('%j → %j', (cell, field) => {
		expect(csvField(cell)).toBe(field);
	});

	it('writes a record that papaparse reads back, every formula as text', () => {
		const cells = ['12', 'event_date', '=cmd|"/c calc"!A1', 'a "quoted", line\nbreak', '@x', ''];
		const line = csvLine(cells);
		expect(line.endsWith('\r\n')).toBe(true);
		const [back] = Papa.parse<string[]>(line.trimEnd(), { header: false }).data;
		expect(back).toEqual([
			'12',
			'event_date',
			`'=cmd|"/c calc"!A1`,
			'a "quoted", line\nbreak',
			"'@x",
			''
		]);
	});
});
