/**
 * `npm run import` on a workbook and a GeoJSON file: the same rows as a CSV give the same events,
 * the same rejected rows with the same reasons, and the same blank lines; then check:data.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importer, root, runScript, scratchFolder } from '../../helpers/cli';

const scratch = scratchFolder('import-formats-');

const importFile = importer(scratch);

/** ACLED's 31 columns and its eight rows (tests/fixtures/import/acled.csv). */
const ACLED = Papa.parse<string[]>(
	readFileSync(join(root, 'tests/fixtures/import/acled.csv'), 'utf8').trimEnd(),
	{ header: false }
).data;

const csvText = (rows: string[][]) =>
	rows
		.map((row) =>
			row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')
		)
		.join('\r\n') + '\r\n';

/** A cell as Excel holds it: numbers as numbers, ISO days as dates, the rest as text. */
function excelValue(cell: string): ExcelJS.CellValue {
	if (/^-?\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell)) return Number(cell);
	if (/^\d{4}-\d\d-\d\d$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
	return cell === '' ? null : cell;
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Events');
	rows.forEach((row, i) => {
		// An empty row stays empty: exceljs writes no cells for it.
		if (row.length === 1 && row[0] === '') return;
		sheet.getRow(i + 1).values = row.map(excelValue);
	});
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows as Point features: the coordinates in the geometry, every other cell a property. */
function geojsonOf(rows: string[][]): string {
	const [header, ...data] = rows;
	const lat = header!.indexOf('latitude');
	const lon = header!.indexOf('longitude');
	return JSON.stringify({
		type: 'FeatureCollection',
		features: data.map((row) => ({
			type: 'Feature',
			geometry:
				row[lat] && row[lon]
					? { type: 'Point', coordinates: [Number(row[lon]), Number(row[lat])] }
					: null,
			properties: Object.fromEntries(
				header!.flatMap((name, i) => (i === lat || i === lon ? [] : [[name, row[i]!]]))
			)
		}))
	});
}

/** What an import accounts for, whatever the file: its counts and each row's fate. */
function accounting(dir: string, out: string) {
	const rejected = Papa.parse<string[]>(readFileSync(join(dir, 'rejected.csv'), 'utf8').trimEnd(), {
		header: false
	}).data;
	const events = JSON.parse(readFileSync(join(dir, 'events.geojson'), 'utf8')) as {
		features: unknown[];
	};
	return {
		counts: out.match(/^\d+ rows? imported.*$/m)?.[0].replace(/see .*/, ''),
		blank: out.match(/^ {2}\d+ blank lines? skipped.*$/m)?.[0] ?? null,
		rejected: rejected.slice(1).map((row) => row.slice(0, 3)),
		events: events.features,
		places: readFileSync(join(dir, 'places.geojson'), 'utf8')
	};
}

// Rows 6 to 9 are a swapped point, a day after publication, a repeated id and no coordinates.
const WITH_BLANK = [...ACLED.slice(0, 4), [''], ...ACLED.slice(4)];

describe('npm run import on a workbook and a GeoJSON file', { timeout: 120_000 }, () => {
	it.each([
		['.xlsx', 'events.xlsx', WITH_BLANK, 'sheet "Events" of a workbook', () => xlsxOf(WITH_BLANK)],
		['GeoJSON', 'events.geojson', ACLED, 'GeoJSON', async () => geojsonOf(ACLED)]
	])(
		'%s: the same rows as the CSV, accounted for the same; check:data passes',
		async (_, name, rows, what, make) => {
			const csv = join(scratch, `${name}.csv`);
			writeFileSync(csv, csvText(rows));
			const file = join(scratch, name);
			writeFileSync(file, await make());
			const fromCsv = importFile(csv);
			const fromFile = importFile(file);
			expect(fromCsv.code).toBe(0);
			expect(fromFile.code, fromFile.err).toBe(0);
			expect(fromFile.out).toContain(`as an ACLED export (${what}) in`);
			const expected = accounting(fromCsv.dir, fromCsv.out);
			expect(expected.counts).toBe('4 rows imported, 4 not: ');
			expect(expected.rejected.map(([row, column]) => [row, column])).toEqual(
				rows === WITH_BLANK
					? [
							['7', 'latitude, longitude'],
							['8', 'event_date'],
							['9', 'event_id_cnty'],
							['10', 'latitude']
						]
					: [
							['6', 'latitude, longitude'],
							['7', 'event_date'],
							['8', 'event_id_cnty'],
							['9', 'latitude']
						]
			);
			expect(expected.blank).toBe(
				rows === WITH_BLANK ? '  1 blank line skipped (no cells at all).' : null
			);
			expect(accounting(fromFile.dir, fromFile.out)).toEqual(expected);
			const checked = runScript('scripts/check-data.ts', [fromFile.dir]);
			expect(checked.code, checked.out + checked.err).toBe(0);
		}
	);

	it.each<[string, string, () => Promise<Buffer | string>, string[], number, RegExp]>([
		[
			'a duplicated header name in --map: both column numbers named',
			'twice.xlsx',
			() =>
				xlsxOf([
					['date', 'lat', 'lon', 'date'],
					['2025-04-01', '50.45', '30.52', '2025-04-03']
				]),
			['--map', 'date=date', '--category', 'war'],
			1,
			/^import: .*twice\.xlsx: --map date=date: 2 columns are named "date" \(columns 1 and 4\): say which by its number, like --map 1=date\.$/m
		],
		[
			'--map by column number reads the column chosen',
			'twice.xlsx',
			() =>
				xlsxOf([
					['date', 'lat', 'lon', 'date'],
					['2025-04-01', '50.45', '30.52', '2025-04-03']
				]),
			['--map', '4=date', '1=ignore', '--category', 'war'],
			0,
			/^1 row imported, all of them\.$/m
		],
		[
			'a GeoJSON line among points: refused as its row, the points imported',
			'mixed.geojson',
			async () =>
				JSON.stringify({
					type: 'FeatureCollection',
					features: [
						{
							type: 'Feature',
							geometry: { type: 'Point', coordinates: [30.52, 50.45] },
							properties: { date: '2025-04-01', category: 'war' }
						},
						{
							type: 'Feature',
							geometry: {
								type: 'LineString',
								coordinates: [
									[30, 50],
									[31, 51]
								]
							},
							properties: { date: '2025-04-02', category: 'war' }
						}
					]
				}),
			[],
			0,
			/^1 row imported, 1 not: see /m
		],
		[
			'--encoding for a workbook: a wrong command line',
			'plain.xlsx',
			() => xlsxOf([['date', 'lat', 'lon']]),
			['--encoding', 'utf-8'],
			2,
			/^import: --encoding is for CSV and TSV files; .*plain\.xlsx is read as xlsx\.$/m
		]
	])('%s', async (_, name, make, args, code, said) => {
		const file = join(scratch, `${name}`);
		writeFileSync(file, await make());
		const result = importFile(file, ...args);
		expect(result.code, result.err).toBe(code);
		expect(code === 0 ? result.out : result.err).toMatch(said);
		if (name === 'twice.xlsx' && code === 0) {
			const [event] = accounting(result.dir, result.out).events as {
				properties: { start: string };
			}[];
			expect(event!.properties.start).toBe('2025-04-03');
		}
	});

	it.each([
		[
			'events.xlsx',
			/is 50 MB; the importer takes files of up to 50 MB \(52,428,800 bytes\)\..*Saved as CSV, it is streamed, up to 1 GB\./
		],
		[
			'events.geojson',
			/is 100 MB; the importer takes files of up to 100 MB \(104,857,600 bytes\)\./
		]
	])('%s over its size limit: refused before it is read, the limit named', (name, message) => {
		const file = join(scratch, `big-${name}`);
		writeFileSync(file, name.endsWith('.xlsx') ? 'PK\u0003\u0004' : '{');
		truncateSync(file, (name.endsWith('.xlsx') ? 50 : 100) * 1024 * 1024 + 1);
		const result = importFile(file);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(message);
	});
});
