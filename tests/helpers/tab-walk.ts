import { expect, type Page } from '@playwright/test';

/** What the focused element is, as the walks below ask it. */
function focusIn(page: Page, selector: string): Promise<boolean> {
	return page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);
}

/**
 * Issue 25's keyboard walk, for every form of story: from the top of the page, Tab (and Enter on
 * the skip button) reaches the first place on the map within 10 presses; and a reader who Tabs into
 * the events list leaves it within 3 more. `open` loads the story page afresh, nothing focused;
 * `place` is the selector of a place (or count) on the map.
 */
export async function tabWalk(page: Page, open: () => Promise<void>, place: string): Promise<void> {
	await open();
	let presses = 0;
	while (presses < 10 && !(await focusIn(page, place))) {
		const skip = await page.evaluate(
			() => document.activeElement?.textContent === 'Skip to the map'
		);
		await page.keyboard.press(skip ? 'Enter' : 'Tab');
		presses++;
	}
	expect(await focusIn(page, place), `a place on the map after ${presses} presses`).toBe(true);

	// The same walk without the skip button, into the list and out of it.
	await open();
	const list = 'section.events ol';
	for (let i = 0; i < 40 && !(await focusIn(page, list)); i++) await page.keyboard.press('Tab');
	expect(await focusIn(page, list), 'Tab reaches the events list').toBe(true);
	let more = 0;
	while (more < 3 && (await focusIn(page, list))) {
		await page.keyboard.press('Tab');
		more++;
	}
	expect(await focusIn(page, list), `still in the list after ${more} more presses`).toBe(false);
}
