/**
 * `npm run import` end to end: the script on small files of each kind, then `npm run check:data`
 * on the folder it wrote.
 */
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importer, root, runScript, scratchFolder } from '../../helpers/cli';
import { MAX_IMPORT_BYTES } from '../../../src/lib/import/limits';

const fixtures = join(root, 'tests/fixtures/import');
const scratch = scratchFolder('import-cli-');

const importFile = importer(scratch);

function checkData(dir: string) {
	return runScript('scripts/check-data.ts', [dir]);
}

function rejectedRows(dir: string): string[][] {
	return Papa.parse<string[]>(readFileSync(join(dir, 'rejected.csv'), 'utf8').trimEnd(), {
		header: false
	}).data;
}

function events(dir: string) {
	type Props = {
		id: string;
		category: string;
		start: string;
		end: string;
		row: number;
		source: string[];
	};
	const collection = JSON.parse(readFileSync(join(dir, 'events.geojson'), 'utf8')) as {
		features: { properties: Props }[];
	};
	return collection.features.map((f) => f.properties);
}

// Each case starts vite-node (a second or two, more on a busy machine): a generous timeout, no timing.
describe('npm run import on each kind of file, then check:data', { timeout: 60_000 }, () => {
	it('an ACLED export: every row imported or listed in rejected.csv, neutralised', () => {
		const { code, out, dir } = importFile(join(fixtures, 'acled.csv'));
		expect(code).toBe(0);
		expect(out).toContain('as an ACLED export (UTF-8, comma-separated)');
		expect(out).toMatch(/^4 rows imported, 4 not: see .*rejected\.csv$/m);
		expect(checkData(dir)).toMatchObject({
			code: 0,
			out: expect.stringMatching(/^✓ 4 events and 4 places check out/)
		});
		expect(events(dir).map((e) => [e.id, e.category, e.start, e.end, e.row])).toEqual([
			['ukr210001', 'strike', '2025-04-04', '2025-04-04', 2],
			['ukr210002', 'war', '2025-04-02', '2025-04-08', 3],
			['ukr210003', 'statement', '2025-03-01', '2025-03-31', 4],
			['rus9001', 'detention', '2025-04-10', '2025-04-10', 5]
		]);
		const rejected = rejectedRows(dir);
		expect(rejected[0]!.slice(0, 5)).toEqual([
			'row',
			'column',
			'reason',
			'event_id_cnty',
			'event_date'
		]);
		expect(rejected.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
			['6', 'latitude, longitude', expect.stringMatching(/latitude and longitude look swapped/)],
			['7', 'event_date', '2025-05-01 is in the future (after 2025-04-12).'],
			[
				'8',
				'event_id_cnty',
				'"UKR210001" is the id of row 2 too; ids must be unique (as a slug it is "ukr210001").'
			],
			['9', 'latitude', 'is empty: every event needs a place (latitude and longitude).']
		]);
		// The original cells follow, a formula made text.
		expect(rejected[2]).toContain(
			`'=HYPERLINK("http://evil.example","After the story was published")`
		);
		expect(rejected[2]!.slice(3, 5)).toEqual(['UKR210006', '2025-05-01']);
	});

	it('a GDELT 2.0 event file: 61 columns, no header', () => {
		const { code, out, dir } = importFile(join(fixtures, 'gdelt.tsv'));
		expect(code).toBe(0);
		expect(out).toContain('as a GDELT 2.0 event file (UTF-8, tab-separated)');
		expect(out).toMatch(/^3 rows imported, 1 not: see /m);
		expect(checkData(dir).code).toBe(0);
		expect(events(dir).map((e) => [e.id, e.category, e.row])).toEqual([
			['1234567890', 'war', 1],
			['1234567891', 'visit', 2],
			['1234567892', 'diplomacy', 3]
		]);
		expect(rejectedRows(dir)[1]!.slice(0, 4)).toEqual([
			'4',
			'ActionGeo_Lat',
			'is empty: every event needs a place (latitude and longitude).',
			'1234567893'
		]);
		// GoldsteinScale -10.0 would be a formula to a spreadsheet.
		expect(rejectedRows(dir)[1]![3 + 30]).toBe("'-10.0");
	});

	it('a spreadsheet with a BOM, semicolons, decimal commas and a quoted line break', () => {
		const { code, out, dir } = importFile(join(fixtures, 'generic-semicolon.csv'));
		expect(code).toBe(0);
		expect(out).toContain('(UTF-8 (with a BOM), semicolon-separated)');
		expect(out).toContain('Columns guessed: date from "Date", latitude from "Lat"');
		expect(out).toMatch(/^2 rows imported, 1 not: see /m);
		expect(checkData(dir).code).toBe(0);
		const places = readFileSync(join(dir, 'places.geojson'), 'utf8');
		expect(places).toContain('"coordinates":[4.3517,50.8503]');
		expect(readFileSync(join(dir, 'events.geojson'), 'utf8')).toContain(
			'"summary":"Defence ministers approved more aid;\\nthe pledge is €21bn."'
		);
		expect(rejectedRows(dir)[1]!.slice(0, 3)).toEqual([
			'4',
			'Date',
			'is empty: every event needs a date.'
		]);
	});

	it('Windows-1252 with day-first dates: refused until the order is given, then read', () => {
		const refused = importFile(join(fixtures, 'windows-1252.csv'));
		expect(refused.code).toBe(1);
		expect(refused.err).toContain(
			'row 2, column date: "11/04/2025" could be day/month/year or month/day/year. Say which with --date-format dmy or --date-format mdy.'
		);
		// Nothing written, not even the folder.
		expect(existsSync(refused.dir)).toBe(false);

		const { code, out, dir } = importFile(
			join(fixtures, 'windows-1252.csv'),
			'--date-format',
			'dmy'
		);
		expect(code).toBe(0);
		expect(out).toContain('(Windows-1252 (it is not valid UTF-8), comma-separated)');
		expect(out).toMatch(/^2 rows imported, 1 not: see /m);
		expect(checkData(dir).code).toBe(0);
		expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toContain('"name":"Zürich"');
		expect(readFileSync(join(dir, 'article.txt'), 'utf8')).toContain('Délégués réunis à Zürich.');
		expect(events(dir).map((e) => e.start)).toEqual(['2025-04-11', '2025-04-10']);
	});

	it('UTF-16 with a BOM (Excel\'s "Unicode text")', () => {
		const { code, out, dir } = importFile(join(fixtures, 'utf16.txt'));
		expect(code).toBe(0);
		expect(out).toContain('(UTF-16 (little-endian BOM), tab-separated)');
		expect(out).toMatch(/^1 row imported, all of them\.$/m);
		expect(checkData(dir).code).toBe(0);
	});

	it('a file that turns out not to be UTF-8 after its first megabyte is read again as Windows-1252', () => {
		const file = join(scratch, 'late-accent.csv');
		const filler = Array.from(
			{ length: 12_000 },
			(_, i) => `r${i},2025-04-11,50.4501,30.5234,statement,Kyiv,${'x'.repeat(60)}`
		);
		writeFileSync(
			file,
			Buffer.concat([
				Buffer.from(`id,date,lat,lon,category,place,summary\n${filler.join('\n')}\n`),
				Buffer.from('late,2025-04-11,47.3769,8.5417,meeting,Z'),
				Buffer.from([0xfc]),
				Buffer.from('rich,ok\n')
			])
		);
		const { code, out, dir } = importFile(file);
		expect(code).toBe(0);
		expect(out).toMatch(/Windows-1252 \(it is not valid UTF-8 in the megabyte after byte [\d,]+\)/);
		expect(out).toMatch(/^12,001 rows imported, all of them\.$/m);
		expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toContain('"name":"Zürich"');
	});
});

