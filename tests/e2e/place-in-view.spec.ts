import type { Locator, Page } from '@playwright/test';
import { expect, mapReady, shot, test } from './fixtures';

/** The six places of the brief, by their ids in the default story's places.geojson. */
const PLACES = [
	['kryvyi-rih', 'Kryvyi Rih'],
	['st-petersburg', 'St Petersburg'],
	['saudi-arabia', 'Saudi Arabia'],
	['washington', 'Washington'],
	['brussels', 'Brussels'],
	['cyprus', 'Cyprus']
] as const;

const SIZES = [
	{ width: 1280, height: 800 },
	{ width: 1600, height: 900 },
	{ width: 1024, height: 768 },
	{ width: 360, height: 740 }
];

const button = (page: Page, id: string) => page.locator(`button.place-button[data-place="${id}"]`);

/**
 * Waits until the map has drawn and stopped: the first frame is marked, and the button has kept
 * its position for several samples in a row (an ease of the camera moves it every frame).
 */
async function settled(page: Page, target: Locator): Promise<void> {
	await mapReady(page);
	await page.waitForFunction(() => performance.getEntriesByName('story-map-drawn').length > 0);
	let last = '';
	let same = 0;
	for (let i = 0; i < 80 && same < 5; i++) {
		await page.waitForTimeout(120);
		const box = await target.boundingBox();
		const now = box ? `${Math.round(box.x)},${Math.round(box.y)}` : 'none';
		same = now === last ? same + 1 : 0;
		last = now;
	}
	expect(same, 'the map came to rest').toBeGreaterThanOrEqual(5);
}

/** What the reader's pointer reaches at the centre of the place's button. */
async function reachable(page: Page, id: string): Promise<string> {
	const target = button(page, id);
	await target.scrollIntoViewIfNeeded();
	await settled(page, target);
	return target.evaluate((el) => {
		const box = el.getBoundingClientRect();
		const x = box.left + box.width / 2;
		const y = box.top + box.height / 2;
		const hit = document.elementFromPoint(x, y);
		if (hit === el || (hit && el.contains(hit))) return 'the button';
		if (!hit) return `nothing at ${Math.round(x)},${Math.round(y)}`;
		const label = hit.getAttribute('aria-label') ?? hit.textContent?.trim().slice(0, 40) ?? '';
		return `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')} "${label}"`;
	});
}

// One page per size, as a reader uses it: each place chosen on the map, then by its first event,
// with Back between them. Soft checks, so one covered place does not hide the others.
for (const size of SIZES) {
	test(`at ${size.width}×${size.height}: every place stays reachable, at the opening, chosen on the map and by its first event`, async ({
		page
	}, info) => {
		// Thirteen settled views on one page: longer than one view's test, shorter than thirteen.
		test.setTimeout(180_000);
		await page.setViewportSize(size);
		await page.goto('./');
		for (const [id, name] of PLACES) {
			expect.soft(await reachable(page, id), `${name} at the opening`).toBe('the button');
		}
		await shot(page, info, `in-view-opening-${size.width}`);

		for (const [id, name] of PLACES) {
			await settled(page, button(page, id));
			await button(page, id).click({ timeout: 5_000 });
			await expect(page).toHaveURL(new RegExp(`place=${id}`));
			expect.soft(await reachable(page, id), `${name} after clicking it`).toBe('the button');
			await shot(page, info, `in-view-${size.width}-${id}-place`);
			await page.goBack();
			await expect(page).not.toHaveURL(/place=/);

			const first = page
				.locator('button[data-event]')
				.filter({ has: page.locator('.place', { hasText: new RegExp(`^${name}$`) }) })
				.first();
			const event = await first.getAttribute('data-event');
			await first.click();
			await expect(page).toHaveURL(new RegExp(`event=${event}`));
			expect.soft(await reachable(page, id), `${name} after choosing ${event}`).toBe('the button');
			await page.goBack();
			await expect(page).not.toHaveURL(/event=/);
		}
	});
}
