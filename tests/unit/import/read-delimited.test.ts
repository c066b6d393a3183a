import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Encoding } from '../../../src/lib/import/decode';
import type { Delimiter } from '../../../src/lib/import/delimiter';
import { NotUtf8, readDelimited } from '../../../src/lib/import/read-delimited';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');

async function* pieces(bytes: Uint8Array, size: number) {
	for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function rows(
	bytes: Uint8Array,
	size: number,
	encoding: Encoding = 'utf-8',
	delimiter: Delimiter = ','
) {
	const out: string[][] = [];
	await readDelimited(pieces(bytes, size), {
		encoding,
		delimiter,
		onRow: (cells) => (out.push(cells), true)
	});
	return out;
}

describe('reading a delimited file a chunk at a time', () => {
	const semicolon = new Uint8Array(readFileSync(join(FIXTURES, 'generic-semicolon.csv')));
	// Whatever the chunk size, a row cut across chunks (in a quoted line break, in "€", in the BOM)
	// reads as papaparse reads the whole text at once, but for the empty row a final line break
	// leaves there, which a stream never gives.
	const whole = Papa.parse<string[]>(
		new TextDecoder().decode(semicolon), // the BOM is dropped by TextDecoder, as by the reader
		{ delimiter: ';' }
	).data.slice(0, -1);
	it.each([1, 2, 3, 7, 64, 1 << 20])('in chunks of %i bytes', async (size) => {
		expect(await rows(semicolon, size, 'utf-8', ';')).toEqual(whole);
	});

	it('reads UTF-16 with its BOM, in chunks that cut its two-byte characters', async () => {
		// Its header ends in LF and its row in CRLF: each line's own break ends it, none is kept.
		const utf16 = new Uint8Array(readFileSync(join(FIXTURES, 'utf16.txt')));
		expect(await rows(utf16, 5, 'utf-16le', '\t')).toEqual([
			['date', 'place', 'lat', 'lon', 'category'],
			['2025-04-11', 'Kyiv', '50.4501', '30.5234', 'statement']
		]);
	});

	it('says where a file stops being UTF-8, for it to be read again as Windows-1252', async () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('a,b\nc,d\n'), 0xe9, 0x0a]);
		await expect(rows(bytes, 4)).rejects.toThrow(NotUtf8);
		await expect(rows(bytes, 4)).rejects.toThrow('not valid UTF-8 in the megabyte after byte 8');
		expect(await rows(bytes, 4, 'windows-1252')).toEqual([['a', 'b'], ['c', 'd'], ['é']]);
	});

	it('stops when a row says so, or when asked between chunks (Cancel)', async () => {
		const text = new TextEncoder().encode('1\n2\n3\n4\n5\n6\n');
		const seen: string[] = [];
		const finished = await readDelimited(pieces(text, 2), {
			encoding: 'utf-8',
			delimiter: ',',
			onRow: (cells) => (seen.push(cells[0]!), cells[0] !== '3')
		});
		expect([finished, seen]).toEqual([false, ['1', '2', '3']]);
		let chunks = 0;
		const cancelled = await readDelimited(pieces(text, 2), {
			encoding: 'utf-8',
			delimiter: ',',
			onRow: () => true,
			onChunk: () => chunks++,
			stopped: () => chunks >= 2
		});
		expect([cancelled, chunks]).toEqual([false, 2]);
	});
});
