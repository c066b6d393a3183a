import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBadFiles } from '../../helpers/bad-files';

const root = resolve(import.meta.dirname, '../../..');
/** The bad files on disk, named as the CLI prints them (relative to the project). */
const bad = relative(root, writeBadFiles(mkdtempSync(join(tmpdir(), 'bad-story-'))));

function checkData(...files: string[]) {
	const run = spawnSync(
		'npx',
		['vite-node', '--config', 'scripts/vite.config.ts', 'scripts/check-data.ts', '--', ...files],
		{
			cwd: root,
			encoding: 'utf8'
		}
	);
	return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run check:data', () => {
	it("passes on the project's data", () => {
		const { code, out } = checkData();
		expect(code).toBe(0);
		expect(out).toMatch(/✓ 20 events and 11 places check out/);
	});

	it('fails on bad files, listing each problem with file, feature and field, without a stack trace', () => {
		const { code, err } = checkData(
			`${bad}/bad-date.events.geojson`,
			`${bad}/swapped.places.geojson`
		);
		expect(code).toBe(1);
		expect(err).toContain(
			`${bad}/bad-date.events.geojson › kryvyi-rih-strike › start: "2025-02-30" is not a real date.`
		);
		expect(err).toContain(`${bad}/swapped.places.geojson › kryvyi-rih › geometry.coordinates:`);
		expect(err).not.toMatch(/\n\s+at /);
	});

	it('says so when a file does not exist', () => {
		const { code, err } = checkData('nowhere/events.geojson');
		expect(code).toBe(1);
		expect(err).toMatch(/nowhere\/events\.geojson: cannot be read \(no such file\)/);
	});
});
