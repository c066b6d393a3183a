/**
 * The entries of a zip archive (an .xlsx workbook is one), read one by one and only when asked,
 * each inflated to at most a stated number of bytes. A workbook of 12 MB can hold entries that
 * inflate to gigabytes (a "zip bomb", or only a big picture in xl/media): only the entries the
 * rows need are ever inflated, and an entry that inflates past its bound stops there, said.
 * DOM-free: DecompressionStream is in browsers, workers and Node.
 */

export interface ZipEntry {
	name: string;
	/** 0: stored, 8: deflated. */
	method: number;
	compressedSize: number;
	/** As the archive states it; the inflation is bounded whatever it says. */
	size: number;
	/** Where its local header starts. */
	offset: number;
}

export class ZipProblem extends Error {}
/** An entry past its bound: the archive may be sound, but it is more than will be read. */
export class ZipTooBig extends ZipProblem {}

const u16 = (view: DataView, at: number) => view.getUint16(at, true);
const u32 = (view: DataView, at: number) => view.getUint32(at, true);

/** The central directory: every entry's name and where it is, without inflating any. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end record is in the last 22 bytes, or up to 64 KB before them (after a comment).
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--)
		if (u32(view, at) === 0x06054b50) {
			end = at;
			break;
		}
	if (end < 0)
		throw new ZipProblem('its zip directory is missing (the file is cut short or damaged)');
	const count = u16(view, end + 10);
	let at = u32(view, end + 16);
	if (count === 0xffff || at === 0xffffffff)
		throw new ZipProblem('it is a ZIP64 archive, which a workbook of this size never needs');
	const entries = new Map<string, ZipEntry>();
	const decoder = new TextDecoder();
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || u32(view, at) !== 0x02014b50)
			throw new ZipProblem('its zip directory is damaged');
		const nameLength = u16(view, at + 28);
		const entry: ZipEntry = {
			name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			method: u16(view, at + 10),
			compressedSize: u32(view, at + 20),
			size: u32(view, at + 24),
			offset: u32(view, at + 42)
		};
		entries.set(entry.name, entry);
		at += 46 + nameLength + u16(view, at + 30) + u16(view, at + 32);
	}
	return entries;
}

/**
 * One entry's text, inflated and decoded as UTF-8 a piece at a time, each piece handed to
 * `onText` as it comes; past `limit` bytes of it, it throws, naming the entry. Only a piece is
 * held here: a sheet's XML is read without ever being one string.
 */
export async function inflateText(
	bytes: Uint8Array,
	entry: ZipEntry,
	limit: number,
	onText: (text: string) => void
): Promise<void> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const local = entry.offset;
	if (local + 30 > bytes.length || u32(view, local) !== 0x04034b50)
		throw new ZipProblem(`its entry ${entry.name} is damaged`);
	const start = local + 30 + u16(view, local + 26) + u16(view, local + 28);
	const data = bytes.subarray(start, start + entry.compressedSize);
	if (data.length < entry.compressedSize)
		throw new ZipProblem(`its entry ${entry.name} is cut short`);
	const tooBig = () =>
		new ZipTooBig(
			`its part ${entry.name} inflates past ${(limit / 1048576).toLocaleString('en-GB')} MB, more than the importer reads for it`
		);
	const decoder = new TextDecoder('utf-8', { fatal: false });
	if (entry.method === 0) {
		if (data.length > limit) throw tooBig();
		onText(decoder.decode(data));
		return;
	}
	if (entry.method !== 8)
		throw new ZipProblem(`its entry ${entry.name} is compressed in a way Excel never uses`);
	const reader = new Blob([data as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('deflate-raw'))
		.getReader();
	let total = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch {
			throw new ZipProblem(`its entry ${entry.name} cannot be inflated (it is damaged)`);
		}
		if (chunk.done) break;
		total += chunk.value.length;
		try {
			if (total > limit) throw tooBig();
			const text = decoder.decode(chunk.value, { stream: true });
			if (text) onText(text);
		} catch (error) {
			// Past the bound, or the reader of the text has seen enough: inflate no further.
			await reader.cancel().catch(() => {});
			throw error;
		}
	}
	const rest = decoder.decode();
	if (rest) onText(rest);
}

/** One entry's whole text, up to `limit` bytes. */
export async function entryText(
	bytes: Uint8Array,
	entry: ZipEntry,
	limit: number
): Promise<string> {
	const parts: string[] = [];
	await inflateText(bytes, entry, limit, (text) => parts.push(text));
	return parts.join('');
}
