/**
 * Which text encoding a file is in, from its first bytes. A spreadsheet saved on Windows is often
 * Windows-1252, Excel's "Unicode text" is UTF-16 with a BOM, and everything else should be UTF-8.
 */

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type Sniffed = { ok: true; encoding: Encoding; why: string } | { ok: false; reason: string };

/** Files that are not text but are often renamed .csv, by their first bytes. */
const MAGIC: readonly { bytes: readonly number[]; what: string }[] = [
	{
		bytes: [0x50, 0x4b, 0x03, 0x04],
		what: 'a zip archive (an .xlsx workbook is one): save the sheet as CSV'
	},
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls workbook: save the sheet as CSV' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
	{ bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
	{ bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
	{ bytes: [0x1f, 0x8b], what: 'a gzip archive: unpack it first' },
	{ bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file' }
];

const startsWith = (head: Uint8Array, bytes: readonly number[]) =>
	bytes.every((byte, i) => head[i] === byte);

/** A UTF-16 file without its BOM: most of its ASCII text has a zero byte beside each letter. */
function utf16WithoutBom(head: Uint8Array): Encoding | null {
	const pairs = Math.floor(Math.min(head.length, 4096) / 2);
	if (pairs < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < pairs; i++) {
		if (head[2 * i] === 0) evenZero++;
		if (head[2 * i + 1] === 0) oddZero++;
	}
	if (oddZero > pairs * 0.6 && evenZero === 0) return 'utf-16le';
	if (evenZero > pairs * 0.6 && oddZero === 0) return 'utf-16be';
	return null;
}

/** True when `bytes` is UTF-8 throughout, a sequence cut at the end of the sample excepted. */
export function isUtf8(bytes: Uint8Array, cutAtEnd = true): boolean {
	try {
		const decoder = new TextDecoder('utf-8', { fatal: true });
		decoder.decode(bytes, { stream: cutAtEnd });
		return true;
	} catch {
		return false;
	}
}

/**
 * The encoding of a file from its first bytes (`head`: the first megabyte or so). `cutAtEnd`
 * says the sample stops before the end of the file, so a character cut in two there is fine.
 */
export function sniffEncoding(head: Uint8Array, cutAtEnd = true): Sniffed {
	if (startsWith(head, [0xef, 0xbb, 0xbf]))
		return { ok: true, encoding: 'utf-8', why: 'UTF-8 (with a BOM)' };
	if (startsWith(head, [0xff, 0xfe]))
		return { ok: true, encoding: 'utf-16le', why: 'UTF-16 (little-endian BOM)' };
	if (startsWith(head, [0xfe, 0xff]))
		return { ok: true, encoding: 'utf-16be', why: 'UTF-16 (big-endian BOM)' };
	for (const { bytes, what } of MAGIC) {
		if (startsWith(head, bytes))
			return { ok: false, reason: `is not a CSV or TSV file: it is ${what}.` };
	}
	const nul = head.indexOf(0);
	if (nul !== -1) {
		const utf16 = utf16WithoutBom(head);
		if (utf16)
			return {
				ok: true,
				encoding: utf16,
				why: `${utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} (no BOM; read from its zero bytes)`
			};
		return {
			ok: false,
			reason: `is not a text file: it holds a NUL byte at byte ${nul.toLocaleString('en-GB')}. Is it a spreadsheet or a database renamed .csv? Save it as CSV.`
		};
	}
	if (isUtf8(head, cutAtEnd)) return { ok: true, encoding: 'utf-8', why: 'UTF-8' };
	return { ok: true, encoding: 'windows-1252', why: 'Windows-1252 (it is not valid UTF-8)' };
}

/** Windows-1252's bytes 0x80–0x9F, which Latin-1 reads as invisible C1 controls. */
const CP1252_HIGH =
	'\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
	'\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export interface Decoder {
	decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/**
 * A streaming decoder for `encoding`. UTF-8 is fatal, so a bad byte later in the file is found
 * rather than turned into U+FFFD; the caller then reads the file again as Windows-1252. The BOM is
 * dropped (TextDecoder's default).
 */
export function makeDecoder(encoding: Encoding): Decoder {
	const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
	if (encoding !== 'windows-1252') return decoder;
	// Node 20 decodes "windows-1252" as Latin-1 ("€" comes out as U+0080); browsers do not. The
	// fix-up is a no-op where the decoder is right.
	return {
		decode: (bytes, options) =>
			decoder
				.decode(bytes, options)
				.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
	};
}

export function isEncoding(value: string): value is Encoding {
	return (ENCODINGS as readonly string[]).includes(value);
}