describe(
	'npm run import places rows that name a place and give no coordinates',
	{ timeout: 60_000 },
	() => {
		it("by the gazetteer, the row's country settling the name; an unsure place is named for review", () => {
			const file = join(scratch, 'named-places.csv');
			writeFileSync(
				file,
				[
					'date,place,country,title',
					'2025-04-03,Kharkiv,Ukraine,Shelling near Kharkiv',
					'2025-04-04,Kharkiv,Ukraine,More shelling near Kharkiv',
					'2025-04-05,Springfield,,A meeting in Springfield',
					'2025-04-06,Nowhereville Flats,,A rally'
				].join('\n')
			);
			const { code, out, dir } = importFile(file, '--category', 'meeting');
			expect(code).toBe(0);
			expect(out).toMatch(/^3 rows imported, 1 not: see .*rejected\.csv$/m);
			expect(out).toMatch(
				/2 places found by name in the gazetteer .*; 1 unsure, to check: Springfield \(city in Illinois, US\)/
			);
			const places = JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8')) as {
				features: { properties: { name: string; country?: string } }[];
			};
			expect(places.features.map((f) => [f.properties.name, f.properties.country])).toContainEqual([
				'Kharkiv',
				'UA'
			]);
			const rejected = rejectedRows(dir);
			expect(rejected[1]?.slice(0, 2)).toEqual(['5', 'place']);
			expect(checkData(dir).code).toBe(0);
		});
	}
);

