import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { badFile } from '../helpers/bad-files';
import { details, eventsList, expect, liveRegion, mapReady, shot, slider, test } from './fixtures';

const STORY = 'geodata/stories/witkoff-putin-st-petersburg';

/**
 * Opens the story with some of its files replaced, as a reader's own: a published story is checked
 * at build time and its page holds it, so the browser's checks are met where a reader's files are.
 */
async function openWith(page: Page, replaced: Record<string, string | Buffer>) {
	const files = ['events.geojson', 'places.geojson', 'article.txt'].map((name) => ({
		name,
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(replaced[name] ?? readFileSync(`${STORY}/${name}`))
	}));
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Open your story…' }).click();
	await (await chooser).setFiles(files);
}

test.describe('bad story data', () => {
	test.use({ allowedErrors: [/status of 404/] });

	for (const [fixture, file, says] of [
		[
			'bad-date.events.geojson',
			'events.geojson',
			'kryvyi-rih-strike › start: "2025-02-30" is not a real date.'
		],
		['not-json.events.geojson', 'events.geojson', 'events.geojson: is not valid JSON'],
		[
			'swapped.places.geojson',
			'places.geojson',
			'places.geojson › kryvyi-rih › geometry.coordinates:'
		],
		['crs.events.geojson', 'events.geojson', 'has a "crs" member'],
		['not-utf8.article.txt', 'article.txt', 'article.txt: is not UTF-8 text']
	] as const) {
		test(`${fixture} shows the validator's message, not a blank page`, async ({ page }, info) => {
			await page.goto('./');
			await mapReady(page);
			await openWith(page, { [file]: Buffer.from(badFile(fixture).contents) });
			const report = page.getByRole('alert');
			await expect(report.getByRole('heading', { name: /can’t be shown/ })).toBeVisible();
			await expect(report).toContainText(says);
			if (fixture === 'bad-date.events.geojson') await shot(page, info, 'bad-data');
		});
	}

	test('a basemap that cannot be fetched leaves the picture of the map as the map, and says so', async ({
		page
	}) => {
		await page.route('**/generated/countries.geojson', (route) =>
			route.fulfill({ status: 404, body: 'gone' })
		);
		await page.goto('./');
		await expect(page.getByText(/the moving map could not be started/)).toBeVisible();
		await page
			.locator('svg[data-map-picture]')
			.getByRole('link', { name: /^Kryvyi Rih/ })
			.click();
		await expect(details(page)).toContainText('killed 19 people, including nine children');
	});
});

