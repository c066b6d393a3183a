/**
 * How a file is read, from its name and first bytes: delimited text streamed a chunk at a time,
 * a workbook or a GeoJSON file read whole (whole-rows.ts), Parquet a row group at a time
 * (parquet-rows.ts), or Arrow IPC a record batch at a time (arrow-rows.ts).
 */

/** "ARROW1": how an Arrow IPC file (Feather v2) opens and ends. */
const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

function isArrowFile(head: Uint8Array): boolean {
	return MAGIC.every((byte, i) => head[i] === byte);
}

/**
 * Whether `head` opens an Arrow IPC stream: a message's continuation marker (0xFFFFFFFF) and then
 * its length, little-endian, small and positive (a schema message is some hundreds of bytes).
 */
function isArrowStream(head: Uint8Array): boolean {
	if (head.length < 8 || !head.subarray(0, 4).every((byte) => byte === 0xff)) return false;
	const length = head[4]! | (head[5]! << 8) | (head[6]! << 16) | (head[7]! << 24);
	return length > 0 && length < 1 << 24;
}

export type FileKind = 'text' | 'xlsx' | 'geojson' | 'parquet' | 'arrow';

export function kindOf(name: string, head: Uint8Array): FileKind {
	const lower = name.toLowerCase();
	// A binary file named .csv stays text, so that decode.ts says what it is rather than another reader failing.
	const text = /\.(csv|tsv|txt)$/.test(lower);
	const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
	if (lower.endsWith('.xlsx') || (zip && !text)) return 'xlsx';
	// Parquet opens with "PAR1"; its columns are typed, and it is read a row group at a time.
	const par1 = head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
	if (lower.endsWith('.parquet') || (par1 && !text)) return 'parquet';
	// Arrow IPC: the file form (Feather v2) opens with "ARROW1", the stream form with a message.
	if (
		/\.(arrow|feather|arrows|ipc)$/.test(lower) ||
		(!text && (isArrowFile(head) || isArrowStream(head)))
	)
		return 'arrow';
	if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
	return 'text';
}
