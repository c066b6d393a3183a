/**
 * A delimited text file read a chunk of bytes at a time: decoded with the encoding sniffed from
 * its head (decode.ts), split into rows by csv-rows.ts (quoted newlines, a row across two chunks),
 * each row handed on as it comes. Only a chunk and a row are in memory, so a file of hundreds of
 * megabytes is read in a worker with its progress said between chunks, and stopped there.
 * DOM-free: the import session (import-session.ts) gives it a file's ranges, a test a Uint8Array's.
 */
import { CsvRows } from './csv-rows';
import { makeDecoder, type Encoding } from './decode';
import type { Delimiter } from './delimiter';
import type { QuoteError } from './row-loop';

/** The file is not the UTF-8 its head promised: it is read again as Windows-1252. */
export class NotUtf8 extends Error {}

/** The bytes of a file in order, a chunk at a time. */
export type ByteChunks = AsyncIterable<Uint8Array>;

export interface ReadOptions {
	encoding: Encoding;
	delimiter: Delimiter;
	/** One row's cells; false stops the reading. */
	onRow: (cells: string[], quoteError: QuoteError) => boolean;
	/** Bytes read so far, after each chunk. */
	onChunk?: (bytes: number) => void;
	/** Asked between chunks: true stops the reading (Cancel). */
	stopped?: () => boolean;
}

/** Reads every row; resolves false when onRow or `stopped` ended it early. Throws NotUtf8. */
export async function readDelimited(chunks: ByteChunks, options: ReadOptions): Promise<boolean> {
	const decoder = makeDecoder(options.encoding);
	const rows = new CsvRows(options.delimiter, options.onRow);
	let offset = 0;
	for await (const chunk of chunks) {
		if (options.stopped?.()) return false;
		let text: string;
		try {
			text = decoder.decode(chunk, { stream: true });
		} catch {
			throw new NotUtf8(
				`not valid UTF-8 in the megabyte after byte ${offset.toLocaleString('en-GB')}`
			);
		}
		offset += chunk.length;
		if (text && !rows.push(text)) return false;
		options.onChunk?.(offset);
	}
	if (options.stopped?.()) return false;
	let rest: string;
	try {
		rest = decoder.decode();
	} catch {
		throw new NotUtf8('not valid UTF-8 at its end');
	}
	if (rest && !rows.push(rest)) return false;
	return rows.end();
}
