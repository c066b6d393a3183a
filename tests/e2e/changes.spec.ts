import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations } from '../helpers/axe';
import { details, eventsList, expect, mapReady, test } from './fixtures';

/**
 * A developing story (issue 28): a returning reader is told what changed since their last visit,
 * can narrow the story to it, and sees withdrawn events struck through, never gone.
 */
const slug = 'witkoff-putin-st-petersburg';
/** One key for the story, whether it is read at / or at /stories/<slug>/. */
const KEY = `story-atlas:seen:stories/${slug}`;
const folder = `geodata/stories/${slug}`;
const history = JSON.parse(readFileSync(`${folder}/history.json`, 'utf8')) as {
	versions: Array<{ id: string; time: string; note: string; changes: Array<{ event: string }> }>;
};
const events = (
	JSON.parse(readFileSync(`${folder}/events.geojson`, 'utf8')) as {
		features: Array<{ properties: { id: string; title: string; start: string; end: string } }>;
	}
).features.map((f) => f.properties);
const changedInV2 = [...new Set(history.versions[1]!.changes.map((c) => c.event))].sort();

/** A third version, served in place of the file: one event withdrawn, another retitled. */
const withV3 = {
	versions: [
		...history.versions,
		{
			id: '3',
			time: '2025-04-14',
			note: 'Kellogg’s denial withdrawn pending confirmation; the Times report retitled.',
			changes: [
				{
					event: 'kellogg-denial',
					kind: 'withdrawn',
					reason: 'The post could not be confirmed.'
				},
				{
					event: 'times-kellogg-report',
					kind: 'revised',
					old: { title: 'The Times quotes Kellogg on zones of control' }
				}
			]
		}
	]
};

const banner = (page: Page) => page.getByRole('note', { name: 'What changed' });

async function visitedAt(page: Page, version: string, at = Date.UTC(2025, 3, 11, 9)) {
	await page.addInitScript(
		([key, value]) => {
			// Only before the page's first load: a reload then sees what the page itself stored.
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem(key!, value!);
				sessionStorage.setItem('seeded', '1');
			}
		},
		[KEY, JSON.stringify({ version, at })]
	);
}

async function historyRead(page: Page) {
	await expect
		.poll(() => page.evaluate((key) => localStorage.getItem(key), KEY))
		.toContain(`"version":"${history.versions.at(-1)!.id}"`);
}

test('/ and /stories/<default-slug>/ share one remembered visit', async ({ page }) => {
	// Stored under the story's own key: / reads it, and records this visit under it.
	await visitedAt(page, '1');
	await page.goto('./');
	await mapReady(page);
	await expect(banner(page)).toBeVisible();
	await historyRead(page);
	// Seen at /, the story is not news at its own address.
	await page.goto(`./stories/${slug}/`);
	await mapReady(page);
	// Its history fetched and read: a banner would be up by now.
	await page.waitForLoadState('networkidle');
	await expect(banner(page)).toHaveCount(0);
});

