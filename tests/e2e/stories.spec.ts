import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:http';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { details, expect, mapReady, shot, test } from './fixtures';

const SLUG = 'witkoff-putin-st-petersburg';
const TITLE = 'US envoy Witkoff meets Putin in St Petersburg';

test.describe('the list of stories', () => {
	test('lists each story with its date and counts, and its link opens it', async ({
		page
	}, info) => {
		await page.goto('./stories/');
		await expect(page.getByRole('heading', { name: 'All stories', level: 1 })).toBeVisible();
		const item = page.getByRole('list', { name: 'All stories' }).getByRole('listitem');
		await expect(item).toHaveCount(1);
		await expect(item).toContainText('Published 12 April 2025 · 20 events at 11 places');
		await expect(page).toHaveTitle('All stories · Story Atlas');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
			[]
		);
		await shot(page, info, 'stories-list');

		await item.getByRole('link', { name: TITLE }).click();
		await expect(page).toHaveURL(new RegExp(`/stories/${SLUG}/$`));
		await mapReady(page);
		await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
	});

	test('a story at its own address takes the same URL state as /', async ({ page }, info) => {
		await page.goto(`./stories/${SLUG}/?date=2025-04-10&place=cyprus`);
		await mapReady(page);
		await expect(details(page).getByRole('heading', { name: 'Cyprus', level: 2 })).toBeVisible();
		await expect(page.getByRole('slider', { name: /Date/ })).toHaveAttribute(
			'aria-valuetext',
			'10 April 2025'
		);
		await page.getByRole('button', { name: /^Kryvyi Rih/ }).click();
		await expect(page).toHaveURL(new RegExp(`/stories/${SLUG}/\\?.*place=kryvyi-rih`));
		await shot(page, info, 'story-by-slug');
	});

	test('/ still opens the default story, and its masthead links to all stories', async ({
		page
	}) => {
		await page.goto('./?place=cyprus');
		await mapReady(page);
		await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
		await expect(details(page).getByRole('heading', { name: 'Cyprus', level: 2 })).toBeVisible();
		await page.getByRole('link', { name: 'All stories' }).click();
		await expect(page).toHaveURL(/\/stories\/$/);
		await expect(page.getByRole('heading', { name: 'All stories', level: 1 })).toBeVisible();
	});
});

test.describe('an address with no story', () => {
	// A static host has no server to render a page nobody published: it answers 404 itself.
	test.use({ allowedErrors: [/Failed to load resource: .* 404/] });

	test('gets the host’s 404 and asks for no story file', async ({ page }) => {
		const failed: string[] = [];
		page.on('response', (r) => void (r.ok() || failed.push(new URL(r.url()).pathname)));
		const response = await page.goto('./stories/no-such-story/?place=cyprus');
		expect(response?.status()).toBe(404);
		await expect(page.locator('.map')).toHaveCount(0);
		expect(failed).toEqual(['/stories/no-such-story/']);
	});
});

test.describe('the list of stories deployed under a sub-path', () => {
	let server: Server;
	const PORT = 4177;
	test.use({ baseURL: `http://127.0.0.1:${PORT}/` });
	test.beforeAll(async () => {
		server = await serveStatic({ '/atlas/': 'build' }, PORT);
	});
	test.afterAll(() => server.close());

	test('links stay under it, from a fresh load of each page', async ({ page }) => {
		await page.goto(`http://127.0.0.1:${PORT}/atlas/stories/`);
		await page.getByRole('link', { name: TITLE }).click();
		await expect(page).toHaveURL(`http://127.0.0.1:${PORT}/atlas/stories/${SLUG}/`);
		await mapReady(page);
		// A fresh load of the story's own page, then back to the list from its masthead.
		await page.reload();
		await mapReady(page);
		await page.getByRole('link', { name: 'All stories' }).click();
		await expect(page).toHaveURL(`http://127.0.0.1:${PORT}/atlas/stories/`);
		await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
	});
});