describe('npm run import refuses bad files plainly', { timeout: 60_000 }, () => {
	it('a file over the size limit, before reading it (the limit named)', () => {
		const file = join(scratch, 'huge.csv');
		writeFileSync(file, '');
		truncateSync(file, MAX_IMPORT_BYTES + 1); // sparse: no gigabyte is written
		const { code, err, dir } = importFile(file);
		expect(code).toBe(1);
		expect(err).toMatch(
			/huge\.csv: is 1,024 MB; the importer takes files of up to 1,024 MB \(1,073,741,824 bytes\)/
		);
		expect(existsSync(dir)).toBe(false);
	});

	it.each([
		[
			'an .xlsx renamed .csv',
			Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
			/is not a CSV or TSV file: it is a zip archive \(an \.xlsx workbook is one\)/
		],
		[
			'a binary file renamed .csv',
			Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]),
			/is not a text file: it holds a NUL byte at byte 7/
		],
		['an empty file', Buffer.alloc(0), /is empty: nothing to import\./],
		[
			'a header with no rows',
			Buffer.from('date,lat,lon,category\r\n'),
			/has a header and no rows: nothing to import\./
		],
		[
			'a header and blank lines',
			Buffer.from('date,lat,lon,category\n\n\n'),
			/has a header and no rows: nothing to import\./
		],
		[
			'columns it cannot guess',
			Buffer.from('Datum,Breite,Länge\n2025-04-11,50,30\n'),
			/no column looks like the date: name it with --map COLUMN=date/
		]
	])('%s', (what, bytes, message) => {
		const file = join(scratch, `bad-${what.replace(/\W+/g, '-')}.csv`);
		writeFileSync(file, bytes);
		const { code, err, dir } = importFile(file);
		expect(code).toBe(1);
		expect(err).toMatch(message);
		expect(existsSync(join(dir, 'events.geojson'))).toBe(false);
	});

	it.each([
		[['x.csv'], /^import: usage: npm run import -- FILE/m],
		[
			['x.csv', '--out', 'd', '--preset', 'xlsx'],
			/^import: --preset is one of acled, gdelt, ucdp, not "xlsx"$/m
		],
		[['x.csv', '--out', 'd', '--date-format', 'ymd'], /^import: --date-format is dmy/m],
		[['x.csv', '--out', 'd', '--map', 'lat'], /^import: --map "lat" is not COLUMN=FIELD/m]
	])('a wrong command line %j: exit 2 and what to type', (args, message) => {
		const { code, err } = runScript('scripts/import.ts', args);
		expect(code).toBe(2);
		expect(err).toMatch(message);
	});

	it('a cell of 10 MB: its row is rejected, the others imported, rejected.csv cut to open in a spreadsheet', () => {
		const file = join(scratch, 'big-cell.csv');
		const big = 'y'.repeat(10 * 1024 * 1024);
		writeFileSync(
			file,
			`date,lat,lon,category,summary\n2025-04-11,50.4501,30.5234,war,"${big}"\n2025-04-11,50.4501,30.5234,war,fine\n`
		);
		const { code, out, dir } = importFile(file);
		expect(code).toBe(0);
		expect(out).toMatch(/^1 row imported, 1 not: see /m);
		const [, rejected] = rejectedRows(dir);
		expect(rejected!.slice(0, 3)).toEqual([
			'2',
			'summary',
			"is 10,485,760 characters long; a cell may hold 32,767 (a spreadsheet cell's limit)."
		]);
		expect(rejected![7]).toMatch(/^y{1000}… \[cut here: the cell holds 10,485,760 characters\]$/);
		expect(checkData(dir).code).toBe(0);
	});

	it('ragged rows and a broken quote are listed, not dropped; a blank line is counted and keeps its row number', () => {
		const file = join(scratch, 'ragged.csv');
		writeFileSync(
			file,
			'date,lat,lon,category\n2025-04-11,50.4501,30.5234,war\n\n2025-04-11,50.4501\n2025-04-11,50.4501,30.5234,war,extra\n"2025-04-11"x,50.4501,30.5234,war\n'
		);
		const { code, out, dir } = importFile(file);
		expect(code).toBe(0);
		expect(out).toMatch(/^1 row imported, 3 not: see /m);
		expect(out).toContain('1 blank line skipped (no cells at all).');
		const ragged = 'A cell may hold a delimiter or a quote that is not escaped.';
		expect(
			rejectedRows(dir)
				.slice(1)
				.map((r) => r.slice(0, 3))
		).toEqual([
			['4', '(row)', `has 2 cells; the header has 4. ${ragged}`],
			['5', '(row)', `has 5 cells; the header has 4. ${ragged}`],
			[
				'6',
				'(row)',
				'a quoted cell has text after its closing quote (a stray quote); this line is rejected and the next line read as a new row.'
			]
		]);
	});
});
