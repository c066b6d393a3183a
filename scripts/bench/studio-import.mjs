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
			const seen = { long: [], progress: 0, doneAt: null };
			window.benchImport = seen;
			new PerformanceObserver((list) => {
				for (const t of list.getEntries())
					seen.long.push({ start: t.startTime, duration: t.duration });
			}).observe({ type: 'longtask', buffered: true });
			new MutationObserver(() => {
				if (document.querySelector('progress')) seen.progress++;
				if (seen.doneAt !== null) return;
				for (const status of document.querySelectorAll('[role=status]'))
					if (status.textContent.includes('rows imported')) seen.doneAt = performance.now();
			}).observe(document, { subtree: true, childList: true, attributes: true });
		});
		await page.goto(`${BASE}studio/`);
		await page.getByRole('button', { name: 'Draft the map' }).waitFor();
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Import a spreadsheet…' }).click();
		const chosenAt = await page.evaluate(() => performance.now());
		await (await chooser).setFiles(file);
		const section = page.getByRole('region', { name: 'Import a spreadsheet of events' });
		const summary = section.getByRole('status').filter({ hasText: 'rows imported' });
		// The summary, or why there is none: a refusal, or a page that ran out of memory.
		let crashed = false;
		page.on('crash', () => (crashed = true));
		const problem = section.locator('.problem[role="alert"]');
		const deadline = Date.now() + 15 * 60_000;
		for (;;) {
			if (crashed) throw new Error('the studio page crashed during the import');
			if (await problem.count())
				throw new Error(`the studio refused the file: ${await problem.innerText()}`);
			if (await summary.count()) break;
			if (Date.now() > deadline) throw new Error('no summary within 15 minutes');
			await new Promise((r) => setTimeout(r, 500));
		}
		return await page.evaluate((from) => {
			const { long, progress, doneAt } = window.benchImport;
			const during = long.filter((t) => t.start >= from && t.start <= doneAt);
			const status = [...document.querySelectorAll('[role=status]')].find((s) =>
				s.textContent.includes('rows imported')
			);
			return {
				seconds: (doneAt - from) / 1000,
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
