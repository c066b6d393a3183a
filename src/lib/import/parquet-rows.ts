/**
 * A Parquet file (what BigQuery, DuckDB, ClickHouse and Spark export) as rows of text cells, the
 * header first, a row group at a time: only one row group's rows are held, so a file of millions
 * of rows streams as a CSV does. A GeoParquet point column becomes longitude and latitude, the
 * first two columns, as a GeoJSON file's points do. Read by hyparquet (kept, no native code);
 * DOM-free, so the studio's worker could read a File the same way.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from 'hyparquet';

export type ParquetOutcome =
	| {
			ok: true;
			rows: number;
			groups: number;
			/** Rows in the file, as its footer says before they are read. */
			total: number;
	  }
	| { ok: false; problem: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** A value as the text a CSV of the same data would hold. */
export function parquetCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
		return String(value);
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '';
		const day = value.toISOString().slice(0, 10);
		const h = value.getUTCHours();
		const m = value.getUTCMinutes();
		return h || m ? `${day} ${pad(h)}:${pad(m)}` : day;
	}
	// Bytes that are not text (a hash, an image) say nothing a story can show.
	if (value instanceof Uint8Array) return '';
	return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

/** The point of a GeoParquet geometry (hyparquet gives it as GeoJSON), or null. */
function pointOf(value: unknown): [string, string] | null {
	const geometry = value as { type?: unknown; coordinates?: unknown } | null;
	if (!geometry || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return null;
	const [x, y] = geometry.coordinates as unknown[];
	return typeof x === 'number' && typeof y === 'number' ? [String(x), String(y)] : null;
}

export interface ParquetReadOptions {
	/** The header, then each row: false stops the reading. */
	onRow: (cells: string[]) => boolean;
	/** Rows read so far, after each row group. */
	onGroup?: (rows: number, total: number) => void;
}

/** The GeoParquet primary geometry column the file's metadata names, if any. */
function geoColumn(
	keyValues: readonly { key: string; value?: string }[] | undefined
): string | null {
	const geo = keyValues?.find((kv) => kv.key === 'geo')?.value;
	if (!geo) return null;
	try {
		const parsed = JSON.parse(geo) as { primary_column?: unknown };
		return typeof parsed.primary_column === 'string' ? parsed.primary_column : null;
	} catch {
		return null;
	}
}

export async function readParquet(
	file: AsyncBuffer,
	{ onRow, onGroup }: ParquetReadOptions
): Promise<ParquetOutcome> {
	let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
	try {
		metadata = await parquetMetadataAsync(file);
	} catch (error) {
		return {
			ok: false,
			problem: `is not a Parquet file that can be read: its footer, which lists its columns, is missing or damaged (${error instanceof Error ? error.message : String(error)}). A file cut short in a download or a copy ends this way; export or download it again.`
		};
	}
	const columns = parquetSchema(metadata).children.map((child) => child.element.name);
	if (!columns.length) return { ok: false, problem: 'has no columns: nothing to import.' };
	const geometry = geoColumn(metadata.key_value_metadata);
	const geoAt = geometry ? columns.indexOf(geometry) : -1;
	const rest = columns.map((_, i) => i).filter((i) => i !== geoAt);
	const header = [
		...(geoAt >= 0 ? ['longitude', 'latitude'] : []),
		...rest.map((i) => columns[i]!)
	];
	const total = Number(metadata.num_rows);
	if (!onRow(header)) return { ok: true, rows: 0, groups: 0, total };
	let start = 0;
	let read = 0;
	let groups = 0;
	for (const group of metadata.row_groups) {
		const end = start + Number(group.num_rows);
		let rows: unknown[][] = [];
		try {
			await parquetRead({
				file,
				metadata,
				rowStart: start,
				rowEnd: end,
				onComplete: (done: unknown[][]) => {
					rows = done;
				}
			});
		} catch (error) {
			return {
				ok: false,
				problem: `cannot be read past row ${(read + 1).toLocaleString('en-GB')}: row group ${groups + 1} of ${metadata.row_groups.length} is damaged (${error instanceof Error ? error.message : String(error)}). ${read.toLocaleString('en-GB')} rows were read before it; export the file again.`
			};
		}
		for (const row of rows) {
			const point = geoAt >= 0 ? (pointOf(row[geoAt]) ?? ['', '']) : null;
			const cells = [...(point ?? []), ...rest.map((i) => parquetCell(row[i]))];
			read++;
			if (!onRow(cells)) return { ok: true, rows: read, groups, total };
		}
		groups++;
		start = end;
		onGroup?.(read, total);
	}
	return { ok: true, rows: read, groups, total };
}
