/**
 * The one import session `npm run import` and the studio's worker both run: what it refuses
 * before reading, what it previews, when it loads the gazetteer, and how it accounts for every
 * row of one file or of several.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import { cachedGeocoder } from '../../../src/lib/import/geocode';
import {
	importTitle,
	openImport,
	type ImportFile,
	type ImportSink,
	type SessionOptions
} from '../../../src/lib/import/import-session';
import { IMPORT_LIMITS } from '../../../src/lib/import/limits';
import type { RejectedRow } from '../../../src/lib/import/row-loop';
import type { ImportedEvent } from '../../../src/lib/import/rows-to-events';
import { parseIsoDate } from '../../../src/lib/story/dates';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');
const index = countryIndex(shippedBasemap());

/** A file held in memory, read a range at a time as a disk file or a Blob is. */
function memoryFile(name: string, content: string | Uint8Array): ImportFile {
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	return { name, size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}
const fixture = (name: string) =>
	memoryFile(name, new Uint8Array(readFileSync(join(FIXTURES, name))));

function options(extra: Partial<SessionOptions> = {}) {
	const calls = { gazetteer: 0 };
	const opts: SessionOptions = {
		limits: IMPORT_LIMITS,
		countries: () => index,
		geocoder: () => (calls.gazetteer++, cachedGeocoder(loadGazetteerForNode())),
		latest: parseIsoDate('2025-04-12')!,
		...extra
	};
	return { opts, calls };
}

/** A sink that keeps what it is given, and says how many passes began and were discarded. */
function collector() {
	const passes: {
		events: ImportedEvent[];
		rejected: RejectedRow[];
		what: string;
		discarded: boolean;
	}[] = [];
	const sink = (): ImportSink => {
		const pass = {
			events: [] as ImportedEvent[],
			rejected: [] as RejectedRow[],
			what: '',
			discarded: false
		};
		passes.push(pass);
		return {
			onReader: (_, what) => (pass.what = what),
			onEvent: (event) => pass.events.push(event),
			onRejected: (row) => pass.rejected.push(row),
			discard: () => (pass.discarded = true)
		};
	};
	return { passes, sink };
}

async function run(parts: ImportFile[], extra: Partial<SessionOptions> = {}) {
	const { opts, calls } = options(extra);
	const session = await openImport(parts, opts);
	if (!session.ok) throw new Error(session.problem);
	const { passes, sink } = collector();
	const result = await session.run(sink);
	return { result, passes, calls, session };
}

const CSV = 'date,lat,lon,category,title\n2025-04-10,50.45,30.52,aid,In Kyiv\n';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);

describe('openImport: what is refused before a row is read', () => {
	it.each<[string, ImportFile[], Partial<SessionOptions>, Record<string, unknown>]>([
		['an empty file', [memoryFile('a.csv', '')], {}, { problem: 'is empty: nothing to import.' }],
		[
			'a file over its kind’s limit',
			[memoryFile('a.csv', CSV)],
			{ limits: { ...IMPORT_LIMITS, text: 10 } },
			{
				tooBig: 'text',
				problem: expect.stringMatching(/^is [\d.]+ MB; the importer takes files of up to/)
			}
		],
		[
			'--encoding for a workbook',
			[memoryFile('book.xlsx', ZIP)],
			{ encoding: 'utf-8' },
			{ usage: true, problem: '--encoding is for CSV and TSV files; book.xlsx is read as xlsx.' }
		],
		[
			'two workbooks as one import',
			[memoryFile('a.xlsx', ZIP), memoryFile('b.xlsx', ZIP)],
			{},
			{ problem: expect.stringMatching(/^is a workbook: one at a time/) }
		],
		[
			'a CSV and a Parquet file as one import',
			[memoryFile('a.csv', CSV), memoryFile('b.parquet', 'PAR1')],
			{},
			{ problem: expect.stringMatching(/^and b\.parquet are not read alike \(text and parquet\)/) }
		],
		[
			'a picture named .csv',
			[memoryFile('photo.csv', PNG)],
			{},
			{ problem: 'is not a CSV or TSV file: it is a PNG image.' }
		],
		[
			'a later part over the limit, named',
			[memoryFile('a.csv', CSV), memoryFile('b.csv', CSV + CSV)],
			{ limits: { ...IMPORT_LIMITS, text: CSV.length } },
			{ tooBig: 'text', problem: expect.stringMatching(/^b\.csv is /) }
		],
		['no file at all', [], {}, { problem: 'names no file: nothing to import.' }]
	])('refuses %s', async (_, parts, extra, expected) => {
		expect(await openImport(parts, options(extra).opts)).toMatchObject({ ok: false, ...expected });
	});

	it.each([
		['acled.csv', 'text'],
		['generic-semicolon.csv', 'text'],
		['gdelt.tsv', 'text']
	])('opens %s as %s', async (name, kind) => {
		expect(await openImport([fixture(name)], options().opts)).toMatchObject({ ok: true, kind });
	});
});

