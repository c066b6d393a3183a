/**
 * Arrow IPC in: files written by apache-arrow's own writer (the file form, as .arrow and Feather
 * v2, and the stream form), typed columns with nulls, several record batches; read a batch at a
 * time through the import session, and by `npm run import`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	DateDay,
	Float64,
	Int32,
	TimestampMillisecond,
	Utf8,
	Table,
	tableToIPC,
	vectorFromArray
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { readArrow } from '../../../src/lib/import/arrow-rows';
import { countryIndex } from '../../../src/lib/import/countries';
import { kindOf } from '../../../src/lib/import/file-kind';
import { openImport, type ImportFile } from '../../../src/lib/import/import-session';
import { IMPORT_LIMITS } from '../../../src/lib/import/limits';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { runScript, scratchFolder } from '../../helpers/cli';

const DAY = 86_400_000;

/** `n` events from 10 April 2025, one day apart; row `gap` has no latitude. */
function events(n: number, from: number, gap: number): Table {
	const i = Array.from({ length: n }, (_, k) => from + k);
	return new Table({
		id: vectorFromArray(
			i.map((k) => `ev${k}`),
			new Utf8()
		),
		date: vectorFromArray(
			i.map((k) => Date.UTC(2025, 3, 10) + (k % 20) * DAY),
			new DateDay()
		),
		seen: vectorFromArray(
			i.map((k) => Date.UTC(2025, 3, 10, 14, 30) + (k % 20) * DAY),
			new TimestampMillisecond()
		),
		latitude: vectorFromArray(
			i.map((k) => (k === gap ? null : 50.4501)),
			new Float64()
		),
		longitude: vectorFromArray(
			i.map(() => 30.5234),
			new Float64()
		),
		category: vectorFromArray(
			i.map((k) => (k % 2 ? 'aid' : 'strike')),
			new Utf8()
		),
		title: vectorFromArray(
			i.map((k) => `Event ${k} in Kyiv`),
			new Utf8()
		),
		deaths: vectorFromArray(
			i.map((k) => k % 3),
			new Int32()
		)
	});
}

/** 2,500 rows in three record batches; row 1,234 (spreadsheet row 1,236) has no latitude. */
const table = events(1000, 0, 1234).concat(events(1000, 1000, 1234), events(500, 2000, 1234));
const forms = {
	file: tableToIPC(table, 'file'),
	stream: tableToIPC(table, 'stream')
};

