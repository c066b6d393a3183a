import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventTable } from '../../src/lib/story/columnar/arrow-table';
import { eventId } from '../../src/lib/story/event-table';
import { gedCsv } from '../helpers/ged-rows';
import { unzipped } from '../helpers/zip';
import { expect, test } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const importSection = (page: Page) =>
	page.getByRole('region', { name: 'Import a spreadsheet of events' });

async function axe(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** The whole page: the import's steps and the draft form below them. */
async function shot(page: Page, info: TestInfo, name: string) {
	mkdirSync('test-results/screens', { recursive: true });
	const path = `test-results/screens/${name}.png`;
	await page.screenshot({ path, fullPage: true });
	await info.attach(name, { path, contentType: 'image/png' });
}

/** Chooses a file the way a user does: the button, then the browser's file chooser. */
async function importFile(page: Page, path: string) {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import a spreadsheet…' }).click();
	await (await chooser).setFiles(path);
}

/** Every <progress> the page showed, as it showed it: a small file is read faster than a look. */
async function watchProgress(page: Page) {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { progressSeen: string[] }).progressSeen = seen;
		new MutationObserver(() => {
			for (const bar of document.querySelectorAll('progress'))
				seen.push(`${bar.getAttribute('aria-label')}|${bar.value}|${bar.max}`);
		}).observe(document, { subtree: true, childList: true, attributes: true });
	});
}

