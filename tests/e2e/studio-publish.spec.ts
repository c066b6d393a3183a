import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_FILES } from '../../scripts/lib/story-files';
import { expect, shot, test } from './fixtures';

const FOLDER = dirname(DEFAULT_FILES.events);
const MOVED = 'Kellogg denies proposing to partition Ukraine';
const DELETED = 'Kremlin plays down hopes of a breakthrough';

async function axe(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** The seed story's folder, history and all, opened in the studio. */
async function openSeed(page: Page) {
	await page.goto('./studio/');
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Edit an existing story…' }).click();
	await (
		await chooser
	).setFiles(
		['events.geojson', 'places.geojson', 'article.txt', 'history.json'].map((f) => join(FOLDER, f))
	);
	await expect(page.getByRole('region', { name: 'Events' })).toBeVisible();
}

test.describe('publishing a new version from the studio', () => {
	test('a place changed and an event deleted: the dialog names both, asks for their notes, and exports version 3', async ({
		page
	}, info) => {
		test.setTimeout(90_000);
		await openSeed(page);
		const list = page.getByRole('region', { name: 'Events' });
		await list.getByRole('button', { name: new RegExp(`^${MOVED}`) }).click();
		await page.getByRole('combobox', { name: 'Place', exact: true }).selectOption('moscow');
		await list
			.getByRole('group', { name: `Review “${DELETED}”` })
			.getByRole('button', { name: 'Reject' })
			.click();

		await page.getByRole('button', { name: 'Publish a new version…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
		await expect(dialog).toContainText('What changed since version 2 of 12 April 2025');
		const changes = dialog.getByRole('listitem').filter({ has: page.locator('.what') });
		await expect(changes).toHaveCount(2);
		await expect(changes.filter({ hasText: DELETED })).toContainText('Withdrawn');
		await expect(dialog.getByRole('list', { name: `Fields changed in ${MOVED}` })).toContainText(
			'place: washington → moscow'
		);
		expect(await axe(page)).toEqual([]);

		// Nothing is published while a note is missing; each missing one names its event.
		await dialog.getByRole('button', { name: 'Publish and export the files' }).click();
		const alert = dialog.getByRole('alert');
		await expect(alert).toContainText('Give this version a note');
		await expect(alert).toContainText(`“${DELETED}” (peskov-expectations) is withdrawn`);
		await expect(alert).toContainText(`“${MOVED}” (kellogg-denial) is corrected`);
		await shot(page, info, 'studio-publish-missing');
		await page.setViewportSize({ width: 360, height: 740 });
		await alert.scrollIntoViewIfNeeded();
		expect(await axe(page)).toEqual([]);
		await shot(page, info, 'studio-publish-missing-phone');
		await page.setViewportSize({ width: 1280, height: 800 });

		// The keyboard alone fills the notes in: each control is reached by Tab and named.
		await dialog.getByLabel('What was wrong').focus();
		await page.keyboard.type('The denial was made in Moscow, not Washington.');
		await page.keyboard.press('Tab');
		await expect(dialog.getByLabel('Who reported it')).toBeFocused();
		await page.keyboard.type('Reuters');
		await dialog
			.getByLabel(`Why “${DELETED}” is withdrawn`)
			.fill('The quote came from another briefing.');
		await dialog
			.getByLabel('What this version changes, in a sentence')
			.fill('A place corrected, a quote withdrawn.');
		await dialog.getByLabel('Date of this version').fill('2025-04-14');

		const dir = mkdtempSync(join(tmpdir(), 'studio-publish-'));
		const files: string[] = [];
		page.on('download', (d) => {
			const path = join(dir, d.suggestedFilename());
			void d.saveAs(path).then(() => files.push(path));
		});
		await dialog.getByRole('button', { name: 'Publish and export the files' }).click();
		await expect(dialog).toBeHidden();
		await expect(page.getByRole('status').filter({ hasText: 'Version 3 published' })).toBeVisible();
		await expect.poll(() => files.length).toBe(4);

		const history = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8'));
		const version = history.versions.at(-1);
		expect([history.versions.length, version.id, version.time]).toEqual([3, '3', '2025-04-14']);
		expect(version.changes).toEqual([
			{
				event: 'peskov-expectations',
				kind: 'withdrawn',
				reason: 'The quote came from another briefing.'
			},
			expect.objectContaining({ event: 'kellogg-denial', kind: 'revised' }),
			{ event: 'kellogg-denial', kind: 'corrected', note: 0 }
		]);
		// check:data takes the export as the next version of the seed's folder.
		const check = spawnSync(
			'npx',
			[
				'vite-node',
				'--config',
				'scripts/vite.config.ts',
				'scripts/check-data.ts',
				'--',
				dir,
				'--previous',
				FOLDER
			],
			{ encoding: 'utf8' }
		);
		expect(check.stderr + check.stdout).toContain('history.json: 3 versions');
		expect(check.status).toBe(0);
	});

	test('a story with nothing changed says so', async ({ page }) => {
		await openSeed(page);
		await page.getByRole('button', { name: 'Publish a new version…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
		await expect(dialog).toContainText('Nothing has changed since then.');
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
	});
});
