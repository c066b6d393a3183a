import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { EXPORT_MAP_SIZE } from '../../src/lib/map/export-image';
import { badFile } from '../helpers/bad-files';
import {
	details,
	eventsList,
	expect,
	mapReady,
	shot,
	slider,
	test,
	hashView,
	hostPage,
	placeReachable
} from './fixtures';

const articleRegion = (page: import('@playwright/test').Page) =>
	page.getByRole('region', { name: 'Article' });

test.describe('the article beside the map', () => {
	test('a place mentioned in the text brings the map there and opens it, by keyboard', async ({
		page
	}, info) => {
		await page.goto('./');
		await mapReady(page);
		await page.getByRole('button', { name: 'Article text', exact: true }).click();
		const mention = articleRegion(page).getByRole('button', { name: 'Kryvyi Rih' }).first();
		await mention.focus();
		await page.keyboard.press('Enter');
		await expect(
			details(page).getByRole('heading', { name: 'Kryvyi Rih', level: 2 })
		).toBeVisible();
		await expect.poll(() => placeReachable(page, 'kryvyi-rih'), { timeout: 10_000 }).toBe(true);
		await expect(articleRegion(page).locator('mark').first()).toBeVisible();
		await shot(page, info, 'article-mention');
	});

	test('choosing an event marks and scrolls to the sentences it rests on', async ({
		page
	}, info) => {
		await page.goto('./');
		await mapReady(page);
		await eventsList(page)
			.getByRole('button', { name: /US and Russia swap Karelina for Petrov/ })
			.click();
		await page.getByRole('button', { name: 'Article text', exact: true }).click();
		const marks = articleRegion(page).locator('mark');
		await expect(marks.first()).toBeInViewport();
		await expect(articleRegion(page)).toContainText(
			'a prisoner exchange was completed earlier this week'
		);
		const marked = (
			await articleRegion(page).locator('mark, .mention.marked').allTextContents()
		).join('');
		expect(marked).toContain('In exchange, Moscow received Arthur Petrov');
		await shot(page, info, 'article-marked');
	});

	test('the slider greys out sentences about later events', async ({ page }) => {
		await page.goto('./?date=2025-02-20');
		await mapReady(page);
		await page.getByRole('button', { name: 'Article text', exact: true }).click();
		const strike = articleRegion(page).locator('[data-events~="kryvyi-rih-strike"]').first();
		await expect(strike).toHaveClass(/dim/);
		const saudi = articleRegion(page).locator('[data-events~="saudi-talks"]').first();
		await expect(saudi).not.toHaveClass(/dim/);
		await slider(page).press('End');
		await expect(strike).not.toHaveClass(/dim/);
	});
});

