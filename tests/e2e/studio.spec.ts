import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FILES } from '../../scripts/lib/story-files';
import { eventsList, expect, mapReady, shot, test } from './fixtures';

const ARTICLE = readFileSync(DEFAULT_FILES.article, 'utf8');
const HEADLINE = 'US envoy Witkoff meets Putin in St Petersburg';

async function draft(page: Page, article = ARTICLE, published = '2025-04-12') {
	await page.goto('./studio/');
	await page.getByLabel('Headline').fill(HEADLINE);
	await page.getByLabel('Publication date').fill(published);
	await page.getByLabel('Article text').fill(article);
	await page.getByRole('button', { name: 'Draft the map' }).click();
}

const review = (page: Page) => page.getByRole('region', { name: 'Events' });

async function axe(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test.describe('the story studio', () => {
	test('drafts the article, is accepted whole, and exports files that check out and open in the atlas', async ({
		page
	}, info) => {
		test.setTimeout(90_000);
		await draft(page);
		await expect(review(page).getByRole('listitem').first()).toBeVisible();
		expect(await review(page).getByRole('listitem').count()).toBeGreaterThanOrEqual(16);
		await expect(page.getByText('Accept at least one event')).toBeVisible();
		await shot(page, info, 'studio-draft');
		await page.getByRole('button', { name: 'Accept all to review' }).click();
		// An unsure place is a question to answer before the story is ready.
		await expect(page.getByText(/^Not ready: \d+ unsure places? to settle$/)).toBeVisible();
		const places = page.getByRole('region', { name: 'Places' });
		for (let left = 0; left < 10; left++) {
			const unsure = places.getByRole('button', { name: /· unsure/ }).first();
			if ((await unsure.count()) === 0) break;
			await unsure.click();
			await places.getByRole('button', { name: /^Keep / }).click();
		}
		await expect(page.getByText('Ready to publish')).toBeVisible();

		const tab = page.waitForEvent('popup');
		await page.getByRole('button', { name: 'Preview in the atlas' }).click();
		const preview = await tab;
		await expect(preview.getByRole('heading', { name: HEADLINE, level: 1 })).toBeVisible();
		await mapReady(preview);
		await expect(preview.getByRole('link', { name: 'Back to the studio' })).toBeVisible();
		await preview.close();

		const dir = mkdtempSync(join(tmpdir(), 'studio-export-'));
		const bundleDownload = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export bundle (.json)' }).click();
		const bundle = join(dir, (await bundleDownload).suggestedFilename());
		await (await bundleDownload).saveAs(bundle);
		const files: string[] = [];
		page.on('download', (d) => {
			const path = join(dir, d.suggestedFilename());
			files.push(path);
			void d.saveAs(path);
		});
		await page.getByRole('button', { name: 'Export three files' }).click();
		await expect.poll(() => files.length).toBe(3);
		await page.waitForTimeout(500);

		const check = spawnSync(
			'npx',
			['vite-node', '--config', 'scripts/vite.config.ts', 'scripts/check-data.ts', '--', ...files],
			{ encoding: 'utf8' }
		);
		expect(check.stderr + check.stdout).toMatch(/✓ .*\d+ events and \d+ places check out/);
		expect(check.status).toBe(0);

		await page.goto('./');
		await mapReady(page);
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Open your story…' }).click();
		await (await chooser).setFiles(bundle);
		await expect(page.getByRole('heading', { name: HEADLINE, level: 1 })).toBeVisible();
		await mapReady(page);
		expect(await eventsList(page).getByRole('listitem').count()).toBeGreaterThanOrEqual(16);
		await shot(page, info, 'studio-export-in-atlas');
	});

	test('keeps the work through a reload, as it was', async ({ page }) => {
		await draft(page);
		const first = review(page).getByRole('listitem').first();
		await first.getByRole('button', { name: 'Reject' }).click();
		await review(page).getByRole('listitem').nth(1).locator('button.open').click();
		const title = page.getByRole('region', { name: 'Edit event' }).getByLabel('Title');
		await title.fill('Trump tells Moscow to “get moving”');
		await expect(page.getByText(/^Saved in this browser at/)).toBeVisible();
		await page.reload();
		await expect(review(page).getByRole('listitem').first()).toHaveClass(/rejected/);
		await expect(review(page).getByText('Trump tells Moscow to “get moving”')).toBeVisible();
		await expect(page.getByText(/^Saved in this browser at/)).toBeVisible();
	});

	test('one event reviewed with the keyboard alone', async ({ page }, info) => {
		await draft(page);
		const second = review(page).getByRole('listitem').nth(1);
		await second.getByRole('checkbox').focus();
		await page.keyboard.press('Tab'); // the event's title
		await page.keyboard.press('Enter'); // opens it, and the keyboard goes to the editor
		const editor = page.getByRole('region', { name: 'Edit event' });
		await expect(editor.getByRole('heading', { name: 'Edit event' })).toBeFocused();
		await page.keyboard.press('Tab'); // Accept
		await page.keyboard.press('Enter');
		await expect(second.getByRole('button', { name: 'Accept' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		// Reject, Close, then the title field.
		for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
		await expect(editor.getByLabel('Title')).toBeFocused();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('Trump: Russia has to get moving');
		await expect(second).toContainText('Trump: Russia has to get moving');
		await shot(page, info, 'studio-keyboard');
		await editor.getByRole('button', { name: 'Close' }).press('Enter');
		await expect(second.locator('button.open')).toBeFocused();
	});

	test('asks about a name it could not settle, with the other readings one click away', async ({
		page
	}, info) => {
		await draft(
			page,
			'Police in Springfield and Tokyo said on Tuesday that the fires were out.',
			'2024-05-07'
		);
		const places = page.getByRole('region', { name: 'Places' });
		await places.getByRole('button', { name: /^Springfield\s?· unsure/ }).click();
		const question = places.getByText(/^Springfield: city in .*, or city in .*\?$/);
		await expect(question).toBeVisible();
		await shot(page, info, 'studio-unsure-place');
		const other = places.getByRole('button', { name: /^Use Springfield \(city in / }).first();
		const label = (await other.textContent()) ?? '';
		await other.click();
		await expect(question).toBeHidden();
		await expect(places.getByRole('button', { name: /^Springfield\s?· unsure/ })).toHaveCount(0);
		// The place now is the reading chosen: its country code is the reading's.
		const country = /, ([A-Z]{2})\)$/.exec(label)?.[1] ?? '';
		await expect(places.getByLabel('Country (ISO code)')).toHaveValue(country);
	});

	test('the validator speaks at the field, live', async ({ page }) => {
		await draft(page);
		const first = review(page).getByRole('listitem').first();
		await first.getByRole('button', { name: 'Accept' }).click();
		await first.locator('button.open').click();
		const editor = page.getByRole('region', { name: 'Edit event' });
		const source = editor.getByLabel(/The article says/);
		await source.fill('Words the article never printed.');
		await source.blur();
		await expect(source).toHaveAttribute('aria-invalid', 'true');
		await expect(editor.getByText(/is not in the article/)).toBeVisible();
		await expect(first).toContainText('1 problem to fix');
	});

	test('is clean for axe, before and after a draft', async ({ page }) => {
		await page.goto('./studio/');
		await expect(page.getByRole('heading', { name: /Draft a story map/ })).toBeVisible();
		expect(await axe(page)).toEqual([]);
		await draft(page);
		await review(page).getByRole('listitem').first().locator('button.open').click();
		await expect(page.getByRole('region', { name: 'Edit event' })).toBeVisible();
		expect(await axe(page)).toEqual([]);
	});
});

test.describe('bad input gets a clear message', () => {
	test.beforeEach(async ({ page }) => {
		await page.goto('./studio/');
	});

	for (const [name, buffer, says] of [
		['empty.txt', Buffer.alloc(0), 'empty.txt is empty.'],
		[
			'photo.txt',
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
			'photo.txt is not a text file'
		],
		['old.txt', Buffer.from([0x93, 0x68, 0x69, 0x94]), 'old.txt is not UTF-8 text']
	] as const) {
		test(`opening ${name}`, async ({ page }) => {
			const chooser = page.waitForEvent('filechooser');
			await page.getByRole('button', { name: 'Open a .txt…' }).click();
			await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer });
			await expect(page.getByRole('alert')).toContainText(says);
		});
	}

	test('no publication date', async ({ page }) => {
		await page.getByLabel('Article text').fill(ARTICLE);
		await page.getByLabel('Publication date').evaluate((input: HTMLInputElement) => {
			input.required = false;
		});
		await page.getByRole('button', { name: 'Draft the map' }).click();
		await expect(page.getByRole('alert')).toContainText('Give the publication date');
	});

	test('an article with no place in it', async ({ page }) => {
		await page.getByLabel('Publication date').fill('2025-04-12');
		await page
			.getByLabel('Article text')
			.fill('Nothing happened anywhere on Friday, officials said.');
		await page.getByRole('button', { name: 'Draft the map' }).click();
		await expect(page.getByRole('alert')).toContainText('No place was found');
	});

	test('an article of several megabytes drafts off the page, with progress', async ({ page }) => {
		test.setTimeout(120_000);
		const long = Array.from({ length: 12 }, () => ARTICLE).join('\n');
		const big = Array.from({ length: 40 }, () => long).join('\n');
		expect(big.length).toBeGreaterThan(2_000_000);
		await page.getByLabel('Publication date').fill('2025-04-12');
		await page.getByLabel('Article text').evaluate((el: HTMLTextAreaElement, text) => {
			el.value = text;
			el.dispatchEvent(new Event('input', { bubbles: true }));
		}, big);
		await page.evaluate(() => {
			const w = window as unknown as { longest: number };
			w.longest = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
			}).observe({ type: 'longtask' });
		});
		await page.getByRole('button', { name: 'Draft the map' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: /Drafting: \d+ of \d+ parts/ })
		).toBeVisible();
		await expect(review(page)).toBeVisible({ timeout: 90_000 });
		// The page answered throughout: drafting happened in the worker.
		const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
		expect(longest).toBeLessThan(1000);
	});
});
