import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import { mappingFrom } from '../../../src/lib/import/inspect';
import {
	inspectFile,
	runImport,
	STUDIO_LIMITS,
	type Deps,
	type ImportOutcome,
	type ImportSettings,
	type Progress
} from '../../../src/lib/studio/import-job';
import { MAX_STUDIO_EVENTS, editableProblem } from '../../../src/lib/studio/import-project';
import { checkProject } from '../../../src/lib/studio/check';
import { toBundle } from '../../../src/lib/studio/story-files';
import { storyCountryLookup } from '../../../src/lib/geo/countries';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { validateColumnarStory } from '../../../src/lib/story/columnar/validate-columnar';
import { GED_CYCLE, gedCsv } from '../../helpers/ged-rows';
import { unzipped } from '../../helpers/zip';
import type { FolderPreview } from '../../../src/lib/studio/autosave';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');
const basemap = shippedBasemap();
const index = countryIndex(basemap);

function deps(progress: Progress[] = []): Deps {
	return {
		countries: async () => index,
		gazetteer: async () => loadGazetteerForNode(),
		latest: parseIsoDate('2025-04-12')!,
		progress: (p) => progress.push(p)
	};
}

const fixture = (name: string) => new File([readFileSync(join(FIXTURES, name))], name);

async function imported(file: File, settings: ImportSettings = {}, progress: Progress[] = []) {
	const outcome = await runImport(file, settings, deps(progress));
	if (!outcome.ok) throw new Error(outcome.message);
	return outcome;
}

const ok = (outcome: ImportOutcome) => {
	if (!outcome.ok) throw new Error(outcome.message);
	return outcome;
};

