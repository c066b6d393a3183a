/**
 * Issue 20, part 3: a big dataset readable on the reader's page. A columnar story of 50,000 events
 * (events.arrow and text chunks, in the shape of an ACLED export) is read in a worker with its
 * progress shown; the map draws aggregates that follow the slider at low zoom and each event when
 * zoomed in; the list is virtual; an event's words come from its chunk; the URL keeps the view.
 */
import { test as base, chromium, expect, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { mkdirSync, readFileSync } from 'node:fs';
import { EXPORT_MAP_SIZE } from '../../src/lib/map/export-image';
import { shortCount } from '../../src/lib/map/aggregates';
import {
	BIG_COUNT,
	BIG_SLUG,
	MANY_COUNT,
	MANY_SLUG,
	serveBigBuild
} from '../helpers/columnar-build';
import { axeViolations } from '../helpers/axe';
import { readerJourneys } from './reader-journeys';

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

readerJourneys(test, {
	name: 'a columnar story of 50,000 events',
	url: () => `${site}stories/${BIG_SLUG}/`,
	events: BIG_COUNT
});
readerJourneys(test, {
	name: 'a GeoJSON story too big for its HTML',
	url: () => `${site}stories/${MANY_SLUG}/`,
	events: MANY_COUNT
});

const TOTAL = BIG_COUNT.toLocaleString('en-GB');
const story = () => `${site}stories/${BIG_SLUG}/`;
const map = (page: Page) => page.locator('.map[data-status]');
const count = (page: Page) => page.getByRole('region', { name: 'Events' }).locator('.count');
/** The counts over the aggregates' circles: a DOM overlay, and a roving group of keys. */
const labels = (page: Page) => page.locator('.count-labels span');
const rows = (page: Page) =>
	page.getByRole('list', { name: 'Events in date order' }).getByRole('listitem');

/** A label's number, roughly: "1.2k" is 1,200. */
const fromShort = (text: string) =>
	Number.parseFloat(text) * (text.endsWith('M') ? 1e6 : text.endsWith('k') ? 1e3 : 1);

async function shot(page: Page, name: string) {
	mkdirSync('test-results/screens', { recursive: true });
	await page.screenshot({ path: `test-results/screens/${name}.png` });
}

async function ready(page: Page) {
	await expect(page.locator('.map[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
}

test('the list of stories gives its counts with thousands separators', async ({ page }) => {
	await page.goto(`${site}stories/`);
	const item = page.getByRole('listitem').filter({ hasText: `${TOTAL} events at` });
	await expect(item).toContainText(/[\d,]+ events at \d{1,3}(,\d{3})* places?/);
	await expect(page.locator('main')).not.toContainText(/\d{4,} (events|places)/);
});

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
	await expect(count(page)).toHaveText(`${TOTAL} of ${TOTAL}`);
	await expect(page.getByRole('status').filter({ hasText: /events? up to/ })).toHaveText(
		`${TOTAL} events up to 12 April 2025`
	);
	// The circles are labelled with their counts, short enough to fit.
	await expect(labels(page).first()).toBeVisible();
	const texts = await labels(page).allTextContents();
	expect(texts.length).toBeGreaterThan(3);
	expect(texts.length).toBeLessThanOrEqual(cells);
	for (const text of texts) expect(text).toMatch(/^\d+(\.\d)?[kM]?$/);
	// One key of them is in the accessibility tree (and the Tab order): the rest are for the eye.
	await expect(page.getByRole('application').getByRole('button')).toHaveCount(1);
	await shot(page, 'big-dataset-aggregates');
});

for (const [name, slug] of [
	['columnar story', () => BIG_SLUG],
	['GeoJSON story too big for its HTML', () => MANY_SLUG]
] as const) {
	test(`a ${name} holds still while it is read: its picture where the map will be, no layout shift`, async ({
		page
	}) => {
		await page.addInitScript(() => {
			const w = window as unknown as { shifts: string[] };
			w.shifts = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as unknown as Array<{
					value: number;
					hadRecentInput: boolean;
					sources?: Array<{ node?: Node }>;
				}>) {
					if (entry.hadRecentInput) continue;
					const nodes = (entry.sources ?? []).map((s) => s.node?.nodeName ?? '?');
					w.shifts.push(`${entry.value.toFixed(4)} ${nodes.join(' ')}`);
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		for (const size of [
			{ width: 1280, height: 800 },
			{ width: 360, height: 740 }
		]) {
			await page.setViewportSize(size);
			await page.goto(`${site}stories/${slug()}/`);
			// While the events are read, the picture is in the map's place (if the reading is not over).
			const offset = await page.evaluate(() => {
				const area = document.querySelector('.map-area')?.getBoundingClientRect();
				const box = document.querySelector('.map-area [data-map-picture]')?.getBoundingClientRect();
				return area && box ? Math.abs(box.x - area.x) + Math.abs(box.y - area.y) : 0;
			});
			expect(offset).toBeLessThan(2);
			await ready(page);
			await page.waitForTimeout(300);
			const shifts = await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
			expect(shifts, `at ${size.width}×${size.height}`).toEqual([]);
		}
	});
}

test('the slider changes the counts, on the map, in the list and for a screen reader', async ({
	page
}) => {
	await page.goto(story());
	await ready(page);
	const slider = page.getByRole('slider', { name: /Date/ });
	const before = await labels(page).allTextContents();
	await slider.focus();
	// Page Down steps back a day with news at a time: fewer events each time.
	for (let i = 0; i < 40; i++) await page.keyboard.press('PageDown');
	const shown = Number(await count(page).getAttribute('data-count'));
	expect(shown).toBeLessThan(BIG_COUNT);
	expect(shown).toBeGreaterThan(0);
	await expect(map(page)).toHaveAttribute('data-counted', String(shown));
	// The labels on the circles follow the date too.
	await expect.poll(() => labels(page).allTextContents()).not.toEqual(before);
	const live = page.getByRole('status').filter({ hasText: /events? up to/ });
	await expect(live).toHaveText(new RegExp(`^${shown.toLocaleString('en-GB')} events up to `));
	await page.keyboard.press('Home');
	const first = Number(await count(page).getAttribute('data-count'));
	expect(first).toBeLessThan(shown);
	await expect(map(page)).toHaveAttribute('data-counted', String(first));
	// The URL keeps the date.
	await expect(page).toHaveURL(/\?date=\d{4}-\d\d-\d\d/);
});

test('the count labels sit on their circles, after a drag of the map too', async ({ page }) => {
	await page.goto(story());
	await ready(page);
	await expect(labels(page).first()).toBeVisible();
	const box = (await page.locator('.map .canvas').boundingBox())!;
	const labelsOnCircles = async () => {
		// Where each label's centre is, then what the map draws there without the labels.
		const centres = await labels(page).evaluateAll((spans) =>
			spans.map((span) => {
				const r = span.getBoundingClientRect();
				return [r.left + r.width / 2, r.top + r.height / 2] as [number, number];
			})
		);
		await page.locator('.count-labels').evaluate((el) => (el.style.visibility = 'hidden'));
		// Only the centres where the map itself is on top (not under a panel or a control).
		const clear = await page.evaluate(
			(points) => points.filter(([x, y]) => document.elementFromPoint(x, y)?.tagName === 'CANVAS'),
			centres
		);
		const png = (await page.screenshot()).toString('base64');
		await page.locator('.count-labels').evaluate((el) => (el.style.visibility = ''));
		return page.evaluate(
			async ({ png, clear }) => {
				const image = new Image();
				image.src = `data:image/png;base64,${png}`;
				await image.decode();
				const canvas = document.createElement('canvas');
				canvas.width = image.width;
				canvas.height = image.height;
				const context = canvas.getContext('2d')!;
				context.drawImage(image, 0, 0);
				const scale = image.width / innerWidth;
				return clear.map(([x, y]) => {
					const [r, g, b] = context.getImageData(
						Math.round(x * scale),
						Math.round(y * scale),
						1,
						1
					).data;
					// The circles' fill, #b3541e at 0.8 over the basemap: red well above green and blue.
					return r! > g! + 40 && r! > b! + 60;
				});
			},
			{ png, clear }
		);
	};
	const still = await labelsOnCircles();
	expect(still.length).toBeGreaterThan(3);
	expect(still.every(Boolean), JSON.stringify(still)).toBe(true);
	// A drag, held: the labels have moved with the map, and are still on their circles.
	const from = await labels(page).first().boundingBox();
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++)
		await page.mouse.move(box.x + box.width / 2 + i * 15, box.y + box.height / 2 + i * 8);
	await page.waitForTimeout(300);
	await shot(page, 'big-dataset-labels-dragged');
	const dragged = await labelsOnCircles();
	await page.mouse.up();
	expect(dragged.length).toBeGreaterThan(3);
	expect(dragged.every(Boolean), JSON.stringify(dragged)).toBe(true);
	const to = await labels(page).first().boundingBox();
	expect(to).not.toEqual(from);
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

/** The map's zoom, from the URL's `#zoom/lat/lon`. */
const zoomOf = (page: Page) => Number(new URL(page.url()).hash.slice(1).split('/')[0] || NaN);
/** A count key's name: "1,204 events near Location 12". */
const CELL_NAME = /^([\d,]+) events? near Location \d+$/;
const focused = (page: Page) => page.locator(':focus');

test('the counts on the map are keys: Tab reaches them, arrows move, Enter zooms in', async ({
	page
}) => {
	await page.goto(story());
	await ready(page);
	await expect(labels(page).first()).toBeVisible();
	// The map's canvas, where arrows pan (here, so the URL has the view's zoom), then one Tab into
	// its counts: the biggest first.
	await page.getByRole('region', { name: 'Map', exact: true }).focus();
	await page.keyboard.press('ArrowDown');
	await expect.poll(() => zoomOf(page)).toBeGreaterThan(0);
	await page.keyboard.press('Tab');
	await expect(focused(page)).toHaveAttribute('role', 'button');
	await expect(focused(page)).toHaveAccessibleName(CELL_NAME);
	const name = (await focused(page).getAttribute('aria-label'))!;
	const count = Number(CELL_NAME.exec(name)![1]!.replace(/,/g, ''));
	// The name says the count the label shows, in full.
	expect(shortCount(count)).toBe(await focused(page).textContent());
	const biggest = Math.max(...(await labels(page).allTextContents()).map(fromShort));
	expect(fromShort(shortCount(count))).toBe(biggest);
	// Only the key in the Tab order is in the accessibility tree; the overlay is a group of keys.
	await expect(page.getByRole('application', { name: /^Event counts on the map/ })).toBeVisible();
	await expect(
		page.getByRole('application').getByRole('button', { includeHidden: false })
	).toHaveCount(1);
	await shot(page, 'big-dataset-key-focused');
	expect(await axeViolations(page)).toEqual([]);

	// An arrow moves to another count, and the map does not pan under it.
	const hash = new URL(page.url()).hash;
	let moved = false;
	for (const arrow of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
		await page.keyboard.press(arrow);
		if ((await focused(page).getAttribute('aria-label')) !== name) {
			moved = true;
			break;
		}
	}
	expect(moved).toBe(true);
	await expect(focused(page)).toHaveAccessibleName(CELL_NAME);
	await page.waitForTimeout(300);
	expect(new URL(page.url()).hash).toBe(hash);

	// Escape hands focus back to the map; Tab comes back to the group.
	await page.keyboard.press('Escape');
	await expect(focused(page)).toHaveAttribute('aria-label', 'Map');
	await page.keyboard.press('Tab');
	await expect(focused(page)).toHaveAccessibleName(CELL_NAME);

	// Enter zooms in on the count, as a click on its circle does, and the URL keeps the new view;
	// focus stays on the map's keys.
	const drawn = () =>
		Promise.all(['data-drawn', 'data-cells'].map((name) => map(page).getAttribute(name)));
	const before = await drawn();
	const zoomBefore = zoomOf(page);
	await page.keyboard.press('Enter');
	await expect.poll(drawn).not.toEqual(before);
	await expect.poll(() => zoomOf(page)).toBeGreaterThan(zoomBefore);
	await expect(focused(page)).toHaveAttribute('role', 'button');
	await expect(page.getByRole('status').filter({ hasText: /^Zoomed in/ })).toBeAttached();
	// Down to each event: the keys are the places now, and Enter opens one.
	for (let i = 0; i < 4 && (await map(page).getAttribute('data-drawn')) !== 'dots'; i++) {
		await expect(focused(page)).toHaveAccessibleName(CELL_NAME);
		await page.keyboard.press('Enter');
		await page.waitForTimeout(500);
	}
	await expect(map(page)).toHaveAttribute('data-drawn', 'dots');
	await expect(focused(page)).toHaveAccessibleName(/^Location \d+: [\d,]+ events?$/);
	const place = (await focused(page).getAttribute('aria-label'))!.split(':')[0]!;
	await shot(page, 'big-dataset-place-key-focused');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 }).first()
	).toContainText(place);
});

test('a drag that starts on a count pans the map, and does not zoom in', async ({ page }) => {
	await page.goto(story());
	await ready(page);
	await expect(labels(page).first()).toBeVisible();
	const hash = new URL(page.url()).hash;
	const cells = await map(page).getAttribute('data-cells');
	const box = (await labels(page).first().boundingBox())!;
	const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
	await page.mouse.move(x, y);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++) await page.mouse.move(x - i * 12, y + i * 6);
	await page.mouse.up();
	await expect.poll(() => new URL(page.url()).hash).not.toBe(hash);
	// A click would have zoomed in two bands: the same band counts the same cells.
	await expect(map(page)).toHaveAttribute('data-cells', cells!);
	await expect(map(page)).toHaveAttribute('data-drawn', 'aggregates');
});