describe('preview: the first rows, and how many there are', () => {
	it.each([
		['acled.csv', 'UTF-8, comma-separated', 'event_id_cnty', { rows: 8, exact: true }],
		[
			'generic-semicolon.csv',
			'UTF-8 (with a BOM), semicolon-separated',
			'Date',
			{ rows: 3, exact: true }
		],
		['windows-1252.csv', 'Windows-1252', 'date', null]
	])('%s reads as %s', async (name, form, firstCell, estimate) => {
		const session = await openImport([fixture(name)], options().opts);
		if (!session.ok) throw new Error(session.problem);
		const preview = await session.preview(3);
		if (!preview.ok) throw new Error(preview.problem);
		expect(preview.form).toContain(form);
		expect(preview.rows.length).toBeLessThanOrEqual(3);
		expect(preview.rows[0]![0]).toBe(firstCell);
		if (estimate) expect(preview.estimate).toEqual(estimate);
	});

	it('previews a small workbook from its rows, counted', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Events');
		sheet.addRow(['date', 'lat', 'lon', 'category']);
		for (let i = 0; i < 4; i++) sheet.addRow(['2025-04-10', 50, 30, 'aid']);
		const file = memoryFile('book.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
		const session = await openImport([file], options().opts);
		if (!session.ok) throw new Error(session.problem);
		expect(await session.preview(2)).toMatchObject({
			ok: true,
			rows: [
				['date', 'lat', 'lon', 'category'],
				['2025-04-10', '50', '30', 'aid']
			],
			form: 'sheet "Events" of a workbook',
			// A sheet this small is inflated in one piece: read whole, and counted.
			estimate: { rows: 4, exact: true }
		});
	});
});