function memoryFile(name: string, bytes: Uint8Array): ImportFile {
	return { name, size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

async function rowsOf(bytes: Uint8Array) {
	const rows: string[][] = [];
	const outcome = await readArrow(memoryFile('x.arrow', bytes), {
		onRow: (cells) => (rows.push(cells), true)
	});
	return { rows, outcome };
}

describe('an Arrow IPC file written by apache-arrow', () => {
	it('has more than one record batch, as a big export does', () => {
		expect(table.batches.length).toBe(3);
	});

	it.each(Object.entries(forms))(
		'the %s form is read a batch at a time, typed cells as a CSV holds them',
		async (_, bytes) => {
			const { rows, outcome } = await rowsOf(bytes);
			expect(outcome).toEqual({ ok: true, rows: 2500, total: null });
			expect(rows[0]).toEqual([
				'id',
				'date',
				'seen',
				'latitude',
				'longitude',
				'category',
				'title',
				'deaths'
			]);
			expect(rows[1]).toEqual([
				'ev0',
				'2025-04-10',
				'2025-04-10 14:30',
				'50.4501',
				'30.5234',
				'strike',
				'Event 0 in Kyiv',
				'0'
			]);
			expect(rows[1235]![3]).toBe('');
			expect(rows[2500]![0]).toBe('ev2499');
		}
	);

	it.each([
		['events.arrow', 'file', 'arrow'],
		['events.feather', 'file', 'arrow'],
		['export-0001', 'file', 'arrow'],
		['export-0001', 'stream', 'arrow'],
		// A binary file named .csv stays text, for decode.ts to say what it is.
		['events.csv', 'file', 'text']
	] as const)('%s in the %s form is read as %s', (name, form, kind) => {
		expect(kindOf(name, forms[form].subarray(0, 16))).toBe(kind);
	});

	it.each(Object.entries(forms))(
		'the %s form imports through the session, every row accounted for',
		async (_, bytes) => {
			const session = await openImport([memoryFile('events.arrow', bytes)], {
				limits: IMPORT_LIMITS,
				countries: () => countryIndex(shippedBasemap()),
				geocoder: () => {
					throw new Error('no row is placed by name');
				},
				latest: parseIsoDate('2025-12-31')!
			});
			if (!session.ok) throw new Error(session.problem);
			expect(session.kind).toBe('arrow');
			const rejected: number[] = [];
			const result = await session.run(() => ({
				onEvent: () => {},
				onRejected: (row) => rejected.push(row.row)
			}));
			if (!result.ok) throw new Error(result.problem);
			expect(result.form).toBe('Arrow IPC');
			expect(result.end).toMatchObject({ rows: 2500, imported: 2499, rejected: 1 });
			expect(rejected).toEqual([1236]);
		}
	);

	it('reads the parts of one export as one import, and refuses a part with other columns', async () => {
		const open = (parts: ImportFile[]) =>
			openImport(parts, {
				limits: IMPORT_LIMITS,
				countries: () => countryIndex(shippedBasemap()),
				geocoder: () => {
					throw new Error('no row is placed by name');
				},
				latest: parseIsoDate('2025-12-31')!
			});
		const sink = () => ({ onEvent: () => {}, onRejected: () => {} });
		const both = await open([
			memoryFile('part-0.arrow', forms.file),
			// The next part's events, in the stream form: ids go on from the first part's.
			memoryFile('part-1.arrows', tableToIPC(events(1000, 5000, 5500), 'stream'))
		]);
		if (!both.ok) throw new Error(both.problem);
		expect(await both.run(sink)).toMatchObject({
			ok: true,
			end: { rows: 3500, imported: 3498, rejected: 2 }
		});
		const other = tableToIPC(new Table({ a: vectorFromArray([1, 2], new Int32()) }), 'file');
		const mixed = await open([
			memoryFile('part-0.arrow', forms.file),
			memoryFile('part-1.arrow', other)
		]);
		if (!mixed.ok) throw new Error(mixed.problem);
		expect(await mixed.run(sink)).toEqual({
			ok: false,
			problem:
				'part-1.arrow has other columns than part-0.arrow: the files of one import share their columns.'
		});
	});

	it.each([
		['in the stream form, cut short', () => forms.stream.subarray(0, forms.stream.length >> 1)],
		['in the file form, cut short', () => forms.file.subarray(0, forms.file.length >> 1)],
		['in the file form, cut in its opening', () => forms.file.subarray(0, 40)]
	])('a file %s is said plainly', async (_, bytes) => {
		const { outcome } = await rowsOf(bytes());
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.problem).toMatch(
			/^cannot be read.*: it is not a whole Arrow IPC file .*export it again\.$/
		);
	});

	it('npm run import reads a .feather file and check:data passes', { timeout: 60_000 }, () => {
		const scratch = scratchFolder('import-arrow-');
		const file = join(scratch, 'events.feather');
		writeFileSync(file, forms.file);
		const out = join(scratch, 'story');
		const run = runScript('scripts/import.ts', [file, '--published', '2025-05-31', '--out', out]);
		expect(run.err).toBe('');
		expect(run.code).toBe(0);
		expect(run.out).toMatch(/ \(Arrow IPC\) in /);
		expect(run.out).toMatch(/^2,499 rows imported, 1 not: see /m);
		expect(runScript('scripts/check-data.ts', [out]).code).toBe(0);
	});
});