test('a focused count at phone size', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(story());
	await ready(page);
	await expect(labels(page).first()).toBeVisible();
	await page.getByRole('region', { name: 'Map', exact: true }).focus();
	await page.keyboard.press('Tab');
	await expect(focused(page)).toHaveAccessibleName(CELL_NAME);
	await shot(page, 'big-dataset-key-focused-phone');
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

	// Keyboard: arrows move through the rows, End goes to the newest, far past the DOM's rows, and
	// Home back to the oldest.
	await first.focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.locator(':focus')).toHaveAttribute('data-position', '1');
	await page.keyboard.press('End');
	await expect(page.locator(':focus')).toHaveAttribute('data-position', String(BIG_COUNT - 1));
	await expect(page.locator(':focus')).toHaveAttribute('data-event', `ev-${BIG_COUNT}`);
	expect(await rows(page).count()).toBeLessThan(40);
	await page.keyboard.press('Home');
	await expect(page.locator(':focus')).toHaveAttribute('data-event', 'ev-00001');
	await page.keyboard.press('Enter');

	const details = page.getByRole('region', { name: 'Details' });
	const event = details.locator('article[data-event="ev-00001"]');
	await expect(event.getByRole('heading')).toHaveText(/near Location \d+/);
	await expect(event).toContainText(`Synthetic event 1 of ${BIG_COUNT}`);
	await expect(event).toContainText('Synthetic source 0');
	// A synthetic story names no file: the row is of the dataset.
	await expect(event).toContainText(/From row [\d,]+ of the dataset/);
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
	expect(await axeViolations(page)).toEqual([]);

	// The address opens the same event again.
	await page.reload();
	await ready(page);
	await expect(
		page.getByRole('region', { name: 'Details' }).locator('article[data-event="ev-00001"]')
	).toContainText(`Synthetic event 1 of ${BIG_COUNT}`);

	// Closed, the details hand the keyboard back to the list.
	await page.getByRole('button', { name: 'Close details' }).click();
	await expect(page.getByRole('heading', { name: 'Events', level: 2 })).toBeFocused();
});

