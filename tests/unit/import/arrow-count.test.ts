/**
 * An Arrow IPC file's rows, told before they are read (arrow-count.ts): files written by
 * apache-arrow's writer in both forms, the legacy message framing, many batches, and cut files.
 */
import {
	Float64,
	RecordBatchStreamWriter,
	Table,
	Utf8,
	tableToIPC,
	vectorFromArray
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { countArrowRows, MAX_COUNTED } from '../../../src/lib/import/arrow-count';
import type { ArrowSource } from '../../../src/lib/import/arrow-rows';
import { openImport, type Progress } from '../../../src/lib/import/import-session';
import { IMPORT_LIMITS } from '../../../src/lib/import/limits';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { countryIndex } from '../../../src/lib/import/countries';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';

function events(n: number, from = 0): Table {
	const i = Array.from({ length: n }, (_, k) => from + k);
	return new Table({
		date: vectorFromArray(
			i.map(() => '2025-04-10'),
			new Utf8()
		),
		latitude: vectorFromArray(
			i.map(() => 50.4501),
			new Float64()
		),
		longitude: vectorFromArray(
			i.map(() => 30.5234),
			new Float64()
		),
		title: vectorFromArray(
			i.map((k) => `Event ${k} in Kyiv`),
			new Utf8()
		)
	});
}

/** `batches` record batches of `size` rows each, then one of `last`. */
function batched(batches: number, size: number, last = 0): Table {
	const parts = Array.from({ length: batches }, (_, b) => events(size, b * size).batches[0]!);
	if (last) parts.push(events(last, batches * size).batches[0]!);
	return new Table(parts);
}

const source = (bytes: Uint8Array, reads: number[] = []): ArrowSource => ({
	size: bytes.length,
	read: async (start, end) => (reads.push(end - start), bytes.slice(start, end))
});

const legacy = (table: Table) =>
	RecordBatchStreamWriter.writeAll(table, { writeLegacyIpcFormat: true }).toUint8Array(true);

describe('an Arrow file’s rows, counted before reading', () => {
	it.each<[string, Uint8Array, number]>([
		['the file form, three batches', tableToIPC(batched(2, 1000, 500), 'file'), 2500],
		['the stream form, three batches', tableToIPC(batched(2, 1000, 500), 'stream'), 2500],
		['the stream form in the framing before Arrow 0.15', legacy(batched(2, 1000, 500)), 2500],
		['one batch', tableToIPC(events(7), 'file'), 7],
		['no rows at all', tableToIPC(events(0), 'stream'), 0]
	])('%s', async (_, bytes, rows) => {
		expect(await countArrowRows(source(bytes))).toEqual({ rows, exact: true });
	});

	it('reads the messages, not the rows', async () => {
		const bytes = tableToIPC(batched(20, 5000), 'file');
		const reads: number[] = [];
		expect(await countArrowRows(source(bytes, reads))).toEqual({ rows: 100_000, exact: true });
		// A few hundred bytes a batch, of several megabytes.
		expect(reads.reduce((a, b) => a + b, 0)).toBeLessThan(bytes.length / 100);
	});

	it.each(['file', 'stream'] as const)(
		`estimates the rows past ${MAX_COUNTED} batches, in the %s form`,
		async (form) => {
			const rows = (MAX_COUNTED + 500) * 10 + 3;
			const bytes = tableToIPC(batched(MAX_COUNTED + 500, 10, 3), form);
			const counted = await countArrowRows(source(bytes));
			expect(counted?.exact).toBe(false);
			expect(Math.abs(counted!.rows - rows) / rows).toBeLessThan(0.02);
		}
	);

	it.each<[string, Uint8Array]>([
		['cut in a batch’s body', tableToIPC(batched(2, 1000), 'stream').slice(0, 30_000)],
		['cut in a message', tableToIPC(batched(2, 1000), 'stream').slice(0, 300)],
		['not Arrow at all', new TextEncoder().encode('date,place\n2025-04-10,Kyiv\n')]
	])('says nothing of a file %s', async (_, bytes) => {
		expect(await countArrowRows(source(bytes))).toBeNull();
	});
});

describe('an Arrow import through the session', () => {
	const options = (progress: Progress[] = []) => ({
		limits: IMPORT_LIMITS,
		countries: () => {
			throw new Error('not asked for');
		},
		geocoder: () => {
			throw new Error('not asked for');
		},
		latest: 0,
		progress: (p: Progress) => progress.push(p)
	});

	it.each(['file', 'stream'] as const)(
		'previews a %s-form file with its count of rows',
		async (form) => {
			const bytes = tableToIPC(batched(3, 1000, 1), form);
			const session = await openImport(
				[{ name: 'events.arrow', size: bytes.length, read: async (s, e) => bytes.slice(s, e) }],
				options()
			);
			if (!session.ok) throw new Error(session.problem);
			const preview = await session.preview(3);
			if (!preview.ok) throw new Error(preview.problem);
			expect(preview.rows[0]).toEqual(['date', 'latitude', 'longitude', 'title']);
			expect(preview.estimate).toEqual({ rows: 3001, exact: true });
		}
	);

	it('reads it with a progress bar that knows the rows before they are read', async () => {
		const bytes = tableToIPC(batched(3, 1000, 1), 'stream');
		const progress: Progress[] = [];
		const session = await openImport(
			[{ name: 'events.arrows', size: bytes.length, read: async (s, e) => bytes.slice(s, e) }],
			{
				...options(progress),
				countries: () => countryIndex(shippedBasemap()),
				category: 'aid',
				latest: parseIsoDate('2025-12-31')!
			}
		);
		if (!session.ok) throw new Error(session.problem);
		const result = await session.run(() => ({ onEvent: () => {}, onRejected: () => {} }));
		expect(result).toMatchObject({ ok: true, end: { rows: 3001, imported: 3001 } });
		expect(progress.map((p) => [p.unit, p.done, p.total])).toEqual([
			['rows', 1000, 3001],
			['rows', 2000, 3001],
			['rows', 3000, 3001],
			['rows', 3001, 3001]
		]);
	});
});
