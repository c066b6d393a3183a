import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { XLSX_BUDGET } from '../../../src/lib/import/limits';
import { isDateFormat, serialDate, xlsxRows } from '../../../src/lib/import/xlsx-rows';
import { zipOf, type ZipPart } from '../../helpers/zip';

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Events &amp; more" sheetId="1" r:id="rId1"/><sheet name="Other" sheetId="2" r:id="rId2"/></sheets></workbook>`;
const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
// Style 1 is a built-in date (14), style 2 a custom one, style 3 a plain number.
const STYLES = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
const STRINGS = `<sst count="3"><si><t>date</t></si><si><t>place</t></si><si><r><t>Kyiv</t></r><rPh><t>キエフ</t></rPh><r><t xml:space="preserve"> city</t></r></si></sst>`;

const sheet = (rows: string, head = '') =>
	`<worksheet>${head}<sheetData>${rows}</sheetData></worksheet>`;

const HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';

function workbook(rows: string, extra: ZipPart[] = [], head = ''): ArrayBuffer {
	const bytes = zipOf([
		{ name: 'xl/workbook.xml', data: WORKBOOK },
		{ name: 'xl/_rels/workbook.xml.rels', data: RELS },
		{ name: 'xl/styles.xml', data: STYLES },
		{ name: 'xl/sharedStrings.xml', data: STRINGS },
		{ name: 'xl/worksheets/sheet1.xml', data: sheet(HEADER + rows, head) },
		...extra
	]);
	return bytes.buffer as ArrayBuffer;
}