describe('the studio import job', () => {
	it('recognises ACLED by its header and imports it with every row accounted for', async () => {
		const inspected = await inspectFile(fixture('acled.csv'));
		expect(inspected).toMatchObject({
			ok: true,
			kind: 'text',
			inspection: { kind: 'preset', preset: 'acled' }
		});
		const progress: Progress[] = [];
		const outcome = await imported(fixture('acled.csv'), {}, progress);
		// The same counts and reasons as `npm run import` (tests/unit/import/cli.test.ts).
		expect(outcome.summary).toMatchObject({ rows: 8, imported: 4, rejected: 4 });
		expect(outcome.summary.what).toMatch(/^an ACLED export, UTF-8, comma-separated/);
		expect(progress.at(-1)).toMatchObject({ unit: 'bytes', done: progress.at(-1)!.total });
		const project = outcome.project!;
		expect(project.events.map((e) => [e.id, e.row, e.review])).toEqual([
			['ukr210001', 2, 'accepted'],
			['ukr210002', 3, 'accepted'],
			['ukr210003', 4, 'accepted'],
			['rus9001', 5, 'accepted']
		]);
		// Every excerpt is verbatim in the listing, and the project passes the studio's check.
		for (const e of project.events) expect(project.article).toContain(e.source[0]);
		expect(checkProject(project, storyCountryLookup(basemap)).count).toBe(0);
		// The export keeps each event's row (geodata/README.md), as `npm run import` writes it.
		expect(toBundle(project).events.features.map((f) => f.properties?.row)).toEqual([2, 3, 4, 5]);
		expect(outcome.listed.map((r) => [r.row, r.column])).toEqual([
			[6, 'latitude, longitude'],
			[7, 'event_date'],
			[8, 'event_id_cnty'],
			[9, 'latitude']
		]);
		expect(outcome.listed[0]!.reason).toMatch(/swapped/);
	});

	it('writes rejected.csv with formulas neutralised', async () => {
		const outcome = await imported(fixture('acled.csv'));
		const csv = await outcome.rejectedCsv!.text();
		const lines = csv.split('\r\n');
		expect(lines[0]!.startsWith('row,column,reason,event_id_cnty,event_date')).toBe(true);
		expect(csv).toContain(
			`"'=HYPERLINK(""http://evil.example"",""After the story was published"")"`
		);
		expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
	});

	it('reads GDELT 2.0 with no header, rows numbered from 1', async () => {
		const outcome = await imported(fixture('gdelt.tsv'));
		expect(outcome.summary).toMatchObject({ rows: 4, imported: 3, rejected: 1 });
		expect(outcome.project!.events.map((e) => e.row)).toEqual([1, 2, 3]);
		expect(outcome.listed[0]).toMatchObject({ row: 4 });
	});

	it('guesses the columns of any other spreadsheet, and imports them as the user confirms', async () => {
		const inspected = await inspectFile(fixture('generic-semicolon.csv'));
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		const { header, fields, problems, samples } = inspected.inspection;
		expect(header).toEqual(['Date', 'Place', 'Lat', 'Lon', 'Category', 'Summary', 'Source']);
		expect(problems).toEqual([]);
		expect(fields.lat).toEqual([2]);
		expect(samples[0]![5]).toBe('Defence ministers approved more aid;\nthe pledge is €21bn.');
		const outcome = await imported(fixture('generic-semicolon.csv'), {
			mapping: mappingFrom(header, fields)
		});
		expect(outcome.summary).toMatchObject({ imported: 2, rejected: 1 });
		// Row 2 holds a quoted line break: rows are counted as a spreadsheet shows them.
		expect(outcome.listed[0]).toMatchObject({ row: 4, column: 'Date' });
	});

	it('asks the order of day and month, and reads the file once told', async () => {
		const inspected = await inspectFile(fixture('windows-1252.csv'));
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(inspected.what).toMatch(/Windows-1252/);
		const { header, fields, dateOrder } = inspected.inspection;
		expect(dateOrder).toEqual({ example: '11/04/2025', suggested: null });
		const mapping = mappingFrom(header, fields);
		const unasked = await runImport(fixture('windows-1252.csv'), { mapping }, deps());
		expect(unasked).toMatchObject({ ok: false, ambiguousDate: true });
		const outcome = ok(
			await runImport(fixture('windows-1252.csv'), { mapping, dateFormat: 'dmy' }, deps())
		);
		expect(outcome.project!.events[0]).toMatchObject({
			start: '2025-04-11',
			title: expect.any(String)
		});
		expect(outcome.project!.places.map((p) => p.name)).toContain('Zürich');
	});

	it('places rows with a name and no coordinates from the gazetteer, unsure ones marked', async () => {
		const csv = [
			'date,place,country,category',
			'2025-04-10,Kharkiv,Ukraine,war',
			'2025-04-10,Springfield,,statement',
			'2025-04-11,Nowhereville Xq,,statement'
		].join('\n');
		const file = new File([csv], 'named.csv');
		const inspected = await inspectFile(file);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(inspected.inspection.problems).toEqual([]);
		const outcome = await imported(file, {
			mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields)
		});
		expect(outcome.summary).toMatchObject({ imported: 2, rejected: 1 });
		const places = outcome.project!.places;
		const kharkiv = places.find((p) => p.name === 'Kharkiv')!;
		expect(kharkiv.country).toBe('UA');
		expect(kharkiv.unsure).toBeUndefined();
		const springfield = places.find((p) => p.name === 'Springfield')!;
		expect(springfield.unsure?.others.length).toBeGreaterThan(0);
		expect(outcome.listed[0]).toMatchObject({ row: 4, column: 'place' });
		expect(outcome.listed[0]!.reason).toMatch(/not a place the studio's gazetteer knows/);
	});

	it('reads an .xlsx workbook: first sheet, header row, Excel dates', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Events');
		sheet.addRow(['Date', 'Place', 'Latitude', 'Longitude', 'Category', 'Title']);
		sheet.addRow([new Date(Date.UTC(2025, 3, 11)), 'Kyiv', 50.4501, 30.5234, 'statement', 'Said']);
		sheet.addRow([new Date(Date.UTC(2025, 3, 10)), 'Lviv', 49.8397, 24.0297, 'strike', 'Struck']);
		sheet.addRow(['not a date', 'Lviv', 49.8397, 24.0297, 'strike', 'Struck again']);
		workbook.addWorksheet('Ignored').addRow(['nothing']);
		const bytes = await workbook.xlsx.writeBuffer();
		const file = new File([bytes], 'events.xlsx');
		const inspected = await inspectFile(file);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(inspected.what).toBe('sheet "Events" of a workbook');
		const outcome = await imported(file, {
			mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields)
		});
		expect(outcome.summary).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
		expect(outcome.project!.events.map((e) => [e.start, e.row])).toEqual([
			['2025-04-11', 2],
			['2025-04-10', 3]
		]);
		expect(outcome.listed[0]).toMatchObject({ row: 4, column: 'Date' });
	});

	it('says before reading all of a workbook that it holds more rows than the studio edits', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Events');
		sheet.addRow(['Date', 'Place', 'Latitude', 'Longitude', 'Category', 'Title']);
		for (let i = 0; i < 3_000; i++)
			sheet.addRow([new Date(Date.UTC(2025, 3, 11)), 'Kyiv', 50.45, 30.52, 'aid', `Aid ${i}`]);
		const file = new File([await workbook.xlsx.writeBuffer()], 'desk.xlsx');
		const inspected = await inspectFile(file);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(inspected.plan).toMatch(
			// ExcelJS states the sheet's last row, as Excel does: said as stated, not estimated.
			/^3,000 rows, as its sheet states: more than the 1,000 events the studio edits one by one\.$/
		);
		expect(inspected.inspection.header).toEqual([
			'Date',
			'Place',
			'Latitude',
			'Longitude',
			'Category',
			'Title'
		]);
	});

	it('reads a GeoJSON FeatureCollection of points, and refuses other geometries by row', async () => {
		const geojson = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: { type: 'Point', coordinates: [30.5234, 50.4501] },
					properties: { date: '2025-04-11', category: 'statement', title: 'In Kyiv' }
				},
				{
					type: 'Feature',
					geometry: {
						type: 'LineString',
						coordinates: [
							[0, 0],
							[1, 1]
						]
					},
					properties: { date: '2025-04-11', category: 'war', title: 'A front line' }
				}
			]
		});
		const file = new File([geojson], 'events.geojson');
		const inspected = await inspectFile(file);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(inspected.inspection.header).toEqual([
			'longitude',
			'latitude',
			'date',
			'category',
			'title'
		]);
		const outcome = await imported(file, {
			mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields)
		});
		expect(outcome.summary).toMatchObject({ imported: 1, rejected: 1 });
		expect(outcome.listed[0]).toMatchObject({ row: 3, column: 'geometry' });
		expect(outcome.project!.events[0]!.title).toBe('In Kyiv');
	});

	it('reads an Arrow IPC file (Feather v2) as it reads a CSV', async () => {
		const table = new Table({
			date: vectorFromArray(['2025-04-10', '2025-04-11', 'soon'], new Utf8()),
			lat: vectorFromArray([50.4501, 49.8397, 50.4501], new Float64()),
			lon: vectorFromArray([30.5234, 24.0297, 30.5234], new Float64()),
			category: vectorFromArray(['aid', 'strike', 'aid'], new Utf8()),
			title: vectorFromArray(['In Kyiv', 'In Lviv', 'Later'], new Utf8())
		});
		const file = new File([tableToIPC(table, 'file').slice()], 'events.feather');
		const inspected = await inspectFile(file);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(inspected).toMatchObject({ kind: 'arrow', what: 'Arrow IPC' });
		expect(inspected.inspection.header).toEqual(['date', 'lat', 'lon', 'category', 'title']);
		const outcome = await imported(file, {
			mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields)
		});
		expect(outcome.summary).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
		expect(outcome.summary.what).toMatch(/, Arrow IPC$/);
		expect(outcome.listed[0]).toMatchObject({ row: 4, column: 'date' });
		expect(outcome.project!.events.map((e) => e.title)).toEqual(['In Kyiv', 'In Lviv']);
	});

	it.each(['file', 'stream'] as const)(
		'says before reading that an Arrow file (%s form) holds more rows than the studio edits',
		async (form) => {
			const n = MAX_STUDIO_EVENTS + 200;
			const table = new Table({
				date: vectorFromArray(Array(n).fill('2025-04-10'), new Utf8()),
				lat: vectorFromArray(Array(n).fill(50.4501), new Float64()),
				lon: vectorFromArray(Array(n).fill(30.5234), new Float64())
			});
			const bytes = tableToIPC(table.concat(table.slice(0, 1)), form).slice();
			const inspected = await inspectFile(new File([bytes], 'events.arrow'));
			expect(inspected.ok && inspected.plan).toBe(
				'1,201 rows: more than the 1,000 events the studio edits one by one.'
			);
		}
	);

	it('reads a Parquet file written by DuckDB, its rows counted from its footer before reading', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'studio-parquet-'));
		try {
			const path = join(folder, 'events.parquet');
			const db = await DuckDBInstance.create(':memory:');
			const sql = await db.connect();
			await sql.run(`COPY (
				SELECT DATE '2025-04-01' + (i % 10)::INT AS date, CASE WHEN i = 7 THEN NULL ELSE 50.4501 END AS lat,
					30.5234 AS lon, 'aid' AS category, 'Aid ' || i AS title
				FROM range(1200) t(i)
			) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 500)`);
			const file = new File([readFileSync(path)], 'events.parquet');
			const inspected = await inspectFile(file);
			if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
			expect(inspected).toMatchObject({ kind: 'parquet', what: 'Parquet' });
			expect(inspected.plan).toMatch(
				/^1,200 rows: more than the 1,000 events the studio edits one by one\.$/
			);
			const outcome = await imported(file, {
				mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields)
			});
			expect(outcome.summary).toMatchObject({ rows: 1200, imported: 1199, rejected: 1 });
			expect(outcome.listed[0]).toMatchObject({ row: 9, column: 'lat' });
			expect(outcome.project).toBeNull();
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	it('refuses GeoJSON whose features each bring their own property names, before making rows', async () => {
		const features = Array.from({ length: 5_000 }, (_, i) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [30, 50] },
			properties: { [`key${i}`]: 1 }
		}));
		const file = new File(
			[JSON.stringify({ type: 'FeatureCollection', features })],
			'many-keys.geojson'
		);
		const inspected = await inspectFile(file);
		expect(!inspected.ok && inspected.message).toMatch(
			/^many-keys\.geojson has 5,000 different property names across its features; the importer reads up to 2,000/
		);
	});

	it(`says when an import is too big for the studio (over ${MAX_STUDIO_EVENTS} events)`, async () => {
		const lines = ['date,lat,lon,category'];
		for (let i = 0; i < MAX_STUDIO_EVENTS + 1; i++)
			lines.push(`2025-04-11,${(50 + (i % 100) / 1000).toFixed(3)},30.5,war`);
		const file = new File([lines.join('\n')], 'big.csv');
		const inspected = await inspectFile(file);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		// Said before a row is read.
		expect(inspected.plan).toMatch(
			/^1,001 rows: more than the 1,000 events the studio edits one by one\.$/
		);
		const outcome = await imported(file, {
			mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields)
		});
		expect(outcome.summary.imported).toBe(MAX_STUDIO_EVENTS + 1);
		expect(outcome.project).toBeNull();
	});
});

