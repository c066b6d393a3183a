/**
 * The reader's journeys, written once for every story (issue 25): pan, scrub, choose an event in
 * the list, the address after each, Back, the keyboard, axe and a phone. journeys.spec.ts runs them
 * on the seed story, big-dataset.spec.ts on a columnar story of 50,000 events and on a GeoJSON
 * story too big for its HTML. Nothing here knows a story's contents: it reads the counts, the list
 * and the map each page shows.
 */
import {
	expect,
	type Page,
	type PlaywrightTestArgs,
	type PlaywrightTestOptions,
	type PlaywrightWorkerArgs,
	type PlaywrightWorkerOptions,
	type TestType
} from '@playwright/test';
import { axeViolations } from '../helpers/axe';
import { tabWalk } from '../helpers/tab-walk';

type Test = TestType<
	PlaywrightTestArgs & PlaywrightTestOptions,
	PlaywrightWorkerArgs & PlaywrightWorkerOptions
>;

export interface StoryUnderTest {
	/** How the tests name it: "the seed story". */
	name: string;
	/** Its page's address, absolute or relative to the base URL. */
	url: () => string;
	/** How many events it has. */
	events: number;
}

/** The wait after the map stops before the address takes its view (state/url-sync.svelte.ts). */
const ADDRESS_PAUSE_MS = 600;

const map = (page: Page) => page.locator('.map[data-status]');
const listButtons = (page: Page) =>
	page.getByRole('list', { name: 'Events in date order' }).getByRole('button');
const details = (page: Page) => page.getByRole('region', { name: 'Details' });
const slider = (page: Page) => page.getByRole('slider', { name: /Date/ });
const count = (page: Page) => page.getByRole('region', { name: 'Events' }).locator('.count');
const announced = (page: Page) => page.getByRole('status').filter({ hasText: /events? up to/ });
/** What stands for a place on the map: its button, or at low zoom a count of summed events. */
const ON_MAP = 'button.place-button, .count-labels [data-id]';

async function ready(page: Page): Promise<void> {
	await expect(map(page)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
}

/**
 * The thing on the map nearest its centre, as a pixel: where the view is. Near the centre, it stays
 * on screen through the drags below.
 */
async function anchor(page: Page): Promise<{ x: number; y: number; key: string }> {
	await expect(page.locator(ON_MAP).first()).toBeVisible();
	const canvas = (await page.locator('.map canvas').boundingBox())!;
	const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
	return page.locator(ON_MAP).evaluateAll((els, c) => {
		const shown = els
			.map((el) => ({ el, box: el.getBoundingClientRect() }))
			.filter(({ box }) => box.width > 0 && box.height > 0)
			.map(({ el, box }) => ({
				key: el.getAttribute('data-place') ?? el.getAttribute('data-id') ?? '',
				x: Math.round(box.x + box.width / 2),
				y: Math.round(box.y + box.height / 2)
			}));
		shown.sort((a, b) => Math.hypot(a.x - c.x, a.y - c.y) - Math.hypot(b.x - c.x, b.y - c.y));
		return shown[0]!;
	}, centre);
}

/** Where the same thing is now, once the map has stopped moving. */
async function settled(page: Page, key: string): Promise<{ x: number; y: number }> {
	const where = () =>
		page.locator(ON_MAP).evaluateAll((els, k) => {
			const el = els.find((e) => (e.getAttribute('data-place') ?? e.getAttribute('data-id')) === k);
			if (!el) return null;
			const box = el.getBoundingClientRect();
			return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
		}, key);
	let last = await where();
	await expect
		.poll(async () => {
			await page.waitForTimeout(250);
			const now = await where();
			const still = now !== null && last !== null && now.x === last.x && now.y === last.y;
			last = now;
			return still;
		})
		.toBe(true);
	return last!;
}

const near = (a: { x: number; y: number }, b: { x: number; y: number }) =>
	Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)) <= 2;

/** A drag on the map where nothing is drawn, held still before letting go (no inertia). */
async function drag(page: Page, dx: number, dy: number): Promise<void> {
	const box = (await page.locator('.map canvas').boundingBox())!;
	const free = await page.evaluate(
		({ box, selector }) => {
			for (let y = box.y + 40; y < box.y + box.height - 40; y += 23)
				for (let x = box.x + 40; x < box.x + box.width - 40; x += 29) {
					const hit = document.elementFromPoint(x, y);
					if (hit?.localName === 'canvas' && !hit.closest(selector)) return { x, y };
				}
			return null;
		},
		{ box, selector: '.legend' }
	);
	const { x, y } = free!;
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx, y + dy, { steps: 10 });
	await page.waitForTimeout(300);
	await page.mouse.up();
}