test('a reader who last saw version 1 is told exactly what version 2 changed, and can narrow to it', async ({
	page
}) => {
	await visitedAt(page, '1');
	await page.goto('./');
	await mapReady(page);
	await expect(banner(page)).toHaveText(
		/Since your last visit on 11 April 2025: 9 corrected, 1 revised\./
	);
	// Announced once, in the live region.
	await expect(page.getByRole('status').filter({ hasText: 'Since your last visit' })).toHaveCount(
		1
	);
	const ranges = page.locator('line.range');
	const allRanges = await ranges.count();
	await banner(page).getByRole('button', { name: 'Show what changed' }).click();
	await expect(banner(page).getByRole('button', { name: 'Show what changed' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const listed = eventsList(page).locator('[data-event]');
	await expect(listed).toHaveCount(changedInV2.length);
	await expect(page.getByText(`Showing ${changedInV2.length} that changed`)).toBeVisible();
	expect(
		(await listed.evaluateAll((b) => b.map((e) => e.getAttribute('data-event')))).sort()
	).toEqual(changedInV2);
	// The slider's histogram is narrowed too: only the changed events known as ranges.
	const changedRanges = events.filter((e) => changedInV2.includes(e.id) && e.start !== e.end);
	await expect(ranges).toHaveCount(changedRanges.length);
	expect(changedRanges.length).toBeLessThan(allRanges);
	// An event's details tell its history.
	await eventsList(page)
		.getByRole('button', { name: /US and Russia swap Karelina for Petrov/ })
		.click();
	const story = details(page).getByRole('group', { name: 'History of this event' }).first();
	await expect(story).toContainText(
		'Corrected 12 April 2025: The exchange took place at Abu Dhabi airport'
	);
	await expect(story).toContainText('Revised 12 April 2025: Before, it was placed in Washington');
	// Seen once: the next visit has no marks.
	await page.reload();
	await mapReady(page);
	await historyRead(page);
	await expect(banner(page)).toHaveCount(0);
});

test('a reader who skipped versions is told their changes combined; a withdrawn event stays, struck through', async ({
	page
}) => {
	await page.route('**/generated/story/history.json', (route) =>
		route.fulfill({ contentType: 'application/json', body: JSON.stringify(withV3) })
	);
	await visitedAt(page, '1');
	await page.goto('./');
	await mapReady(page);
	await expect(banner(page)).toHaveText(
		/Since your last visit on 11 April 2025: 9 corrected, 2 revised, 1 withdrawn\./
	);
	await banner(page).getByRole('button', { name: 'Show what changed' }).click();
	await expect(eventsList(page).locator('[data-event]')).toHaveCount(changedInV2.length + 2);
	const withdrawn = eventsList(page).locator('[data-event="kellogg-denial"]');
	await expect(withdrawn.locator('.title')).toHaveCSS('text-decoration-line', 'line-through');
	await expect(withdrawn).toContainText('Withdrawn');
	await withdrawn.click();
	const note = details(page).getByRole('note', { name: 'Withdrawn' });
	await expect(note).toHaveText('Withdrawn 14 April 2025: The post could not be confirmed.');
	// The banner, the marks and the struck-through event keep WCAG 2.2 AA, on a phone too.
	expect(await axeViolations(page)).toEqual([]);
	// On a phone, loaded afresh there (as a reader would) with the same last visit.
	await page.setViewportSize({ width: 360, height: 740 });
	await page.evaluate(() => sessionStorage.removeItem('seeded'));
	await page.goto('./');
	await mapReady(page);
	await banner(page).getByRole('button', { name: 'Show what changed' }).click();
	await expect(eventsList(page).locator('[data-event]').first()).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('a link with ?since= shows the changes since that version', async ({ page }) => {
	await page.route('**/generated/story/history.json', (route) =>
		route.fulfill({ contentType: 'application/json', body: JSON.stringify(withV3) })
	);
	await page.goto('./?since=2');
	await mapReady(page);
	await expect(banner(page)).toHaveText(
		/Since version 2 of 12 April 2025: 1 revised, 1 withdrawn\./
	);
});

test('a first visit shows no banner, and remembers the version', async ({ page }) => {
	await page.goto('./');
	await mapReady(page);
	await historyRead(page);
	await expect(banner(page)).toHaveCount(0);
	await expect(page.getByText('Changes: 2 versions')).toBeVisible();
});

for (const [what, script] of [
	['garbage', `localStorage.setItem('${KEY}', '{"version": 1, "at": "x"')`],
	[
		'disabled',
		`Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } })`
	],
	[
		'full',
		`localStorage.setItem('${KEY}', JSON.stringify({ version: '1', at: 0 })); Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }`
	]
] as const) {
	test(`storage that is ${what}: the page works and shows no banner where it cannot tell`, async ({
		page
	}) => {
		await page.addInitScript(script);
		await page.goto('./');
		await mapReady(page);
		await expect(eventsList(page).locator('[data-event]').first()).toBeVisible();
		await page.waitForLoadState('networkidle');
		if (what === 'full') {
			// A visit that can be read is told of, even where this one cannot be stored.
			await expect(banner(page)).toHaveCount(1);
		} else await expect(banner(page)).toHaveCount(0);
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the document has a Changes section listing every version', async ({ page }) => {
		await page.goto('./');
		const section = page.getByRole('region', { name: 'Changes' });
		await expect(section).toBeVisible();
		await expect(section.getByRole('listitem')).toHaveCount(history.versions.length);
		await expect(section).toContainText('Version 2, 12 April 2025: 9 corrected, 1 revised');
	});
});
