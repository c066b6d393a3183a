import { describe, expect, it } from 'vitest';
import { makeDecoder, sniffEncoding } from '../../../src/lib/import/decode';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

describe('sniffEncoding', () => {
	it.each([
		['UTF-8 without a BOM', ascii('date,place\n2025-04-11,Zürich\n'), 'utf-8'],
		['UTF-8 with a BOM', bytes(0xef, 0xbb, 0xbf, ...ascii('a,b')), 'utf-8'],
		['UTF-16LE with a BOM', bytes(0xff, 0xfe, ...utf16le('a\tb\n')), 'utf-16le'],
		['UTF-16BE with a BOM', bytes(0xfe, 0xff, ...utf16be('a\tb\n')), 'utf-16be'],
		['UTF-16LE without a BOM', utf16le('date\tplace\n2025-04-11\tKyiv\n'), 'utf-16le'],
		['UTF-16BE without a BOM', utf16be('date\tplace\n2025-04-11\tKyiv\n'), 'utf-16be'],
		// "Zürich" with ü as the single byte 0xFC: not UTF-8.
		['Windows-1252', bytes(...ascii('place\nZ'), 0xfc, ...ascii('rich\n')), 'windows-1252']
	] as const)('%s → %s', (_, head, encoding) => {
		const sniffed = sniffEncoding(head, false);
		expect(sniffed.ok && sniffed.encoding).toBe(encoding);
	});

	it('forgives a UTF-8 character cut at the end of a sample, not at the end of the file', () => {
		const cut = ascii('Zürich').subarray(0, 2); // "Z" and the first byte of "ü"
		expect(sniffEncoding(cut, true)).toMatchObject({ ok: true, encoding: 'utf-8' });
		expect(sniffEncoding(cut, false)).toMatchObject({ ok: true, encoding: 'windows-1252' });
	});

	it.each([
		[
			'an .xlsx workbook',
			bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0),
			/it is a zip archive \(an \.xlsx workbook is one\): save the sheet as CSV/
		],
		['an old .xls workbook', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), /old Excel \.xls workbook/],
		['a PDF', ascii('%PDF-1.7\n'), /it is a PDF/],
		['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), /a PNG image/],
		['a gzip file', bytes(0x1f, 0x8b, 0x08, 0), /gzip archive: unpack it first/],
		[
			'random bytes with NULs',
			bytes(0x12, 0x00, 0x9a, 0x00, 0x00, 0x41, 0x07, 0x00, 0x00, 0x00, 0x33, 0x21),
			/not a text file: it holds a NUL byte at byte 1/
		]
	] as const)('refuses %s', (_, head, message) => {
		const sniffed = sniffEncoding(head, false);
		expect(sniffed.ok).toBe(false);
		expect(!sniffed.ok && sniffed.reason).toMatch(message);
	});
});

describe('makeDecoder', () => {
	it('reads Windows-1252 bytes as the characters they stand for, € and curly quotes included', () => {
		expect(makeDecoder('windows-1252').decode(bytes(0x80, 0x93, 0x48, 0xe9, 0x94, 0xfc))).toBe(
			'€“Hé”ü'
		);
	});

	it('drops the BOM', () => {
		expect(makeDecoder('utf-8').decode(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('a');
		expect(makeDecoder('utf-16le').decode(bytes(0xff, 0xfe, 0x61, 0x00))).toBe('a');
	});

	it('throws on a bad UTF-8 byte rather than writing U+FFFD', () => {
		expect(() => makeDecoder('utf-8').decode(bytes(0x61, 0xfc, 0x62))).toThrow();
	});
});
