import { QUIET_MS } from '../../src/lib/url/history-writer';
import { details, eventsList, expect, hashView, mapReady, shot, test } from './fixtures';

/** Where a place's button sits on screen: the map's camera, as a reader sees it. */
async function pixel(page: import('@playwright/test').Page, name: RegExp) {
	const box = (await page.getByRole('button', { name }).boundingBox())!;
	return { x: Math.round(box.x), y: Math.round(box.y) };
}

test.describe('the URL and the map agree', () => {
	test('Back after choosing an event restores the map to where it was', async ({ page }, info) => {
		await page.goto('./#3/48/20');
		await mapReady(page);
		const before = await pixel(page, /^Kryvyi Rih/);
		await eventsList(page)
			.getByRole('button', { name: /US and Russian officials meet/ })
			.click();
		await expect(page).toHaveURL(/event=saudi-talks/);
		// The move that brings Saudi Arabia (24.7° N) into view has landed and written its view.
		await expect.poll(() => hashView(page.url()).lat, { timeout: 10_000 }).toBeLessThan(40);
		await page.goBack();
		await expect(page).toHaveURL(/\/#3\/48\/20$/);
		await expect(details(page)).toHaveCount(0);
		await expect.poll(() => pixel(page, /^Kryvyi Rih/)).toEqual(before);
		await shot(page, info, 'back-restores-camera');
	});

	/** Waits until a place's button has stopped moving: the map has come to rest. */
	async function settle(page: import('@playwright/test').Page, name: RegExp) {
		let last = await pixel(page, name);
		await expect
			.poll(async () => {
				const now = await pixel(page, name);
				const still = now.x === last.x && now.y === last.y;
				last = now;
				return still;
			})
			.toBe(true);
		return last;
	}

	/** A point where a press reaches the map itself: no place, legend or panel over it. */
	async function bareMap(page: import('@playwright/test').Page) {
		const box = (await page.locator('.map .canvas').boundingBox())!;
		const point = await page.evaluate((b) => {
			for (let fy = 0.3; fy < 0.8; fy += 0.05)
				for (let fx = 0.3; fx < 0.8; fx += 0.05) {
					const [x, y] = [b.x + b.width * fx, b.y + b.height * fy];
					const at = document.elementFromPoint(x, y);
					if (at?.closest('.canvas') && !at.closest('button')) return { x, y };
				}
			return null;
		}, box);
		expect(point, 'a bare spot on the map').not.toBeNull();
		return point!;
	}

	/** Within a pixel: the address rounds the view to MapLibre's own precision. */
	const near = (a: { x: number; y: number }, b: { x: number; y: number }) =>
		Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)) <= 1;

	for (const { start, event } of [
		{ start: './', event: /Trump and Zelensky clash/ },
		{ start: './#1.72/42.2/1.3', event: /Russian missile strike/ }
	])
		test(`after choosing an event from the list, each drag reaches the address (${start})`, async ({
			page
		}) => {
			await page.goto(start);
			await mapReady(page);
			const place = /^Kryvyi Rih/;
			const before = await settle(page, place);
			await eventsList(page).getByRole('button', { name: event }).click();
			await expect(page).toHaveURL(/event=/);
			await settle(page, place);
			for (const [dx, dy] of [
				[90, -60],
				[-140, 40]
			]) {
				const { x, y } = await bareMap(page);
				await page.mouse.move(x, y);
				await page.mouse.down();
				await page.mouse.move(x + dx!, y + dy!, { steps: 10 });
				await page.mouse.up();
				const seen = await settle(page, place);
				// Past the pause after which the view reaches the address.
				await page.waitForTimeout(QUIET_MS + 300);
				await page.reload();
				await mapReady(page);
				await expect.poll(async () => near(await pixel(page, place), seen)).toBe(true);
			}
			// Back: the entry before the choice, with the view it had.
			await page.goBack();
			await expect(details(page)).toHaveCount(0);
			await expect.poll(async () => near(await pixel(page, place), before)).toBe(true);
			await page.waitForTimeout(QUIET_MS + 300);
			await page.reload();
			await mapReady(page);
			await expect.poll(async () => near(await pixel(page, place), before)).toBe(true);
		});

	test('the moment the map is ready, a press on it reaches the map, not the fading picture', async ({
		page
	}) => {
		await page.goto('./');
		// Read in the same frame the status turns ready: the picture fades for a while after it.
		const hit = await page.waitForFunction(() => {
			const map = document.querySelector('.map[data-status="ready"]');
			if (!map) return null;
			const r = map.getBoundingClientRect();
			const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
			return at?.closest('.canvas') ? 'the map' : (at?.className.toString() ?? 'nothing');
		});
		expect(await hit.jsonValue()).toBe('the map');
	});

	test('a drag that starts on a place pans the map and does not open it', async ({ page }) => {
		await page.goto('./');
		await mapReady(page);
		const start = (await page.getByRole('button', { name: /^Washington/ }).boundingBox())!;
		const before = await pixel(page, /^Cyprus/);
		const [x, y] = [start.x + start.width / 2, start.y + start.height / 2];
		await page.mouse.move(x, y);
		await page.mouse.down();
		// Up and to the right, so the press ends over the map, not over the legend.
		await page.mouse.move(x + 120, y - 100, { steps: 12 });
		await page.waitForTimeout(300);
		await page.mouse.up();
		await expect(page).toHaveURL(/#[\d.]+\/-?[\d.]+\/-?[\d.]+$/);
		const after = await pixel(page, /^Cyprus/);
		expect(after.x - before.x).toBeGreaterThan(100);
		expect(before.y - after.y).toBeGreaterThan(80);
		await expect(details(page)).toHaveCount(0);
		expect(new URL(page.url()).searchParams.has('place')).toBe(false);
	});

	test('after opening a story, the URL still follows and Back still closes a selection', async ({
		page
	}) => {
		await page.goto('./?date=2025-04-10&place=cyprus');
		await mapReady(page);
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Open your story…' }).click();
		await (
			await chooser
		).setFiles(
			['events.geojson', 'places.geojson', 'article.txt'].map((f) => `tests/fixtures/minimal/${f}`)
		);
		await expect(page.getByRole('heading', { name: 'Aid for Ukraine', level: 1 })).toBeVisible();
		// The old story's date and place mean nothing here, and are gone from the address.
		await expect(page).not.toHaveURL(/cyprus|date=/);
		await mapReady(page);
		await page.getByRole('button', { name: /^Brussels/ }).click();
		await expect(page).toHaveURL(/place=brussels/);
		await page.goBack();
		await expect(page).not.toHaveURL(/place=/);
		await expect(details(page)).toHaveCount(0);
		await page.getByRole('button', { name: 'Back to the default story' }).click();
		await eventsList(page)
			.getByRole('button', { name: /Russian missile strike/ })
			.click();
		await expect(page).toHaveURL(/event=kryvyi-rih-strike/);
	});
});

