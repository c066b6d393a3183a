import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEFAULT_FILES } from '../../scripts/lib/story-files';
import { formatDay, parseIsoDate } from '../../src/lib/story/dates';
import { details, expect, hostPage, mapReady, shot, slider, test } from './fixtures';

interface Row {
	id: string;
	title: string;
	start: string;
	end: string;
}
/** The tour with no authored one: the story in time order, as the validator sorts it. */
const STEPS = (
	JSON.parse(readFileSync(DEFAULT_FILES.events, 'utf8')) as { features: Array<{ properties: Row }> }
).features
	.map((f) => f.properties)
	.sort((a, b) =>
		a.start !== b.start
			? a.start < b.start
				? -1
				: 1
			: a.end !== b.end
				? a.end < b.end
					? -1
					: 1
				: a.id < b.id
					? -1
					: 1
	);

const tour = (page: Page) => page.getByRole('region', { name: /^Tour: / });
const step = (page: Page) => new URL(page.url()).searchParams.get('step');

/** At step n (from 1), the slider, the details and the URL all say the same event. */
async function agrees(page: Page, n: number) {
	const event = STEPS[n - 1]!;
	await expect(tour(page)).toContainText(`Tour: ${n} of ${STEPS.length}`);
	await expect(tour(page).getByRole('heading', { level: 2 })).toHaveText(event.title);
	await expect(slider(page)).toHaveAttribute('aria-valuetext', formatDay(parseIsoDate(event.end)!));
	await expect(details(page).locator(`[data-event="${event.id}"]`)).toHaveClass(/chosen/);
	expect(step(page)).toBe(String(n));
	expect(new URL(page.url()).searchParams.get('event')).toBe(event.id);
}

test.describe('the guided tour', () => {
	test('by keyboard alone: every step, Escape mid-way, and resume', async ({ page }, info) => {
		test.setTimeout(120_000);
		// What is tested is the keys and what each step says; the camera's flights have a test below.
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('./');
		await mapReady(page);
		await page.getByRole('button', { name: 'Start the tour' }).focus();
		await page.keyboard.press('Enter');
		await expect(tour(page).getByRole('button', { name: 'Next →' })).toBeFocused();
		await agrees(page, 1);
		for (let n = 2; n <= 8; n++) {
			await page.keyboard.press('ArrowRight');
			await agrees(page, n);
			if (n === 3) await shot(page, info, 'tour-step-3');
		}
		await page.keyboard.press('Escape');
		await expect(tour(page)).toHaveCount(0);
		expect(step(page)).toBeNull();
		// Left exactly where it was: the eighth event is still open.
		await expect(details(page).locator(`[data-event="${STEPS[7]!.id}"]`)).toHaveClass(/chosen/);
		const resume = page.getByRole('button', { name: `Resume the tour (8 of ${STEPS.length})` });
		await resume.focus();
		await page.keyboard.press('Enter');
		await agrees(page, 8);
		for (let n = 9; n <= STEPS.length; n++) {
			await page.keyboard.press('ArrowRight');
			await agrees(page, n);
			if (n === 12) await shot(page, info, 'tour-step-12');
		}
		await expect(tour(page).getByRole('button', { name: 'Next →' })).toBeDisabled();
		await shot(page, info, `tour-step-${STEPS.length}`);
		await page.keyboard.press('ArrowLeft');
		await agrees(page, STEPS.length - 1);
	});

	test('?step=5 opens step 5; Back and Forward move between the steps seen', async ({ page }) => {
		await page.goto('./?step=5');
		await mapReady(page);
		await agrees(page, 5);
		await tour(page).getByRole('button', { name: '← Previous' }).click();
		await agrees(page, 4);
		await tour(page).getByRole('button', { name: 'Next →' }).click();
		await tour(page).getByRole('button', { name: 'Next →' }).click();
		await agrees(page, 6);
		await page.goBack();
		await agrees(page, 5);
		await page.goBack();
		await agrees(page, 4);
		await page.goForward();
		await agrees(page, 5);
	});

	test('each step is announced once, in the polite live region', async ({ page }) => {
		await page.goto('./?step=2');
		await mapReady(page);
		const live = page.locator('[role="status"][aria-live="polite"]').filter({ hasText: /^Step/ });
		await expect(live).toHaveText(
			`Step 2 of ${STEPS.length}: ${formatDay(parseIsoDate(STEPS[1]!.end)!)}, ${STEPS[1]!.title}`
		);
	});

	test('under reduced motion the camera jumps: the map is at the step at once', async ({
		page
	}) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('./?step=2');
		await mapReady(page);
		const at = async () => {
			const box = await page.locator('.place-button[data-place="cyprus"]').boundingBox();
			return box && { x: Math.round(box.x), y: Math.round(box.y) };
		};
		await tour(page).getByRole('button', { name: 'Next →' }).click();
		await page.waitForTimeout(120);
		const soon = await at();
		await page.waitForTimeout(1500);
		expect(await at()).toEqual(soon);
	});

	test('playing and the tour never fight', async ({ page }) => {
		await page.goto('./?step=3');
		await mapReady(page);
		await page.getByRole('button', { name: '▶ Play' }).click();
		await expect(tour(page)).toHaveCount(0);
		await page.getByRole('button', { name: /Resume the tour/ }).click();
		await expect(page.getByRole('button', { name: '▶ Play' })).toBeVisible();
		await agrees(page, 3);
	});

	test('is clean for axe during the tour', async ({ page }) => {
		await page.goto('./?step=4');
		await mapReady(page);
		await expect(tour(page)).toBeVisible();
		const result = await new AxeBuilder({ page }).analyze();
		expect(
			result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
		).toEqual([]);
	});
});

