import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DEFAULT_FILES } from '../../scripts/lib/story-files';
import {
	COMMON_HEADERS,
	headerPolicy,
	headersFor,
	metaPolicy,
	parseHeadersFile,
	parsePolicy
} from '../../scripts/lib/security-headers.mjs';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { details, expect, mapReady, slider, test } from './fixtures';

/**
 * The page's policy, tightened (issue 12): no inline style but SvelteKit's hashed announcer, no
 * blob:, no frames; and, served with the headers the build writes for static hosts, the same
 * policy as a header with frame-ancestors, which keeps other sites from framing the atlas.
 */

const PAGES = ['./', './stories/', './stories/witkoff-putin-st-petersburg/', './studio/'];
const ARTICLE = readFileSync(DEFAULT_FILES.article, 'utf8');
const HEADLINE = 'US envoy Witkoff meets Putin in St Petersburg';

/**
 * Collects every CSP violation and console error in a context, its popups included, from the
 * first script on: the listener is installed before any of the page's own code runs.
 */
async function watchViolations(context: BrowserContext) {
	const seen = { violations: [] as string[], errors: [] as string[] };
	await context.exposeBinding('__cspViolation', (_source, text: string) =>
		seen.violations.push(text)
	);
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __cspViolation: (text: string) => void }).__cspViolation(
				`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample}`
			)
		);
	});
	const listen = (page: Page) => {
		page.on('console', (m) => {
			if (m.type() === 'error') seen.errors.push(`${page.url()}: ${m.text()}`);
		});
		page.on('pageerror', (e) => seen.errors.push(`${page.url()}: ${e.message}`));
	};
	context.pages().forEach(listen);
	context.on('page', listen);
	return seen;
}

/**
 * A reader's and an author's session: everything that loads a picture, a worker, a style or a
 * frame. `at` turns a path of the site into a URL.
 */
