/**
 * A column of mixed types: dates beside a year alone and "unknown", degrees beside "n/a", blanks
 * and words. Each row with a bad cell is rejected with its row, its column and a reason; no row is
 * lost, whether the sheet comes as a CSV, a workbook (typed cells, an error cell) or a Parquet
 * file whose columns are text because their values were mixed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import { openImport, type ImportFile } from '../../../src/lib/import/import-session';
import { IMPORT_LIMITS } from '../../../src/lib/import/limits';
import { saysNotKnown } from '../../../src/lib/import/not-known';
import { parseDate } from '../../../src/lib/import/parse-date';
import type { RejectedRow } from '../../../src/lib/import/row-loop';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { scratchFolder } from '../../helpers/cli';

const scratch = scratchFolder('import-mixed-');
const HEADER = ['date', 'latitude', 'longitude', 'category', 'title'];

/**
 * The sheet, a row a line; `null` is an empty cell. The year and the degrees are written as a
 * workbook types them (a number), a CSV and a text Parquet column as text.
 */
const ROWS: (string | number | null)[][] = [
	['2019-05-01', 50.45, 30.52, 'aid', 'A day'],
	[2019, 50.45, 30.52, 'aid', 'A year alone'],
	['unknown', 50.45, 30.52, 'aid', 'No date'],
	['2019-05-02', 'n/a', 30.52, 'aid', 'No latitude (said)'],
	['2019-05-03', null, 30.52, 'aid', 'No latitude'],
	['2019-05-04', 'north', 30.52, 'aid', 'Latitude in words'],
	['2019-05-05', 49.84, 24.03, 'strike', 'Another day'],
	['2019-05-06', 50.45, '-', 'aid', 'No longitude (said)']
];

/** What every form must give: imported rows by title, rejected ones by row and column. */
const IMPORTED = ['A day', 'Another day'];
const REJECTED: [number, string, RegExp][] = [
	[3, 'date', /^"2019" is a year alone: every event needs its day/],
	[4, 'date', /^"unknown" says the date is not known/],
	[5, 'latitude', /^"n\/a" says the place is not known/],
	[6, 'latitude', /^is empty: every event needs a place/],
	[7, 'latitude', /^"north" is not a number of degrees\.$/],
	[9, 'longitude', /^"-" says the place is not known/]
];

const text = (cell: string | number | null) => (cell === null ? '' : String(cell));
const files: Record<string, string> = {};

beforeAll(async () => {
	files.csv = join(scratch, 'mixed.csv');
	const csv = [HEADER, ...ROWS.map((row) => row.map(text))].map((r) => r.join(',')).join('\n');
	writeFileSync(files.csv, `${csv}\n`);

	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Events');
	sheet.addRow(HEADER);
	for (const row of ROWS)
		sheet.addRow(
			row.map((cell, i) =>
				i === 0 && /^\d{4}-/.test(String(cell)) ? new Date(`${cell}T00:00:00Z`) : cell
			)
		);
	// An error cell where a number belongs: Excel's #N/A, written as such (t="e").
	sheet.addRow(['2019-05-07', { error: '#N/A' }, 30.52, 'aid', 'Latitude #N/A']);
	files.xlsx = join(scratch, 'mixed.xlsx');
	await workbook.xlsx.writeFile(files.xlsx);

	// Parquet's columns are typed: mixed values make a text column, as DuckDB infers from a CSV.
	const db = await DuckDBInstance.create(':memory:');
	const sql = await db.connect();
	files.parquet = join(scratch, 'mixed.parquet');
	await sql.run(
		`COPY (SELECT * FROM read_csv('${files.csv}', header = true)) TO '${files.parquet}' (FORMAT parquet)`
	);
	const types = await sql.runAndReadAll(`DESCRIBE SELECT * FROM '${files.parquet}'`);
	files.parquetTypes = JSON.stringify(types.getRows().map((r) => [r[0], r[1]]));
});

function diskFile(path: string): ImportFile {
	const bytes = new Uint8Array(readFileSync(path));
	return { name: path, size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

async function imported(path: string) {
	const session = await openImport([diskFile(path)], {
		limits: IMPORT_LIMITS,
		category: 'aid',
		countries: () => countryIndex(shippedBasemap()),
		geocoder: () => {
			throw new Error('no row is placed by name');
		},
		latest: parseIsoDate('2025-04-12')!
	});
	if (!session.ok) throw new Error(session.problem);
	const titles: string[] = [];
	const rejected: RejectedRow[] = [];
	const result = await session.run(() => ({
		onEvent: (event) => titles.push(event.title),
		onRejected: (row) => rejected.push(row)
	}));
	if (!result.ok) throw new Error(result.problem);
	return { end: result.end, titles, rejected };
}

describe('a column of mixed types', () => {
	it('is a text column in the Parquet file, as an engine writes mixed values', () => {
		const types = new Map(JSON.parse(files.parquetTypes!) as [string, string][]);
		expect([types.get('date'), types.get('latitude'), types.get('longitude')]).toEqual([
			'VARCHAR',
			'VARCHAR',
			'VARCHAR'
		]);
	});

	it.each(['csv', 'xlsx', 'parquet'])(
		'in a %s file: each bad cell rejects its row, named, and no row is lost',
		async (kind) => {
			const { end, titles, rejected } = await imported(files[kind]!);
			const extra = kind === 'xlsx' ? 1 : 0;
			expect(end.rows).toBe(ROWS.length + extra);
			expect(end.rows).toBe(end.imported + end.rejected);
			expect(titles).toEqual(IMPORTED);
			const expected = [
				...REJECTED,
				...(extra ? ([[10, 'latitude', /^"#N\/A" says the place is not known/]] as const) : [])
			];
			expect(rejected.map((r) => [r.row, r.column])).toEqual(
				expected.map(([row, column]) => [row, column])
			);
			for (const [i, [, , reason]] of expected.entries())
				expect(rejected[i]!.reason).toMatch(reason);
		}
	);
});

describe('saysNotKnown', () => {
	it.each([
		['n/a', true],
		['N/A', true],
		['#N/A', true],
		['unknown', true],
		[' - ', true],
		['?', true],
		['', false],
		['0', false],
		['Nairobi', false],
		['north', false],
		['nan bread', false]
	])('%j: %s', (cell, expected) => {
		expect(saysNotKnown(cell)).toBe(expected);
	});
});

describe('a date cell that is not a day', () => {
	it.each([
		[
			'2019',
			/^"2019" is a year alone: every event needs its day \(2019-04-04, or 04 April 2019\)\.$/
		],
		['unknown', /^"unknown" says the date is not known: every event needs one\.$/],
		['n.d.', /is not a date this importer reads/]
	])('%s', (cell, reason) => {
		const read = parseDate(cell);
		expect(!read.ok && read.reason).toMatch(reason);
	});
});
