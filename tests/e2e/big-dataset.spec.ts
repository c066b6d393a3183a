/**
 * Issue 20, part 3: a big dataset readable on the reader's page. A columnar story of 50,000 events
 * (events.arrow and text chunks, in the shape of an ACLED export) is read in a worker with its
 * progress shown; the map draws aggregates that follow the slider at low zoom and each event when
 * zoomed in; the list is virtual; an event's words come from its chunk; the URL keeps the view.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { BIG_COUNT, BIG_SLUG, serveBigBuild } from '../helpers/columnar-build';

/** The page is on a build of its own (helpers/columnar-build.ts), so it watches its own errors. */
const test = base.extend<{ watch: { errors: string[]; external: string[] } }>({
	watch: [
		async ({ page }, use) => {
			const watch = { errors: [] as string[], external: [] as string[] };
			page.on('console', (m) => m.type() === 'error' && watch.errors.push(m.text()));
			page.on('pageerror', (e) => watch.errors.push(e.message));
			page.on('request', (r) => {
				if (
					!r.url().startsWith(site) &&
					!r.url().startsWith('data:') &&
					!r.url().startsWith('blob:')
				)
					watch.external.push(r.url());
			});
			await use(watch);
			expect(watch.errors, 'console errors').toEqual([]);
			expect(watch.external, 'requests outside the origin').toEqual([]);
		},
		{ auto: true }
	]
});

let site = '';
let stop = () => {};

test.describe.configure({ mode: 'serial' });
test.use({ trace: 'off' });

test.beforeAll(async () => {
	test.setTimeout(600_000);
	({ url: site, stop } = await serveBigBuild());
});
test.afterAll(() => stop());

const TOTAL = BIG_COUNT.toLocaleString('en-GB');
const story = () => `${site}stories/${BIG_SLUG}/`;
const map = (page: Page) => page.locator('.map[data-status]');
const count = (page: Page) => page.getByRole('region', { name: 'Events' }).locator('.count');
const rows = (page: Page) =>
	page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem');

async function shot(page: Page, name: string) {
	mkdirSync('test-results/screens', { recursive: true });
	await page.screenshot({ path: `test-results/screens/${name}.png` });
}

