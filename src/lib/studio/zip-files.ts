/**
 * A folder's files as one zip archive, for a download: the studio's export of a big import is a
 * columnar story folder (events.arrow, text/<n>.json, places.geojson, article.txt), and a browser
 * downloads files, not folders. Each file is deflated (CompressionStream, in browsers, workers and
 * Node alike) and the archive is a Blob of its parts, never one copied buffer. The reader of zips
 * is import/zip-entries.ts.
 */
import type { FolderFile } from '../story/columnar/folder-files';

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 (ISO-HDLC), as zip states each entry's. */
export function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

async function deflate(bytes: Uint8Array): Promise<Blob> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return new Response(stream).blob();
}

/** Zip's limit without its 64-bit extension: no archive the studio makes comes near it. */
const MAX_ZIP_BYTES = 0xffffffff;

/**
 * The files, each under `folder/` (the story's slug), as a zip archive. Files are taken one at a
 * time, so a generator that makes each when asked holds only one in memory besides the archive.
 */
export async function zipFiles(folder: string, files: Iterable<FolderFile>): Promise<Blob> {
	const encoder = new TextEncoder();
	const parts: BlobPart[] = [];
	const central: Uint8Array[] = [];
	let offset = 0;
	let count = 0;
	for (const file of files) {
		const plain = typeof file.contents === 'string' ? encoder.encode(file.contents) : file.contents;
		const body = await deflate(plain);
		const name = encoder.encode(`${folder}/${file.path}`);
		const crc = crc32(plain);
		const header = (size: number, at: number) => {
			const bytes = new Uint8Array(size + name.length);
			const view = new DataView(bytes.buffer);
			view.setUint32(0, at === -1 ? 0x04034b50 : 0x02014b50, true);
			// The same fields, 2 bytes further on in the central directory's entry.
			const shift = at === -1 ? 0 : 2;
			if (shift) view.setUint16(4, 20, true);
			view.setUint16(4 + shift, 20, true);
			// Bit 11: the name is UTF-8.
			view.setUint16(6 + shift, 0x0800, true);
			view.setUint16(8 + shift, 8, true);
			// 1 January 1980, zip's first day: the archive says nothing of when it was made.
			view.setUint16(12 + shift, 0x21, true);
			view.setUint32(14 + shift, crc, true);
			view.setUint32(18 + shift, body.size, true);
			view.setUint32(22 + shift, plain.length, true);
			view.setUint16(26 + shift, name.length, true);
			if (at !== -1) view.setUint32(42, at, true);
			bytes.set(name, size);
			return bytes;
		};
		const local = header(30, -1);
		central.push(header(46, offset));
		parts.push(local as Uint8Array<ArrayBuffer>, body);
		offset += local.length + body.size;
		count++;
		if (offset > MAX_ZIP_BYTES || count > 0xffff)
			throw new Error('the story is too big for one zip archive (4 GB or 65,535 files)');
	}
	const directory = central.reduce((sum, entry) => sum + entry.length, 0);
	const end = new Uint8Array(22);
	const view = new DataView(end.buffer);
	view.setUint32(0, 0x06054b50, true);
	view.setUint16(8, count, true);
	view.setUint16(10, count, true);
	view.setUint32(12, directory, true);
	view.setUint32(16, offset, true);
	return new Blob([...parts, ...(central as Uint8Array<ArrayBuffer>[]), end], {
		type: 'application/zip'
	});
}
