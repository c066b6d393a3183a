/**
 * How a file is read, from its name and first bytes: delimited text streamed a chunk at a time,
 * a workbook or a GeoJSON file read whole (whole-rows.ts), or Parquet a row group at a time
 * (parquet-rows.ts).
 */

export type FileKind = 'text' | 'xlsx' | 'geojson' | 'parquet';

export function kindOf(name: string, head: Uint8Array): FileKind {
	const lower = name.toLowerCase();
	const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
	// A zip named .csv stays text, so that decode.ts says what it is rather than the workbook reader failing.
	if (lower.endsWith('.xlsx') || (zip && !/\.(csv|tsv|txt)$/.test(lower))) return 'xlsx';
	// Parquet opens with "PAR1"; its columns are typed, and it is read a row group at a time.
	const par1 = head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
	if (lower.endsWith('.parquet') || (par1 && !/\.(csv|tsv|txt)$/.test(lower))) return 'parquet';
	if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
	return 'text';
}
