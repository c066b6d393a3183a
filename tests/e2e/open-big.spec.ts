/**
 * Issue 12, "Hostile and huge stories": opening a 50 MB story froze the page for 1.8 s. It is now
 * read, checked and prepared in a worker and crosses back in pieces; these tests watch the main
 * thread's long tasks (a PerformanceObserver registered before the file is chosen) while it opens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { bigStoryTitle, writeBigStory, writeSparseFile } from '../helpers/big-story';
import { eventsList, expect, mapReady, test } from './fixtures';

const DEFAULT_TITLE = 'US envoy Witkoff meets Putin in St Petersburg';
let dir: string;
let big: ReturnType<typeof writeBigStory>;

test.describe.configure({ mode: 'serial' });
// A trace snapshots the page at every step, on the page's own main thread: not while measuring it.
test.use({ trace: 'off' });

test.beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'open-big-'));
	big = writeBigStory(dir);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Watch {
	long: Array<{ start: number; duration: number }>;
	chosenAt: number;
	phases: string[];
	phaseAt: number[];
	shownAt?: number;
	workers: number;
}

/** Long tasks, the progress bar's phases and when the new story's headline appears. */
async function watchPage(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { watch: Watch };
		w.watch = { long: [], chosenAt: performance.now(), phases: [], phaseAt: [], workers: 0 };
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries())
				w.watch.long.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask' });
		new MutationObserver(() => {
			const phase = document.querySelector('.opening .phase')?.textContent?.split(':')[0];
			if (phase && w.watch.phases.at(-1) !== phase) {
				w.watch.phases.push(phase);
				w.watch.phaseAt.push(Math.round(performance.now() - w.watch.chosenAt));
			}
			if (
				w.watch.shownAt === undefined &&
				document.querySelector('h1')?.textContent?.startsWith('Synthetic story')
			)
				w.watch.shownAt = performance.now();
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
}

const watched = (page: Page) =>
	page.evaluate(() => {
		const { watch } = window as unknown as { watch: Watch };
		const ready = performance.getEntriesByName('open-story:ready').at(-1)?.startTime ?? null;
		return { ...watch, ready };
	});

const fileInput = (page: Page) => page.getByLabel(/^Story files/);
const progressBar = (page: Page) => page.getByRole('progressbar', { name: 'Opening your story' });

test.beforeEach(async ({ page }) => {
	await page.goto('./');
	await mapReady(page);
});

test('a 50 MB story opens with progress, and the page never stops answering', async ({
	page
}, info) => {
	test.setTimeout(180_000);
	expect(big.bytes).toBeGreaterThan(48 * 1024 * 1024);
	await watchPage(page);
	await fileInput(page).setInputFiles(big.bundle);
	await expect(progressBar(page)).toBeVisible();
	await expect(page.getByRole('heading', { name: bigStoryTitle(), level: 1 })).toBeVisible({
		timeout: 120_000
	});
	await expect(progressBar(page)).toHaveCount(0);
	const seen = await watched(page);
	expect(seen.ready).not.toBeNull();
	const ready = seen.ready!;
	// Opening: from the choice of file to the story handed to the page.
	const opening = seen.long.filter((t) => t.start + t.duration <= ready);
	// Showing: the task that hands the story over and draws the new atlas, and what follows.
	const showing = seen.long.filter((t) => t.start + t.duration > ready);
	const longest = (list: typeof opening) => Math.max(0, ...list.map((t) => t.duration));
	const report = {
		bytes: big.bytes,
		phases: seen.phases,
		toReady: Math.round(ready - seen.chosenAt),
		toShown: Math.round(seen.shownAt! - seen.chosenAt),
		longestWhileOpening: Math.round(longest(opening)),
		phaseAt: seen.phaseAt,
		longTasksWhileOpening: opening.map((t) => [
			Math.round(t.start - seen.chosenAt),
			Math.round(t.duration)
		]),
		longestWhileShowing: Math.round(longest(showing)),
		longTasksWhileShowing: showing.map((t) => [
			Math.round(t.start - seen.chosenAt),
			Math.round(t.duration)
		])
	};
	await info.attach('open-big.json', { body: JSON.stringify(report, null, 2) });
	console.log(JSON.stringify(report));
	expect(seen.phases).toEqual(['Reading your files', 'Checking the story…', 'Preparing the map']);
	// A guard, not the speed target: reading or checking 50 MB on the main thread blocks it for
	// seconds, while the work left there takes 60–110 ms on this machine, more when it is loaded.
	expect(longest(opening), 'longest task on the main thread while the story opened').toBeLessThan(
		300
	);
});

test('Cancel while a big story opens keeps the story shown, with no error', async ({ page }) => {
	test.setTimeout(120_000);
	// Chosen the way a reader does: the button, then the file chooser.
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Open your story…' }).click();
	await (await chooser).setFiles(big.bundle);
	await expect(progressBar(page)).toBeVisible();
	// Focus follows to the one thing to do with a story opening: Cancel it.
	const cancel = page.getByRole('button', { name: 'Cancel' });
	await expect(cancel).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: 'Checking the story.' })).toHaveCount(1, {
		timeout: 30_000
	});
	const axe = await new AxeBuilder({ page }).include('.opening').analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await page.keyboard.press('Enter');
	await expect(progressBar(page)).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Open your story…' })).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: 'Opening cancelled' })).toHaveCount(1);
	// Long enough for the cancelled story to have arrived, had it not been cancelled.
	await page.waitForTimeout(8_000);
	await expect(page.getByRole('heading', { name: DEFAULT_TITLE, level: 1 })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(eventsList(page).getByRole('listitem')).toHaveCount(20);
	// And the next story opens as ever.
	await fileInput(page).setInputFiles(
		['events.geojson', 'places.geojson', 'article.txt'].map((f) => `tests/fixtures/minimal/${f}`)
	);
	await expect(page.getByRole('heading', { name: 'Aid for Ukraine', level: 1 })).toBeVisible();
});

test('a file over 100 MB is refused from its size, without being read', async ({ page }) => {
	await page.evaluate(() => {
		const w = window as unknown as { openWorkers: number };
		w.openWorkers = 0;
		const Original = window.Worker;
		window.Worker = class extends Original {
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				if (String(url).includes('story.worker')) w.openWorkers++;
			}
		};
	});
	// Sparse: 101 MB by its size, none of it on disk, and Chromium is handed the path.
	const huge = writeSparseFile(join(dir, 'huge-story.json'), 101 * 1024 * 1024);
	await fileInput(page).setInputFiles(huge);
	await expect(page.getByRole('alert')).toContainText(
		'huge-story.json: is 101.0 MB; a story may be at most 100 MB (about 250,000 events). Nothing was read.'
	);
	expect(
		await page.evaluate(() => (window as unknown as { openWorkers: number }).openWorkers)
	).toBe(0);
	await page.getByRole('button', { name: 'Back to the default story' }).click();
	await expect(page.getByRole('heading', { name: DEFAULT_TITLE, level: 1 })).toBeVisible();
});