describe('bad input to the studio import', () => {
	it('refuses a binary file renamed .csv', async () => {
		const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])], 'photo.csv');
		expect(await inspectFile(file)).toEqual({
			ok: false,
			message: 'photo.csv is not a CSV or TSV file: it is a PNG image.'
		});
		expect(await runImport(file, {}, deps())).toMatchObject({ ok: false, message: /PNG image/ });
	});

	it('refuses a header with no row', async () => {
		const file = new File(['date,lat,lon,category\n'], 'empty.csv');
		const inspected = await inspectFile(file);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(
			await runImport(
				file,
				{ mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields) },
				deps()
			)
		).toEqual({ ok: false, message: 'empty.csv has a header and no rows: nothing to import.' });
	});

	it('refuses a file over the size limit before reading it, and names the limit', async () => {
		// A Blob whose slices would throw: the refusal must come from its size alone.
		const size = STUDIO_LIMITS.text + 1;
		const huge = {
			name: 'huge.csv',
			size,
			slice: () => new Blob([new Uint8Array(0)])
		} as unknown as File;
		const inspected = await inspectFile(huge);
		expect(inspected).toMatchObject({ ok: false });
		expect(!inspected.ok && inspected.message).toMatch(
			/^huge\.csv is 256 MB; the importer takes files of up to 256 MB \(268,435,456 bytes\)\..*npm run import/
		);
	});

	it('refuses an .xlsx with no rows, and one with a header only', async () => {
		const empty = new ExcelJS.Workbook();
		empty.addWorksheet('Blank');
		const blank = new File([await empty.xlsx.writeBuffer()], 'blank.xlsx');
		expect(await inspectFile(blank)).toEqual({
			ok: false,
			message: 'blank.xlsx has nothing in its first sheet, "Blank": nothing to import.'
		});
		const headed = new ExcelJS.Workbook();
		headed.addWorksheet('Head').addRow(['date', 'lat', 'lon', 'category']);
		const header = new File([await headed.xlsx.writeBuffer()], 'header.xlsx');
		const inspected = await inspectFile(header);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(
			await runImport(
				header,
				{ mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields) },
				deps()
			)
		).toEqual({ ok: false, message: 'header.xlsx has a header and no rows: nothing to import.' });
	});

	it('refuses a file that is not a workbook though named .xlsx', async () => {
		const file = new File(['date,lat\n'], 'fake.xlsx');
		const inspected = await inspectFile(file);
		expect(!inspected.ok && inspected.message).toMatch(/^fake\.xlsx is not an Excel workbook/);
	});

	it.each([
		[
			'A1 and XFD1',
			'XFD1',
			/has 16,384 columns in its first sheet; the importer reads up to 2,000\./
		],
		[
			'A1 and A1048576',
			'A1048576',
			/has 1,048,574 empty rows in its first sheet before its last row/
		]
	])(
		'refuses a few kilobytes of workbook that spans %s, before making its cells',
		async (_, far, message) => {
			const workbook = new ExcelJS.Workbook();
			const sheet = workbook.addWorksheet('Sparse');
			sheet.getCell('A1').value = 'date';
			sheet.getCell(far).value = 'x';
			const file = new File([await workbook.xlsx.writeBuffer()], 'sparse.xlsx');
			expect(file.size).toBeLessThan(20_000);
			const inspected = await inspectFile(file);
			expect(!inspected.ok && inspected.message).toMatch(message);
		}
	);
});

