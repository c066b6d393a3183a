import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, scratchFolder } from '../../helpers/cli';

const seed = 'geodata/stories/witkoff-putin-st-petersburg';
const diff = (...args: string[]) => runScript('scripts/story-diff.ts', args);
const scratch = scratchFolder('story-diff-');

/** The seed story with a third version: one event withdrawn. */
const threeVersions = (() => {
	const dir = join(scratch, 'three');
	cpSync(seed, dir, { recursive: true });
	const history = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8'));
	history.versions.push({
		id: '3',
		time: '2025-04-14',
		note: 'Withdrawn.',
		changes: [{ event: 'kellogg-denial', kind: 'withdrawn', reason: 'Not confirmed.' }]
	});
	writeFileSync(join(dir, 'history.json'), JSON.stringify(history));
	return dir;
})();

describe('npm run story:diff', () => {
	it('prints the latest version against the one before, event by event', () => {
		const { code, out } = diff(seed);
		expect(code).toBe(0);
		expect(out).toContain(
			'from version 1 (12 April 2025) to version 2 (12 April 2025): 9 corrected, 1 revised.'
		);
		expect(out).toContain('  revised   air-defence-appeal');
		expect(out).toContain('corrected in version 2: Karelina’s donation was $51.80, not $51. (AP)');
	});

	it('gives one object with --json, and combines skipped versions with --from', () => {
		const { code, out } = diff(threeVersions, '--from', '1', '--json');
		expect(code).toBe(0);
		const result = JSON.parse(out);
		expect(result).toMatchObject({
			from: '1',
			to: '3',
			counts: { added: 0, corrected: 9, revised: 1, withdrawn: 1 }
		});
		expect(
			result.events.find((e: { event: string }) => e.event === 'kellogg-denial')
		).toMatchObject({
			status: 'withdrawn',
			changes: [{ version: '3', kind: 'withdrawn', reason: 'Not confirmed.' }]
		});
		const latest = JSON.parse(diff(threeVersions, '--json').out);
		expect(latest.counts).toEqual({ added: 0, corrected: 0, revised: 0, withdrawn: 1 });
	});

	it.each([
		[['--from', '7'], '✗ --from 7: no such version; the versions are 1, 2.'],
		[['--from', '2', '--to', '1'], '✗ --from 2 comes after --to 1; give the older version first.']
	])('refuses %j, saying why', (args, message) => {
		const { code, err } = diff(seed, ...args);
		expect(code).toBe(1);
		expect(err).toContain(message);
	});

	it('refuses a folder that keeps no history, and one that is no folder', () => {
		const bare = join(scratch, 'bare');
		cpSync(seed, bare, { recursive: true, filter: (src) => !src.endsWith('history.json') });
		expect(diff(bare).err).toContain('keeps no history.json');
		expect(diff(join(scratch, 'nothing')).err).toContain("is not a folder; give a story's folder.");
	});
});