describe('run: every row an event or a rejected row', () => {
	it.each([
		// fixture, imported, rejected, gazetteer loads, what
		['acled.csv', 4, 4, 0, /^an ACLED export, UTF-8, comma-separated$/],
		['ucdp-ged.csv', expect.any(Number), expect.any(Number), 0, /^a UCDP GED export, /],
		[
			'gdelt.tsv',
			expect.any(Number),
			expect.any(Number),
			0,
			/^a GDELT 2\.0 event file, .*tab-separated$/
		]
	])(
		'%s: %s imported, %s rejected, the gazetteer loaded %s times',
		async (name, imported, rejected, loads, what) => {
			const { result, passes, calls } = await run([fixture(name)]);
			if (!result.ok) throw new Error(result.problem);
			expect(result.end).toMatchObject({ imported, rejected });
			// Rows in = imported + rejected, and the sink heard each once.
			expect(result.end.rows).toBe(result.end.imported + result.end.rejected);
			expect(passes).toHaveLength(1);
			expect(passes[0]!.events).toHaveLength(result.end.imported);
			expect(passes[0]!.rejected).toHaveLength(result.end.rejected);
			expect(result.what).toMatch(what);
			expect(passes[0]!.what).toBe(result.what);
			expect(calls.gazetteer).toBe(loads);
		}
	);

	it('loads the gazetteer only for a sheet placed by name, and says which places it found', async () => {
		const csv = [
			'date,place,country,category',
			'2025-04-10,Kharkiv,Ukraine,war',
			'2025-04-11,Nowhereville Xq,,statement'
		].join('\n');
		const { result, calls } = await run([memoryFile('named.csv', csv)]);
		if (!result.ok) throw new Error(result.problem);
		expect(calls.gazetteer).toBe(1);
		expect(result.end).toMatchObject({ rows: 2, imported: 1, rejected: 1 });
		expect([...result.geocoded.values()]).toHaveLength(1);
	});

	it('reads the parts of one export as one file, each repeated header skipped', async () => {
		const head = 'date,lat,lon,category,title';
		const parts = [
			memoryFile(
				'part-1.csv',
				`${head}\n2025-04-10,50.45,30.52,aid,One\n2025-04-10,50.45,30.52,aid,Two\n`
			),
			memoryFile(
				'part-2.csv',
				`${head}\n2025-04-11,50.45,30.52,aid,Three\nnot a date,50,30,aid,Four\n`
			),
			// No header: its first row is a row.
			memoryFile('part-3.csv', '2025-04-11,49.84,24.03,aid,Five\n')
		];
		const { result, passes } = await run(parts);
		if (!result.ok) throw new Error(result.problem);
		expect(result.end).toMatchObject({ rows: 5, imported: 4, rejected: 1 });
		expect(passes[0]!.events.map((e) => e.title)).toEqual(['One', 'Two', 'Three', 'Five']);
		expect(passes[0]!.rejected[0]).toMatchObject({ column: 'date' });
	});

	it('reads again as Windows-1252 a file that is UTF-8 only in its head, into a new sink', async () => {
		const rows = ['date,lat,lon,category,title'];
		// Past the megabyte the encoding is sniffed from, one title in Windows-1252 ("Zürich").
		while (rows.join('\n').length < 1.2 * 2 ** 20)
			rows.push('2025-04-10,47.37,8.54,aid,Zurich aid sent');
		const text = `${rows.join('\n')}\n2025-04-10,47.37,8.54,aid,Z\u00fcrich\n`;
		const bytes = new Uint8Array(text.length);
		for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
		const { result, passes } = await run([memoryFile('late.csv', bytes)]);
		if (!result.ok) throw new Error(result.problem);
		expect(result.form).toMatch(/^Windows-1252 \(it is not valid UTF-8/);
		expect(passes.map((p) => p.discarded)).toEqual([true, false]);
		expect(result.end.imported).toBe(rows.length);
		expect(passes[1]!.events.at(-1)!.title).toBe('Zürich');
	});

	it('stops at dates that read both ways, saying so', async () => {
		const csv = 'date,lat,lon,category\n03/04/2025,50.45,30.52,aid\n';
		const { result } = await run([memoryFile('order.csv', csv)]);
		expect(result).toMatchObject({ ok: false, ambiguousDate: true });
	});

	it.each([
		[
			'a header and no rows',
			'date,lat,lon,category\n',
			'has a header and no rows: nothing to import.'
		],
		[
			'no column for the date',
			'when,lat,lon,category\nsoon,50,30,aid\n',
			/no column looks like the date/
		]
	])('refuses %s', async (_, csv, problem) => {
		const { result } = await run([memoryFile('x.csv', csv)]);
		expect(result).toMatchObject({ ok: false, problem });
	});
});

describe('importTitle', () => {
	it.each([
		['acled.csv', undefined, 'Imported from acled.csv'],
		['a.csv', '  Kharkiv\n strikes ', 'Kharkiv strikes'],
		['<b>x</b>.csv', undefined, 'Imported dataset'],
		['a.csv', '   ', 'Imported dataset'],
		['a.csv', 'x'.repeat(300), expect.stringMatching(/^x{190,200}…?$/)]
	])('%s, asked %s: %s', (name, asked, title) => {
		expect(importTitle(name, asked)).toEqual(title);
	});
});