test.describe('claims and corrections', () => {
	test('every note from the news desk is visible beside the article’s own words', async ({
		page
	}, info) => {
		await page.goto('./');
		await mapReady(page);
		await page.getByLabel(/Only events other reporting corrects/).check();
		const items = eventsList(page).getByRole('listitem');
		await expect(items).toHaveCount(9);
		const corrections = [
			['Trump: “Russia has to get moving”', 'second term'],
			['€21bn in military aid for Ukraine', 'NATO headquarters in Brussels'],
			['US and Russia swap Karelina for Petrov', 'Abu Dhabi airport'],
			['Arthur Petrov arrested in Cyprus', '26 August 2023'],
			['Russian missile strike kills 19 in Kryvyi Rih', 'counted 20'],
			['US and Russian officials meet in Saudi Arabia', 'met Putin in Moscow on 11 February 2025'],
			['Zelensky: “several hundred Chinese nationals” fight for Russia', 'video address'],
			['US and Russia swap Karelina for Petrov', '$51.80']
		] as const;
		for (const [title, fact] of corrections) {
			await eventsList(page)
				.getByRole('button', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
				.click();
			const article = details(page).locator('article.chosen');
			await expect(
				article.getByRole('note', { name: 'Correction' }).filter({ hasText: fact })
			).toBeVisible();
			await expect(article.getByText('Corrected by other reporting')).toBeVisible();
			await expect(article.locator('blockquote').first()).toBeVisible();
		}
		await shot(page, info, 'corrections');
	});
});

test('vague dates read as ranges in the list, distinct from exact days', async ({ page }) => {
	await page.goto('./');
	await mapReady(page);
	const dmitriev = eventsList(page).getByRole('button', {
		name: /Kremlin envoy Dmitriev visits Washington/
	});
	await expect(dmitriev).toContainText('sometime between 31 March and 6 April 2025');
	await expect(dmitriev.locator('.date')).toHaveClass(/vague/);
	const strike = eventsList(page).getByRole('button', { name: /Russian missile strike/ });
	await expect(strike).toContainText('4 April 2025');
	await expect(strike.locator('.date')).not.toHaveClass(/vague/);
	await expect(page.getByText('only a range is known')).toBeVisible();
});

test.describe('your own story', () => {
	const minimal = ['events.geojson', 'places.geojson', 'article.txt'].map(
		(name) => `tests/fixtures/minimal/${name}`
	);

	test('opens from the file picker, is checked in the browser, and the default is one click away', async ({
		page
	}, info) => {
		const requests: Array<{ method: string; url: string }> = [];
		await page.goto('./');
		await mapReady(page);
		page.on('request', (r) => requests.push({ method: r.method(), url: r.url() }));
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Open your story…' }).click();
		await (await chooser).setFiles(minimal);
		await expect(page.getByRole('heading', { name: 'Aid for Ukraine', level: 1 })).toBeVisible();
		await expect(eventsList(page).getByRole('listitem')).toHaveCount(1);
		await mapReady(page);
		// Read in the browser: nothing is uploaded, and the project's story files are not fetched.
		expect(requests.filter((r) => r.method !== 'GET' || /generated\/story\//.test(r.url))).toEqual(
			[]
		);
		await shot(page, info, 'own-story');
		await page.getByRole('button', { name: 'Back to the default story' }).click();
		await expect(
			page.getByRole('heading', { name: 'US envoy Witkoff meets Putin in St Petersburg' })
		).toBeVisible();
	});

	test('a bad file dropped on the page lists its problems, and the default story is one click away', async ({
		page
	}, info) => {
		await page.goto('./');
		await mapReady(page);
		const files = [
			{
				name: 'events.geojson',
				mimeType: 'application/geo+json',
				buffer: Buffer.from(badFile('bad-date.events.geojson').contents)
			},
			{
				name: 'places.geojson',
				mimeType: 'application/geo+json',
				buffer: readFileSync('geodata/stories/witkoff-putin-st-petersburg/places.geojson')
			},
			{
				name: 'article.txt',
				mimeType: 'text/plain',
				buffer: readFileSync('geodata/stories/witkoff-putin-st-petersburg/article.txt')
			}
		];
		const transfer = await page.evaluateHandle(
			(files) => {
				const dt = new DataTransfer();
				for (const f of files)
					dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
				return dt;
			},
			files.map((f) => ({ name: f.name, type: f.mimeType, bytes: [...f.buffer] }))
		);
		await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
		await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
		await expect(page.getByRole('alert')).toContainText(
			'events.geojson › kryvyi-rih-strike › start: "2025-02-30" is not a real date.'
		);
		await shot(page, info, 'own-story-problems');
		await page.getByRole('button', { name: 'Back to the default story' }).click();
		await mapReady(page);
		await expect(eventsList(page).getByRole('listitem')).toHaveCount(20);
	});
});

test.describe('share and embed', () => {
	test('a link shared straight after a scrub holds the day the reader stopped on', async ({
		page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('./?date=2025-04-04');
		await mapReady(page);
		// The address waits for the scrub to pause (url/history-writer.ts); Share must not.
		await slider(page).focus();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await expect(slider(page)).toHaveAttribute('aria-valuetext', '7 April 2025');
		await page.getByRole('button', { name: 'Share' }).click();
		await expect(page.getByText('Link copied')).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('date=2025-04-07');
	});

	test('Share copies a link that opens the same view', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('./?date=2025-04-04&place=kryvyi-rih#5/48/33');
		await mapReady(page);
		await page.getByRole('button', { name: 'Article text', exact: true }).click();
		await page.getByRole('button', { name: 'Share' }).click();
		await expect(page.getByText('Link copied')).toBeVisible();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toContain('date=2025-04-04');
		expect(link).toContain('place=kryvyi-rih');
		expect(link).toContain('panel=article');
		const other = await context.newPage();
		await other.goto(link);
		await expect(other.getByRole('slider', { name: /Date/ })).toHaveAttribute(
			'aria-valuetext',
			'4 April 2025'
		);
		await expect(
			other
				.getByRole('region', { name: 'Details' })
				.getByRole('heading', { name: 'Kryvyi Rih', level: 2 })
		).toBeVisible();
		expect(hashView(other.url())).toEqual({ zoom: 5, lat: 48, lon: 33 });
		await expect(
			other.getByRole('region', { name: 'Article' }).locator('mark').first()
		).toBeVisible();
		await other.close();
	});

	test('?embed is compact and tells the parent page about changes', async ({
		page,
		baseURL
	}, info) => {
		await hostPage(
			page,
			baseURL!,
			`<iframe src="${baseURL}?embed&date=2025-04-10" style="width:900px;height:640px;border:0" title="Story Atlas"></iframe>`
		);
		await page.evaluate(() => {
			(window as unknown as { messages: unknown[] }).messages = [];
			window.addEventListener('message', (e) =>
				(window as unknown as { messages: unknown[] }).messages.push(e.data)
			);
		});
		const frame = page.frameLocator('iframe');
		await expect(frame.locator('.map[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
		await expect(frame.getByRole('button', { name: 'Download PNG' })).toHaveCount(0);
		await frame.getByRole('slider', { name: /Date/ }).press('ArrowRight');
		await expect
			.poll(() =>
				page.evaluate(
					() => (window as unknown as { messages: Array<{ date?: string }> }).messages.at(-1)?.date
				)
			)
			.toBe('2025-04-11');
		await frame.getByRole('button', { name: /^Abu Dhabi/ }).click();
		await expect
			.poll(() =>
				page.evaluate(() =>
					(
						window as unknown as { messages: Array<{ place?: string; source?: string }> }
					).messages.at(-1)
				)
			)
			.toMatchObject({ source: 'story-atlas', type: 'state', place: 'abu-dhabi' });
		await shot(page, info, 'embed');
	});
});

test.describe('export', () => {
	for (const { panel, address } of [
		{ panel: 'no panel open', address: './?date=2025-04-11' },
		{ panel: 'the details open', address: './?date=2025-04-11&place=kryvyi-rih' }
	])
		test(`downloads the whole map as a PNG with legend, date and credits, ${panel}`, async ({
			page
		}, info) => {
			await page.goto(address);
			await mapReady(page);
			const download = page.waitForEvent('download');
			await page.getByRole('button', { name: 'Download PNG' }).click();
			const file = await download;
			expect(file.suggestedFilename()).toBe('story-atlas-2025-04-11.png');
			const path = info.outputPath('export.png');
			await file.saveAs(path);
			const png = readFileSync(path);
			expect(png.subarray(1, 4).toString()).toBe('PNG');
			const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
			// The whole map, whatever the panels leave of it on screen: its size, with the header and
			// the credits' line (export-image.ts).
			expect([width, height]).toEqual([EXPORT_MAP_SIZE.width, EXPORT_MAP_SIZE.height + 56 + 28]);
			await info.attach('export', { path, contentType: 'image/png' });
			mkdirSync('test-results/screens', { recursive: true });
			copyFileSync(path, `test-results/screens/export-${panel.replace(/ /g, '-')}.png`);
			// The map on screen is back where it was.
			await expect(page.locator('.map .canvas')).not.toHaveAttribute('style', /fixed/);
		});

	test('prints the map as a picture and the visible events as a list', async ({ page }, info) => {
		await page.goto('./?date=2025-04-04');
		await mapReady(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('img.print-only')).toBeVisible();
		await expect(page.locator('.maplibregl-ctrl-zoom-in')).toBeHidden();
		await expect(eventsList(page).getByRole('listitem')).toHaveCount(8);
		await shot(page, info, 'print');
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.length).toBeGreaterThan(10_000);
	});
});