test('the one reader’s tools work on a big story: legend, share, PNG export and print', async ({
	page,
	context
}, info) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(`${story()}?date=2024-06-30`);
	await ready(page);
	// The legend keys what this map draws: counted circles, and no country outlines or arcs.
	const legend = page.getByRole('region', { name: 'Legend' });
	await expect(legend).toContainText('Circle: the events near it by the date');
	await expect(legend).not.toContainText('A country as a place');
	await expect(legend).not.toContainText('An event joining two places');
	// Share hands on the date.
	await page.getByRole('button', { name: 'Share' }).click();
	await expect(page.getByText('Link copied')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('date=2024-06-30');
	// The PNG is the whole map at its export size, with its header and credits.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PNG' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('story-atlas-2024-06-30.png');
	const path = info.outputPath('export.png');
	await file.saveAs(path);
	const png = readFileSync(path);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
		EXPORT_MAP_SIZE.width,
		EXPORT_MAP_SIZE.height + 56 + 28
	]);
	// Printed, the map is a picture of itself.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('img.print-only')).toBeVisible();
});

test('without WebGL a story of many places has a picture for its map, counted by the date', async () => {
	const noGl = await chromium.launch({
		...chromiumLaunch,
		args: [...chromiumLaunch.args, '--disable-software-rasterizer']
	});
	const page = await (await noGl.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
	await page.goto(story());
	await expect(page.getByText(/the moving map needs WebGL/)).toBeVisible({ timeout: 30_000 });
	const picture = page.locator('.map').getByRole('img', { name: /^Map of where the story’s/ });
	const summed = async () =>
		(await picture.locator('circle title').allTextContents())
			.map((t) => Number(t.replace(/\D/g, '')))
			.reduce((a, b) => a + b, 0);
	await expect(picture).toHaveAttribute('aria-label', new RegExp(`story’s ${TOTAL} events`));
	expect(await summed()).toBe(BIG_COUNT);
	// The first day: the circles count only what had happened by then, as the list does.
	await page.getByRole('slider', { name: /Date/ }).press('Home');
	await expect(count(page)).not.toHaveText(`${TOTAL} of ${TOTAL}`);
	const shown = Number((await count(page).textContent())!.split(' of ')[0]!.replace(/\D/g, ''));
	await expect(picture).toHaveAttribute(
		'aria-label',
		new RegExp(`story’s ${shown.toLocaleString('en-GB')} events?`)
	);
	expect(await summed()).toBe(shown);
	await shot(page, 'big-dataset-no-webgl');
	await noGl.close();
});

for (const [form, slug, events] of [
	['columnar', BIG_SLUG, BIG_COUNT],
	['GeoJSON', MANY_SLUG, MANY_COUNT]
] as const) {
	const total = events.toLocaleString('en-GB');
	test(`a ${form} story's HTML holds a picture of its map, the events summed into circles, without script too`, async ({
		browser
	}) => {
		for (const viewport of [
			{ width: 1280, height: 800 },
			{ width: 360, height: 740 }
		]) {
			const context = await browser.newContext({ javaScriptEnabled: false, viewport });
			const page = await context.newPage();
			await page.goto(`${site}stories/${slug}/`);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			const picture = page.getByRole('img', {
				name: new RegExp(`^Map of where the story’s ${total} events happened`)
			});
			await expect(picture).toBeVisible();
			const counts = await picture
				.locator('circle title')
				.allTextContents()
				.then((titles) => titles.map((t) => Number(t.replace(/\D/g, ''))));
			expect(counts.length).toBeGreaterThan(1);
			expect(counts.reduce((a, b) => a + b, 0)).toBe(events);
			// The countries behind the circles arrive as one file of the story's own.
			const backdrop = await picture.locator('image').getAttribute('href');
			expect((await page.request.get(new URL(backdrop!, page.url()).href)).ok()).toBe(true);
			await shot(page, `${form}-picture-no-js-${viewport.width}`);
			await context.close();
		}
	});
}

test('a GeoJSON story too big for its HTML opens as the one atlas, every event listed', async ({
	page
}) => {
	await page.goto(`${site}stories/${MANY_SLUG}/`);
	await expect(count(page)).toContainText(`${MANY_COUNT.toLocaleString('en-GB')} of`);
	await expect(map(page)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
	// The picture in its HTML gave way to the live map's own.
	await expect(page.getByRole('img', { name: /summed into/ })).toHaveCount(0);
});