async function ready(page: Page) {
	await expect(page.locator('.map[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
}

test('loads in a worker with its progress shown, and draws aggregates that add up', async ({
	page
}) => {
	await page.addInitScript(() => {
		const w = window as unknown as { seen: string[] };
		w.seen = [];
		new MutationObserver(() => {
			const text = document.querySelector('.loading label')?.textContent;
			if (text && w.seen.at(-1) !== text) w.seen.push(text);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	await page.goto(story());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Synthetic dataset, ${TOTAL} events`
	);
	await ready(page);
	const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
	expect(seen[0]).toMatch(/^Loading the events/);
	expect(seen.some((s) => s === `Reading and indexing ${TOTAL} events…`)).toBe(true);

	// The whole story at the opening zoom: a few dozen circles that count every event.
	await expect(map(page)).toHaveAttribute('data-drawn', 'aggregates');
	await expect(map(page)).toHaveAttribute('data-counted', String(BIG_COUNT));
	const cells = Number(await map(page).getAttribute('data-cells'));
	expect(cells).toBeGreaterThan(3);
	expect(cells).toBeLessThan(500);
	await expect(count(page)).toContainText(`${TOTAL} of ${TOTAL} events by 12 April 2025`);
	await shot(page, 'big-dataset-aggregates');
});

test('the slider changes the counts, on the map, in the list and for a screen reader', async ({
	page
}) => {
	await page.goto(story());
	await ready(page);
	const slider = page.getByRole('slider', { name: /Date/ });
	await slider.focus();
	// Page Down steps back a day with news at a time: fewer events each time.
	for (let i = 0; i < 40; i++) await page.keyboard.press('PageDown');
	const shown = Number(await count(page).getAttribute('data-count'));
	expect(shown).toBeLessThan(BIG_COUNT);
	expect(shown).toBeGreaterThan(0);
	await expect(map(page)).toHaveAttribute('data-counted', String(shown));
	const live = page.getByRole('status').filter({ hasText: /events? of/ });
	await expect(live).toHaveText(
		new RegExp(`^${shown.toLocaleString('en-GB')} events of ${TOTAL} up to `)
	);
	await page.keyboard.press('Home');
	const first = Number(await count(page).getAttribute('data-count'));
	expect(first).toBeLessThan(shown);
	await expect(map(page)).toHaveAttribute('data-counted', String(first));
	// The URL keeps the date.
	await expect(page).toHaveURL(/\?date=\d{4}-\d\d-\d\d/);
});

test('zooming in shows each event instead of the aggregates', async ({ page }) => {
	await page.goto(story());
	await ready(page);
	await expect(map(page)).toHaveAttribute('data-drawn', 'aggregates');
	// The map's own zoom button, by keyboard, until the events come apart.
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	for (let i = 0; i < 6; i++) {
		await zoomIn.focus();
		await page.keyboard.press('Enter');
		await page.waitForTimeout(400);
	}
	await expect(map(page)).toHaveAttribute('data-drawn', 'dots');
	await expect(page).toHaveURL(/#[6-9](\.\d+)?\//);
	await shot(page, 'big-dataset-dots');
	// Zoomed out again, the aggregates return, still counting every event by the date.
	const zoomOut = page.getByRole('button', { name: 'Zoom out' });
	for (let i = 0; i < 6; i++) {
		await zoomOut.focus();
		await page.keyboard.press('Enter');
		await page.waitForTimeout(400);
	}
	await expect(map(page)).toHaveAttribute('data-drawn', 'aggregates');
	await expect(map(page)).toHaveAttribute('data-counted', String(BIG_COUNT));
});

test('the list is virtual, reads rows from the table, and opens an event with its words', async ({
	page
}) => {
	await page.goto(story());
	await ready(page);
	await expect(count(page)).toContainText(`${TOTAL} of ${TOTAL}`);
	const inDom = await rows(page).count();
	expect(inDom).toBeGreaterThan(3);
	expect(inDom).toBeLessThan(40);
	// The rows say where they stand in the whole list.
	await expect(rows(page).first()).toHaveAttribute('aria-setsize', String(BIG_COUNT));
	// Titles come from the text chunk of the rows on screen.
	const first = rows(page).first().getByRole('button');
	await expect(first).toContainText(/near Location \d+/);

	// Keyboard: arrows move through the rows, End goes to the oldest, far past the DOM's rows.
	await first.focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.locator(':focus')).toHaveAttribute('data-position', '1');
	await page.keyboard.press('End');
	await expect(page.locator(':focus')).toHaveAttribute('data-position', String(BIG_COUNT - 1));
	await expect(page.locator(':focus')).toHaveAttribute('data-row', '0');
	expect(await rows(page).count()).toBeLessThan(40);
	await page.keyboard.press('Enter');

	const details = page.getByRole('region', { name: 'Details' });
	const event = details.getByRole('article', { name: 'The chosen event' });
	await expect(event.getByRole('heading')).toHaveText(/near Location \d+/);
	await expect(event).toContainText(`Synthetic event 1 of ${BIG_COUNT}`);
	await expect(event).toContainText('Synthetic source 0');
	await expect(event).toContainText(/source row [\d,]+/);
	await expect(details).toContainText(/events here\s+by/);
	await expect(details.getByRole('heading', { name: 'By category' })).toBeVisible();
	// The place's events, a page at a time, newest first.
	const pager = details.getByRole('navigation', { name: "Pages of this place's events" });
	await expect(pager).toContainText(/Page 1 of \d+/);
	const pages = Number((await pager.textContent())!.match(/of (\d+)/)![1]);
	expect(pages).toBeGreaterThan(1);
	await pager.getByRole('button', { name: 'Older' }).click();
	await expect(pager).toContainText(`Page 2 of ${pages}`);
	await expect(page).toHaveURL(/event=ev-00001/);
	await shot(page, 'big-dataset-event');
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
		[]
	);

	// The address opens the same event again.
	await page.reload();
	await ready(page);
	await expect(
		page.getByRole('region', { name: 'Details' }).getByRole('article', { name: 'The chosen event' })
	).toContainText(`Synthetic event 1 of ${BIG_COUNT}`);
});