describe('editableProblem', () => {
	it.each([
		[1, null],
		[MAX_STUDIO_EVENTS, null],
		[
			90_000,
			'This story has 90,000 events; the studio edits up to 1,000 one by one, since it checks the whole story on every change. Open it in the atlas (Open your story…) to read it, or edit its files.'
		]
	])('%i events: %s', (events, expected) => {
		expect(editableProblem(events)).toBe(expected);
	});
});

describe('a big import in the studio: the story folder the CLI writes, zipped', () => {
	const COUNT = 2_345;

	it('reads a UCDP GED export past the studio’s limit into a columnar folder check:data passes', async () => {
		let kept: FolderPreview | null = null;
		const outcome = ok(
			await runImport(
				new File([gedCsv(COUNT)], 'ged-2025.csv'),
				{},
				{
					...deps(),
					keep: async (folder) => {
						kept = folder;
					}
				}
			)
		);
		const rejected = Math.ceil((COUNT - 4) / GED_CYCLE);
		expect(outcome.summary).toMatchObject({ rows: COUNT, imported: COUNT - rejected, rejected });
		expect(outcome.project).toBeNull();
		expect(outcome.columnar?.folder).toBe('ged-2025');
		const files = unzipped(new Uint8Array(await outcome.columnar!.zip.arrayBuffer()));
		const file = (name: string) => {
			const bytes = files.get(`ged-2025/${name}`);
			if (!bytes) throw new Error(`no ${name} in the zip`);
			return { name, contents: bytes };
		};
		const texts = [...files.keys()]
			.filter((name) => name.startsWith('ged-2025/text/'))
			.map((name) => name.slice('ged-2025/text/'.length));
		const checked = validateColumnarStory(
			{
				events: file('events.arrow'),
				places: file('places.geojson'),
				article: file('article.txt'),
				text: {
					folder: 'text',
					names: texts,
					read: (name) => file(`text/${name}`).contents
				}
			},
			{ today: parseIsoDate('2025-04-12')!, countries: storyCountryLookup(basemap) }
		);
		if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 3)));
		expect(checked.table.length).toBe(COUNT - rejected);
		// The same files kept for the atlas's preview, off the page.
		expect(outcome.columnar!.kept).toBe(true);
		expect(kept!).toMatchObject({
			title: 'Imported from ged-2025.csv',
			events: COUNT - rejected,
			places: 4
		});
		expect(Object.keys(kept!.files).sort()).toEqual(
			[...files.keys()].map((name) => name.slice('ged-2025/'.length)).sort()
		);
		expect(new Uint8Array(await kept!.files['events.arrow']!.arrayBuffer())).toEqual(
			files.get('ged-2025/events.arrow')
		);
		expect(checked.chunks).toBe(2);
		expect(checked.meta.origin).toMatch(
			/^Imported from a UCDP GED export \(ged-2025\.csv\): 1,954 events, 4 April – 9 April 2025$/
		);
		// One place per town, not per point.
		expect(checked.places.map((p) => p.name).sort()).toEqual([
			'Donetsk',
			'El Fasher',
			'Kryvyi Rih',
			'Kupiansk'
		]);
	});

	it('offers no preview where the folder could not be kept, but the zip all the same', async () => {
		const outcome = ok(
			await runImport(
				new File([gedCsv(1_500)], 'ged.csv'),
				{},
				{
					...deps(),
					keep: () => Promise.reject(new Error('IndexedDB is off'))
				}
			)
		);
		expect(outcome.columnar).toMatchObject({ folder: 'ged', kept: false });
		expect(outcome.columnar!.zip.size).toBeGreaterThan(0);
	});

	it('zips nothing for an import the studio opens', async () => {
		const outcome = await imported(new File([gedCsv(20)], 'ged-small.csv'));
		expect(outcome.project).not.toBeNull();
		expect(outcome.columnar).toBeNull();
	});
});
