/**
 * An Arrow IPC file (a .arrow or .feather file from pandas, Polars, DuckDB or R's arrow) as rows of
 * text cells, the header first, a record batch at a time, as parquet-rows.ts reads Parquet: only
 * one batch is held, so a file of millions of rows streams. Both IPC forms are read: the stream
 * form, and the file form (Feather v2), by its footer. Read by apache-arrow; DOM-free (the Node
 * file handle it asks for is only a shape, met by any source of byte ranges).
 */
import type { FileHandle } from 'node:fs/promises';
import { DataType, RecordBatchReader, type Field } from 'apache-arrow';
import { parquetCell } from './parquet-rows';

export type ArrowOutcome =
	| {
			ok: true;
			rows: number;
			/** Rows in the file, when told before reading: never for the stream form. */
			total: number | null;
	  }
	| { ok: false; problem: string };

export interface ArrowReadOptions {
	/** The header, then each row: false stops the reading. */
	onRow: (cells: string[]) => boolean;
	/** Rows read so far, after each record batch. */
	onGroup?: (rows: number, total: number | null) => void;
}

/** A file whose bytes can be read by range: a file on disk, a File in the studio. */
export interface ArrowSource {
	size: number;
	read(start: number, end: number): Promise<Uint8Array>;
}

/**
 * The source as the file handle apache-arrow reads at random: the file form's footer, which lists
 * its record batches (apache-arrow's own writer puts its schema only there), then each batch in
 * turn; the stream form from its start. Only `fd`, `stat`, `read` and `close` are asked of it.
 */
function handleOf(source: ArrowSource): FileHandle {
	const handle = {
		fd: -1,
		stat: async () => ({ size: source.size }),
		async read(buffer: Uint8Array, offset: number, length: number, position: number) {
			const bytes = await source.read(position, Math.min(source.size, position + length));
			buffer.set(bytes, offset);
			return { bytesRead: bytes.length, buffer };
		},
		close: async () => {}
	};
	return handle as unknown as FileHandle;
}

/** A value as the text a CSV of the same data would hold; dates and times as parquetCell writes them. */
export function arrowCell(value: unknown, type: DataType): string {
	if (value === null || value === undefined) return '';
	if ((DataType.isDate(type) || DataType.isTimestamp(type)) && typeof value !== 'object')
		return parquetCell(new Date(Number(value)));
	return parquetCell(value);
}

const damaged = (error: unknown, read: number) =>
	`cannot be read${read ? ` past row ${(read + 1).toLocaleString('en-GB')}` : ''}: it is not a whole Arrow IPC file (${error instanceof Error ? error.message : String(error)}). ${read ? `${read.toLocaleString('en-GB')} rows were read before it; ` : ''}A file cut short in a download or a copy ends this way; export it again.`;

export async function readArrow(
	source: ArrowSource,
	{ onRow, onGroup }: ArrowReadOptions
): Promise<ArrowOutcome> {
	let read = 0;
	try {
		const reader = await RecordBatchReader.from(handleOf(source));
		await reader.open();
		const fields: Field[] = reader.schema?.fields ?? [];
		if (!fields.length) return { ok: false, problem: 'has no columns: nothing to import.' };
		if (!onRow(fields.map((field) => field.name))) return { ok: true, rows: 0, total: null };
		for await (const batch of reader) {
			const columns = fields.map((_, i) => batch.getChildAt(i));
			const types = fields.map((field) => field.type);
			for (let r = 0; r < batch.numRows; r++) {
				const cells = columns.map((column, i) => arrowCell(column?.get(r), types[i]!));
				read++;
				if (!onRow(cells)) return { ok: true, rows: read, total: null };
			}
			onGroup?.(read, null);
		}
	} catch (error) {
		return { ok: false, problem: damaged(error, read) };
	}
	return { ok: true, rows: read, total: null };
}