export function readerJourneys(test: Test, story: StoryUnderTest): void {
	const total = story.events.toLocaleString('en-GB');
	const open = async (page: Page) => {
		await page.goto(story.url());
		await ready(page);
	};

	test.describe(`the reader's journeys on ${story.name}`, () => {
		test('a drag pans the map, the address follows, and a reload restores the view', async ({
			page
		}) => {
			await open(page);
			const { key } = await anchor(page);
			await drag(page, -160, 70);
			const seen = await settled(page, key);
			await expect(page).toHaveURL(/#[\d.]+\/-?[\d.]+\/-?[\d.]+/);
			await page.waitForTimeout(ADDRESS_PAUSE_MS + 300);
			const moved = page.url();
			await page.reload();
			await ready(page);
			expect(page.url()).toBe(moved);
			expect(near(await settled(page, key), seen)).toBe(true);
		});

		test('the slider: Home goes to the first day, End to the last, and the counts follow', async ({
			page
		}) => {
			await open(page);
			await expect(count(page)).toContainText(`${total} of ${total}`);
			await slider(page).focus();
			await page.keyboard.press('Home');
			await expect(announced(page)).toHaveText(/^[\d,]+ events? up to \d+ \w+ \d{4}$/);
			const first = Number((await announced(page).textContent())!.replace(/\D.*$/, ''));
			expect(first).toBeGreaterThan(0);
			expect(first).toBeLessThan(story.events);
			await expect(count(page)).toContainText(`${first.toLocaleString('en-GB')} of ${total}`);
			await page.keyboard.press('End');
			await expect(announced(page)).toHaveText(new RegExp(`^${total} events up to`));
			await expect(count(page)).toContainText(`${total} of ${total}`);
		});

		test('an event chosen in the list: its details, the address, drags after it, reload and Back', async ({
			page
		}) => {
			await open(page);
			const { key } = await anchor(page);
			const before = await settled(page, key);
			const first = listButtons(page).first();
			const id = await first.getAttribute('data-event');
			await first.click();
			await expect(details(page).locator(`article[data-event="${id}"]`)).toBeVisible();
			await expect(page).toHaveURL(new RegExp(`event=${id}`));
			// The map eases to the event; then each drag reaches the address, and a reload keeps it.
			for (const [dx, dy] of [
				[90, -60],
				[-140, 40]
			]) {
				await settled(page, key).catch(() => null);
				const now = await anchor(page);
				await drag(page, dx!, dy!);
				const seen = await settled(page, now.key);
				await page.waitForTimeout(ADDRESS_PAUSE_MS + 300);
				await page.reload();
				await ready(page);
				await expect(details(page).locator(`article[data-event="${id}"]`)).toBeVisible();
				expect(near(await settled(page, now.key), seen)).toBe(true);
			}
			// Back: before the choice, with the view it had.
			await page.goBack();
			await expect(details(page)).toHaveCount(0);
			expect(near(await settled(page, key), before)).toBe(true);
		});

		test('Tab from the top reaches the map within 10 presses and leaves the list within 3', async ({
			page
		}) => {
			await tabWalk(page, () => open(page), ON_MAP);
		});

		for (const viewport of [
			{ width: 1280, height: 800 },
			{ width: 360, height: 740 }
		])
			test(`no WCAG 2.2 AA violations at ${viewport.width}×${viewport.height}, an event open or not`, async ({
				page
			}) => {
				await page.setViewportSize(viewport);
				await open(page);
				expect(await axeViolations(page)).toEqual([]);
				await listButtons(page).first().click();
				await expect(details(page)).toBeVisible();
				expect(await axeViolations(page)).toEqual([]);
			});

		test('on a 360×740 phone, an event chosen in the list shows its entry in the details', async ({
			page
		}) => {
			await page.setViewportSize({ width: 360, height: 740 });
			await open(page);
			const first = listButtons(page).first();
			const id = await first.getAttribute('data-event');
			await first.click();
			// The event's own entry, where the details of a place of many events scroll to.
			const entry = details(page).locator(`article[data-event="${id}"]`);
			await expect(entry.getByRole('heading').first()).toBeInViewport();
		});
	});
}
