// The studio's import of a spreadsheet, timed in headless Chromium on the bench build, as a user
// does it: the button, the file chooser, then the summary "N rows imported". Issue 20's target:
// a progress bar, and no main-thread task over 50 ms from the choice of file to the summary.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium.mjs';
import { BUILD_DIR } from './build.mjs';
import { BASE, serveBench } from './site.mjs';

export const STUDIO_LONGEST_TASK_MS = 50;

/** Reads `file` in the studio; the longest main-thread task, the time, and what it said. */
export async function timeStudioImport(file) {
	if (!existsSync(BUILD_DIR))
		throw new Error(`there is no bench build in ${BUILD_DIR}: run npm run bench:build first`);
	const server = await serveBench();
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.addInitScript(() => {
			const seen = { long: [], progress: 0 };
			window.benchImport = seen;
			new PerformanceObserver((list) => {
				for (const t of list.getEntries())
					seen.long.push({ start: t.startTime, duration: t.duration });
			}).observe({ type: 'longtask', buffered: true });
			new MutationObserver(() => {
				if (document.querySelector('progress')) seen.progress++;
			}).observe(document, { subtree: true, childList: true, attributes: true });
		});
		await page.goto(`${BASE}studio/`);
		await page.getByRole('button', { name: 'Draft the map' }).waitFor();
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Import a spreadsheet…' }).click();
		const chosenAt = await page.evaluate(() => performance.now());
		await (await chooser).setFiles(file);
		const summary = page
			.getByRole('region', { name: 'Import a spreadsheet of events' })
			.getByRole('status')
			.filter({ hasText: 'rows imported' });
		await summary.waitFor({ timeout: 15 * 60_000 });
		return await page.evaluate((from) => {
			const { long, progress } = window.benchImport;
			const during = long.filter((t) => t.start >= from);
			const status = [...document.querySelectorAll('[role=status]')].find((s) =>
				s.textContent.includes('rows imported')
			);
			return {
				seconds: (performance.now() - from) / 1000,
				longest_task_ms: Math.round(Math.max(0, ...during.map((t) => t.duration))),
				long_tasks: during.length,
				progress_seen: progress > 0,
				summary: status.textContent.replace(/\s+/g, ' ').trim()
			};
		}, chosenAt);
	} finally {
		await browser.close();
		server.close();
	}
}
