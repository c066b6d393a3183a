/**
 * How a file is read, from its name and first bytes: delimited text streamed a chunk at a time,
 * or a workbook or a GeoJSON file read whole (whole-rows.ts).
 */

export type FileKind = 'text' | 'xlsx' | 'geojson';

export function kindOf(name: string, head: Uint8Array): FileKind {
	const lower = name.toLowerCase();
	const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
	// A zip named .csv stays text, so that decode.ts says what it is rather than the workbook reader failing.
	if (lower.endsWith('.xlsx') || (zip && !/\.(csv|tsv|txt)$/.test(lower))) return 'xlsx';
	if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
	return 'text';
}