test.describe('hostile text', () => {
	test.use({ allowedErrors: [/Content Security Policy/] });

	test('HTML and script in the article and excerpts render as text and never run', async ({
		page
	}) => {
		const hostile =
			'<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> <a href="javascript:window.__pwned=3">link</a>';
		const story = JSON.parse(readFileSync(`${STORY}/events.geojson`, 'utf8'));
		const article = readFileSync(`${STORY}/article.txt`, 'utf8');
		const strike = story.features.find(
			(f: { properties: { id: string } }) => f.properties.id === 'kryvyi-rih-strike'
		);
		strike.properties.source.push(hostile);
		strike.properties.title = 'javascript:window.__pwned=4';
		await page.goto('./');
		await mapReady(page);
		await openWith(page, {
			'article.txt': `${article}\n${hostile}\n`,
			'events.geojson': JSON.stringify(story)
		});
		// The opened story has replaced the page's own (same headline): then its map is the one ready.
		await expect(eventsList(page)).toContainText('javascript:window.__pwned=4');
		await mapReady(page);
		await page.getByRole('button', { name: /^Kryvyi Rih/ }).click();
		const panel = details(page);
		await expect(panel.getByText(hostile)).toBeVisible();
		await expect(panel.getByRole('heading', { name: 'javascript:window.__pwned=4' })).toBeVisible();
		await expect(page.locator('img[src="x"], a[href^="javascript:"]')).toHaveCount(0);
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
		).toBeUndefined();
	});

	test.describe('an injected script', () => {
		// Chromium logs each refusal of Trusted Types as an error: here they are the point.
		test.use({ allowedErrors: [/requires 'Trusted(Script|HTML)' assignment/] });

		test('the Content-Security-Policy forbids inline and eval’d script, and blocks an injected handler', async ({
			page
		}) => {
			await page.goto('./');
			await mapReady(page);
			const csp = await page
				.locator('meta[http-equiv="content-security-policy"]')
				.getAttribute('content');
			expect(csp).toMatch(/script-src 'self'/);
			expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
			const outcome = await page.evaluate(async () => {
				const directives: string[] = [];
				document.addEventListener('securitypolicyviolation', (e) =>
					directives.push(e.violatedDirective)
				);
				const refused: string[] = [];
				// Trusted Types refuse the HTML string before the handler can exist.
				try {
					document.body.insertAdjacentHTML(
						'beforeend',
						'<img src="data:," onload="window.__pwned=1">'
					);
				} catch {
					refused.push('html');
				}
				try {
					const s = document.createElement('script');
					s.textContent = 'window.__pwned = 2';
					document.body.append(s);
				} catch {
					refused.push('script');
				}
				await new Promise((r) => setTimeout(r, 300));
				return { directives, refused, pwned: (window as unknown as { __pwned?: number }).__pwned };
			});
			expect(outcome.pwned).toBeUndefined();
			expect(outcome.refused).toContain('html');
			// The inline script is refused by Trusted Types, or blocked by script-src if it got that far.
			expect(
				outcome.refused.includes('script') || outcome.directives.some((d) => /script-src/.test(d))
			).toBe(true);
		});
	});
});

test.describe('hostile URLs', () => {
	for (const [name, url] of [
		['garbage hash', './#abc'],
		['impossible date', './?date=9999-99-99'],
		['unknown event and place', './?event=no-such-event&place=atlantis'],
		['markup in the query', './?place=%3Cscript%3Ealert(1)%3C/script%3E&date=%3Cimg%3E']
	] as const) {
		test(`${name} falls back to the default view`, async ({ page }) => {
			await page.goto(url);
			await mapReady(page);
			await expect(slider(page)).toHaveAttribute('aria-valuetext', '12 April 2025');
			await expect(details(page)).toHaveCount(0);
			await expect(liveRegion(page)).toHaveText('20 events up to 12 April 2025');
		});
	}
});

test('100 KB of query, arriving by Back or Forward, falls back to the default view', async ({
	page
}) => {
	// Servers refuse such a URL outright (HTTP 431), so it can only reach the app from history.
	await page.goto('./?date=2025-04-04');
	await mapReady(page);
	await expect(slider(page)).toHaveAttribute('aria-valuetext', '4 April 2025');
	// The reader chooses a place (an entry the app makes), then the history holds two entries the
	// app did not make, and Back lands on the first, as a mangled or hostile history would.
	await page.getByRole('button', { name: /^Kryvyi Rih/ }).click();
	await expect(page).toHaveURL(/place=kryvyi-rih/);
	await page.evaluate(() => {
		const state = { ...(history.state as Record<string, number>) };
		// Entries the app did not make carry none of its page state.
		delete state['sveltekit:pageurl'];
		delete state['sveltekit:states'];
		const at = state['sveltekit:history']!;
		const entry = (step: number) => ({ ...state, 'sveltekit:history': at + step });
		history.pushState(entry(1), '', `?date=2025-04-04&place=cyprus&junk=${'x'.repeat(100_000)}`);
		history.pushState(entry(2), '', '?date=2025-04-04');
		history.back();
	});
	await expect(slider(page)).toHaveAttribute('aria-valuetext', '12 April 2025');
	await expect(details(page)).toHaveCount(0);
});

