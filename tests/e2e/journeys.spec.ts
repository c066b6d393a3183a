import {
	details,
	eventsList,
	expect,
	liveRegion,
	mapReady,
	scrubTo,
	shot,
	slider,
	test,
	placeReachable
} from './fixtures';
import { readerJourneys } from './reader-journeys';

readerJourneys(test, { name: 'the seed story', url: () => './', events: 20 });

const SAUDI = 'US and Russian officials meet in Saudi Arabia';
const STRIKE = 'Russian missile strike kills 19 in Kryvyi Rih';

test.describe('a reader with a mouse', () => {
	test('scrubs the slider: 20 February 2025 shows the Saudi meeting, not the strike; the end shows both', async ({
		page
	}, info) => {
		await page.goto('./');
		await mapReady(page);
		const track = (await slider(page).boundingBox())!;
		const mar = (await slider(page).locator('text', { hasText: /^Mar$/ }).boundingBox())!;
		await page.mouse.click(mar.x, track.y + 20);
		await scrubTo(page, '20 February 2025', new Date('2025-02-20'));
		const list = eventsList(page);
		await expect(list.getByText(SAUDI)).toBeVisible();
		await expect(list.getByText(STRIKE)).toHaveCount(0);
		await expect(liveRegion(page)).toHaveText(/^\d+ events up to 20 February 2025$/);
		await shot(page, info, 'scrub-20-february');
		await slider(page).press('End');
		await expect(list.getByText(SAUDI)).toBeVisible();
		await expect(list.getByText(STRIKE)).toBeVisible();
		await expect(liveRegion(page)).toHaveText('20 events up to 12 April 2025');
		await shot(page, info, 'scrub-end');
	});

	test('clicks Kryvyi Rih on the map and reads what happened there', async ({ page }, info) => {
		await page.goto('./');
		await mapReady(page);
		const place = (await page.getByRole('button', { name: /^Kryvyi Rih/ }).boundingBox())!;
		await page.mouse.click(place.x + place.width / 2, place.y + place.height / 2);
		const panel = details(page);
		await expect(panel.getByRole('heading', { name: 'Kryvyi Rih', level: 2 })).toBeVisible();
		await expect(panel).toContainText('killed 19 people, including nine children');
		await expect(
			panel
				.getByRole('blockquote')
				.filter({ hasText: 'The April 4 strike killed 19 people, including nine children.' })
		).toBeVisible();
		await expect(panel.getByRole('note', { name: 'Correction' }).first()).toContainText(
			'counted 20'
		);
		await expect(page).toHaveURL(/place=kryvyi-rih/);
		await shot(page, info, 'click-kryvyi-rih');
	});

	test('chooses an event in the list: the map brings it into view and its details open', async ({
		page
	}, info) => {
		await page.goto('./');
		await mapReady(page);
		await eventsList(page)
			.getByRole('button', { name: /US and Russia swap Karelina for Petrov/ })
			.click();
		const panel = details(page);
		await expect(panel.getByRole('heading', { name: 'Abu Dhabi', level: 2 })).toBeVisible();
		await expect(panel.locator('article[data-event="prisoner-exchange"]')).toHaveClass(/chosen/);
		await expect(page).toHaveURL(/event=prisoner-exchange/);
		// The exchange joins Washington and Moscow: all three end clear of the panel and the legend.
		for (const id of ['abu-dhabi', 'washington', 'moscow'])
			await expect.poll(() => placeReachable(page, id), { timeout: 10_000 }).toBe(true);
		await shot(page, info, 'list-show-abu-dhabi');
		await page.goBack();
		await expect(details(page)).toHaveCount(0);
	});
});

test('a drag along the slider moves the date and selects no text', async ({ page }) => {
	await page.goto('./');
	await mapReady(page);
	// From an axis label, along the others and out past the track, as a hand does.
	const label = (await slider(page).locator('text').last().boundingBox())!;
	const y = label.y + label.height / 2;
	await page.mouse.move(label.x + 2, y);
	await page.mouse.down();
	await page.mouse.move(label.x - 400, y, { steps: 12 });
	await page.mouse.move(label.x - 500, y + 60, { steps: 6 });
	await page.mouse.up();
	await expect(slider(page)).not.toHaveAttribute('aria-valuetext', '12 April 2025');
	expect(await page.evaluate(() => getSelection()?.toString() ?? '')).toBe('');
});

