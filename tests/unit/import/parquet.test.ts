/**
 * Parquet in: files written by a real engine (DuckDB, in the test), read a row group at a time.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { asyncBufferFromFile } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import { parquetCell, readParquet } from '../../../src/lib/import/parquet-rows';
import { RowLoop } from '../../../src/lib/import/row-loop';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { root, runScript, scratchFolder } from '../../helpers/cli';
import { GDELT_COLUMNS } from '../../../src/lib/import/presets';

const scratch = scratchFolder('import-parquet-');
const path = (name: string) => join(scratch, name);

/** A WKB point, as GeoParquet stores its geometry. */
function wkbPoint(x: number, y: number): string {
	const bytes = Buffer.alloc(21);
	bytes.writeUInt8(1, 0);
	bytes.writeUInt32LE(1, 1);
	bytes.writeDoubleLE(x, 5);
	bytes.writeDoubleLE(y, 13);
	return bytes.toString('hex');
}

const GEO = JSON.stringify({
	version: '1.0.0',
	primary_column: 'geometry',
	columns: { geometry: { encoding: 'WKB', geometry_types: ['Point'] } }
});

beforeAll(async () => {
	const db = await DuckDBInstance.create(':memory:');
	const sql = await db.connect();
	// ACLED's columns, 3,000 rows in row groups of 1,000, one row with no latitude.
	await sql.run(`COPY (
		SELECT 'UKR' || i AS event_id_cnty, DATE '2025-03-01' + (i % 30)::INT AS event_date,
			'1' AS time_precision, 'Battles' AS event_type, 'Armed clash' AS sub_event_type,
			'Military Forces of Russia (2000-)' AS actor1, 'Military Forces of Ukraine (2019-)' AS actor2,
			804 AS iso, 'Ukraine' AS country, 'Kharkiv' AS admin1, 'Kupiansk' AS location,
			CASE WHEN i = 1500 THEN NULL ELSE 49.7104 END AS latitude, 37.6153 AS longitude,
			'1' AS geo_precision, 'Ukrinform' AS source, 'Clashes near Kupiansk.' AS notes, i % 3 AS fatalities
		FROM range(3000) t(i)
	) TO '${path('acled.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
	const points = [
		[30.5234, 50.4501, 'Kyiv'],
		[24.0297, 49.8397, 'Lviv']
	] as const;
	await sql.run(`COPY (
		SELECT * FROM (VALUES ${points
			.map(
				([x, y, name], i) =>
					`('g${i}', TIMESTAMP '2025-04-0${i + 1} 00:00:00', '${name}', 'aid', from_hex('${wkbPoint(x, y)}'))`
			)
			.join(', ')}) v(id, date, place, category, geometry)
	) TO '${path('points.parquet')}' (FORMAT parquet, KV_METADATA {geo: '${GEO}'})`);
	await sql.run(
		`COPY (SELECT i AS a, i * 2 AS b FROM range(5) t(i)) TO '${path('numbers.parquet')}' (FORMAT parquet)`
	);
	// GDELT's event table as BigQuery or DuckDB exports it: its 61 columns, named, filtered.
	const types = `{${GDELT_COLUMNS.map((name) => `'${name}': 'VARCHAR'`).join(', ')}}`;
	await sql.run(`COPY (
		SELECT * FROM read_csv('${join(root, 'tests/fixtures/import/gdelt.tsv')}', delim='\t', header=false, columns=${types})
		WHERE ActionGeo_CountryCode IN ('UP', 'RS')
	) TO '${path('gdelt.parquet')}' (FORMAT parquet)`);
	const whole = readFileSync(path('acled.parquet'));
	writeFileSync(path('truncated.parquet'), whole.subarray(0, whole.length - 300));
	const broken = Buffer.from(whole);
	broken.writeUInt32LE(0x7fffffff, broken.length - 8);
	writeFileSync(path('footer.parquet'), broken);
});

async function rowsOf(name: string) {
	const rows: string[][] = [];
	const outcome = await readParquet(await asyncBufferFromFile(path(name)), {
		onRow: (cells) => (rows.push(cells), true)
	});
	return { rows, outcome };
}

const countries = countryIndex(shippedBasemap());

async function imported(name: string) {
	const loop = new RowLoop({
		choice: { placeNames: true },
		countries,
		latest: parseIsoDate('2025-12-31')!,
		onEvent: () => {},
		onRejected: () => {}
	});
	await readParquet(await asyncBufferFromFile(path(name)), { onRow: (cells) => loop.push(cells) });
	return loop.end();
}

describe('a Parquet file written by DuckDB', () => {
	it('is read a row group at a time, every row accounted for, as an ACLED export', async () => {
		const { rows, outcome } = await rowsOf('acled.parquet');
		// DuckDB rounds a row group to its own vector size: more than one, whatever the count.
		expect(outcome.ok && [outcome.rows, outcome.groups > 1]).toEqual([3000, true]);
		expect(rows[0]).toContain('event_id_cnty');
		expect(rows[1]!.slice(0, 2)).toEqual(['UKR0', '2025-03-01']);
		const end = await imported('acled.parquet');
		if (!end.ok) throw new Error(end.problem);
		expect([end.reader.name, end.imported, end.rejected]).toEqual(['an ACLED export', 2999, 1]);
	});

	it('takes a GeoParquet point column as longitude and latitude', async () => {
		const { rows } = await rowsOf('points.parquet');
		expect(rows).toEqual([
			['longitude', 'latitude', 'id', 'date', 'place', 'category'],
			['30.5234', '50.4501', 'g0', '2025-04-01', 'Kyiv', 'aid'],
			['24.0297', '49.8397', 'g1', '2025-04-02', 'Lviv', 'aid']
		]);
		const end = await imported('points.parquet');
		expect(end.ok && end.imported).toBe(2);
	});

	it.each([
		[
			'truncated.parquet',
			/^is not a Parquet file that can be read: its footer, which lists its columns, is missing or damaged/
		],
		[
			'footer.parquet',
			/^is not a Parquet file that can be read: its footer, which lists its columns, is missing or damaged/
		]
	])('%s: said plainly, nothing imported', async (name, message) => {
		const { rows, outcome } = await rowsOf(name);
		expect(rows).toEqual([]);
		expect(!outcome.ok && outcome.problem).toMatch(message);
	});

	it('a GDELT table with its header is GDELT, with no option', async () => {
		const end = await imported('gdelt.parquet');
		expect(end.ok && [end.reader.name, end.imported, end.rejected]).toEqual([
			'a GDELT 2.0 event file',
			2,
			0
		]);
	});

	it('with no column a story can use, says which it lacks', async () => {
		const end = await imported('numbers.parquet');
		expect(!end.ok && end.problem).toMatch(
			/no column looks like the date: name it with --map COLUMN=date \(the columns are "a", "b"\)/
		);
	});

	it('npm run import reads it and check:data passes', { timeout: 60_000 }, () => {
		const out = path('story');
		const run = runScript('scripts/import.ts', [
			path('acled.parquet'),
			'--published',
			'2025-04-12',
			'--out',
			out
		]);
		expect(run.code).toBe(0);
		expect(run.out).toMatch(/as an ACLED export \(Parquet\)/);
		expect(run.out).toMatch(/^2,999 rows imported, 1 not: see /m);
		expect(runScript('scripts/check-data.ts', [out]).code).toBe(0);
	});
});

describe('Parquet values as cells', () => {
	it.each<[unknown, string]>([
		[null, ''],
		['Kyiv', 'Kyiv'],
		[3, '3'],
		[12345678901234567890n, '12345678901234567890'],
		[true, 'true'],
		[new Date(Date.UTC(2025, 3, 11)), '2025-04-11'],
		[new Date(Date.UTC(2025, 3, 11, 14, 30)), '2025-04-11 14:30'],
		[new Uint8Array([1, 2]), ''],
		[['a', 'b'], '["a","b"]'],
		[{ n: 1n }, '{"n":"1"}']
	])('%s → %s', (value, text) => {
		expect(parquetCell(value)).toBe(text);
	});
});

describe('a folder or a list of files is one import', { timeout: 120_000 }, () => {
	it('reads a BigQuery-style folder of Parquet parts, and a list of CSV parts with their headers', async () => {
		const db = await DuckDBInstance.create(':memory:');
		const sql = await db.connect();
		const parts = path('parts');
		mkdirSync(parts);
		for (const n of [0, 1, 2])
			await sql.run(`COPY (
				SELECT 'p${n}-' || i AS id, DATE '2025-04-01' + (i % 9)::INT AS date, 50.45 AS latitude,
					30.52 AS longitude, 'aid' AS category, 'Kyiv' AS place
				FROM range(${100 + n}) t(i)
			) TO '${join(parts, `part-00000${n}.parquet`)}' (FORMAT parquet)`);
		const folder = runScript('scripts/import.ts', [
			parts,
			'--published',
			'2025-04-12',
			'--out',
			path('from-folder')
		]);
		expect(folder.code).toBe(0);
		expect(folder.out).toMatch(
			/^Read 3 files \(.*part-000000\.parquet to .*part-000002\.parquet\)/m
		);
		expect(folder.out).toMatch(/^303 rows imported, all of them\.$/m);
		// CSV parts each with the header, as an export splits them: the header is read once.
		const csv = (n: number) => {
			const file = path(`part-${n}.csv`);
			const rows = Array.from(
				{ length: 50 },
				(_, i) => `c${n}-${i},2025-04-0${(i % 9) + 1},50.45,30.52,aid,Kyiv`
			);
			writeFileSync(file, ['id,date,latitude,longitude,category,place', ...rows].join('\n'));
			return file;
		};
		const list = runScript('scripts/import.ts', [
			csv(1),
			csv(2),
			'--published',
			'2025-04-12',
			'--out',
			path('from-list')
		]);
		expect(list.code).toBe(0);
		expect(list.out).toMatch(/^100 rows imported, all of them\.$/m);
		expect(runScript('scripts/check-data.ts', [path('from-list')]).code).toBe(0);
	});
});
