import { expect, mapReady, shot, test } from './fixtures';

test('a lost GPU context is recovered: the places, their dots and the date are drawn again', async ({
	page
}, info) => {
	await page.goto('./?date=2025-04-10');
	await mapReady(page);
	await page.waitForTimeout(1500);
	const place = (await page.locator('.place-button[data-place="kryvyi-rih"]').boundingBox())!;
	const clip = { x: place.x - 30, y: place.y - 30, width: 88, height: 88 };
	const before = await page.screenshot({ clip });

	await page.evaluate(() => {
		const canvas = document.querySelector<HTMLCanvasElement>('.map canvas')!;
		const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
		const lose = gl!.getExtension('WEBGL_lose_context')!;
		(window as unknown as { lose: WEBGL_lose_context }).lose = lose;
		lose.loseContext();
	});
	await expect(page.locator('.map[data-status="lost"]')).toBeVisible();
	await expect(page.getByText('The map’s drawing was interrupted')).toBeVisible();
	const lost = await page.screenshot({ clip });
	expect(lost.equals(before), 'the lost canvas is blank').toBe(false);

	await page.evaluate(() =>
		(window as unknown as { lose: WEBGL_lose_context }).lose.restoreContext()
	);
	await mapReady(page);
	await expect
		.poll(async () => (await page.screenshot({ clip })).equals(before), { timeout: 10_000 })
		.toBe(true);
	await shot(page, info, 'context-restored');
});