test.describe('the tour on a phone: scroll to tell', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	async function scrollToEnd(column: import('@playwright/test').Locator, page: Page) {
		for (let i = 0; i < 60; i++) {
			await column.evaluate((el) => el.scrollBy(0, 300));
			await page.waitForTimeout(60);
		}
	}

	test('scrolling the cards reaches the last step', async ({ page }, info) => {
		await page.goto('./');
		await mapReady(page);
		await page.getByRole('button', { name: 'Start the tour' }).click();
		const column = page.getByRole('region', { name: 'Tour of the story' });
		await expect(column).toBeVisible();
		await shot(page, info, 'tour-phone-step-1');
		await column.evaluate((el) => el.scrollBy(0, 1400));
		await expect.poll(() => Number(step(page))).toBeGreaterThan(1);
		await shot(page, info, 'tour-phone-step-n');
		await scrollToEnd(column, page);
		await expect.poll(() => step(page)).toBe(String(STEPS.length));
		await expect(page.locator(`[data-step="${STEPS.length - 1}"]`)).toHaveClass(/current/);
		await shot(page, info, 'tour-phone-last');
	});

	test('every card is opaque, and a card scrolled up passes under the bar of Leave the tour', async ({
		page
	}, info) => {
		await page.goto('./');
		await mapReady(page);
		await page.getByRole('button', { name: 'Start the tour' }).click();
		const column = page.getByRole('region', { name: 'Tour of the story' });
		await expect(column).toBeVisible();
		await column.evaluate((el) => el.scrollBy(0, 1100));
		await expect.poll(() => Number(step(page))).toBeGreaterThan(1);
		// Alpha of each card's background: text over the map's borders and labels is unreadable.
		const alphas = await page.locator('.card').evaluateAll((cards) =>
			cards.map((card) => {
				const parts = getComputedStyle(card)
					.backgroundColor.match(/[\d.]+/g)!
					.map(Number);
				return parts[3] ?? 1;
			})
		);
		expect(alphas.length).toBe(STEPS.length);
		expect(alphas.every((a) => a === 1)).toBe(true);
		// What sits at the top of the screen, above and beside the button, is the bar, never a card.
		const leave = (await page.getByRole('button', { name: 'Leave the tour' }).boundingBox())!;
		const onTop = await page.evaluate(
			({ x, y }) =>
				[x, 180, 340].map((px) => document.elementFromPoint(px, y)?.closest('.card') !== null),
			{ x: leave.x + leave.width / 2, y: leave.y + leave.height / 2 }
		);
		expect(onTop).toEqual([false, false, false]);
		await shot(page, info, 'tour-phone-cards');
	});

	test('inside an iframe too, and the embed hears of each step', async ({ page, baseURL }) => {
		// Scrolling past twenty steps starts twenty flights: what is tested is the steps it reaches.
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await hostPage(
			page,
			baseURL!,
			`<iframe src="${baseURL}?embed&step=1" style="width:360px;height:640px;border:0" title="Story Atlas"></iframe>`
		);
		await page.evaluate(() => {
			(window as unknown as { steps: number[] }).steps = [];
			window.addEventListener('message', (e) => {
				if (e.data?.source === 'story-atlas' && e.data.step)
					(window as unknown as { steps: number[] }).steps.push(e.data.step);
			});
		});
		const frame = page.frameLocator('iframe');
		await expect(frame.locator('.map[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
		const column = frame.getByRole('region', { name: 'Tour of the story' });
		for (let i = 0; i < 60; i++) {
			await column.evaluate((el) => el.scrollBy(0, 300));
			await page.waitForTimeout(60);
		}
		await expect(frame.locator(`[data-step="${STEPS.length - 1}"]`)).toHaveClass(/current/);
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { steps: number[] }).steps.at(-1)))
			.toBe(STEPS.length);
	});
});