test.describe('importing a spreadsheet in the studio', () => {
	test('an ACLED export: recognised, read with a progress bar, every row accounted for', async ({
		page
	}, info) => {
		await watchProgress(page);
		await page.goto('./studio/');
		await expect(page.getByRole('button', { name: 'Draft the map' })).toBeVisible();
		await shot(page, info, 'studio-import-start');
		await importFile(page, join(FIXTURES, 'acled.csv'));
		const section = importSection(page);
		// Dated today, so only the swapped point, the repeated id and the row with no place are refused.
		await expect(section.getByRole('status').filter({ hasText: 'rows imported' })).toHaveText(
			/^\s*5 rows imported, 3 not:\s+see why\s*$/
		);
		const seen = await page.evaluate(
			() => (window as unknown as { progressSeen: string[] }).progressSeen
		);
		expect(seen.some((s) => s.startsWith('Importing acled.csv|'))).toBe(true);
		await expect(
			section.getByText('Read as an ACLED export, UTF-8, comma-separated.')
		).toBeVisible();

		const why = section.getByRole('button', { name: 'see why' });
		await expect(why).toHaveAttribute('aria-expanded', 'false');
		await why.focus();
		await page.keyboard.press('Enter');
		await expect(why).toHaveAttribute('aria-expanded', 'true');
		const table = section.getByRole('table', { name: 'Rows not imported' });
		await expect(table).toBeVisible();
		const rows = table.getByRole('row');
		await expect(rows).toHaveCount(4);
		await expect(rows.nth(1)).toContainText(/6\s*latitude, longitude\s*.*look swapped/);
		await expect(rows.nth(2)).toContainText(
			/8\s*event_id_cnty\s*"UKR210001" is the id of row 2 too/
		);
		await expect(rows.nth(3)).toContainText(/9\s*latitude\s*is empty/);
		await shot(page, info, 'studio-import-acled-why');

		const download = page.waitForEvent('download');
		await section.getByRole('button', { name: 'Download rejected.csv' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('rejected.csv');
		const csv = readFileSync((await file.path())!, 'utf8');
		expect(csv.split('\r\n')[0]).toMatch(/^row,column,reason,event_id_cnty,event_date,/);
		expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);

		await section.getByRole('button', { name: 'Open the 5 events in the studio' }).click();
		const review = page.getByRole('region', { name: 'Events' });
		await expect(review.getByRole('listitem')).toHaveCount(5);
		await expect(page.getByText('Ready to publish')).toBeVisible();
		await shot(page, info, 'studio-import-acled-project');

		// In the atlas, an event names its row and file, and its row's notes are labelled as notes.
		const tab = page.waitForEvent('popup');
		await page.getByRole('button', { name: 'Preview in the atlas' }).click();
		const preview = await tab;
		await preview
			.getByRole('list', { name: 'Events in date order' })
			.getByRole('button', { name: /Kryvyi Rih/ })
			.first()
			.click();
		const event = preview
			.getByRole('region', { name: 'Details' })
			.locator('article[data-event="ukr210001"]');
		await expect(event).toContainText('From row 2 of acled.csv');
		await expect(event.locator('.summary')).toHaveText(
			/^\s*Notes:\s+On 4 April 2025, Russian forces struck a residential area of Kryvyi Rih/
		);
		await expect(event).not.toContainText('“');
		await shot(preview, info, 'studio-import-acled-event');
		await preview.close();
	});

	test('any other spreadsheet: the columns confirmed, the date order asked, names placed', async ({
		page
	}, info) => {
		const dir = mkdtempSync(join(tmpdir(), 'studio-import-'));
		const path = join(dir, 'desk.csv');
		writeFileSync(
			path,
			[
				'Datum,Ort,Breite,Laenge,category,headline,notes',
				'03/04/2025,Kyiv,50.4501,30.5234,statement,Statement in Kyiv,Officials spoke.',
				'04/04/2025,Kharkiv,,,war,Shelling near Kharkiv,Placed by its name.',
				'05/04/2025,Springfield,,,meeting,A meeting in Springfield,Which Springfield?',
				'06/04/2025,Lviv,abc,24.0297,strike,Strike in Lviv,=HYPERLINK("http://evil.example")',
				'07/04/2025,Odesa,46.4825,30.7233,aid,Aid reaches Odesa,Delivered.'
			].join('\n')
		);
		await page.goto('./studio/');
		await importFile(page, path);
		const mapping = page.getByRole('form', { name: 'Which column holds what in desk.csv?' });
		await expect(mapping).toBeVisible();
		await expect(mapping.getByRole('heading', { name: /Which column holds what/ })).toBeFocused();
		// Guessed from the names: the title, the summary and the category; the rest is for the user.
		await expect(mapping.getByLabel('Title')).toHaveValue('5');
		await expect(mapping.getByLabel('Summary')).toHaveValue('6');
		await expect(mapping.getByLabel('Date', { exact: true })).toHaveValue('');
		await expect(mapping.getByRole('list', { name: 'Before importing' })).toContainText(
			'no column looks like the date: choose its column.'
		);
		await shot(page, info, 'studio-import-mapping-guessed');
		expect(await axe(page)).toEqual([]);
		// Pressed before the mapping is whole, the button takes the keyboard to what is missing.
		const go = mapping.getByRole('button', { name: 'Import the rows' });
		await expect(go).toHaveAttribute('aria-describedby', 'mapping-problems');
		await go.focus();
		await page.keyboard.press('Enter');
		await expect(mapping.getByRole('list', { name: 'Before importing' })).toBeFocused();

		await mapping.getByLabel('Date', { exact: true }).selectOption({ label: 'Datum' });
		await mapping.getByLabel('Latitude').selectOption({ label: 'Breite' });
		await mapping.getByLabel('Longitude').selectOption({ label: 'Laenge' });
		await mapping.getByLabel('Place name').selectOption({ label: 'Ort' });
		const order = mapping.getByRole('group', { name: /Dates like “03\/04\/2025” are written/ });
		await expect(order).toBeVisible();
		await expect(mapping.getByRole('list', { name: 'Before importing' })).toContainText(
			'say which order they are in'
		);
		await order.getByLabel(/day first/).check();
		await expect(mapping.getByRole('list', { name: 'Before importing' })).toHaveCount(0);
		await shot(page, info, 'studio-import-mapping-confirmed');
		await mapping.getByRole('button', { name: 'Import the rows' }).click();

		const section = importSection(page);
		await expect(section.getByRole('status').filter({ hasText: 'rows imported' })).toHaveText(
			/^\s*4 rows imported, 1 not:\s+see why\s*$/,
			{ timeout: 30_000 }
		);
		await section.getByRole('button', { name: 'see why' }).click();
		await expect(section.getByRole('table', { name: 'Rows not imported' })).toContainText(
			/5\s*Breite\s*"abc" is not a number of degrees/
		);
		const download = page.waitForEvent('download');
		await section.getByRole('button', { name: 'Download rejected.csv' }).click();
		const csv = readFileSync((await (await download).path())!, 'utf8');
		// The formula in the rejected row is text for a spreadsheet.
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
		await shot(page, info, 'studio-import-generic-result');
		expect(await axe(page)).toEqual([]);

		await section.getByRole('button', { name: 'Open the 4 events in the studio' }).click();
		const places = page.getByRole('region', { name: 'Places' });
		await expect(places.getByRole('button', { name: /Springfield\s*· unsure/ })).toBeVisible();
		await expect(places.getByRole('button', { name: /^Kharkiv$/ })).toBeVisible();
		await places.getByRole('button', { name: /Springfield/ }).click();
		await expect(places.getByText(/Springfield:.*, or .*\?/)).toBeVisible();
		const review = page.getByRole('region', { name: 'Events' });
		await expect(review.getByRole('listitem')).toHaveCount(4);
		await shot(page, info, 'studio-import-generic-project');
	});

	test('a sheet of town names: not ready while a place is unsure, each listed and asked', async ({
		page
	}, info) => {
		const dir = mkdtempSync(join(tmpdir(), 'studio-import-towns-'));
		const path = join(dir, 'towns.csv');
		writeFileSync(
			path,
			[
				'Date,Town,State/Region,Country,What happened,Category',
				'2025-04-01,Paris,,United States,Flooding closed roads,statement',
				'2025-04-02,Georgetown,,United States,Power cut,statement',
				'2025-04-03,Richmond,,United States,Storm damage,statement'
			].join('\n')
		);
		await page.goto('./studio/');
		await importFile(page, path);
		const mapping = page.getByRole('form', { name: 'Which column holds what in towns.csv?' });
		await mapping.getByRole('button', { name: 'Import the rows' }).click();
		const section = importSection(page);
		await expect(section.getByRole('status').filter({ hasText: 'rows imported' })).toHaveText(
			/3 rows imported, all of them\./
		);
		// The paragraph's source lines break where prettier put them: any white space between words.
		await expect(section).toContainText(
			/3 places were placed by name\s+without\s+being sure: Paris \(city in .*, US, or another\?\)/
		);
		await section.getByRole('button', { name: 'Open the 3 events in the studio' }).click();
		const bar = page.getByText(/^Not ready: 3 unsure places to settle$/);
		await expect(bar).toBeVisible();
		const toSettle = page.getByRole('list', { name: 'Unsure places to settle' });
		await expect(toSettle.getByRole('button')).toHaveText(['Paris', 'Georgetown', 'Richmond']);
		await shot(page, info, 'studio-import-towns-unsure');
		expect(await axe(page)).toEqual([]);
		for (const [i, name] of ['Paris', 'Georgetown', 'Richmond'].entries()) {
			await expect(page.getByText('Ready to publish')).toHaveCount(0);
			await toSettle.getByRole('button', { name }).click();
			// The bar takes the keyboard to the place's question.
			const question = page.getByRole('group', { name: `Place: ${name}` });
			await expect(question).toBeFocused();
			await question.getByRole('button', { name: /^Keep city in / }).click();
			if (i < 2)
				await expect(
					page.getByText(`Not ready: ${2 - i} unsure place`, { exact: false })
				).toBeVisible();
		}
		await expect(toSettle).toHaveCount(0);
		await expect(page.getByText('Ready to publish')).toBeVisible();
	});

	test('a big file shows its progress and can be cancelled, the page answering throughout', async ({
		page
	}, info) => {
		test.setTimeout(120_000);
		const dir = mkdtempSync(join(tmpdir(), 'studio-import-big-'));
		const path = join(dir, 'big-acled.csv');
		const [header, row] = readFileSync(join(FIXTURES, 'acled.csv'), 'utf8').split('\r\n');
		const lines = [header];
		// About 80 MB: 200,000 rows of ACLED's shape, each with its own id.
		for (let i = 0; i < 200_000; i++) lines.push(row!.replace('UKR210001', `UKR${300000 + i}`));
		writeFileSync(path, `${lines.join('\r\n')}\r\n`);

		await page.goto('./studio/');
		await importFile(page, path);
		// Told from the file's head before a row is read; the user asks for every row to be checked.
		await expect(importSection(page).getByRole('alert')).toContainText(
			/^big-acled\.csv: About [\d,]+ rows \(estimated from its [\d.]+ MB\): more than the 1,000 events/
		);
		await importSection(page)
			.getByRole('button', { name: 'Read every row here into a story folder' })
			.click();
		const bar = page.getByRole('progressbar', { name: 'Importing big-acled.csv' });
		await expect(bar).toBeVisible();
		await expect(importSection(page).locator('.progress .read')).toContainText(
			/Read [\d.]+ MB of [\d.]+ MB/
		);
		// A screen reader hears the quarters, not every megabyte.
		await expect(importSection(page).getByRole('status')).toHaveText(
			/^Importing: (started|a quarter read|half read|three quarters read|all read)\.$/
		);
		// The page answers while the worker reads: typing goes through at once.
		await page.getByLabel('Headline').fill('Typed during the import');
		await expect(page.getByLabel('Headline')).toHaveValue('Typed during the import');
		await shot(page, info, 'studio-import-progress');
		await importSection(page).getByRole('button', { name: 'Cancel' }).click();
		await expect(importSection(page).getByRole('alert')).toHaveText(
			'The import was cancelled; nothing was imported.'
		);
		await expect(bar).toHaveCount(0);
		// The keyboard is back where it began.
		await expect(page.getByRole('button', { name: 'Import a spreadsheet…' })).toBeFocused();
		await shot(page, info, 'studio-import-cancelled');
	});

	test('an Excel workbook: its first sheet, through the same mapping, its dates as dates', async ({
		page
	}, info) => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Events');
		sheet.addRow(['Date', 'Place', 'Latitude', 'Longitude', 'Category', 'Title']);
		sheet.addRow([new Date(Date.UTC(2025, 3, 11)), 'Kyiv', 50.4501, 30.5234, 'statement', 'Said']);
		sheet.addRow([new Date(Date.UTC(2025, 3, 10)), 'Lviv', 49.8397, 24.0297, 'strike', 'Struck']);
		const dir = mkdtempSync(join(tmpdir(), 'studio-import-xlsx-'));
		const path = join(dir, 'desk.xlsx');
		writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
		await page.goto('./studio/');
		await importFile(page, path);
		const mapping = page.getByRole('form', { name: 'Which column holds what in desk.xlsx?' });
		await expect(mapping.getByLabel('Date', { exact: true })).toHaveValue('0');
		await expect(mapping.getByRole('row', { name: /^Date/ })).toContainText(
			'2025-04-11 · 2025-04-10'
		);
		await mapping.getByRole('button', { name: 'Import the rows' }).click();
		const section = importSection(page);
		await expect(section.getByRole('status').filter({ hasText: 'rows imported' })).toHaveText(
			/2 rows imported, all of them\./
		);
		await expect(
			section.getByText(/Read as a spreadsheet, sheet "Events" of a workbook/)
		).toBeVisible();
		await shot(page, info, 'studio-import-xlsx');
		await section.getByRole('button', { name: 'Open the 2 events in the studio' }).click();
		await expect(page.getByRole('region', { name: 'Events' })).toContainText('2025-04-11');
	});

	test('an import too big to edit here says so, and how to import it instead', async ({
		page
	}, info) => {
		const dir = mkdtempSync(join(tmpdir(), 'studio-import-many-'));
		const path = join(dir, 'many.csv');
		const [header, row] = readFileSync(join(FIXTURES, 'acled.csv'), 'utf8').split('\r\n');
		const lines = [header];
		for (let i = 0; i < 1_500; i++) lines.push(row!.replace('UKR210001', `UKR${300000 + i}`));
		writeFileSync(path, `${lines.join('\r\n')}\r\n`);
		await watchProgress(page);
		await page.goto('./studio/');
		await importFile(page, path);
		const section = importSection(page);
		// Said at once, from the rows counted in the file's head, before any row is read.
		const early = section.getByRole('alert');
		await expect(early).toContainText(
			'many.csv: 1,500 rows: more than the 1,000 events the studio edits one by one.'
		);
		await expect(early).toContainText('npm run import -- many.csv --out geodata/stories/my-story');
		await expect(early.getByRole('button', { name: 'Import another file' })).toBeFocused();
		expect(
			await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
		).toEqual([]);
		await shot(page, info, 'studio-import-too-big-early');
		expect(await axe(page)).toEqual([]);
		await early.getByRole('button', { name: 'Read every row here into a story folder' }).click();
		await expect(section.getByRole('status').filter({ hasText: 'rows imported' })).toHaveText(
			/1,500 rows imported, all of them\./
		);
		const alert = section.getByRole('alert');
		await expect(alert).toContainText('1,500 events are more than the studio edits');
		await expect(alert).toContainText('written here as a story folder in the columnar form');
		await expect(
			section.getByRole('button', { name: /^Download the story folder \(many\.zip, / })
		).toBeVisible();
		await expect(section.getByRole('button', { name: /^Open the/ })).toHaveCount(0);
		await shot(page, info, 'studio-import-too-big');
	});

	test('a UCDP GED export of thousands of rows: read in the worker, downloaded as a story folder', async ({
		page
	}, info) => {
		test.setTimeout(120_000);
		const dir = mkdtempSync(join(tmpdir(), 'studio-import-ged-'));
		const path = join(dir, 'ged-2025.csv');
		// UCDP's own 49 columns, 3,000 rows at four towns; every sixth row has its dates reversed.
		writeFileSync(path, gedCsv(3_000));
		await page.goto('./studio/');
		await importFile(page, path);
		const section = importSection(page);
		await expect(section.getByRole('alert')).toContainText(
			/^ged-2025\.csv: (About )?[\d,]+ rows.*: more than the 1,000 events the studio edits one by one\./
		);
		await section.getByRole('button', { name: 'Read every row here into a story folder' }).click();
		await expect(section.getByRole('status').filter({ hasText: 'rows imported' })).toHaveText(
			/^\s*2,500 rows imported, 500 not:\s+see why\s*$/,
			{ timeout: 60_000 }
		);
		await expect(section.getByText(/^\s*Read as a UCDP GED export/)).toBeVisible();
		const alert = section.getByRole('alert');
		await expect(alert).toContainText('2,500 events are more than the studio edits');
		await expect(alert).toContainText('written here as a story folder in the columnar form');
		const button = section.getByRole('button', {
			name: /^Download the story folder \(ged-2025\.zip, /
		});
		expect(await axe(page)).toEqual([]);
		await shot(page, info, 'studio-import-story-folder');
		const download = page.waitForEvent('download');
		await button.click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('ged-2025.zip');
		const files = unzipped(new Uint8Array(readFileSync((await file.path())!)));
		expect([...files.keys()].sort()).toEqual([
			'ged-2025/article.txt',
			'ged-2025/events.arrow',
			'ged-2025/places.geojson',
			'ged-2025/text/0.json',
			'ged-2025/text/1.json',
			'ged-2025/text/2.json'
		]);
		const read = readEventTable(files.get('ged-2025/events.arrow')!);
		if (!read.ok) throw new Error(read.message);
		expect(read.table.length).toBe(2_500);
		expect(read.meta.origin).toMatch(
			/^Imported from a UCDP GED export \(ged-2025\.csv\): 2,500 events, /
		);
		const chunk = JSON.parse(new TextDecoder().decode(files.get('ged-2025/text/0.json'))) as {
			id: string;
			title: string;
		}[];
		expect(chunk).toHaveLength(1_000);
		expect(chunk[0]!.id).toBe(eventId(read.table, 0));

		// The same folder in the atlas, read by the loader's worker from this browser's storage.
		const tab = page.waitForEvent('popup');
		await section.getByRole('link', { name: 'Preview in the atlas' }).click();
		const preview = await tab;
		await expect(
			preview.getByRole('heading', { name: 'Imported from ged-2025.csv', level: 1 })
		).toBeVisible();
		await expect(
			preview.getByText(/^Imported from a UCDP GED export \(ged-2025\.csv\): 2,500 events, /)
		).toBeVisible();
		const rows = preview.getByRole('list', { name: 'Events in date order' }).getByRole('listitem');
		await expect(rows.first()).toHaveAttribute('aria-setsize', '2500');
		// The words come from the text chunks kept with it.
		await expect(rows.first().getByRole('button')).toContainText(
			'Russian missile kills 20 in Kryvyi Rih'
		);
		await rows.first().getByRole('button').click();
		const details = preview.getByRole('region', { name: 'Details' });
		const event = details.locator(`article[data-event="${chunk[0]!.id}"]`);
		// A row of data, not an article's words: said so, and no cell in quotation marks.
		await expect(event).toContainText(/From row [\d,]+ of ged-2025\.csv/);
		// UCDP has no notes column: its summary is the importer's, not labelled as the row's notes.
		await expect(event.locator('.summary')).not.toContainText('Notes');
		await expect(event).toContainText('The row, as imported');
		await expect(event).not.toContainText('The article says');
		await expect(event).not.toContainText('“');
		await shot(preview, info, 'studio-import-folder-preview');
		await preview.close();
	});

	test('a file that is not a spreadsheet gets a sentence, not a blank page', async ({ page }) => {
		const dir = mkdtempSync(join(tmpdir(), 'studio-import-bad-'));
		const path = join(dir, 'photo.csv');
		writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
		await page.goto('./studio/');
		await importFile(page, path);
		await expect(importSection(page).getByRole('alert')).toHaveText(
			'photo.csv is not a CSV or TSV file: it is a PNG image.'
		);
	});
});