test.describe('a reader with only a keyboard', () => {
	test('scrubs with arrows, Page keys, Home and End', async ({ page }, info) => {
		await page.goto('./');
		await mapReady(page);
		for (
			let i = 0;
			i < 30 && !(await slider(page).evaluate((el) => el === document.activeElement));
			i++
		) {
			await page.keyboard.press('Tab');
		}
		await expect(slider(page)).toBeFocused();
		await page.keyboard.press('Home');
		await expect(slider(page)).toHaveAttribute('aria-valuetext', '1 February 2022');
		await page.keyboard.press('PageUp');
		await expect(slider(page)).toHaveAttribute('aria-valuetext', '28 February 2022');
		for (const next of [
			'1 January 2024',
			'31 December 2024',
			'20 January 2025',
			'1 February 2025',
			'18 February 2025'
		]) {
			await page.keyboard.press('PageUp');
			await expect(slider(page)).toHaveAttribute('aria-valuetext', next);
		}
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(slider(page)).toHaveAttribute('aria-valuetext', '20 February 2025');
		await expect(eventsList(page).getByText(SAUDI)).toBeVisible();
		await expect(eventsList(page).getByText(STRIKE)).toHaveCount(0);
		await expect(liveRegion(page)).toHaveText(/events up to 20 February 2025/);
		await page.keyboard.press('End');
		await expect(eventsList(page).getByText(STRIKE)).toBeVisible();
		await shot(page, info, 'keyboard-scrub');
	});

	test('opens an event from the list with Enter', async ({ page }, info) => {
		await page.goto('./');
		await mapReady(page);
		const item = eventsList(page).getByRole('button', { name: new RegExp(STRIKE) });
		const inList = () => eventsList(page).evaluate((el) => el.contains(document.activeElement));
		for (let i = 0; i < 30 && !(await inList()); i++) await page.keyboard.press('Tab');
		// The list is one Tab stop; arrows move within it.
		for (let i = 0; i < 30 && !(await item.evaluate((el) => el === document.activeElement)); i++) {
			await page.keyboard.press('ArrowDown');
		}
		await expect(item).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(
			details(page).getByRole('heading', { name: 'Kryvyi Rih', level: 2 })
		).toBeVisible();
		await expect(details(page)).toContainText(
			'The April 4 strike killed 19 people, including nine children.'
		);
		await expect.poll(() => placeReachable(page, 'kryvyi-rih'), { timeout: 10_000 }).toBe(true);
		await shot(page, info, 'keyboard-list');
	});

	test('reaches a place on the map by Tab and opens it with Enter', async ({ page }, info) => {
		await page.goto('./');
		await mapReady(page);
		const place = page.getByRole('button', { name: /^Kryvyi Rih: 4 events/ });
		for (let i = 0; i < 80 && !(await place.evaluate((el) => el === document.activeElement)); i++) {
			await page.keyboard.press('Tab');
		}
		await expect(place).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(details(page)).toContainText('killed 19 people, including nine children');
		await shot(page, info, 'keyboard-map-place');
	});
});

test('works on a 360 px phone', async ({ browser }, info) => {
	const page = await browser.newPage({
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true
	});
	await page.goto('./');
	await mapReady(page);
	await expect(slider(page)).toBeVisible();
	await expect(eventsList(page).getByText(STRIKE)).toBeVisible();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(360);
	await shot(page, info, 'phone-360');
	await eventsList(page)
		.getByRole('button', { name: new RegExp(STRIKE) })
		.tap();
	await expect(details(page)).toContainText('killed 19 people, including nine children');
	await details(page).scrollIntoViewIfNeeded();
	await shot(page, info, 'phone-360-details');
	await page.close();
});

test('on a 360 px phone, a place tapped on the map scrolls its details into view', async ({
	browser
}, info) => {
	const page = await browser.newPage({
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true
	});
	await page.goto('./');
	await mapReady(page);
	await page.getByRole('button', { name: /^Kryvyi Rih/ }).tap();
	await expect(details(page).getByRole('heading', { name: 'Kryvyi Rih', level: 2 })).toBeInViewport(
		{ ratio: 1 }
	);
	await shot(page, info, 'phone-360-place-tapped');
	await page.close();
});
