import { describe, expect, it } from 'vitest';
import { estimateRows, studioPlan, type RowEstimate } from '../../../src/lib/import/estimate-rows';

const file = (rows: number) =>
	[
		'date,place,notes',
		...Array.from({ length: rows }, (_, i) => `2025-04-01,Kyiv,"row ${i}, noted"`)
	].join('\r\n') + '\r\n';

describe('rows told from a file’s size before it is read', () => {
	it('counts a file whose head is all of it', () => {
		const text = file(40);
		expect(estimateRows(text, text.length, text.length, ',')).toEqual({ rows: 40, exact: true });
	});

	// The head's rows are a sample: here later rows are longer (their numbers have more digits).
	it.each([10_000, 50_000, 200_000])('estimates %i rows from a 64 KB head within 10 %%', (rows) => {
		const text = file(rows);
		const head = text.slice(0, 65_536);
		const estimate = estimateRows(head, head.length, text.length, ',');
		expect(estimate.exact).toBe(false);
		expect(Math.abs(estimate.rows - rows) / rows).toBeLessThan(0.1);
	});

	it.each<[string, RowEstimate, number, string | null]>([
		['a file that fits', { rows: 900, exact: true }, 40_000, null],
		['exactly the limit', { rows: 1_000, exact: true }, 40_000, null],
		[
			'a file counted whole',
			{ rows: 1_001, exact: true },
			52_000,
			'1,001 rows: more than the 1,000 events the studio edits one by one.'
		],
		[
			'a workbook that states its last row',
			{ rows: 50_000, exact: true, stated: true },
			2_100_000,
			'50,000 rows, as its sheet states: more than the 1,000 events the studio edits one by one.'
		],
		[
			'a file estimated from its head',
			{ rows: 50_000, exact: false },
			14_513_075,
			'About 50,000 rows (estimated from its 13.8 MB): more than the 1,000 events the studio edits one by one.'
		]
	])('says what it is of %s', (_, estimate, bytes, said) => {
		expect(studioPlan(estimate, bytes, 1_000)).toBe(said);
	});
});