test.describe('no network', () => {
	test('with every request outside the origin blocked, the app still works fully', async ({
		page,
		baseURL
	}) => {
		const origin = new URL(baseURL!).origin;
		const blocked: string[] = [];
		await page.route('**/*', (route) => {
			if (route.request().url().startsWith(origin)) return route.continue();
			blocked.push(route.request().url());
			return route.abort();
		});
		await page.goto('./');
		await mapReady(page);
		await page.getByRole('button', { name: /^Kryvyi Rih/ }).click();
		await expect(details(page)).toContainText('killed 19 people');
		await slider(page).press('Home');
		await expect(liveRegion(page)).toHaveText('1 event up to 1 February 2022');
		expect(blocked).toEqual([]);
	});

	test('attempts no request outside its origin', async ({ page, baseURL }) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto('./');
		await mapReady(page);
		await eventsList(page).getByRole('button').first().click();
		await page.waitForTimeout(1500);
		expect(requests.length).toBeGreaterThan(5);
		expect(requests.filter((url) => !url.startsWith(new URL(baseURL!).origin))).toEqual([]);
	});
});

test('long use: 10,000 slider moves and 500 place selections leak nothing', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('./');
	await mapReady(page);
	const cdp = await page.context().newCDPSession(page);
	const heap = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		return (await cdp.send('Runtime.getHeapUsage')).usedSize;
	};
	const census = () =>
		page.evaluate(() => ({
			markers: document.querySelectorAll('.maplibregl-marker').length,
			nodes: document.getElementsByTagName('*').length
		}));
	const before = { heap: await heap(), ...(await census()) };
	await page.evaluate(async () => {
		const slider = document.querySelector('[role=slider]')!;
		for (let i = 0; i < 10_000; i++) {
			slider.dispatchEvent(
				new KeyboardEvent('keydown', {
					key: Math.floor(i / 40) % 2 ? 'ArrowRight' : 'ArrowLeft',
					bubbles: true
				})
			);
			if (i % 50 === 0) await new Promise((r) => requestAnimationFrame(r));
		}
		slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
		const buttons = [...document.querySelectorAll<HTMLButtonElement>('.place-button')];
		for (let i = 0; i < 500; i++) {
			buttons[i % buttons.length]!.click();
			if (i % 10 === 0) await new Promise((r) => requestAnimationFrame(r));
		}
		document.querySelector<HTMLButtonElement>('[aria-label="Close details"]')?.click();
		await new Promise((r) => setTimeout(r, 1000));
	});
	const after = { heap: await heap(), ...(await census()) };
	expect(after.markers).toBe(before.markers);
	expect(after.nodes).toBeLessThanOrEqual(before.nodes + 50);
	expect(after.heap - before.heap).toBeLessThan(4 * 1024 * 1024);
});

test.describe('deployed elsewhere', () => {
	let server: Server;
	const PORT = 4176;
	test.use({ baseURL: `http://127.0.0.1:${PORT}/` });
	test.beforeAll(async () => {
		server = await serveStatic({ '/atlas/': 'build', '/': 'tests/fixtures/embed' }, PORT);
	});
	test.afterAll(() => server.close());

	test('works under a sub-path', async ({ page }, info) => {
		await page.goto(`http://127.0.0.1:${PORT}/atlas/?place=cyprus`);
		await mapReady(page);
		await expect(details(page).getByRole('heading', { name: 'Cyprus', level: 2 })).toBeVisible();
		await page.getByRole('button', { name: /^Kryvyi Rih/ }).click();
		await expect(page).toHaveURL(/\/atlas\/\?place=kryvyi-rih/);
		await shot(page, info, 'sub-path');
	});

	test('works inside an iframe, with its own URL state', async ({ page }, info) => {
		await page.goto(`http://127.0.0.1:${PORT}/`);
		const frame = page.frameLocator('iframe');
		await expect(frame.locator('.map[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
		await expect(frame.getByRole('slider', { name: /Date/ })).toHaveAttribute(
			'aria-valuetext',
			'4 April 2025'
		);
		await frame.getByRole('button', { name: /^Kryvyi Rih/ }).click();
		await expect(frame.getByRole('region', { name: 'Details' })).toContainText('killed 19 people');
		await shot(page, info, 'iframe');
	});
});