describe('a workbook read from its XML', () => {
	it('reads the first sheet: shared, inline and plain cells, dates with and without a time', async () => {
		const read = await xlsxRows(
			workbook(
				'<row r="2"><c r="A2" s="1"><v>45758</v></c><c r="B2" t="s"><v>2</v></c></row>' +
					'<row r="4"><c r="A4" s="2"><v>45758.5</v></c><c r="B4" t="inlineStr"><is><t>Lviv &amp; around</t></is></c><c r="C4" s="3"><v>50.45</v></c></row>' +
					'<row r="5"><c r="B5" t="b"><v>1</v></c></row>'
			)
		);
		expect(read).toEqual({
			ok: true,
			sheet: 'Events & more',
			refused: new Map(),
			rows: [
				['date', 'place'],
				['2025-04-11', 'Kyiv city'],
				[''],
				['2025-04-11 12:00', 'Lviv & around', '50.45'],
				['', 'true']
			],
			estimate: { rows: 4, exact: true }
		});
	});

	it.each([
		[
			'a shared-string index past the table',
			'<row r="2"><c r="A2" s="1"><v>45758</v></c><c r="B2" t="s"><v>7</v></c></row>',
			'cell B2',
			'refers to shared string 7, and the workbook has 3 (numbered from 0): the file is damaged. Open it in Excel and save it again.'
		],
		[
			'a date cell of 1e308',
			'<row r="2"><c r="A2" s="1"><v>1E+308</v></c><c r="B2" t="s"><v>2</v></c></row>',
			'cell A2',
			expect.stringMatching(
				/^is a date cell holding 100,000,000.*, which is no day: Excel's dates run from 1 January 1900 to 31 December 9999\.$/
			)
		],
		[
			'a negative date',
			'<row r="2"><c r="A2" s="1"><v>-5</v></c><c r="B2" t="s"><v>2</v></c></row>',
			'cell A2',
			"is a date cell holding -5, which is no day: Excel's dates run from 1 January 1900 to 31 December 9999."
		]
	])(
		'%s: that row is refused with its cell and reason, the next read',
		async (_, bad, column, reason) => {
			const next = '<row r="3"><c r="A3" s="1"><v>45759</v></c><c r="B3" t="s"><v>2</v></c></row>';
			const read = await xlsxRows(workbook(bad + next));
			if (!read.ok) throw new Error(read.problem);
			expect([...read.refused]).toEqual([[2, { column, reason }]]);
			expect(read.rows[2]).toEqual(['2025-04-12', 'Kyiv city']);
		}
	);

	it('never inflates a part the rows do not need: a 2 GB picture that is no deflate at all', async () => {
		const bomb = { bytes: new Uint8Array(4096).fill(0xff), statedSize: 2_000_000_000 };
		const read = await xlsxRows(
			workbook('<row r="2"><c r="A2" s="1"><v>45758</v></c></row>', [
				{ name: 'xl/media/image1.png', data: '', raw: bomb },
				{ name: 'xl/worksheets/sheet2.xml', data: '', raw: bomb }
			])
		);
		expect(read.ok && read.rows.length).toBe(2);
	});

	const pad = 'x'.repeat(3000);
	it.each([
		['the sheet', 'sheetBytes', 'xl/worksheets/sheet1.xml'],
		['the shared strings', 'stringsBytes', 'xl/sharedStrings.xml'],
		['the styles', 'partBytes', 'xl/styles.xml']
	] as const)('refuses %s inflating past its bound, naming the part', async (_, key, part) => {
		const big: ZipPart = {
			name: part,
			data:
				key === 'sheetBytes'
					? sheet(`${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>${pad}</t></is></c></row>`)
					: key === 'stringsBytes'
						? STRINGS.replace('</sst>', `<si><t>${pad}</t></si></sst>`)
						: STYLES.replace('</numFmts>', `<numFmt numFmtId="165" formatCode="${pad}"/></numFmts>`)
		};
		const bytes = zipOf([
			{ name: 'xl/workbook.xml', data: WORKBOOK },
			{ name: 'xl/_rels/workbook.xml.rels', data: RELS },
			...[
				{ name: 'xl/styles.xml', data: STYLES },
				{ name: 'xl/sharedStrings.xml', data: STRINGS },
				{ name: 'xl/worksheets/sheet1.xml', data: sheet(HEADER) }
			].map((p) => (p.name === part ? big : p))
		]);
		const budget = { ...XLSX_BUDGET, [key]: 2000 };
		const read = await xlsxRows(bytes.buffer as ArrayBuffer, budget);
		expect(!read.ok && read.problem).toBe(
			`holds more than a workbook is read for: its part ${part} inflates past ${(2000 / 1048576).toLocaleString('en-GB')} MB, more than the importer reads for it. Save the sheet as CSV: a CSV is streamed.`
		);
		// Within its bound, the same workbook reads.
		expect((await xlsxRows(bytes.buffer as ArrayBuffer)).ok).toBe(true);
	});

	it('refuses a sheet of a gigabyte of spaces with no row end, after 64 MB, not a gigabyte', async () => {
		const spaces = deflateRawSync(Buffer.alloc(80 * 1024 * 1024, 0x20));
		const bytes = zipOf([
			{ name: 'xl/workbook.xml', data: WORKBOOK },
			{ name: 'xl/_rels/workbook.xml.rels', data: RELS },
			{
				name: 'xl/worksheets/sheet1.xml',
				data: '',
				raw: { bytes: spaces, statedSize: 80 * 1024 * 1024 }
			}
		]);
		const read = await xlsxRows(bytes.buffer as ArrayBuffer);
		expect(!read.ok && read.problem).toBe(
			'has a row of more than 64 MB of XML in its first sheet, which no spreadsheet writes: the file is damaged or built to exhaust memory.'
		);
	});

	it('refuses more filled cells than its budget', async () => {
		const rows = Array.from(
			{ length: 20 },
			(_, i) => `<row r="${i + 2}"><c r="A${i + 2}" s="1"><v>45758</v></c></row>`
		).join('');
		const read = await xlsxRows(workbook(rows), { ...XLSX_BUDGET, cells: 10 });
		expect(!read.ok && read.problem).toMatch(/^has more than 10 filled cells in its first sheet/);
	});

	it('says a damaged archive is one', async () => {
		const bytes = new Uint8Array(workbook('')).slice(0, 200);
		const read = await xlsxRows(bytes.buffer);
		expect(!read.ok && read.problem).toMatch(
			/^is not an Excel workbook that can be read \(its zip directory is missing/
		);
	});
});

describe('Excel dates', () => {
	it.each([
		['dd/mm/yyyy', true],
		['[$-409]mmmm d, yyyy', true],
		['h:mm AM/PM', true],
		['0.00', false],
		['"days" 0', false],
		['General', false],
		['#,##0 [Red]', false]
	])('%s is a date format: %s', (code, date) => {
		expect(isDateFormat(code)).toBe(date);
	});

	it.each([
		[45758, false, '2025-04-11'],
		[45758.75, false, '2025-04-11 18:00'],
		[44296, true, '2025-04-11'],
		[1e308, false, null],
		[Number.NaN, false, null]
	])('day %d (1904: %s) is %s', (serial, date1904, text) => {
		expect(serialDate(serial, date1904)).toBe(text);
	});
});

describe('a workbook previewed: its first rows, and its size told without reading the rest', () => {
	const rows = (n: number) =>
		Array.from(
			{ length: n },
			(_, i) =>
				`<row r="${i + 2}"><c r="A${i + 2}" s="1"><v>45758</v></c><c r="B${i + 2}" t="inlineStr"><is><t>Town ${i}</t></is></c></row>`
		).join('');

	it.each<[string, ArrayBuffer, { rows: number; exact: boolean; stated?: true }, number]>([
		// [what, the workbook, the estimate, how far it may be off: later rows are longer, as
		// their numbers are, so a sheet's first rows say a little more than it holds]
		[
			'a sheet that states its size',
			workbook(rows(5000), [], '<dimension ref="A1:B5001"/>'),
			{ rows: 5000, exact: true, stated: true },
			0
		],
		[
			'a sheet that does not: from its bytes',
			workbook(rows(5000)),
			{ rows: 5000, exact: false },
			0.1
		],
		// Some writers state only "A1": the rows already read are more than it says.
		[
			'a sheet whose size is stated wrong',
			workbook(rows(5000), [], '<dimension ref="A1"/>'),
			{ rows: 5000, exact: false },
			0.1
		],
		['a sheet no bigger than the preview: counted', workbook(rows(2)), { rows: 2, exact: true }, 0]
	])('%s', async (_, book, estimate, within) => {
		const read = await xlsxRows(book, XLSX_BUDGET, { firstRows: 3 });
		if (!read.ok) throw new Error(read.problem);
		expect(read.rows.slice(0, 3)).toEqual([
			['date', 'place'],
			['2025-04-11', 'Town 0'],
			['2025-04-11', 'Town 1']
		]);
		expect(read.estimate.exact).toBe(estimate.exact);
		// Stated only where the sheet states it; otherwise counted, or estimated from its bytes.
		expect(read.estimate.stated).toBe(estimate.stated);
		expect(Math.abs(read.estimate.rows - estimate.rows)).toBeLessThanOrEqual(
			estimate.rows * within
		);
	});
});