async function fullSession(page: Page, at: (path: string) => string) {
	await page.goto(at('./'));
	await mapReady(page);

	// The date slider by keyboard.
	const date = slider(page);
	await date.focus();
	for (const key of [
		'ArrowLeft',
		'ArrowLeft',
		'PageDown',
		'Home',
		'ArrowRight',
		'End',
		'ArrowLeft'
	])
		await page.keyboard.press(key);
	await expect(date).not.toHaveAttribute('aria-valuetext', '12 April 2025');
	await page.keyboard.press('End');
	await expect(date).toHaveAttribute('aria-valuetext', '12 April 2025');

	// A place, its details, the article, the tour.
	await page.getByRole('button', { name: /^Kryvyi Rih/ }).click();
	await expect(details(page).getByRole('heading', { name: 'Kryvyi Rih', level: 2 })).toBeVisible();
	await page.getByRole('button', { name: 'Article text', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Article' }).locator('mark').first()).toBeVisible();
	await page.getByRole('button', { name: 'Start the tour' }).click();
	await expect(page.getByRole('region', { name: /tour/i }).first()).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('button', { name: /Resume the tour/ })).toBeVisible();

	// The picture printed in place of the map is a data: URL; the PNG export goes through blob:.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('img.print-only')).toHaveAttribute('src', /^data:image\/png/);
	await page.emulateMedia({ media: 'screen' });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PNG' }).click();
	expect((await download).suggestedFilename()).toMatch(/\.png$/);

	// A reader's own files, read and checked in the page's worker.
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Open your story…' }).click();
	await (
		await chooser
	).setFiles(
		Object.values(DEFAULT_FILES).map((path) => ({
			name: path.split('/').at(-1)!,
			mimeType: 'application/octet-stream',
			buffer: readFileSync(path)
		}))
	);
	await expect(page.getByRole('button', { name: 'Back to the default story' })).toBeVisible({
		timeout: 20_000
	});
	await mapReady(page);

	// The list of stories, and a story from it by a client-side navigation (the announcer speaks).
	await page.goto(at('./stories/'));
	await page.getByRole('link', { name: HEADLINE }).click();
	await mapReady(page);
	await expect(page.locator('#svelte-announcer')).toContainText(HEADLINE);
	await expect(page.locator('#svelte-announcer')).toHaveCSS('position', 'absolute');

	// The studio: its map, its drafting worker and the gazetteer, then the preview in a new tab.
	await page.goto(at('./studio/'));
	await page.getByLabel('Headline').fill(HEADLINE);
	await page.getByLabel('Publication date').fill('2025-04-12');
	await page.getByLabel('Article text').fill(ARTICLE);
	await page.getByRole('button', { name: 'Draft the map' }).click();
	const review = page.getByRole('region', { name: 'Events' });
	await expect(review.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Accept all to review' }).click();
	const tab = page.waitForEvent('popup');
	await page.getByRole('button', { name: 'Preview in the atlas' }).click();
	const preview = await tab;
	await mapReady(preview);
	await preview.close();
}

test.describe('the Content-Security-Policy', () => {
	test('every page’s <meta> policy allows no inline style or script, no blob: and no frames', async ({
		request
	}) => {
		for (const path of [...PAGES, './studio/preview/']) {
			const policy = metaPolicy(await (await request.get(path)).text());
			expect(policy, path).not.toBeNull();
			const directives = new Map(parsePolicy(policy!));
			expect(directives.get('style-src'), path).toEqual(["'self'"]);
			expect(directives.get('style-src-attr')?.[0], path).toBe("'unsafe-hashes'");
			expect(directives.get('style-src-attr'), path).toHaveLength(2);
			expect(directives.get('script-src')?.[0], path).toBe("'self'");
			expect(policy, path).not.toMatch(/unsafe-inline|unsafe-eval|blob:|\*/);
			expect(directives.get('img-src'), path).toEqual(["'self'", 'data:']);
			expect(directives.get('worker-src'), path).toEqual(["'self'"]);
			expect(directives.get('frame-src'), path).toEqual(["'none'"]);
			expect(directives.get('object-src'), path).toEqual(["'none'"]);
			expect(directives.get('base-uri'), path).toEqual(["'self'"]);
			expect(directives.get('form-action'), path).toEqual(["'none'"]);
			expect(directives.get('require-trusted-types-for'), path).toEqual(["'script'"]);
			// A <meta> tag cannot carry it; the headers do.
			expect(directives.has('frame-ancestors'), path).toBe(false);
		}
	});

	test('a full session, from the atlas to the studio’s preview, violates nothing', async ({
		page
	}) => {
		test.setTimeout(150_000);
		const seen = await watchViolations(page.context());
		await fullSession(page, (path) => path);
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});
});

test.describe('an injected style', () => {
	test.use({ allowedErrors: [/Content Security Policy/] });

	test('an inline style attribute is refused, the announcer’s hashed one is applied', async ({
		page
	}) => {
		await page.goto('./');
		await mapReady(page);
		const outcome = await page.evaluate(async () => {
			const violation = new Promise<string>((resolve) =>
				document.addEventListener(
					'securitypolicyviolation',
					(e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`),
					{ once: true }
				)
			);
			// Built node by node: Trusted Types refuse the HTML string itself (see below).
			const p = document.createElement('p');
			p.textContent = 'styled';
			p.setAttribute('style', 'position: fixed; color: rgb(255, 0, 0)');
			document.body.append(p);
			return {
				directive: await violation,
				position: getComputedStyle(p).position,
				announcer: getComputedStyle(document.getElementById('svelte-announcer')!).position
			};
		});
		expect(outcome).toEqual({
			directive: 'style-src-attr inline',
			position: 'static',
			announcer: 'absolute'
		});
	});
});

test.describe('Trusted Types', () => {
	test.use({ allowedErrors: [/TrustedHTML|TrustedScriptURL|Trusted Types/] });

	test('a string reaches no HTML or script sink: markup and foreign workers are refused', async ({
		page
	}) => {
		await page.goto('./');
		await mapReady(page);
		const outcome = await page.evaluate(() => {
			const attempt = (run: () => unknown) => {
				try {
					run();
					return 'ran';
				} catch (error) {
					return (error as Error).name;
				}
			};
			return {
				html: attempt(() => (document.body.innerHTML += '<img src=x onerror="window.hit=1">')),
				worker: attempt(() => new Worker('https://evil.example.com/w.js')),
				hit: 'hit' in window
			};
		});
		expect(outcome).toEqual({ html: 'TypeError', worker: 'TypeError', hit: false });
	});
});

test.describe('npm start’s server (scripts/serve.mjs)', () => {
	test('sends each path the headers the build’s _headers gives it, and nothing cross-origin', async ({
		request
	}) => {
		const rules = parseHeadersFile(readFileSync('build/_headers', 'utf8'));
		for (const path of [...PAGES.map((p) => p.slice(1)), '/generated/story/events.geojson']) {
			const headers = (await request.get(path)).headers();
			for (const [name, value] of Object.entries(headersFor(rules, path)))
				expect([path, name, headers[name]]).toEqual([path, name, value]);
			expect(headers['content-security-policy'] ?? '', path).toBe(
				headersFor(rules, path)['content-security-policy'] ?? ''
			);
			expect(headers['access-control-allow-origin'], path).toBeUndefined();
		}
	});
});

test.describe('served with the build’s _headers, as Netlify or Cloudflare Pages would', () => {
	let server: Server;
	let partner: Server;
	let origin = '';
	let partnerOrigin = '';
	/** Origins allowed to frame the atlas besides its own, as svelte.config.js would add them. */
	let allowed = '';
	let rules: ReturnType<typeof parseHeadersFile> = [];

	test.beforeAll(async () => {
		// Written by npm run build (scripts/write-headers.mjs), which the suite's server runs.
		rules = parseHeadersFile(readFileSync('build/_headers', 'utf8'));
		// A page that embeds the atlas, served by the atlas's own origin and by another one. Both
		// are local: Chromium refuses a public page framing a local address before any policy.
		const host = mkdtempSync(join(tmpdir(), 'csp-host-'));
		server = await serveStatic({ '/': 'build', '/host/': host }, 0, {
			headers: (path) => {
				const headers = headersFor(rules, path);
				const csp = headers['content-security-policy'];
				if (csp && allowed)
					headers['content-security-policy'] = csp.replace(
						"frame-ancestors 'self'",
						`frame-ancestors 'self' ${allowed}`
					);
				return headers;
			}
		});
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		writeFileSync(
			join(host, 'embed.html'),
			`<!doctype html><title>host</title><iframe src="${origin}/?embed" title="Story Atlas" width="800" height="600"></iframe>`
		);
		partner = await serveStatic({ '/host/': host }, 0);
		partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
	});
	test.afterAll(() => {
		server.close();
		partner.close();
	});

	test('each page gets its own <meta> policy as a header, with frame-ancestors and the hardening headers', async ({
		request
	}) => {
		for (const path of [...PAGES, './studio/preview/'].map((p) => p.slice(1))) {
			const response = await request.get(`${origin}${path}`);
			const headers = response.headers();
			const meta = metaPolicy(await response.text())!;
			expect(headers['content-security-policy'], path).toBe(
				headerPolicy(meta, [['frame-ancestors', ["'self'"]]])
			);
			for (const [name, value] of COMMON_HEADERS)
				expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
		}
		const html = await (await request.get(`${origin}/`)).text();
		// The start script's own import (no script is preloaded: src/hooks.server.ts).
		const entry = /"\.\/(_app\/immutable\/entry\/[^"]+\.js)"/.exec(html)![1];
		const asset = (await request.get(`${origin}/${entry}`)).headers();
		expect(asset['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(asset['content-security-policy']).toBeUndefined();
	});

	test('a full session under the header policy violates nothing', async ({ browser }) => {
		test.setTimeout(150_000);
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const seen = await watchViolations(context);
		const page = await context.newPage();
		const response = await page.goto(`${origin}/`);
		expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
		await fullSession(page, (path) => `${origin}${path.slice(1)}`);
		await context.close();
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});

	/** Opens the embedding page on `host` and says whether the atlas showed in its iframe. */
	async function embedFrom(context: BrowserContext, host: string) {
		const page = await context.newPage();
		const messages: string[] = [];
		page.on('console', (m) => messages.push(m.text()));
		// The page's load waits for its iframe, shown or refused.
		await page.goto(`${host}/host/embed.html`);
		const frame = page.frames().find((f) => f !== page.mainFrame());
		const shown = frame?.url().startsWith(`${origin}/`) ?? false;
		if (shown)
			await expect(
				page.frameLocator('iframe').getByRole('heading', { name: HEADLINE, level: 1 })
			).toBeVisible();
		else
			expect(messages.join('\n')).toContain(
				'violates the following Content Security Policy directive: "frame-ancestors \'self\'"'
			);
		await page.close();
		return shown ? 'shown' : 'refused';
	}

	test('frame-ancestors: its own pages may frame the atlas, another site may not unless allowed', async ({
		browser
	}) => {
		const context = await browser.newContext();
		expect(await embedFrom(context, origin)).toBe('shown');
		expect(await embedFrom(context, partnerOrigin)).toBe('refused');
		allowed = partnerOrigin;
		expect(await embedFrom(context, partnerOrigin)).toBe('shown');
		allowed = '';
		await context.close();
	});
});
