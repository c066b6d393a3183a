import AxeBuilder from '@axe-core/playwright';
import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumLaunch } from '../../playwright.config';
import { details, expect, liveRegion, mapReady, shot, slider, test } from './fixtures';

/**
 * The reader's first second (issue 10): the story is in the HTML, with a picture of the map in the
 * view MapLibre opens on; without script it is a readable document, without WebGL the picture is
 * the map, and a link to it previews as the story.
 */
const story = (file: string) =>
	JSON.parse(readFileSync(`static/generated/story/${file}`, 'utf8')) as {
		features: Array<{ properties: Record<string, unknown> }>;
	};
const events = story('events.geojson').features.map((f) => f.properties) as Array<{
	id: string;
	title: string;
	notes?: Array<{ correction: string }>;
}>;
const corrected = events.filter((e) => (e.notes ?? []).length > 0);
const picture = (page: Page) => page.locator('svg[data-map-picture]');
const picturePlace = (page: Page, name: RegExp) => picture(page).getByRole('link', { name });

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page is the story: headline, every event, the details with corrections, the article and the map picture', async ({
		page
	}, info) => {
		await page.goto('./');
		await expect(
			page.getByRole('heading', { level: 1, name: 'US envoy Witkoff meets Putin in St Petersburg' })
		).toBeVisible();
		await expect(page.getByText(/With JavaScript on, this page adds a map/)).toBeVisible();

		const list = page.getByRole('region', { name: 'Every event' }).getByRole('listitem');
		await expect(list).toHaveCount(events.length);
		for (const event of events) {
			await expect(
				page
					.getByRole('region', { name: 'Every event' })
					.getByRole('link', { name: event.title, exact: true })
			).toBeVisible();
		}
		// Every event's details, each correction with it, and no id twice.
		for (const event of events) {
			await expect(page.locator(`#event-${event.id} article`)).toContainText(event.title);
		}
		for (const event of corrected) {
			for (const note of event.notes ?? []) {
				await expect(
					page
						.locator(`#event-${event.id} [role="note"]`)
						.filter({ hasText: note.correction.slice(0, 40) })
				).toHaveCount(1);
			}
		}
		// Script is off here, in the test's page too: read the ids from the HTML.
		const ids = [...(await page.content()).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
		expect(ids.length).toBe(new Set(ids).size);
		await expect(page.getByRole('region', { name: 'The article' })).toContainText(
			'US envoy Steve Witkoff met Russian President Vladimir Putin in St Petersburg'
		);

		// The picture of the map is there and drawn; its places lead to their sections.
		await expect(picture(page)).toBeVisible();
		expect(await picture(page).locator('[data-place]').count()).toBeGreaterThan(5);
		await picturePlace(page, /^Kryvyi Rih/).click();
		await expect(page).toHaveURL(/#place-kryvyi-rih$/);
		await expect(page.getByRole('heading', { level: 3, name: 'Kryvyi Rih' })).toBeInViewport();
		// axe runs inside the page, which script-off forbids: its checks are on the page with script
		// (journeys.spec.ts) and without WebGL (below), whose HTML this is.
		await shot(page, info, 'no-js');
	});
});

test('without WebGL the picture is the map: a place opens its details and the slider filters it', async ({
	baseURL
}, info) => {
	const browser = await chromium.launch({
		...chromiumLaunch,
		args: [...chromiumLaunch.args, '--disable-software-rasterizer']
	});
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const errors: string[] = [];
	const external: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('request', (r) => {
		if (!r.url().startsWith(new URL(baseURL!).origin)) external.push(r.url());
	});
	await page.goto('./');
	await expect(page.getByText(/the moving map needs WebGL/)).toBeVisible();
	await expect(picture(page)).toBeVisible();

	await picturePlace(page, /^Kryvyi Rih/).click();
	await expect(
		details(page).getByRole('heading', { name: 'Kryvyi Rih', exact: true })
	).toBeVisible();
	await expect(details(page)).toContainText('killed 19 people, including nine children');

	// Back to the first day: only the invasion has happened, and the picture shows only Ukraine.
	await slider(page).press('Home');
	await expect(liveRegion(page)).toHaveText('1 event up to 1 February 2022');
	await expect(picture(page).locator('a[data-place]')).toHaveCount(1);
	await expect(picturePlace(page, /^Ukraine/)).toBeVisible();
	await expect(picturePlace(page, /^Kryvyi Rih/)).toHaveCount(0);
	await shot(page, info, 'no-webgl');

	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	expect(errors).toEqual([]);
	expect(external).toEqual([]);
	await browser.close();
});

test('every story page carries share-card tags, and its card is a 1200×630 PNG', async ({
	request
}) => {
	const index = (await (await request.get('generated/stories/index.json')).json()) as Array<{
		slug: string;
	}>;
	const pages = ['./', ...index.map((s) => `stories/${s.slug}/`)];
	for (const path of pages) {
		const html = await (await request.get(path)).text();
		const meta = (key: string) =>
			html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];
		expect(meta('og:title'), path).toBe('US envoy Witkoff meets Putin in St Petersburg');
		expect(meta('og:description'), path).toMatch(/^US envoy Steve Witkoff met/);
		expect(meta('twitter:card'), path).toBe('summary_large_image');
		const image = meta('og:image');
		expect(image, path).toBeTruthy();
		const png = await (
			await request.get(new URL(image!, new URL(path, 'http://x/')).pathname.slice(1))
		).body();
		// A PNG's signature, then the IHDR chunk: width and height, big-endian.
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
	}
});

test('MapLibre takes over where the picture was: every place at the same pixels', async ({
	page
}, info) => {
	// Hold MapLibre back until the picture has been measured: its chunk is the one over 300 KB.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		const response = await route.fetch();
		const body = await response.body();
		if (body.length > 300_000) await held;
		await route.fulfill({ response, body });
	});
	await page.goto('./');
	await expect(picture(page)).toBeVisible();
	// Wait for the picture to be drawn for this container, not the HTML's reference size: once the
	// page is hydrated its viewBox takes the container's shape (a fixed wait lost that race on a
	// busy machine, and St Petersburg's button, spread for the other size, was 17 px away).
	await page.waitForFunction(() => {
		const svg = document.querySelector('svg[data-map-picture]')!;
		const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
		const box = svg.getBoundingClientRect();
		return Math.abs(w! / h! - box.width / box.height) < 0.005;
	});
	type Centres = Record<string, [number, number]>;
	const before: Centres = await page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll<SVGElement>('svg[data-map-picture] a[data-place]')].map((a) => {
				// The place's target, drawn apart from its neighbours' as the map's buttons are.
				const box = a.querySelector('circle.hit')!.getBoundingClientRect();
				return [a.dataset.place, [box.x + box.width / 2, box.y + box.height / 2]];
			})
		)
	);
	await shot(page, info, 'swap-before');
	release();
	await mapReady(page);
	await expect(picture(page)).toBeHidden();
	const after: Centres = await page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll<HTMLElement>('button.place-button:not([hidden])')].map((b) => {
				const box = b.getBoundingClientRect();
				return [b.dataset.place, [box.x + box.width / 2, box.y + box.height / 2]];
			})
		)
	);
	await shot(page, info, 'swap-after');
	expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
	for (const [place, [x, y]] of Object.entries(after)) {
		const [bx, by] = before[place]!;
		expect(Math.hypot(x - bx, y - by), place).toBeLessThan(3);
	}
});
