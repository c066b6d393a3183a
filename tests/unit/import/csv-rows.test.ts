import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import { CsvRows, previewRows } from '../../../src/lib/import/csv-rows';
import type { Encoding } from '../../../src/lib/import/decode';
import { guessDelimiter } from '../../../src/lib/import/delimiter';
import { readDelimited } from '../../../src/lib/import/read-delimited';
import { RowLoop, type QuoteError } from '../../../src/lib/import/row-loop';
import { parseIsoDate } from '../../../src/lib/story/dates';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');

/** Every row `text` gives, fed in pieces of `size` characters, with its quote error. */
function split(text: string, size: number, delimiter = ','): [string[], QuoteError][] {
	const out: [string[], QuoteError][] = [];
	const rows = new CsvRows(delimiter, (cells, error) => (out.push([cells, error]), true));
	for (let at = 0; at < text.length; at += size) rows.push(text.slice(at, at + size));
	rows.end();
	return out;
}

const ok = (...cells: string[]): [string[], QuoteError] => [cells, null];

describe('splitting delimited text into rows', () => {
	it.each<[string, string, [string[], QuoteError][]]>([
		['plain LF', 'a,b\nc,d\n', [ok('a', 'b'), ok('c', 'd')]],
		['no final line break', 'a,b\nc,d', [ok('a', 'b'), ok('c', 'd')]],
		['CRLF', 'a,b\r\nc,d\r\n', [ok('a', 'b'), ok('c', 'd')]],
		['CR only', 'a,b\rc,d\r', [ok('a', 'b'), ok('c', 'd')]],
		['LF lines among CRLF', 'h\r\n1\n2\r\n3\n4\r\n', [ok('h'), ok('1'), ok('2'), ok('3'), ok('4')]],
		[
			'LF rows under a CRLF header',
			'h,i\r\n1,2\n3,4\n',
			[ok('h', 'i'), ok('1', '2'), ok('3', '4')]
		],
		['a quoted line break and delimiter', '"a\r\nb,c",d\n', [ok('a\r\nb,c', 'd')]],
		['a doubled quote', '"say ""hi""",x\n', [ok('say "hi"', 'x')]],
		['a quote inside an unquoted cell is text', 'a "b" c,d\n', [ok('a "b" c', 'd')]],
		['empty cells and a trailing delimiter', ',,\n', [ok('', '', '')]],
		['a blank line is one empty cell', 'a\n\nb\n', [ok('a'), ok(''), ok('b')]],
		[
			'text after a closing quote rejects its row only',
			'h,i\n1,2\n"Aid" 1,3\n4,5\n"x",6\n',
			[ok('h', 'i'), ok('1', '2'), [['"Aid" 1', '3'], 'InvalidQuotes'], ok('4', '5'), ok('x', '6')]
		],
		[
			'a quote never closed rejects its line, the next lines are read again',
			'h,i\n"open,1\n2,3\n4,5\n',
			[ok('h', 'i'), [['"open', '1'], 'MissingQuotes'], ok('2', '3'), ok('4', '5')]
		]
	])('%s', (_, text, expected) => {
		for (const size of [1, 2, 3, 5, 1000]) expect(split(text, size)).toEqual(expected);
	});

	it('takes a quote open past 16 MB of text for a stray one, and reads on', () => {
		const filler = Array.from({ length: 700_000 }, (_, i) => `${i},row ${i} of filler text`);
		const text = `h,i\n"never closed,1\n${filler.join('\n')}\n`;
		const rows = split(text, 1 << 20);
		expect(rows.length).toBe(2 + filler.length);
		expect(rows[1]![1]).toBe('MissingQuotes');
		expect(rows.at(-1)).toEqual(ok('699999', 'row 699999 of filler text'));
	});

	it('previews the first rows of a head as the import reads them', () => {
		expect(previewRows('a;b\r\n1;2\n3;4\n5;6', ';', 2)).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});
});

/**
 * A file of `count` data rows whose third row is `bad`; `more` later rows quoted normally, and
 * `lf` of its lines ending in LF where the rest end in CRLF.
 */
function hostile(count: number, bad: string, { quotedLater = false, lfLines = 0 } = {}): string {
	const lines = ['date,place,lat,lon,category,notes'];
	for (let i = 1; i <= count; i++) {
		const notes = i === 3 ? bad : quotedLater && i === 500 ? '"quoted, as usual"' : `note ${i}`;
		lines.push(`2025-04-${String((i % 28) + 1).padStart(2, '0')},Kyiv,50.45,30.52,aid,${notes}`);
	}
	return lines
		.map((line, i) => line + (i > 0 && i <= lfLines * 3 && i % 3 === 0 ? '\n' : '\r\n'))
		.join('');
}

const countries = countryIndex(shippedBasemap());

async function account(bytes: Uint8Array, encoding: Encoding = 'utf-8') {
	// Day first: the Windows fixture's dates are French.
	const text = new TextDecoder(encoding).decode(bytes);
	const rows: number[] = [];
	const loop = new RowLoop({
		choice: { category: 'aid', placeNames: true },
		countries,
		latest: parseIsoDate('2025-12-31')!,
		dateFormat: 'dmy',
		onEvent: (_, line) => void line,
		onRejected: ({ row }) => void rows.push(row)
	});
	async function* one() {
		yield bytes;
	}
	await readDelimited(one(), {
		encoding,
		delimiter: guessDelimiter(text),
		onRow: (cells, error) => loop.push(cells, error)
	});
	return { end: loop.end(), rejectedRows: rows };
}

describe('every row in is imported or rejected', () => {
	const encoder = new TextEncoder();
	it.each<[string, string, number, number[]]>([
		['a stray quote in row 3 of 1,000', hostile(1000, '"Aid" 1'), 1000, [4]],
		['and a later quoted cell', hostile(1000, '"Aid" 1', { quotedLater: true }), 1000, [4]],
		['a quote never closed', hostile(1000, '"Aid, 1'), 1000, [4]],
		['CRLF with 5 LF-only lines', hostile(20, 'fine', { lfLines: 5 }), 20, []],
		[
			'LF rows under a CRLF header',
			'date,place,lat,lon\r\n2025-04-01,Kyiv,50.45,30.52\n2025-04-02,Kyiv,50.45,30.52\n',
			2,
			[]
		]
	])('%s', async (_, text, rowsIn, rejected) => {
		const { end, rejectedRows } = await account(encoder.encode(text));
		if (!end.ok) throw new Error(end.problem);
		expect(end.imported + end.rejected).toBe(rowsIn);
		expect(end.rows).toBe(rowsIn);
		expect(rejectedRows).toEqual(rejected);
	});

	// The shipped fixtures, counted by hand: rows of data, one quoted cell holding a line break.
	it.each<[string, number, Encoding]>([
		['acled.csv', 8, 'utf-8'],
		['generic-semicolon.csv', 3, 'utf-8'],
		['windows-1252.csv', 3, 'windows-1252'],
		['utf16.txt', 1, 'utf-16le']
	])('%s', async (name, rowsIn, encoding) => {
		const { end } = await account(new Uint8Array(readFileSync(join(FIXTURES, name))), encoding);
		if (!end.ok) throw new Error(end.problem);
		expect(end.imported + end.rejected).toBe(rowsIn);
	});
});
