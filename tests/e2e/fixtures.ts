import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * Every end-to-end test also checks what a reader never sees: no console error, no page error,
 * and no request leaving the page's own origin.
 */
export const test = base.extend<{
	allowedErrors: RegExp[];
	watch: { errors: string[]; external: string[] };
}>({
	/** Console errors a test provokes on purpose (a CSP violation report, say). */
	allowedErrors: [[], { option: true }],
	watch: [
		async ({ page, baseURL, allowedErrors }, use) => {
			const origin = new URL(baseURL!).origin;
			const watch = { errors: [] as string[], external: [] as string[] };
			page.on('console', (m) => {
				if (m.type() === 'error' && !allowedErrors.some((re) => re.test(m.text())))
					watch.errors.push(m.text());
			});
			page.on('pageerror', (e) => watch.errors.push(e.message));
			page.on('request', (r) => {
				const url = r.url();
				if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
					watch.external.push(url);
			});
			await use(watch);
			expect(watch.errors, 'console errors').toEqual([]);
			expect(watch.external, 'requests outside the origin').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Waits until the map has drawn the story: its status turns ready. It may still be moving. */
export async function mapReady(page: Page): Promise<void> {
	await expect(page.locator('.map[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
}

/** Saves a screenshot as a test artifact and under test-results/screens for a person to look at. */
export async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
	mkdirSync('test-results/screens', { recursive: true });
	const path = `test-results/screens/${name}.png`;
	await page.screenshot({ path });
	await info.attach(name, { path, contentType: 'image/png' });
}

export const slider = (page: Page) => page.getByRole('slider', { name: /Date/ });
export const eventsList = (page: Page) =>
	page.getByRole('region', { name: 'Events' }).getByRole('list');
export const details = (page: Page) => page.getByRole('region', { name: 'Details' });
export const liveRegion = (page: Page) =>
	page.getByRole('status').filter({ hasText: /events? up to/ });

/** Moves the slider with arrow keys until it reads `words` ("20 February 2025"). */
export async function scrubTo(page: Page, words: string, target: Date): Promise<void> {
	const s = slider(page);
	await s.focus();
	for (let i = 0; i < 2000; i++) {
		const text = await s.getAttribute('aria-valuetext');
		if (text === words) return;
		const current = new Date(`${text} UTC`);
		await page.keyboard.press(current < target ? 'ArrowRight' : 'ArrowLeft');
	}
	throw new Error(`slider never reached ${words}`);
}

/** The map view in the URL's `#zoom/lat/lon`. */
export function hashView(url: string) {
	const [zoom, lat, lon] = new URL(url).hash.slice(1).split('/').map(Number);
	return { zoom: zoom!, lat: lat!, lon: lon! };
}

/** Whether a reader's pointer at the centre of a place's button on the map reaches that button. */
export function placeReachable(page: Page, id: string): Promise<boolean> {
	return page.locator(`button.place-button[data-place="${id}"]`).evaluate((el) => {
		const box = el.getBoundingClientRect();
		const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
		return hit === el || (hit !== null && el.contains(hit));
	});
}

/**
 * Opens a page of the atlas's own origin holding `body`: the served policy's frame-ancestors 'self'
 * lets only the atlas's origin frame it, and a blank page (setContent) has none.
 */
export async function hostPage(page: Page, baseURL: string, body: string): Promise<void> {
	const url = new URL('e2e-embed-host.html', baseURL).href;
	await page.route(url, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<html><body style="margin:0">${body}</body></html>`
		})
	);
	await page.goto(url);
}