test.describe('details say what the article says, and what it does not', () => {
	test('Washington marks the sentences of every event it is part of, the prisoner swap included', async ({
		page
	}) => {
		await page.goto('./?place=washington&panel=article');
		await mapReady(page);
		await expect(details(page)).toContainText('prisoner');
		const marks = page.getByRole('region', { name: 'Article' }).locator('mark');
		await expect(marks.filter({ hasText: 'Ksenia Karelina' }).first()).toBeVisible();
	});

	test('an event whose place the article does not give says so', async ({ page }) => {
		await page.goto('./?event=peskov-expectations');
		await mapReady(page);
		const peskov = details(page).locator('[data-event="peskov-expectations"]');
		await expect(peskov).toContainText(
			'Not in the article: the article gives neither place nor date. It is shown at Moscow'
		);
		const strike = details(page);
		await page.goto('./?event=kryvyi-rih-strike');
		await expect(strike.locator('[data-event="kryvyi-rih-strike"]')).not.toContainText(
			'Not in the article'
		);
	});

	test('a place opened from the map by keyboard takes the focus to its details', async ({
		page
	}) => {
		await page.goto('./');
		await mapReady(page);
		await page.getByRole('button', { name: /^Kryvyi Rih/ }).focus();
		await page.keyboard.press('Enter');
		await expect(
			details(page).getByRole('heading', { name: 'Kryvyi Rih', level: 2 })
		).toBeFocused();
		await expect(details(page)).toContainText('City · ');
	});
});
